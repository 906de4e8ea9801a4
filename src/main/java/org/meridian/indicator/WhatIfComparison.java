package org.meridian.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.meridian.indicator.scoring.Scorecard;
import org.meridian.indicator.scoring.TierPolicy;
import org.meridian.shared.Period;

/**
 * The answer of a what-if (方案试算): for one period, every channel's total, rank and tier under the scheme in
 * force (the "old" side, empty when the unit type has no scheme yet) and under the draft (the "new" side), both
 * computed now from the same measure totals, so every difference comes from the edit alone.
 *
 * @param currentVersion  the version of the scheme in force, null when there is none
 * @param publishedVersion the version of the period's published evaluation, if there is one (for reference)
 * @param rows            one per channel, in the draft's rank order (unranked last)
 */
public record WhatIfComparison(Period period, Integer currentVersion, Integer publishedVersion, List<Row> rows) {

    public WhatIfComparison {
        Objects.requireNonNull(period, "period");
        rows = List.copyOf(rows);
    }

    /** How a channel fares on each side; {@code old} is null when there is no scheme in force. */
    public record Row(String channel, String name, Side old, Side draft, Movement movement) {
    }

    /** Total (unrounded; shown rounded to 2 decimals), rank (null: unranked) and tier on one side. */
    public record Side(BigDecimal total, Integer rank, String tier) {

        public static Side of(Scorecard card) {
            return new Side(card.total(), card.rank(), card.tier());
        }

        public BigDecimal roundedTotal() {
            return Scorecard.round(total);
        }
    }

    /**
     * A channel's move from old to new: places gained in rank (positive: up, negative: down, null when either
     * side is unranked), and the tier direction.
     */
    public record Movement(Integer places, TierMove tier, BigDecimal totalChange) {
    }

    /** The direction of a tier change: better, worse, the same, or not comparable (no old side). */
    public enum TierMove { UP, DOWN, SAME, NONE }

    public long tierChanges() {
        return rows.stream().filter(r -> r.movement().tier() == TierMove.UP || r.movement().tier() == TierMove.DOWN)
                .count();
    }

    public long tierUps() {
        return rows.stream().filter(r -> r.movement().tier() == TierMove.UP).count();
    }

    public long tierDowns() {
        return rows.stream().filter(r -> r.movement().tier() == TierMove.DOWN).count();
    }

    public long rankChanges() {
        return rows.stream().filter(r -> r.movement().places() != null && r.movement().places() != 0).count();
    }

    /**
     * The movement from {@code old} to {@code draft}. Tiers are ordered best first: the draft's thresholds, then
     * those only the old scheme names, then D, then UNRATED.
     */
    public static Movement movement(Side old, Side draft, TierPolicy oldTiers, TierPolicy draftTiers) {
        if (old == null) {
            return new Movement(null, TierMove.NONE, null);
        }
        Integer places = old.rank() == null || draft.rank() == null ? null : old.rank() - draft.rank();
        List<String> order = new ArrayList<>();
        draftTiers.thresholds().forEach(t -> order.add(t.tier()));
        if (oldTiers != null) {
            oldTiers.thresholds().stream().map(TierPolicy.Threshold::tier).filter(t -> !order.contains(t))
                    .forEach(order::add);
        }
        order.add(TierPolicy.BELOW);
        order.add(TierPolicy.UNRATED);
        int from = order.indexOf(old.tier());
        int to = order.indexOf(draft.tier());
        TierMove move = from == to ? TierMove.SAME : to < from ? TierMove.UP : TierMove.DOWN;
        BigDecimal change = old.total() == null || draft.total() == null ? null
                : draft.roundedTotal().subtract(old.roundedTotal());
        return new Movement(places, move, change);
    }
}
