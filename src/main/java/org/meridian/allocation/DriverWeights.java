package org.meridian.allocation;

import java.math.BigDecimal;

/**
 * The planner's weights of the driver's parts (分配依据权重), each ≥ 0, not all 0; only their ratios matter.
 * {@link #DEFAULT}: performance 0.5, brand 0.25, efficiency 0.25, demand 0 — performance leads because it is what the
 * unit achieved in the period; brand carries a quarter so that building a reputation is rewarded (激励与品牌建设挂钩);
 * efficiency a quarter so that resources go where they are turned into care; demand is 0 while Meridian keeps no
 * forecast of a unit's demand (a weight above 0 is refused until it does).
 */
public record DriverWeights(BigDecimal performance, BigDecimal brand, BigDecimal efficiency, BigDecimal demand) {

    public static final DriverWeights DEFAULT = new DriverWeights(new BigDecimal("0.5"), new BigDecimal("0.25"),
            new BigDecimal("0.25"), BigDecimal.ZERO);

    public BigDecimal total() {
        return performance.add(brand).add(efficiency).add(demand);
    }
}
