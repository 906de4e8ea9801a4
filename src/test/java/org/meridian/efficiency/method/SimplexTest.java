package org.meridian.efficiency.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.meridian.efficiency.method.Simplex.Relation;

/**
 * The LP solver under DEA on programs solved by hand (DEA's own published examples are in {@link DeaTest} and
 * {@link MalmquistTest}).
 */
class SimplexTest {

    static final Relation LE = Relation.LEQ;
    static final Relation GE = Relation.GEQ;
    static final Relation EQ = Relation.EQ;

    @Test
    void theWyndorGlassExampleHasItsPublishedOptimum() {
        // Hillier & Lieberman, Introduction to Operations Research, §3.1: max 3x + 5y, x <= 4, 2y <= 12,
        // 3x + 2y <= 18 -> x = 2, y = 6, Z = 36
        double[] x = Simplex.solve(new double[] {3, 5}, new double[][] {{1, 0}, {0, 2}, {3, 2}},
                new Relation[] {LE, LE, LE}, new double[] {4, 12, 18}, true);
        assertThat(x).containsExactly(new double[] {2, 6}, within(1e-12));
    }

    @Test
    void greaterThanRowsNeedPhaseOne() {
        // min x + y, x + 2y >= 4, 3x + y >= 6: the corners are (0, 6) -> 6, (4, 0) -> 4 and where both bind,
        // x + 2y = 4 and 3x + y = 6 -> x = 8/5, y = 6/5 -> 14/5, the least
        double[] x = Simplex.solve(new double[] {1, 1}, new double[][] {{1, 2}, {3, 1}}, new Relation[] {GE, GE},
                new double[] {4, 6}, false);
        assertThat(x).containsExactly(new double[] {8.0 / 5, 6.0 / 5}, within(1e-12));
    }

    @Test
    void aNegativeRightHandSideIsTurnedAround() {
        // -x <= -2 is x >= 2: min x -> 2
        double[] x = Simplex.solve(new double[] {1}, new double[][] {{-1}}, new Relation[] {LE}, new double[] {-2},
                false);
        assertThat(x).containsExactly(new double[] {2}, within(1e-12));
    }

    @Test
    void aRedundantEqualityRowStaysInert() {
        // x + y = 2 and 2x + 2y = 4 say the same; min x - y -> x = 0, y = 2
        double[] x = Simplex.solve(new double[] {1, -1}, new double[][] {{1, 1}, {2, 2}}, new Relation[] {EQ, EQ},
                new double[] {2, 4}, false);
        assertThat(x).containsExactly(new double[] {0, 2}, within(1e-12));
    }

    @Test
    void infeasibleAndUnboundedProgramsHaveNoSolution() {
        // x + y <= 1 and x + y >= 2 cannot both hold
        assertThat(Simplex.solve(new double[] {1, 1}, new double[][] {{1, 1}, {1, 1}}, new Relation[] {LE, GE},
                new double[] {1, 2}, false)).isNull();
        // max x with only x - y <= 1: x grows with y
        assertThat(Simplex.solve(new double[] {1, 0}, new double[][] {{1, -1}}, new Relation[] {LE},
                new double[] {1}, true)).isNull();
    }
}
