package org.meridian.indicator.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * One unit's result (记分卡) in one scheme and period.
 *
 * @param unit     the unit's key as given to the engine (a channel code for channels)
 * @param total    Σ(weight × score) / Σ(weight) over the indicators with a value, unrounded; null if none has one
 * @param coverage that weight sum / the scheme's whole weight sum, in [0, 1]
 * @param rank     competition rank (1, 2, 2, 4) by {@link #roundedTotal()} descending; null when the total is null
 * @param tier     the tier of the rounded total; {@code D} below the lowest threshold; {@code UNRATED} for no total
 */
public record Scorecard(String unit, BigDecimal total, BigDecimal coverage, Integer rank, String tier,
                        List<IndicatorResult> indicators) {

    public Scorecard {
        indicators = List.copyOf(indicators);
    }

    /** The total rounded half-up to 2 decimals: what is shown, ranked and tiered. */
    public BigDecimal roundedTotal() {
        return round(total);
    }

    public static BigDecimal round(BigDecimal total) {
        return total == null ? null : total.setScale(2, RoundingMode.HALF_UP);
    }

    public IndicatorResult indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no indicator " + code + " in this scorecard"));
    }

    /**
     * One indicator of a scorecard.
     *
     * @param value        the formula's value on the period's measure totals; null when a division by zero made it "no data"
     * @param score        the rule's score in [0, 100], unrounded; null when the value is null
     * @param contribution weight × score / Σ weight of the indicators with a value (the contributions add up to
     *                     the total); null when the score is null
     * @param peerMedian   the median of the non-null values of all units in the scheme and period; null if none
     */
    public record IndicatorResult(String code, BigDecimal value, BigDecimal score, BigDecimal weight,
                                  BigDecimal contribution, BigDecimal peerMedian, Explanation why) {
    }

    /**
     * Why an indicator has its value and score, as data the UI renders.
     *
     * @param formula     the formula as written, e.g. {@code 100 * arrivals / referrals}
     * @param inputs      the period's measure totals the formula reads, by measure key
     * @param substituted the formula with the totals filled in, e.g. {@code 100 × 52 / 64}
     * @param rule        the scoring rule applied; null when the value is null
     */
    public record Explanation(String formula, Map<String, BigDecimal> inputs, String substituted, BigDecimal value,
                              ScoringRule.Applied rule) {

        public Explanation {
            inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
        }

        /** {@code 100 × 52 / 64 = 81.25}; {@code … = —} when there is no data. */
        public String calculation() {
            return substituted + " = " + Formula.show(value);
        }
    }
}
