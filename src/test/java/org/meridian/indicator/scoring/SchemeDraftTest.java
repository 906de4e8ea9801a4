package org.meridian.indicator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.shared.problem.Problem;
import org.meridian.indicator.DefaultIndicators;
import org.meridian.shared.UnitType;

class SchemeDraftTest {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static SchemeDraft.Scoring linear(String zero, String full) {
        return new SchemeDraft.Scoring("LINEAR", d(zero), d(full), null);
    }

    static SchemeDraft.Scoring bands(String... pairs) {
        return new SchemeDraft.Scoring("BANDS", null, null, java.util.Arrays.stream(pairs)
                .map(p -> List.of(d(p.split(":")[0]), d(p.split(":")[1]))).toList());
    }

    static final SchemeDraft.Scoring PEER = new SchemeDraft.Scoring("PEER_RANK", null, null, null);

    static List<SchemeDraft.Tier> standardTiers() {
        return List.of(new SchemeDraft.Tier("A", d("85")), new SchemeDraft.Tier("B", d("70")),
                new SchemeDraft.Tier("C", d("55")));
    }

    @Test
    void apiExampleBecomesASchemeWithTheIndicatorsCopiedIn() {
        SchemeDraft draft = new SchemeDraft(List.of(
                new SchemeDraft.Item("REFERRAL_VOLUME", d("20"), linear("0", "200")),
                new SchemeDraft.Item("RESPONSE_TIME", d("15"), bands("4:100", "24:80", "48:60")),
                new SchemeDraft.Item("SATISFACTION", d("15"), PEER)), standardTiers());
        SchemeSnapshot s = draft.toSnapshot(DefaultIndicators::find, UnitType.EXAM_CENTER, 1,
                Instant.parse("2026-11-24T03:00:00Z"), "office");
        assertThat(s.items()).extracting(SchemeItem::code)
                .containsExactly("REFERRAL_VOLUME", "RESPONSE_TIME", "SATISFACTION");
        assertThat(s.item("RESPONSE_TIME").orElseThrow().indicator().formula().text())
                .isEqualTo("response_hours_sum / response_count");
        assertThat(s.item("RESPONSE_TIME").orElseThrow().rule()).isInstanceOf(ScoringRule.Bands.class);
        assertThat(s.totalWeight()).isEqualByComparingTo("50");
        assertThat(s.tiers()).isEqualTo(TierPolicy.standard());
        // and back into the API's shape unchanged
        assertThat(SchemeDraft.of(s)).isEqualTo(draft);
    }

    @Test
    void everyProblemIsListedWithItsField() {
        SchemeDraft draft = new SchemeDraft(List.of(
                new SchemeDraft.Item("NO_SUCH", d("10"), PEER),                                   // 0 unknown
                new SchemeDraft.Item("ARRIVAL_RATE", d("0"), linear("50", "50")),                 // 1 weight 0, zero = full
                new SchemeDraft.Item("ARRIVAL_RATE", d("5"), PEER),                               // 2 twice
                new SchemeDraft.Item("RESPONSE_TIME", d("-1"), bands("48:60", "24:80", "4:100")), // 3 weight < 0, bands wrong order, scores increasing
                new SchemeDraft.Item("SATISFACTION", null, new SchemeDraft.Scoring("MAGIC", null, null, null)),
                new SchemeDraft.Item("NPS", d("5"), new SchemeDraft.Scoring("BANDS", null, null,
                        List.of(List.of(d("50"))))),                                              // 5 not a pair
                new SchemeDraft.Item("REVENUE", d("5"), null)),
                List.of(new SchemeDraft.Tier("A", d("70")), new SchemeDraft.Tier("B", d("70")),
                        new SchemeDraft.Tier("D", d("50"))));
        List<Problem> problems = draft.problems(DefaultIndicators::find);
        assertThat(problems).extracting(Problem::path, SchemeDraftTest::code).containsExactly(
                tuple("indicators[0].code", "unknownIndicator"),
                tuple("indicators[1].weight", "weightNotPositive"),
                tuple("indicators[1].scoring.full", "zeroEqualsFull"),
                tuple("indicators[2].code", "indicatorTwice"),
                tuple("indicators[3].weight", "weightNotPositive"),
                tuple("indicators[3].scoring.bands[1]", "bandScoreIncreasing"),
                tuple("indicators[3].scoring.bands[2]", "bandScoreIncreasing"),
                tuple("indicators[3].scoring.bands[1]", "bandsNotAscending"),
                tuple("indicators[3].scoring.bands[2]", "bandsNotAscending"),
                tuple("indicators[4].weight", "required"),
                tuple("indicators[4].scoring.method", "unknownMethod"),
                tuple("indicators[5].scoring.bands[0]", "bandShape"),
                tuple("indicators[6].scoring", "required"),
                tuple("tiers[1].minTotal", "tiersNotDescending"),
                tuple("tiers[2].tier", "tierReserved"));
        assertThat(InvalidSchemeException.english(problems.get(0))).isEqualTo("Unknown indicator 'NO_SUCH'");
        assertThatThrownBy(() -> draft.toSnapshot(DefaultIndicators::find, UnitType.OTHER, 1, Instant.parse("2026-09-01T00:00:00Z"), "x"))
                .isInstanceOfSatisfying(InvalidSchemeException.class,
                        e -> assertThat(e.problems()).isEqualTo(problems));
    }

    @Test
    void noIndicatorsAndNoTiersAreBothReported() {
        assertThat(new SchemeDraft(List.of(), List.of()).problems(DefaultIndicators::find))
                .extracting(Problem::path, SchemeDraftTest::code)
                .containsExactly(tuple("indicators", "noIndicators"), tuple("tiers", "noTiers"));
        assertThat(new SchemeDraft(null, null).problems(DefaultIndicators::find)).hasSize(2);
    }

    @Test
    void methodIsReadRegardlessOfCaseAndPeerRankNeedsNoParameters() {
        SchemeDraft draft = new SchemeDraft(List.of(new SchemeDraft.Item("NPS", d("1"),
                new SchemeDraft.Scoring("linear", d("-100"), d("100"), null))), List.of(new SchemeDraft.Tier("A", d("0"))));
        assertThat(draft.problems(DefaultIndicators::find)).isEmpty();
    }

    /** The problem's kind as the scoring engine names it: its message key without {@code indicator.problem.}. */
    static String code(Problem problem) {
        return problem.messageKey().replace("indicator.problem.", "");
    }
}
