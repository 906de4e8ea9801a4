package org.meridian.allocation;

import java.math.BigDecimal;

/**
 * One unit's share in a plan, with what it was computed from, copied when the plan was drafted.
 *
 * @param performance    the unit's performance (绩效) in the evaluation, unrounded; null without a value
 * @param brand          its brand index (品牌指数), likewise
 * @param efficiency     its DEA score (θ or 1/φ, in (0, 1]) in the efficiency run; null when not used
 * @param demand         its forecast demand of the plan's demand measure for the next period; null when not weighted
 * @param driver         its part of the combined driver; the parts of a plan add up to 1
 * @param previousAmount what the last approved plan of the resource gave it; null without one
 * @param floor          the floor applied (with the pace of change)
 * @param cap            the cap applied; null when none
 * @param bound          the bound that held its amount, null when it got its proportional part
 * @param demandMonths   the months of history its demand was forecast from; null with no demand
 * @param population     its value of the plan's per-head measure in the evaluation; null when the plan has none
 */
public record PlanShare(int position, long unitId, String unitCode, String unitName, String unitType, String tier,
        BigDecimal performance, BigDecimal brand, Double efficiency, BigDecimal demand, BigDecimal driver,
        BigDecimal previousAmount, BigDecimal floor, BigDecimal cap, BigDecimal amount, ShareBound bound,
        Integer demandMonths, BigDecimal population) {
}
