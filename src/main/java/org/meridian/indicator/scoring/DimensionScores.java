package org.meridian.indicator.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scorecard's scores by dimension (维度得分), its performance (绩效) and its brand index (品牌指数), worked out from
 * its indicator lines (weight and score) and each indicator's {@link Dimension}:
 * <ul>
 * <li>score of a dimension = Σ(weight × score) / Σ(weight) over its indicators that have a score; null if none;</li>
 * <li>its coverage = the weight of those / the weight of all its indicators, in [0, 1];</li>
 * <li>performance = Σ(weight × score) / Σ(weight) over the scored indicators of every dimension except
 *     {@link Dimension#BRAND}; null if there is none;</li>
 * <li>brand = the {@code BRAND} dimension's score; null when the scheme has no brand indicator or none of them
 *     has a score.</li>
 * </ul>
 * The dimensions come in the order of their first indicator in the scheme. All values are unrounded (divisions at
 * {@link Formula#PRECISION}); like the total, they are shown and compared rounded half-up to 2 decimals
 * ({@link Scorecard#round}). With every indicator in one non-brand dimension, that dimension's score and the
 * performance both equal the total.
 */
public record DimensionScores(List<DimensionScore> dimensions, BigDecimal performance, BigDecimal brand) {

    public DimensionScores {
        dimensions = List.copyOf(dimensions);
    }

    /** One dimension's score (null when none of its indicators has a score) and coverage. */
    public record DimensionScore(Dimension dimension, BigDecimal score, BigDecimal coverage) {
    }

    /** An indicator line as the computation needs it; {@code score} null when the value had no data. */
    public record Line(Dimension dimension, BigDecimal weight, BigDecimal score) {

        public Line {
            Objects.requireNonNull(dimension, "dimension");
            Objects.requireNonNull(weight, "weight");
        }
    }

    public static DimensionScores of(List<Line> lines) {
        Map<Dimension, BigDecimal[]> sums = new LinkedHashMap<>(); // weighted, scored weight, whole weight
        BigDecimal performanceWeighted = BigDecimal.ZERO;
        BigDecimal performanceWeight = BigDecimal.ZERO;
        for (Line l : lines) {
            BigDecimal[] s = sums.computeIfAbsent(l.dimension(),
                    d -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            s[2] = s[2].add(l.weight());
            if (l.score() != null) {
                BigDecimal weighted = l.weight().multiply(l.score());
                s[0] = s[0].add(weighted);
                s[1] = s[1].add(l.weight());
                if (l.dimension() != Dimension.BRAND) {
                    performanceWeighted = performanceWeighted.add(weighted);
                    performanceWeight = performanceWeight.add(l.weight());
                }
            }
        }
        List<DimensionScore> dimensions = new ArrayList<>();
        BigDecimal brand = null;
        for (Map.Entry<Dimension, BigDecimal[]> e : sums.entrySet()) {
            BigDecimal[] s = e.getValue();
            BigDecimal score = s[1].signum() == 0 ? null : s[0].divide(s[1], Formula.PRECISION);
            dimensions.add(new DimensionScore(e.getKey(), score, s[1].divide(s[2], Formula.PRECISION)));
            if (e.getKey() == Dimension.BRAND) {
                brand = score;
            }
        }
        BigDecimal performance = performanceWeight.signum() == 0 ? null
                : performanceWeighted.divide(performanceWeight, Formula.PRECISION);
        return new DimensionScores(dimensions, performance, brand);
    }

    /** From an engine scorecard and the scheme it was scored with. */
    public static DimensionScores of(SchemeSnapshot scheme, List<Scorecard.IndicatorResult> results) {
        List<Line> lines = new ArrayList<>();
        for (Scorecard.IndicatorResult r : results) {
            Dimension d = scheme.item(r.code()).map(i -> i.indicator().dimension()).orElse(Dimension.DEFAULT);
            lines.add(new Line(d, r.weight(), r.score()));
        }
        return of(lines);
    }
}
