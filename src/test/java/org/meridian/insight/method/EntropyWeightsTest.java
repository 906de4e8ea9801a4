package org.meridian.insight.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

class EntropyWeightsTest {

    @Test
    void handWorkedExample() {
        // column 1 = (1, 2, 3): p = 1/6, 1/3, 1/2; Σ p ln p = −0.298627 − 0.366204 − 0.346574 = −1.011404;
        //   e1 = 1.011404 / ln 3 (1.098612) = 0.920620, d1 = 0.079380
        // column 2 = (1, 1, 4): p = 1/6, 1/6, 2/3; Σ p ln p = −0.597253 − 0.270310 = −0.867563;
        //   e2 = 0.789690, d2 = 0.210310
        // w = d / (d1 + d2) = (0.274018, 0.725982)
        EntropyWeights.Result r = EntropyWeights.weigh(new double[][] {{1, 1}, {2, 1}, {3, 4}}, null, null);
        assertThat(r.entropy()).containsExactly(new double[] {0.920620, 0.789690}, within(1e-6));
        assertThat(r.divergence()).containsExactly(new double[] {0.079380, 0.210310}, within(1e-6));
        assertThat(r.weights()).containsExactly(new double[] {0.274018, 0.725982}, within(1e-6));
    }

    @Test
    void constantAndZeroColumnsWeighNothingAndAllConstantMeansEqual() {
        EntropyWeights.Result r = EntropyWeights.weigh(new double[][] {{5, 0, 1}, {5, 0, 3}}, null, null);
        assertThat(r.weights()[0]).isZero();
        assertThat(r.weights()[1]).isZero();
        assertThat(r.weights()[2]).isEqualTo(1.0);
        EntropyWeights.Result flat = EntropyWeights.weigh(new double[][] {{5, 2}, {5, 2}}, null, null);
        assertThat(flat.weights()).containsExactly(0.5, 0.5);
    }

    @Test
    void zeroEntriesCountAsZeroTimesLogZero() {
        // (0, 1): p = 0, 1 → Σ p ln p = 0 → e = 0, d = 1; (1, 1) constant → d = 0
        EntropyWeights.Result r = EntropyWeights.weigh(new double[][] {{0, 1}, {1, 1}}, null, null);
        assertThat(r.entropy()[0]).isZero();
        assertThat(r.weights()).containsExactly(1.0, 0.0);
    }

    @Test
    void minMaxTurnsCostColumnsAround() {
        // cost column (10, 20, 30) → (1, 0.5, 0), a benefit column (0, 0.5, 1) mirrored: same entropy
        EntropyWeights.Result r = EntropyWeights.weigh(new double[][] {{10, 0}, {20, 5}, {30, 10}},
                Normalization.MIN_MAX, List.of(Direction.COST, Direction.BENEFIT));
        assertThat(r.entropy()[0]).isCloseTo(r.entropy()[1], within(1e-15));
        // p = (2/3, 1/3, 0): e = −(2/3 ln 2/3 + 1/3 ln 1/3)/ln 3 = 0.579380
        assertThat(r.entropy()[0]).isCloseTo(0.579380, within(1e-6));
        assertThat(r.weights()).containsExactly(new double[] {0.5, 0.5}, within(1e-15));
    }

    @Test
    void combinedWeightsMixAndRenormalise() {
        // 0.6·(0.5, 0.5) + 0.4·(0.2, 0.8) = (0.38, 0.62)
        assertThat(EntropyWeights.combine(new double[] {0.5, 0.5}, new double[] {0.2, 0.8}, 0.6))
                .containsExactly(new double[] {0.38, 0.62}, within(1e-12));
    }

    @Test
    void badInputIsRejectedWithEveryProblem() {
        assertThatThrownBy(() -> EntropyWeights.weigh(new double[][] {{1, -2}, {-1, 3}}, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path).containsExactly("matrix[0][1]", "matrix[1][0]"));
        assertThatThrownBy(() -> EntropyWeights.weigh(new double[][] {{1, 2}}, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::messageKey).containsExactly("insight.matrix.tooFewRows"));
        assertThatThrownBy(() -> EntropyWeights.weigh(new double[][] {{1, 2}, {3}}, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path).containsExactly("matrix[1]"));
        assertThatThrownBy(() -> EntropyWeights.weigh(new double[0][], null, null))
                .isInstanceOf(InvalidInputException.class);
    }
}
