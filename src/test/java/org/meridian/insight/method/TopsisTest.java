package org.meridian.insight.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

class TopsisTest {

    @Test
    void handWorkedExampleWithVectorNormalisation() {
        // benefit column (3, 4, 0), ‖·‖ = 5 → (0.6, 0.8, 0); cost column (1, 2, 2), ‖·‖ = 3 → (1/3, 2/3, 2/3);
        // weights (1, 1) → 0.5 each: v = (0.3, 1/6), (0.4, 1/3), (0, 1/3); A⁺ = (0.4, 1/6), A⁻ = (0, 1/3)
        // unit 0: D⁺ = 0.1, D⁻ = √(0.09 + 1/36) = 0.3431877; C = 0.3431877 / 0.4431877 = 0.7743620
        // unit 1: D⁺ = 1/6, D⁻ = 0.4; C = 0.4 / (0.4 + 1/6) = 12/17 = 0.705882
        // unit 2: D⁺ = √(0.16 + 1/36) = 13/30, D⁻ = 0; C = 0
        Topsis.Result r = Topsis.rank(new double[][] {{3, 1}, {4, 2}, {0, 2}}, new double[] {1, 1},
                List.of(Direction.BENEFIT, Direction.COST), null);
        assertThat(r.positiveIdeal()).containsExactly(new double[] {0.4, 1.0 / 6}, within(1e-12));
        assertThat(r.negativeIdeal()).containsExactly(new double[] {0, 1.0 / 3}, within(1e-12));
        double d0 = Math.sqrt(0.09 + 1.0 / 36);
        assertThat(r.dPlus()).containsExactly(new double[] {0.1, 1.0 / 6, 13.0 / 30}, within(1e-12));
        assertThat(r.dMinus()).containsExactly(new double[] {d0, 0.4, 0}, within(1e-12));
        assertThat(r.scores()).containsExactly(new double[] {d0 / (0.1 + d0), 12.0 / 17, 0}, within(1e-12));
        assertThat(r.scores()[0]).isCloseTo(0.7743620, within(1e-6));
        assertThat(r.ranks()).containsExactly(1, 2, 3);
    }

    @Test
    void exactTiesShareTheBetterRank() {
        Topsis.Result r = Topsis.rank(new double[][] {{1, 5}, {3, 2}, {1, 5}, {2, 2}}, new double[] {2, 1},
                List.of(Direction.BENEFIT, Direction.BENEFIT), null);
        assertThat(r.scores()[0]).isEqualTo(r.scores()[2]);
        assertThat(r.ranks()[0]).isEqualTo(r.ranks()[2]);
        int[] sorted = r.ranks().clone();
        java.util.Arrays.sort(sorted);
        // competition ranking: two tied units share a number and the next one is skipped
        assertThat(sorted[0]).isEqualTo(1);
        assertThat(java.util.Arrays.stream(sorted).distinct().count()).isEqualTo(3);
    }

    @Test
    void constantColumnUnderMinMaxContributesNothing() {
        // column 2 constant: with MIN_MAX it is all 0 and the result equals the one-column problem
        Topsis.Result with = Topsis.rank(new double[][] {{1, 7}, {2, 7}, {4, 7}}, new double[] {1, 3},
                List.of(Direction.COST, Direction.BENEFIT), Normalization.MIN_MAX);
        // cost (1, 2, 4) → (1, 2/3, 0)·w(0.25): C = (1, 2/3, 0)
        assertThat(with.scores()).containsExactly(new double[] {1, 2.0 / 3, 0}, within(1e-12));
    }

    @Test
    void aSingleUnitOrAllEqualUnitsScoreOneHalf() {
        assertThat(Topsis.rank(new double[][] {{3, 4}}, new double[] {1, 1},
                List.of(Direction.BENEFIT, Direction.COST), null).scores()).containsExactly(0.5);
        Topsis.Result same = Topsis.rank(new double[][] {{3, 4}, {3, 4}}, new double[] {1, 1},
                List.of(Direction.BENEFIT, Direction.COST), null);
        assertThat(same.scores()).containsExactly(0.5, 0.5);
        assertThat(same.ranks()).containsExactly(1, 1);
    }

    @Test
    void weightsMustBePositiveAndDirectionsGiven() {
        assertThatThrownBy(() -> Topsis.rank(new double[][] {{1, 2}, {3, 4}}, new double[] {0, -1}, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path).containsExactly("weights[0]", "weights[1]", "directions"));
    }
}
