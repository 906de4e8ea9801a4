package org.meridian.insight.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.insight.method.Ahp.Priority;
import org.meridian.insight.method.Ahp.RandomIndex;
import org.meridian.insight.method.Ahp.Result;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

class AhpTest {

    @Test
    void aFullyConsistentMatrixGivesItsOwnWeightsAndLambdaN() {
        // a_ij = w_i / w_j with w = (0.5, 0.3, 0.2): A w = n w, so λmax = 3, CI = CR = 0 (Saaty 1980, ch. 2)
        double[] w = {0.5, 0.3, 0.2};
        double[][] a = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                a[i][j] = w[i] / w[j];
            }
        }
        for (Priority p : Priority.values()) {
            Result r = Ahp.weigh(a, p, null);
            assertThat(r.weights()).containsExactly(w, within(1e-12));
            assertThat(r.lambdaMax()).isCloseTo(3, within(1e-12));
            assertThat(r.cr()).isCloseTo(0, within(1e-12));
            assertThat(r.consistent()).isTrue();
            assertThat(r.worstJudgements()).isEmpty();
        }
    }

    @Test
    void threeByThreeMatchesTheClosedForm() {
        // For n = 3 the principal eigenvector is proportional to the row geometric means (Crawford & Williams,
        // J. Math. Psychology 29, 1985) and λmax = 1 + r^(1/3) + r^(−1/3) with r = a12·a23/a13 (Saaty 1980).
        // a12 = 2, a13 = 5, a23 = 3: geometric means 10^(1/3) = 2.154435, 1.5^(1/3) = 1.144714,
        // (1/15)^(1/3) = 0.405480, sum 3.704629 → w = (0.581552, 0.308996, 0.109452);
        // r = 6/5: λmax = 1 + 1.062659 + 0.941036 = 3.003695, CI = 0.0018474, CR = CI / 0.58 = 0.0031852.
        double[][] a = {{1, 2, 5}, {0.5, 1, 3}, {0.2, 1.0 / 3, 1}};
        Result r = Ahp.weigh(a, Priority.EIGENVECTOR, RandomIndex.SAATY_1980);
        double g1 = Math.cbrt(10);
        double g2 = Math.cbrt(1.5);
        double g3 = Math.cbrt(1.0 / 15);
        double sum = g1 + g2 + g3;
        assertThat(r.weights()).containsExactly(new double[] {g1 / sum, g2 / sum, g3 / sum}, within(1e-10));
        double lambda = 1 + Math.cbrt(1.2) + 1 / Math.cbrt(1.2);
        assertThat(r.lambdaMax()).isCloseTo(lambda, within(1e-10)).isCloseTo(3.003695, within(1e-6));
        assertThat(r.ci()).isCloseTo((lambda - 3) / 2, within(1e-10));
        assertThat(r.ri()).isEqualTo(0.58);
        assertThat(r.cr()).isCloseTo(0.0031852, within(1e-6));
        assertThat(r.consistent()).isTrue();
    }

    @Test
    void approximatePriorityAveragesNormalisedColumns() {
        // columns of {{1,2,5},{1/2,1,3},{1/5,1/3,1}} sum to 1.7, 10/3, 9:
        // w1 = (1/1.7 + 2/(10/3) + 5/9)/3 = (0.588235 + 0.6 + 0.555556)/3 = 0.581264
        double[][] a = {{1, 2, 5}, {0.5, 1, 3}, {0.2, 1.0 / 3, 1}};
        Result r = Ahp.weigh(a, Priority.APPROXIMATE, null);
        assertThat(r.weights()[0]).isCloseTo((1 / 1.7 + 0.6 + 5.0 / 9) / 3, within(1e-12));
        assertThat(r.weights()[1]).isCloseTo((0.5 / 1.7 + 0.3 + 3.0 / 9) / 3, within(1e-12));
        assertThat(r.weights()[2]).isCloseTo((0.2 / 1.7 + 0.1 + 1.0 / 9) / 3, within(1e-12));
    }

    @Test
    void twoCriteriaAreAlwaysConsistent() {
        Result r = Ahp.weigh(new double[][] {{1, 3}, {1.0 / 3, 1}}, null, null);
        // w = (3/4, 1/4), λmax = 2
        assertThat(r.weights()).containsExactly(new double[] {0.75, 0.25}, within(1e-12));
        assertThat(r.cr()).isZero();
        assertThat(r.ri()).isZero();
    }

    @Test
    void anInconsistentMatrixNamesTheJudgementToRevisit() {
        // consistent weights (4, 2, 1, 1)/8, but criterion 1 against 4 judged 1/9 instead of 4
        double[] w = {4, 2, 1, 1};
        double[][] a = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                a[i][j] = w[i] / w[j];
            }
        }
        a[0][3] = 1.0 / 9;
        a[3][0] = 9;
        Result r = Ahp.weigh(a, null, null);
        assertThat(r.cr()).isGreaterThanOrEqualTo(0.10);
        assertThat(r.consistent()).isFalse();
        assertThat(r.worstJudgements()).hasSize(3);
        Ahp.Judgement worst = r.worstJudgements().get(0);
        assertThat(worst.row()).isZero();
        assertThat(worst.col()).isEqualTo(3);
        assertThat(worst.given()).isEqualTo(1.0 / 9);
        assertThat(worst.implied()).isCloseTo(r.weights()[0] / r.weights()[3], within(1e-12));
    }

    @Test
    void randomIndexTablesAreThePublishedOnes() {
        assertThat(RandomIndex.SAATY_1980.of(12)).isEqualTo(1.48);
        assertThat(RandomIndex.SAATY_1980.of(15)).isEqualTo(1.59);
        assertThat(RandomIndex.SAATY_2005.of(3)).isEqualTo(0.52);
        assertThat(RandomIndex.DONEGAN_DODD_1991.of(3)).isEqualTo(0.4914);
        assertThat(RandomIndex.DONEGAN_DODD_1991.of(15)).isEqualTo(1.4969);
    }

    @Test
    void pairsFillReciprocalsAndAMissingPairIsNamed() {
        double[][] a = Ahp.fromPairs(3, List.of(new double[] {0, 1, 2}, new double[] {2, 0, 0.2},
                new double[] {1, 2, 3}));
        assertThat(a[1][0]).isEqualTo(0.5);
        assertThat(a[0][2]).isEqualTo(5.0);
        assertThat(a[2][1]).isCloseTo(1.0 / 3, within(1e-15));
        assertThatThrownBy(() -> Ahp.fromPairs(3, List.of(new double[] {0, 1, 2})))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::messageKey, Problem::args)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("insight.ahp.pairMissing", List.of(0, 2)),
                                org.assertj.core.groups.Tuple.tuple("insight.ahp.pairMissing", List.of(1, 2))));
    }

    @Test
    void badMatricesAreRejectedWithEveryProblem() {
        assertThatThrownBy(() -> Ahp.weigh(new double[][] {{1, 2, 3}, {0.5, 1, -1}, {1.0 / 3, 1, 1}}, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path).containsExactly("matrix[1][2]"));
        assertThatThrownBy(() -> Ahp.weigh(new double[][] {{1, 2, 3}, {0.4, 1, 2}, {1.0 / 3, 0.5, 2}}, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path).containsExactly("matrix[1][0]", "matrix[2][2]"));
        assertThatThrownBy(() -> Ahp.weigh(new double[16][16], null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::messageKey).containsExactly("insight.ahp.order"));
        assertThatThrownBy(() -> Ahp.weigh(new double[][] {{1, 2}, {0.5}}, null, null))
                .isInstanceOf(InvalidInputException.class);
    }
}
