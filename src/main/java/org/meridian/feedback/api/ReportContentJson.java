package org.meridian.feedback.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.meridian.feedback.ReportContent;

/**
 * A report's content in JSON with the rounding of docs/evaluations.md: totals half-up to 2 decimals, values,
 * scores, medians and coverage half-up to 4 decimals with trailing zeros dropped; dimension scores, performance
 * and brand unrounded, as on the scorecards.
 */
record ReportContentJson(String channel, String channelName, String region, String period, String unitType,
                         int version, BigDecimal total, Integer rank, int units, String tier, BigDecimal coverage,
                         List<Line> indicators, List<Point> trend, List<String> strongest, List<String> weakest,
                         List<Suggestion> suggestions, List<Dimension> dimensions, BigDecimal performance,
                         BigDecimal brand, String quadrant) {

    /** A dimension's score and coverage, unrounded as on the evaluation's scorecards. */
    record Dimension(String dimension, BigDecimal score, BigDecimal coverage) {
    }

    /** {@code sample}: the n behind a rate of counts (answers, cases), null for other indicators and older reports. */
    record Line(String code, String nameZh, String nameEn, BigDecimal value, BigDecimal score, BigDecimal weight,
                BigDecimal peerMedianValue, BigDecimal peerMedianScore, Long sample) {
    }

    record Point(String period, BigDecimal total, Integer rank, String tier) {
    }

    record Suggestion(String indicatorCode, BigDecimal below, String quadrant, String textZh, String textEn) {
    }

    static ReportContentJson of(ReportContent c) {
        return new ReportContentJson(c.channelCode(), c.channelName(), c.region(), c.period(), c.unitType(),
                c.version(), total(c.total()), c.rank(), c.units(), c.tier(), four(c.coverage()),
                c.lines().stream().map(l -> new Line(l.code(), l.nameZh(), l.nameEn(), four(l.value()),
                        four(l.score()), l.weight(), four(l.peerMedianValue()), four(l.peerMedianScore()),
                        l.sample())).toList(),
                c.trend().stream().map(p -> new Point(p.period(), total(p.total()), p.rank(), p.tier())).toList(),
                c.strongest(), c.weakest(),
                c.suggestions().stream().map(s -> new Suggestion(s.indicatorCode(), s.below(), s.quadrant(),
                        s.textZh(), s.textEn())).toList(),
                c.dimensions().stream().map(d -> new Dimension(d.dimension(), d.score(), d.coverage())).toList(),
                c.performance(), c.brand(), c.quadrant());
    }

    static BigDecimal total(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal four(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal r = v.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
