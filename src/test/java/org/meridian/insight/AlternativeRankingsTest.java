package org.meridian.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationStatus;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.indicator.DefaultIndicators;
import org.meridian.indicator.scoring.SchemeItem;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.indicator.scoring.ScoringRule;
import org.meridian.indicator.scoring.TierPolicy;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;

/**
 * The computation behind the alternative-rankings page, on scorecards built by hand.
 *
 * <p>Scheme: REFERRAL_VOLUME (higher is better) weight 10, RESPONSE_TIME (lower is better) weight 10, ARRIVAL_RATE
 * weight 30 (missing for C, so left out; the two used weigh 0.5 each). Values: A (3, 0 h), B (4, 8 h), C (0, 6 h);
 * weighted-sum ranks as stored: B 1 (70), A 2 (60), C 3 (40); D has no total.
 *
 * <p>TOPSIS by hand: volume norm √(9+16+0) = 5 → r (0.6, 0.8, 0), ×0.5 → (0.3, 0.4, 0); time norm √(0+64+36) = 10
 * → r (0, 0.8, 0.6), ×0.5 → (0, 0.4, 0.3). Ideal (0.4 max volume, 0 min time), anti-ideal (0, 0.4).
 * A: D⁺ = √(0.1²) = 0.1, D⁻ = √(0.3² + 0.4²) = 0.5, C = 0.5/0.6 = 0.833333; B: D⁺ = √(0.4²) = 0.4, D⁻ = √(0.4²) =
 * 0.4, C = 0.5; C: D⁺ = √(0.4² + 0.3²) = 0.5, D⁻ = √(0.1²) = 0.1, C = 0.1/0.6 = 0.166667. Ranks A 1, B 2, C 3.
 * (Ignoring the direction would rank B first: that is what the test guards.)
 *
 * <p>RSR by hand (ranks ascending so that larger is better): volume C 1, A 2, B 3; time (smaller better) B 1, C 2,
 * A 3; RSR = Σ 0.5·R / 3: A (1 + 1.5)/3 = 0.833333, B (1.5 + 0.5)/3 = 0.666667, C (0.5 + 1)/3 = 0.5. Ranks A 1, B 2,
 * C 3.
 *
 * <p>Spearman, weighted sum (A 2, B 1, C 3) against either (A 1, B 2, C 3): d = 1, −1, 0, Σd² = 2,
 * ρ = 1 − 6·2/(3·8) = 0.5.
 */
class AlternativeRankingsTest {

    private static final Evaluation EVALUATION = new Evaluation(42, Period.parse("2026-09").orElseThrow(),
            UnitType.COMMUNITY_HEALTH, 2, EvaluationStatus.PUBLISHED, 3, Instant.EPOCH, "office", Instant.EPOCH,
            "office", 4);

    private static SchemeSnapshot scheme() {
        List<SchemeItem> items = List.of(
                new SchemeItem(DefaultIndicators.find("REFERRAL_VOLUME").orElseThrow(), BigDecimal.TEN,
                        new ScoringRule.Linear(BigDecimal.ZERO, BigDecimal.TEN)),
                new SchemeItem(DefaultIndicators.find("RESPONSE_TIME").orElseThrow(), BigDecimal.TEN,
                        new ScoringRule.Linear(new BigDecimal("48"), new BigDecimal("4"))),
                new SchemeItem(DefaultIndicators.find("ARRIVAL_RATE").orElseThrow(), new BigDecimal("30"),
                        new ScoringRule.Linear(new BigDecimal("50"), new BigDecimal("100"))));
        return new SchemeSnapshot(UnitType.COMMUNITY_HEALTH, 3, Instant.EPOCH, "office", items, TierPolicy.standard());
    }

    private static UnitScorecard card(String code, String total, Integer rank, Double volume, Double time,
                                      Double arrival) {
        List<UnitScorecard.Line> lines = new ArrayList<>();
        lines.add(line("REFERRAL_VOLUME", volume));
        lines.add(line("RESPONSE_TIME", time));
        lines.add(line("ARRIVAL_RATE", arrival));
        return new UnitScorecard(code.hashCode(), code, "渠道 " + code, "杭州市", total == null ? null : new BigDecimal(total),
                BigDecimal.ONE, rank, total == null ? TierPolicy.UNRATED : "B", lines);
    }

    private static UnitScorecard.Line line(String code, Double value) {
        return new UnitScorecard.Line(code, value == null ? null : BigDecimal.valueOf(value), null, BigDecimal.TEN,
                null, null, null);
    }

    @Test
    void ranksByTopsisAndRsrDirectionAwareBesideTheWeightedSum() {
        RankingComparison.Comparison c = RankingComparison.compare(EVALUATION, scheme(), List.of(
                card("B", "70", 1, 4.0, 8.0, 100.0),
                card("A", "60", 2, 3.0, 0.0, 90.0),
                card("C", "40", 3, 0.0, 6.0, null),
                card("D", null, null, null, null, null)));

        assertThat(c.leftOut()).containsExactly("ARRIVAL_RATE");
        assertThat(c.unranked()).isEqualTo(1);
        assertThat(c.criteria()).extracting(RankingComparison.Criterion::code)
                .containsExactly("REFERRAL_VOLUME", "RESPONSE_TIME");
        assertThat(c.criteria()).allSatisfy(k -> assertThat(k.weight()).isCloseTo(0.5, within(1e-12)));

        assertThat(c.rows()).extracting(RankingComparison.Row::channel).containsExactly("B", "A", "C");
        RankingComparison.Row a = c.rows().get(1);
        RankingComparison.Row b = c.rows().get(0);
        RankingComparison.Row cc = c.rows().get(2);
        assertThat(a.topsisCloseness()).isCloseTo(5.0 / 6, within(1e-9));
        assertThat(b.topsisCloseness()).isCloseTo(0.5, within(1e-9));
        assertThat(cc.topsisCloseness()).isCloseTo(1.0 / 6, within(1e-9));
        assertThat(List.of(a.topsisRank(), b.topsisRank(), cc.topsisRank())).containsExactly(1, 2, 3);
        assertThat(a.rsr()).isCloseTo(2.5 / 3, within(1e-9));
        assertThat(b.rsr()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(cc.rsr()).isCloseTo(0.5, within(1e-9));
        assertThat(List.of(a.rsrRank(), b.rsrRank(), cc.rsrRank())).containsExactly(1, 2, 3);

        assertThat(c.topsisRho()).isCloseTo(0.5, within(1e-12));
        assertThat(c.rsrRho()).isCloseTo(0.5, within(1e-12));
        assertThat(c.differMost()).extracting(RankingComparison.Row::channel).containsExactly("B", "A");
        assertThat(c.differMost()).allSatisfy(r -> assertThat(r.largestShift()).isEqualTo(1));
    }

    /**
     * Every channel alike: TOPSIS gives all C = 0.5 and rank 1; every RSR is equal, so RSR ranks nothing; ρ is not
     * defined (a ranking with all channels tied has no variance), and no channel differs.
     */
    @Test
    void identicalChannelsTieEverywhereAndRhoIsNotDefined() {
        RankingComparison.Comparison c = RankingComparison.compare(EVALUATION, scheme(), List.of(
                card("A", "50", 1, 3.0, 6.0, 80.0),
                card("B", "50", 1, 3.0, 6.0, 80.0),
                card("C", "50", 1, 3.0, 6.0, 80.0)));
        assertThat(c.rows()).allSatisfy(r -> {
            assertThat(r.topsisCloseness()).isEqualTo(0.5);
            assertThat(r.topsisRank()).isEqualTo(1);
            assertThat(r.rsrRank()).isNull();
        });
        assertThat(c.rsrAvailable()).isFalse();
        assertThat(c.topsisRho()).isNull();
        assertThat(c.rsrRho()).isNull();
        assertThat(c.differMost()).isEmpty();
    }

    @Test
    void tooLittleToRankIsAClearBadInput() {
        assertThatThrownBy(() -> RankingComparison.compare(EVALUATION, scheme(), List.of(
                card("A", "50", 1, 3.0, 6.0, 80.0), card("D", null, null, null, null, null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.path()).isEqualTo("channels");
                            assertThat(p.messageKey()).isEqualTo("insight.rankings.tooFewChannels");
                        }));
        assertThatThrownBy(() -> RankingComparison.compare(EVALUATION, scheme(), List.of(
                card("A", "50", 1, null, 6.0, 80.0), card("B", "40", 2, 3.0, null, null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey()).containsExactly("insight.rankings.noCompleteIndicator"));
    }
}
