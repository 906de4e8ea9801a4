package org.meridian.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationStatus;
import org.meridian.evaluation.TrendPoint;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;

/** The rules of {@link ReportBuilder} on small hand-made scorecards. */
class ReportBuilderTest {

    private static final Evaluation SEPTEMBER = new Evaluation(7, Period.month(2026, 9), UnitType.EXAM_CENTER, 2,
            EvaluationStatus.PUBLISHED, 1, Instant.parse("2026-10-01T01:00:00Z"), "office",
            Instant.parse("2026-10-02T01:00:00Z"), "office", 3);

    private static UnitScorecard.Line line(String code, String score, String weight) {
        BigDecimal s = score == null ? null : new BigDecimal(score);
        return new UnitScorecard.Line(code, s, s, new BigDecimal(weight), null, null, null);
    }

    private static UnitScorecard card(long id, String total, UnitScorecard.Line... lines) {
        return new UnitScorecard(id, "C" + id, "渠道 " + id, null, new BigDecimal(total), BigDecimal.ONE, (int) id, "B",
                List.of(lines));
    }

    private static SuggestionRule rule(long id, String code, String below, boolean enabled) {
        return new SuggestionRule(id, code, new BigDecimal(below), "建议 " + id, "Advice " + id, enabled,
                Instant.EPOCH, "office");
    }

    /**
     * Issue 12 §5: the strengths and "to improve" lists and the suggestions agree with the report's own comparison
     * column. Three channels; this one's score, the two peers', the median of the three, and the gap as shown:
     * <pre>
     * A  62.4 | 60 50  | 60  | +2.4   above (a rule "A below 70" would call it low: no suggestion)
     * B  90   | 95 100 | 95  | −5     below, although the second-best score
     * C  30   | 90 100 | 90  | −60    below, furthest
     * D  70   | 70 10  | 70  |  0     level: in neither list
     * E  85   | 40 50  | 50  | +35    above, largest lead
     * F  50.04| 50 40  | 50  | +0.04 → shown 0.0: level
     * </pre>
     * By score alone (the rule before) the strengths were B and E and the weakest C and F.
     */
    @Test
    void theListsAndSuggestionsFollowTheComparisonWithThePeersMedian() {
        UnitScorecard me = card(1, "60", line("A", "62.4", "10"), line("B", "90", "10"), line("C", "30", "10"),
                line("D", "70", "10"), line("E", "85", "10"), line("F", "50.04", "10"));
        UnitScorecard p1 = card(2, "60", line("A", "60", "10"), line("B", "95", "10"), line("C", "90", "10"),
                line("D", "70", "10"), line("E", "40", "10"), line("F", "50", "10"));
        UnitScorecard p2 = card(3, "60", line("A", "50", "10"), line("B", "100", "10"), line("C", "100", "10"),
                line("D", "10", "10"), line("E", "50", "10"), line("F", "40", "10"));
        List<SuggestionRule> rules = List.of(rule(1, "A", "70", true), rule(2, "B", "95", true),
                rule(3, "D", "80", true), rule(4, "C", "60", true), rule(5, "E", "90", true));
        ReportContent r = ReportBuilder.build(SEPTEMBER, code -> Optional.empty(), me, List.of(me, p1, p2), List.of(),
                rules);
        assertThat(r.strongest()).containsExactly("E", "A");
        assertThat(r.weakest()).containsExactly("C", "B");
        // A and E stand above the median: their rules give nothing; D, level with it, still gets its rule's advice
        assertThat(r.suggestions()).extracting(ReportContent.Suggestion::ruleId).containsExactly(2L, 3L, 4L);

        ReportSheet sheet = ReportSheet.of(r, false, 30);
        assertThat(sheet.rows()).extracting(ReportSheet.Row::code, ReportSheet.Row::standing, ReportSheet.Row::gap)
                .contains(org.assertj.core.groups.Tuple.tuple("A", ReportSheet.Standing.ABOVE, "+2.4"),
                        org.assertj.core.groups.Tuple.tuple("B", ReportSheet.Standing.BELOW, "−5"),
                        org.assertj.core.groups.Tuple.tuple("D", ReportSheet.Standing.LEVEL, "0"),
                        org.assertj.core.groups.Tuple.tuple("F", ReportSheet.Standing.LEVEL, "0"));
        // every strength is shown above the median and everything to improve below it
        assertThat(sheet.strongest()).allMatch(row -> row.standing() == ReportSheet.Standing.ABOVE);
        assertThat(sheet.weakest()).allMatch(row -> row.standing() == ReportSheet.Standing.BELOW);
    }

    @Test
    void tiesGoToTheHeavierIndicatorAndAChannelAloneHasNeitherList() {
        UnitScorecard me = card(1, "50", line("A", "40", "10"), line("B", "40", "30"), line("C", "90", "10"),
                line("D", null, "10"));
        UnitScorecard peer = card(2, "50", line("A", "60", "10"), line("B", "60", "30"), line("C", "50", "10"),
                line("D", "50", "10"));
        // two scores each: the medians are the means, A and B (40 | 60 → 50) both −10, C (90 | 50 → 70) +20
        ReportContent r = ReportBuilder.build(SEPTEMBER, code -> Optional.empty(), me, List.of(me, peer), List.of(),
                List.of());
        assertThat(r.weakest()).containsExactly("B", "A");
        assertThat(r.strongest()).containsExactly("C");
        ReportContent alone = ReportBuilder.build(SEPTEMBER, code -> Optional.empty(), me, List.of(me), List.of(),
                List.of());
        assertThat(alone.strongest()).isEmpty();
        assertThat(alone.weakest()).isEmpty();
    }

    @Test
    void thePeerMedianScoreIsTheMedianOfTheScoresWithData() {
        UnitScorecard a = card(1, "90", line("A", "90", "10"));
        UnitScorecard b = card(2, "40", line("A", "40", "10"));
        UnitScorecard c = card(3, "20", line("A", "20", "10"));
        UnitScorecard d = card(4, "0", line("A", null, "10"));
        ReportContent r = ReportBuilder.build(SEPTEMBER, code -> Optional.empty(), c, List.of(a, b, c, d), List.of(),
                List.of());
        assertThat(r.line("A").orElseThrow().peerMedianScore()).isEqualByComparingTo("40");
        assertThat(r.line("A").orElseThrow().scoreGap()).isEqualByComparingTo("-20");
        assertThat(r.units()).isEqualTo(4);
        // an even number of scores: the mean of the middle two
        ReportContent two = ReportBuilder.build(SEPTEMBER, code -> Optional.empty(), c, List.of(b, c), List.of(),
                List.of());
        assertThat(two.line("A").orElseThrow().peerMedianScore()).isEqualByComparingTo("30");
    }

    @Test
    void suggestionsComeFromEnabledRulesStrictlyBelowTheirThresholdNeverWithoutData() {
        UnitScorecard me = card(1, "50", line("A", "59.99", "10"), line("B", "60", "10"), line("C", null, "10"));
        List<SuggestionRule> rules = List.of(rule(1, "A", "60", true), rule(2, "B", "60", true),
                rule(3, "C", "60", true), rule(4, "A", "70", false), rule(5, "A", "80", true),
                rule(6, "Z", "100", true));
        ReportContent r = ReportBuilder.build(SEPTEMBER, code -> Optional.empty(), me, List.of(me), List.of(), rules);
        assertThat(r.suggestions()).extracting(ReportContent.Suggestion::ruleId).containsExactly(1L, 5L);
        assertThat(r.suggestions().get(0).textZh()).isEqualTo("建议 1");
    }

    @Test
    void theTrendEndsAtThisPeriodAndHoldsTheLastSix() {
        List<TrendPoint> trend = new ArrayList<>();
        for (int m = 1; m <= 11; m++) {
            trend.add(new TrendPoint(Period.month(2026, m), 100 + m, 1, BigDecimal.valueOf(m), 1, "B"));
        }
        UnitScorecard me = card(1, "50", line("A", "50", "10"));
        ReportContent r = ReportBuilder.build(SEPTEMBER, code -> Optional.empty(), me, List.of(me), trend, List.of());
        assertThat(r.trend()).extracting(ReportContent.Point::period)
                .containsExactly("2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09");
        assertThat(r.period()).isEqualTo("2026-09");
        assertThat(r.version()).isEqualTo(2);
    }
}
