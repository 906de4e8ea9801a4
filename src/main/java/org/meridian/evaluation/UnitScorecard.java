package org.meridian.evaluation;

import java.math.BigDecimal;
import java.util.List;

import org.meridian.indicator.scoring.Dimension;
import org.meridian.indicator.scoring.DimensionScores;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.indicator.scoring.Scorecard;

/**
 * One channel's scorecard (记分卡) as stored in an evaluation: its total, coverage, rank and evaluated tier, and
 * for every indicator of the scheme its value, score, weight, contribution, peer median and the "why".
 * Numbers are kept unrounded; {@link #roundedTotal()} is what is shown, ranked and tiered.
 *
 * @param channel     the channel's code; {@code channelName} and {@code region} as they were at the run
 * @param total       null when no indicator had data (then {@code rank} is null and {@code tier} is UNRATED)
 */
public record UnitScorecard(long channelId, String channel, String channelName, String region, BigDecimal total,
                            BigDecimal coverage, Integer rank, String tier, List<Line> indicators) {

    public UnitScorecard {
        indicators = List.copyOf(indicators);
    }

    public BigDecimal roundedTotal() {
        return Scorecard.round(total);
    }

    /** One indicator of the scorecard; value and score are null when the formula had no data. */
    public record Line(String code, BigDecimal value, BigDecimal score, BigDecimal weight, BigDecimal contribution,
                       BigDecimal peerMedian, Scorecard.Explanation why) {
    }

    /**
     * Its dimension scores, performance and brand index, computed from the stored lines (weights and unrounded
     * scores) and the dimensions in the evaluation's scheme copy (docs/evaluations.md: why they are not stored).
     */
    public DimensionScores dimensionScores(SchemeSnapshot scheme) {
        return DimensionScores.of(indicators.stream().map(l -> new DimensionScores.Line(scheme.item(l.code())
                .map(i -> i.indicator().dimension()).orElse(Dimension.DEFAULT), l.weight(), l.score())).toList());
    }

    public Line line(String code) {
        return indicators.stream().filter(l -> l.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no indicator " + code));
    }
}
