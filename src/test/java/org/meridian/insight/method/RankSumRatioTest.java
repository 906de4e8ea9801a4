package org.meridian.insight.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.insight.method.RankSumRatio.Ranking;
import org.meridian.insight.method.RankSumRatio.Regression;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

class RankSumRatioTest {

    /** Standard normal quantiles as tabulated: Φ⁻¹(0.75) = 0.6744898, Φ⁻¹(0.9375) = 1.5341205. */
    static final double Z75 = 0.6744898;
    static final double Z9375 = 1.5341205;

    @Test
    void handWorkedExample() {
        // ranks: column 1 (10, 20, 30, 40) → 1, 2, 3, 4; column 2 (3, 1, 2, 4) → 3, 1, 2, 4
        // RSR = ΣR / (2·4) = 4/8, 3/8, 5/8, 8/8
        // sorted: 0.375 (unit 1) p = 1/4; 0.5 p = 2/4; 0.625 p = 3/4; largest 1.0 p = 1 − 1/16
        // Probit = 5 + Φ⁻¹(p) = 4.3255102, 5, 5.6744898, 6.5341205
        // OLS: x̄ = 5.3835302, ȳ = 0.625, Sxy = 0.7439177, Sxx = 2.6750175 → b = 0.2780983, a = −0.8721504
        RankSumRatio.Result r = RankSumRatio.evaluate(new double[][] {{10, 3}, {20, 1}, {30, 2}, {40, 4}},
                List.of(Direction.BENEFIT, Direction.BENEFIT), null, null, null, null);
        assertThat(r.rsr()).containsExactly(new double[] {0.5, 0.375, 0.625, 1.0}, within(1e-15));
        assertThat(r.probit()).containsExactly(new double[] {5, 5 - Z75, 5 + Z75, 5 + Z9375}, within(1e-6));
        assertThat(r.slope()).isCloseTo(0.2780983, within(1e-6));
        assertThat(r.intercept()).isCloseTo(-0.8721504, within(1e-6));
        assertThat(r.fitted()[3]).isCloseTo(-0.8721504 + 0.2780983 * (5 + Z9375), within(1e-5));
        // 3 grades at Probit 4 and 6: 5 → 2, 4.33 → 2, 5.67 → 2, 6.53 → 3
        assertThat(r.grades()).containsExactly(2, 2, 2, 3);
    }

    @Test
    void costColumnsRankTheOtherWayAndTiesShareTheirAverage() {
        // one cost column (5, 5, 3, 1): best is 1 → rank 4; 3 → 3; the two 5s share (1 + 2)/2 = 1.5
        // RSR = R / 4 = 0.375, 0.375, 0.75, 1.0; the tied pair sits at positions 1 and 2 → p = 1.5/4
        RankSumRatio.Result r = RankSumRatio.evaluate(new double[][] {{5}, {5}, {3}, {1}}, List.of(Direction.COST),
                null, Ranking.INTEGER, Regression.DISTINCT_GROUPS, 4);
        assertThat(r.rsr()).containsExactly(new double[] {0.375, 0.375, 0.75, 1.0}, within(1e-15));
        assertThat(r.probit()[0]).isEqualTo(r.probit()[1]);
        // Φ⁻¹(0.375) = −0.3186394
        assertThat(r.probit()[0]).isCloseTo(5 - 0.3186394, within(1e-6));
        // four grades at 3.72, 5, 6.28: 4.68 → 2, 5.67 → 3, 6.53 → 4
        assertThat(r.grades()).containsExactly(2, 2, 3, 4);
    }

    @Test
    void nonIntegerRanksAndWeights() {
        // NON_INTEGER with n = 3: benefit (10, 20, 40) → R = 1 + 2(x − 10)/30 = 1, 1.6667, 3;
        //   cost (1, 2, 3) → R = 1 + 2(3 − x)/2 = 3, 2, 1; weights (3, 1) → (0.75, 0.25)
        // RSR = (0.75·R1 + 0.25·R2)/3: unit 0 = (0.75 + 0.75)/3 = 0.5; unit 1 = (1.25 + 0.5)/3 = 0.583333;
        //   unit 2 = (2.25 + 0.25)/3 = 0.833333
        RankSumRatio.Result r = RankSumRatio.evaluate(new double[][] {{10, 1}, {20, 2}, {40, 3}},
                List.of(Direction.BENEFIT, Direction.COST), new double[] {3, 1}, Ranking.NON_INTEGER, null, null);
        assertThat(r.rsr()).containsExactly(new double[] {0.5, 1.75 / 3, 2.5 / 3}, within(1e-12));
    }

    @Test
    void allEqualRsrHasNoRegression() {
        assertThatThrownBy(() -> RankSumRatio.evaluate(new double[][] {{1, 2}, {1, 2}, {1, 2}},
                List.of(Direction.BENEFIT, Direction.COST), null, null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::messageKey).containsExactly("insight.rsr.allEqual"));
    }

    @Test
    void badInputIsRejectedWithEveryProblem() {
        assertThatThrownBy(() -> RankSumRatio.evaluate(new double[][] {{1, 2}, {3, 4}}, List.of(Direction.BENEFIT),
                new double[] {1, 0}, null, null, 7))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path).containsExactly("directions", "weights[1]", "grades"));
    }
}
