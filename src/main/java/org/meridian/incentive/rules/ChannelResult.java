package org.meridian.incentive.rules;

import java.math.BigDecimal;
import java.util.Map;

import org.meridian.evaluation.MeasureTotals;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.Problem;

/**
 * One channel's result for one period, as an evaluation publishes it (engine.md §4): its tier
 * ({@code A}, {@code B}, {@code C}, {@code D} or {@code UNRATED}), total score (null when unrated), rank
 * within its unit type (null when unranked) and the period's measure totals. Incentives are computed
 * from this alone, and it always comes from a published evaluation (or says there is none: {@link #UNRATED}).
 */
public record ChannelResult(String channelCode, UnitType unitType, String tier, BigDecimal total, Integer rank,
                            Map<String, BigDecimal> measureTotals) {

    /** The tier of a channel without a total: not rated (未评级), or no published evaluation. */
    public static final String UNRATED = "UNRATED";

    public ChannelResult {
        java.util.List<Problem> problems = new java.util.ArrayList<>();
        if (channelCode == null || channelCode.isBlank()) {
            problems.add(IncentiveProblem.of("channelCode", "incentive.v.channelRequired"));
        }
        if (unitType == null) {
            problems.add(IncentiveProblem.of("unitType", "incentive.v.unitTypeRequired"));
        }
        if (tier == null || tier.isBlank()) {
            problems.add(IncentiveProblem.of("tier", "incentive.v.tierRequired"));
        }
        measureTotals = measureTotals == null ? Map.of() : Map.copyOf(measureTotals);
        problems.addAll(figureProblems(total, rank, measureTotals));
        if (!problems.isEmpty()) {
            throw new InvalidIncentiveException(problems);
        }
    }

    /** The problems of a total (0 to 100), a rank (from 1) and measure totals (known measures only); none is required. */
    static java.util.List<Problem> figureProblems(BigDecimal total, Integer rank, Map<String, BigDecimal> measureTotals) {
        java.util.List<Problem> problems = new java.util.ArrayList<>();
        if (total != null && (total.signum() < 0 || total.compareTo(BigDecimal.valueOf(100)) > 0)) {
            problems.add(IncentiveProblem.of("total", "incentive.v.total"));
        }
        if (rank != null && rank < 1) {
            problems.add(IncentiveProblem.of("rank", "incentive.v.rank"));
        }
        for (String key : new java.util.TreeSet<>(measureTotals.keySet())) {
            if (!MeasureTotals.keys().contains(key)) {
                problems.add(IncentiveProblem.of("measureTotals." + key, "incentive.v.unknownMeasure", key, MeasureTotals.keys()));
            }
        }
        return problems;
    }

    /** The period's total of a measure; a measure without events is 0 (engine.md §4). */
    public BigDecimal measure(String key) {
        return measureTotals.getOrDefault(key, BigDecimal.ZERO);
    }

    /** The total rounded half-up to 2 decimals, as engine.md §4 compares it; null when unrated. */
    public BigDecimal roundedTotal() {
        return total == null ? null : total.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
