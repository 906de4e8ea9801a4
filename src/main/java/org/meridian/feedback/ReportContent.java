package org.meridian.feedback;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a feedback report (反馈报告) says, frozen when it is generated so that it reads the same whenever the
 * channel opens it: later rule changes or scheme edits never alter a delivered report. Names and texts are kept
 * in both languages. Numbers are unrounded; pages and the PDF show totals with 2 decimals and the rest with at
 * most 4.
 *
 * @param units      how many channels the evaluation ranked and tiered (the "n" of "rank of n")
 * @param total      null when no indicator had data (then {@code rank} is null and {@code tier} is UNRATED)
 * @param trend      the channel's totals in the published evaluations of its unit type for periods of the same
 *                   kind up to this one, oldest first, at most {@link ReportBuilder#TREND_PERIODS}
 * @param strongest  codes of the (at most) two best-scored indicators, best first
 * @param weakest    codes of the (at most) two worst-scored indicators not among the strongest, worst first
 * @param dimensions the scorecard's score and coverage per dimension, in scheme order (empty in reports made
 *                   before dimensions existed)
 * @param performance the weighted score outside the brand dimension; null without any value
 * @param brand      the brand index (品牌指数); null when the scheme has no scored brand indicator
 * @param quadrant   the channel's quadrant in the evaluation's performance–brand matrix when generated
 *                   ({@code STAR}, {@code UNDER_RECOGNISED}, {@code BRAND_AT_RISK}, {@code WEAK}); null when it
 *                   was not placed
 */
public record ReportContent(String channelCode, String channelName, String region, String period,
                            String unitType, int version, Instant publishedAt, BigDecimal total, Integer rank,
                            int units, String tier, BigDecimal coverage, List<Line> lines, List<Point> trend,
                            List<String> strongest, List<String> weakest, List<Suggestion> suggestions,
                            List<DimensionLine> dimensions, BigDecimal performance, BigDecimal brand,
                            String quadrant) {

    public ReportContent {
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        lines = List.copyOf(lines);
        trend = List.copyOf(trend);
        strongest = List.copyOf(strongest);
        weakest = List.copyOf(weakest);
        suggestions = List.copyOf(suggestions);
    }

    /**
     * One indicator of the report: the channel's value and score beside the medians of its peers (the channels of
     * the same evaluation with data for it). Value and score are null when the formula had no data. {@code sample}
     * is the number of answers or cases behind a rate of counts (the n of the scorecard's interval: b of
     * {@code 100 * a / b}, all answers of a net promoter score), null for any other indicator, without data, and in
     * reports made before it was kept; the pages mark 样本量小 from it as the scorecard does.
     */
    public record Line(String code, String nameZh, String nameEn, String unitZh, String unitEn, BigDecimal value,
                       BigDecimal score, BigDecimal weight, BigDecimal peerMedianValue, BigDecimal peerMedianScore,
                       Long sample) {

        public String name(boolean english) {
            return english ? nameEn : nameZh;
        }

        public String unit(boolean english) {
            return english ? unitEn : unitZh;
        }

        /** The score minus the peers' median score, null when either is missing. */
        public BigDecimal scoreGap() {
            return score == null || peerMedianScore == null ? null : score.subtract(peerMedianScore);
        }
    }

    /** One dimension's score (null without a value) and coverage, unrounded. */
    public record DimensionLine(String dimension, BigDecimal score, BigDecimal coverage) {
    }

    /** The channel's result in one published period. */
    public record Point(String period, BigDecimal total, Integer rank, String tier) {
    }

    /**
     * An improvement suggestion (改进建议): of an indicator rule, because the indicator scored below its threshold
     * ({@code quadrant} null), or of the quadrant rule of the quadrant the unit was placed in ({@code ruleId} 0,
     * {@code indicatorCode} and {@code below} null). Reports made before quadrant rules have no {@code quadrant}.
     */
    public record Suggestion(long ruleId, String indicatorCode, BigDecimal below, String textZh, String textEn,
                             String quadrant) {

        public String text(boolean english) {
            return english ? textEn : textZh;
        }
    }

    public Optional<Line> line(String code) {
        return lines.stream().filter(l -> l.code().equals(code)).findFirst();
    }
}
