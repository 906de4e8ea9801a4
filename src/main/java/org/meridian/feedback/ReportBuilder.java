package org.meridian.feedback;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.TrendPoint;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.indicator.scoring.Dimension;
import org.meridian.indicator.scoring.DimensionScores;
import org.meridian.indicator.scoring.IndicatorDefinition;
import org.meridian.indicator.scoring.Quadrant;
import org.meridian.indicator.scoring.RateInterval;
import org.meridian.indicator.scoring.SchemeItem;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.indicator.scoring.ScorecardEngine;

/**
 * Puts one channel's feedback report together from its published scorecard, its peers' scorecards, the scheme the
 * evaluation used, the channel's trend and the hospital's suggestion rules. Plain Java, no Spring.
 * <ul>
 * <li>Peer median score: the median of the scores of every scorecard of the evaluation with a score for the
 *     indicator (the channel itself included, as the peer median value of engine.md is); null when none has.</li>
 * <li>Strengths and "to improve" agree with the report's comparison column (the score against the peers' median
 *     score, shown to one decimal): the strengths are the indicators shown above the median (高于中位数), the
 *     largest lead first; "to improve" those shown below it (低于中位数), the furthest below first; ties by the
 *     higher weight, then the code; at most two each. An indicator level with the median (持平) or without data is
 *     in neither, so either list may be short or empty.</li>
 * <li>Suggestions: first the enabled rule of the quadrant the unit was placed in (none when it was not placed),
 *     then every enabled rule whose indicator scored below its threshold and is not shown above the median, in
 *     rule order; an indicator without data triggers none.</li>
 * <li>Trend: the published totals of periods of the same kind up to this one, the last {@link #TREND_PERIODS}.</li>
 * <li>Sample: for a rate of counts with data, the n of its interval on the scorecard ({@link RateInterval}).</li>
 * </ul>
 */
final class ReportBuilder {

    static final int TREND_PERIODS = 6;
    private static final int STRONGEST = 2;
    private static final int WEAKEST = 2;

    private ReportBuilder() {
    }

    /**
     * The gap between the line's score and the peers' median score as the report shows it, rounded half-up to one
     * decimal (高于中位数 +2.4); null without a score or a median.
     */
    static BigDecimal shownGap(ReportContent.Line line) {
        BigDecimal gap = line.scoreGap();
        return gap == null ? null : gap.setScale(1, java.math.RoundingMode.HALF_UP);
    }

    /** 1 above the median as shown, −1 below it, 0 level with it or without data. */
    static int standing(ReportContent.Line line) {
        BigDecimal gap = shownGap(line);
        return gap == null ? 0 : gap.signum();
    }

    static ReportContent build(Evaluation evaluation, SchemeSnapshot scheme, UnitScorecard card,
                               List<UnitScorecard> all, List<TrendPoint> trend, List<SuggestionRule> rules,
                               List<QuadrantRule> quadrantRules, Quadrant quadrant) {
        return build(evaluation, code -> scheme.item(code).map(SchemeItem::indicator), card, all, trend, rules,
                quadrantRules, quadrant);
    }

    /** As above, with the indicator definitions (names and units) looked up by code, without a quadrant. */
    static ReportContent build(Evaluation evaluation, Function<String, Optional<IndicatorDefinition>> definitions,
                               UnitScorecard card, List<UnitScorecard> all, List<TrendPoint> trend,
                               List<SuggestionRule> rules) {
        return build(evaluation, definitions, card, all, trend, rules, List.of(), null);
    }

    /**
     * As above. Dimension scores, performance and brand come from the card's lines and the dimensions of the
     * definitions ({@link DimensionScores}); an indicator without a definition counts in the default dimension.
     */
    static ReportContent build(Evaluation evaluation, Function<String, Optional<IndicatorDefinition>> definitions,
                               UnitScorecard card, List<UnitScorecard> all, List<TrendPoint> trend,
                               List<SuggestionRule> rules, Quadrant quadrant) {
        return build(evaluation, definitions, card, all, trend, rules, List.of(), quadrant);
    }

    /**
     * As above, with the hospital's enabled quadrant rules: the rule of the card's quadrant, when there is one, is
     * the first suggestion.
     */
    static ReportContent build(Evaluation evaluation, Function<String, Optional<IndicatorDefinition>> definitions,
                               UnitScorecard card, List<UnitScorecard> all, List<TrendPoint> trend,
                               List<SuggestionRule> rules, List<QuadrantRule> quadrantRules, Quadrant quadrant) {
        List<ReportContent.Line> lines = new ArrayList<>();
        for (UnitScorecard.Line l : card.indicators()) {
            IndicatorDefinition d = definitions.apply(l.code()).orElse(null);
            List<BigDecimal> peerScores = all.stream()
                    .flatMap(c -> c.indicators().stream().filter(x -> x.code().equals(l.code())))
                    .map(UnitScorecard.Line::score).filter(Objects::nonNull).toList();
            lines.add(new ReportContent.Line(l.code(), d == null ? l.code() : d.nameZh(),
                    d == null ? l.code() : d.nameEn(), d == null ? "" : d.unitZh(), d == null ? "" : d.unitEn(),
                    l.value(), l.score(), l.weight(), l.peerMedian(), ScorecardEngine.median(peerScores),
                    l.value() == null ? null : RateInterval.of(l.why(), 0).map(RateInterval::trials).orElse(null)));
        }
        // the lists and the suggestions follow the report's own comparison column (score against the peers' median
        // score, as shown to one decimal), so that no strength stands below the median and nothing to improve above it
        Comparator<ReportContent.Line> heavierFirst = Comparator.comparing(ReportContent.Line::weight,
                Comparator.reverseOrder());
        List<String> strongest = lines.stream().filter(l -> standing(l) > 0)
                .sorted(Comparator.comparing(ReportBuilder::shownGap).reversed().thenComparing(heavierFirst)
                        .thenComparing(ReportContent.Line::code))
                .limit(STRONGEST).map(ReportContent.Line::code).toList();
        List<String> weakest = lines.stream().filter(l -> standing(l) < 0)
                .sorted(Comparator.comparing(ReportBuilder::shownGap).thenComparing(heavierFirst)
                        .thenComparing(ReportContent.Line::code))
                .limit(WEAKEST).map(ReportContent.Line::code).toList();
        List<ReportContent.Suggestion> suggestions = new ArrayList<>();
        quadrantRules.stream().filter(q -> q.enabled() && q.quadrant() == quadrant).findFirst()
                .ifPresent(q -> suggestions.add(new ReportContent.Suggestion(0, null, null, q.textZh(), q.textEn(),
                        q.quadrant().name())));
        for (SuggestionRule r : rules) {
            lines.stream().filter(l -> r.appliesTo(l.code(), l.score()) && standing(l) <= 0).findFirst()
                    .ifPresent(l -> suggestions.add(new ReportContent.Suggestion(r.id(), r.indicatorCode(), r.below(),
                            r.textZh(), r.textEn(), null)));
        }
        DimensionScores dims = DimensionScores.of(card.indicators().stream().map(l -> new DimensionScores.Line(
                definitions.apply(l.code()).map(IndicatorDefinition::dimension).orElse(Dimension.DEFAULT),
                l.weight(), l.score())).toList());
        List<TrendPoint> upTo = trend.stream().filter(p -> p.period().compareTo(evaluation.period()) <= 0).toList();
        List<ReportContent.Point> points = upTo.subList(Math.max(0, upTo.size() - TREND_PERIODS), upTo.size())
                .stream().map(p -> new ReportContent.Point(p.period().toString(), p.total(), p.rank(), p.tier()))
                .toList();
        return new ReportContent(card.channel(), card.channelName(), card.region(), evaluation.period().toString(),
                evaluation.unitType().name(), evaluation.version(), evaluation.publishedAt(), card.total(),
                card.rank(), all.size(), card.tier(), card.coverage(), lines, points, strongest, weakest,
                suggestions, dims.dimensions().stream().map(x -> new ReportContent.DimensionLine(x.dimension().name(),
                        x.score(), x.coverage())).toList(), dims.performance(), dims.brand(),
                quadrant == null ? null : quadrant.name());
    }
}
