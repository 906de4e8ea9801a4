package org.meridian.indicator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meridian.indicator.scoring.Direction.HIGHER_IS_BETTER;
import static org.meridian.indicator.scoring.Direction.LOWER_IS_BETTER;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.shared.problem.Problem;

class ScoringRuleTest {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static List<BigDecimal> ds(String... v) {
        return java.util.Arrays.stream(v).map(BigDecimal::new).toList();
    }

    static ScoringRule.Bands bands(String... pairs) {
        List<ScoringRule.Band> b = new java.util.ArrayList<>();
        for (String p : pairs) {
            String[] tv = p.split(":");
            b.add(new ScoringRule.Band(d(tv[0]), d(tv[1])));
        }
        return new ScoringRule.Bands(b);
    }

    @Test
    void linearScalesBetweenZeroAndFullAndClamps() {
        ScoringRule.Linear rule = new ScoringRule.Linear(d("60"), d("90"));
        // 100 × (81.25 − 60) / (90 − 60) = 100 × 21.25 / 30 = 70.8333…
        ScoringRule.Applied a = rule.apply(d("81.25"), HIGHER_IS_BETTER, List.of());
        assertThat(a.score()).isEqualByComparingTo("70.83333333333333");
        assertThat(a.calculation()).isEqualTo("100 × (81.25 − 60) / (90 − 60) = 70.8333");
        // at the ends exactly 0 and 100; beyond them clamped
        assertThat(rule.apply(d("60"), HIGHER_IS_BETTER, List.of()).score()).isEqualByComparingTo("0");
        assertThat(rule.apply(d("90"), HIGHER_IS_BETTER, List.of()).score()).isEqualByComparingTo("100");
        assertThat(rule.apply(d("95"), HIGHER_IS_BETTER, List.of()).score()).isEqualByComparingTo("100");
        assertThat(rule.apply(d("95"), HIGHER_IS_BETTER, List.of()).calculation()).endsWith("= 116.6667 → 100");
        assertThat(rule.apply(d("-5"), HIGHER_IS_BETTER, List.of()).score()).isEqualByComparingTo("0");
    }

    @Test
    void linearForLowerIsBetterHasZeroAboveFull() {
        // response time: 48 hours scores 0, 4 hours scores 100; 26 h: 100 × (26 − 48) / (4 − 48) = 100 × −22 / −44 = 50
        ScoringRule.Linear rule = new ScoringRule.Linear(d("48"), d("4"));
        assertThat(rule.apply(d("26"), LOWER_IS_BETTER, List.of()).score()).isEqualByComparingTo("50");
        assertThat(rule.apply(d("2"), LOWER_IS_BETTER, List.of()).score()).isEqualByComparingTo("100");
        assertThat(rule.apply(d("72"), LOWER_IS_BETTER, List.of()).score()).isEqualByComparingTo("0");
    }

    @Test
    void linearWithZeroEqualToFullIsRejected() {
        assertThatThrownBy(() -> new ScoringRule.Linear(d("50"), d("50.0")))
                .isInstanceOfSatisfying(InvalidSchemeException.class, e -> assertThat(e.problems())
                        .extracting(ScoringRuleTest::code).containsExactly("zeroEqualsFull"));
    }

    @Test
    void bandsForHigherIsBetterTakeTheFirstBandReached() {
        ScoringRule.Bands rule = bands("90:100", "80:80", "60:50");
        assertThat(rule.problems(HIGHER_IS_BETTER)).isEmpty();
        assertThat(rule.apply(d("90"), HIGHER_IS_BETTER, List.of()).score()).isEqualByComparingTo("100"); // reaches at equality
        assertThat(rule.apply(d("85"), HIGHER_IS_BETTER, List.of()).score()).isEqualByComparingTo("80");
        assertThat(rule.apply(d("85"), HIGHER_IS_BETTER, List.of()).calculation()).isEqualTo("85 ≥ 80 (2) → 80");
        assertThat(rule.apply(d("60"), HIGHER_IS_BETTER, List.of()).score()).isEqualByComparingTo("50");
        assertThat(rule.apply(d("59.99"), HIGHER_IS_BETTER, List.of()).score()).isEqualByComparingTo("0"); // none reached
    }

    @Test
    void bandsForLowerIsBetterReachWhenAtOrBelowTheThreshold() {
        // api.md's response-time example: ≤ 4 h → 100, ≤ 24 h → 80, ≤ 48 h → 60, slower → 0
        ScoringRule.Bands rule = bands("4:100", "24:80", "48:60");
        assertThat(rule.problems(LOWER_IS_BETTER)).isEmpty();
        assertThat(rule.apply(d("4"), LOWER_IS_BETTER, List.of()).score()).isEqualByComparingTo("100");
        assertThat(rule.apply(d("4.01"), LOWER_IS_BETTER, List.of()).score()).isEqualByComparingTo("80");
        assertThat(rule.apply(d("48"), LOWER_IS_BETTER, List.of()).score()).isEqualByComparingTo("60");
        assertThat(rule.apply(d("49"), LOWER_IS_BETTER, List.of()).score()).isEqualByComparingTo("0");
        assertThat(rule.apply(d("49"), LOWER_IS_BETTER, List.of()).calculation()).isEqualTo("49 > 48 (3) → 0");
    }

    @Test
    void bandsMustRunFromBestToWorstForTheIndicatorsDirection() {
        // ascending thresholds are wrong for higher-is-better, right for lower-is-better, and vice versa
        assertThat(bands("4:100", "24:80").problems(HIGHER_IS_BETTER)).extracting(ScoringRuleTest::code)
                .containsExactly("bandsNotDescending");
        assertThat(bands("90:100", "80:80").problems(LOWER_IS_BETTER)).extracting(ScoringRuleTest::code)
                .containsExactly("bandsNotAscending");
        // strictly: an equal threshold is rejected in both directions
        assertThat(bands("80:100", "80:80").problems(HIGHER_IS_BETTER)).hasSize(1);
        assertThat(bands("80:100", "80:80").problems(LOWER_IS_BETTER)).hasSize(1);
    }

    @Test
    void bandScoresMustLieIn0To100AndNotIncrease() {
        assertThatThrownBy(() -> bands("90:120", "80:-1")).isInstanceOfSatisfying(InvalidSchemeException.class,
                e -> assertThat(e.problems()).extracting(Problem::path, ScoringRuleTest::code).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bands[0]", "bandScoreRange"),
                        org.assertj.core.groups.Tuple.tuple("bands[1]", "bandScoreRange")));
        assertThatThrownBy(() -> bands("90:60", "80:80")).isInstanceOfSatisfying(InvalidSchemeException.class,
                e -> assertThat(e.problems()).extracting(ScoringRuleTest::code).containsExactly("bandScoreIncreasing"));
        assertThatThrownBy(() -> new ScoringRule.Bands(List.of())).isInstanceOf(InvalidSchemeException.class);
        // equal scores are "not increasing": allowed
        assertThat(bands("90:80", "80:80").problems(HIGHER_IS_BETTER)).isEmpty();
    }

    @Test
    void peerRankCountsWorseUnitsAndHalfOfTheTies() {
        List<BigDecimal> peers = ds("10", "20", "20", "40"); // n = 4, n − 1 = 3
        ScoringRule.PeerRank rule = new ScoringRule.PeerRank();
        // 40: three others worse → 100 × 3 / 3 = 100
        assertThat(rule.apply(d("40"), HIGHER_IS_BETTER, peers).score()).isEqualByComparingTo("100");
        // 20: one worse (10), one tie (the other 20) → 100 × (1 + 0.5) / 3 = 50
        ScoringRule.Applied twenty = rule.apply(d("20"), HIGHER_IS_BETTER, peers);
        assertThat(twenty.score()).isEqualByComparingTo("50");
        assertThat(twenty.calculation()).isEqualTo("100 × (1 + 0.5 × 1) / (4 − 1) = 50");
        // 10: nobody worse → 0
        assertThat(rule.apply(d("10"), HIGHER_IS_BETTER, peers).score()).isEqualByComparingTo("0");
        // lower is better turns it around: 10 beats three → 100; 40 beats none → 0
        assertThat(rule.apply(d("10"), LOWER_IS_BETTER, peers).score()).isEqualByComparingTo("100");
        assertThat(rule.apply(d("40"), LOWER_IS_BETTER, peers).score()).isEqualByComparingTo("0");
        // 20.0 equals 20 (by value, not by scale)
        assertThat(rule.apply(d("20.0"), HIGHER_IS_BETTER, peers).score()).isEqualByComparingTo("50");
    }

    @Test
    void peerRankOfAllTiedIsFiftyAndOfASingleUnitIsHundred() {
        ScoringRule.PeerRank rule = new ScoringRule.PeerRank();
        // three equal values: w = 0, t = 2 → 100 × (0 + 1) / 2 = 50
        assertThat(rule.apply(d("7"), HIGHER_IS_BETTER, ds("7", "7", "7")).score()).isEqualByComparingTo("50");
        // n = 1 → 100 (the formula would divide by zero)
        ScoringRule.Applied alone = rule.apply(d("7"), HIGHER_IS_BETTER, ds("7"));
        assertThat(alone.score()).isEqualByComparingTo("100");
        assertThat(alone.calculation()).isEqualTo("n = 1 → 100");
    }

    @Test
    void peerRankFromSortedPeersAgreesWithCountingEveryPeerByHand() {
        java.util.Random random = new java.util.Random(20261124);
        ScoringRule.PeerRank rule = new ScoringRule.PeerRank();
        for (int round = 0; round < 50; round++) {
            int n = 2 + random.nextInt(60);
            List<BigDecimal> peers = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                // few distinct values, some equal by value but not by scale (3 and 3.0), so ties are common
                BigDecimal v = BigDecimal.valueOf(random.nextInt(8));
                peers.add(random.nextBoolean() ? v : v.setScale(1));
            }
            SortedPeers sorted = new SortedPeers(peers);
            for (BigDecimal value : peers) {
                for (Direction direction : Direction.values()) {
                    int worse = 0;
                    int equal = 0;
                    for (BigDecimal other : peers) {
                        int c = value.compareTo(other);
                        if (c == 0) {
                            equal++;
                        } else if (direction == HIGHER_IS_BETTER ? c > 0 : c < 0) {
                            worse++;
                        }
                    }
                    BigDecimal expected = BigDecimal.valueOf(100L * (2L * worse + equal - 1))
                            .divide(BigDecimal.valueOf(2L * (n - 1)), Formula.PRECISION);
                    assertThat(rule.apply(value, direction, sorted).score()).isEqualByComparingTo(expected);
                    assertThat(rule.apply(value, direction, peers).score()).isEqualByComparingTo(expected);
                }
            }
            List<BigDecimal> ascending = peers.stream().sorted().toList();
            BigDecimal median = n % 2 == 1 ? ascending.get(n / 2)
                    : ascending.get(n / 2 - 1).add(ascending.get(n / 2)).divide(BigDecimal.valueOf(2), Formula.PRECISION);
            assertThat(ScorecardEngine.median(peers)).isEqualByComparingTo(median);
        }
    }

    /** The problem's kind as the scoring engine names it: its message key without {@code indicator.problem.}. */
    static String code(Problem problem) {
        return problem.messageKey().replace("indicator.problem.", "");
    }
}
