package org.meridian.insight.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.meridian.insight.method.BoundedNelderMead.Minimum;

class BoundedNelderMeadTest {

    private static final double[] ZERO = {0, 0};
    private static final double[] ONE = {1, 1};

    @Test
    void findsAnInteriorMinimumOfAQuadratic() {
        // f = (p − 0.3)² + 2(q − 0.7)² + (p − 0.3)(q − 0.7): positive definite (4·1·2 − 1 > 0), so its only minimum
        // is where both deviations are 0: (0.3, 0.7), f = 0
        Minimum m = BoundedNelderMead.minimise(
                v -> sq(v[0] - 0.3) + 2 * sq(v[1] - 0.7) + (v[0] - 0.3) * (v[1] - 0.7), ZERO, ONE,
                new double[] {0.9, 0.1}, 0.2, 1e-10, 1e-10, 4000);
        assertThat(m.point()).containsExactly(new double[] {0.3, 0.7}, within(1e-6));
        assertThat(m.value()).isCloseTo(0, within(1e-12));
    }

    @Test
    void findsRosenbrocksMinimumCutOffByABound() {
        // Rosenbrock f = (1 − x)² + 100(y − x²)² on x ∈ [−2, 0.5], y ∈ [−1, 2]: its free minimum (1, 1) is outside.
        // For x ≤ 0.5, f ≥ (1 − x)² ≥ 0.25, with equality only at x = 0.5, y = x² = 0.25: the minimum is on the
        // boundary x = 0.5, at the bottom of the curved valley, f = 0.25
        Minimum m = BoundedNelderMead.minimise(v -> sq(1 - v[0]) + 100 * sq(v[1] - v[0] * v[0]),
                new double[] {-2, -1}, new double[] {0.5, 2}, new double[] {-1.2, 1}, 0.3, 1e-10, 1e-10, 10_000);
        assertThat(m.point()).containsExactly(new double[] {0.5, 0.25}, within(1e-5));
        assertThat(m.value()).isCloseTo(0.25, within(1e-10));
    }

    @Test
    void findsAMinimumOnAnEdgeAndInACorner() {
        // (p − 0.4)² + (q + 0.5)² on [0, 1]²: q wants −0.5, held at 0; p free at 0.4: f = 0.25
        Minimum edge = BoundedNelderMead.minimise(v -> sq(v[0] - 0.4) + sq(v[1] + 0.5), ZERO, ONE,
                new double[] {0.5, 0.5}, 0.2, 1e-10, 1e-10, 4000);
        assertThat(edge.point()).containsExactly(new double[] {0.4, 0}, within(1e-6));
        assertThat(edge.value()).isCloseTo(0.25, within(1e-10));
        // (p + 1)² + (q − 2)² on [0, 1]²: the corner (0, 1), f = 1 + 1 = 2, from a start in the opposite corner's region
        Minimum corner = BoundedNelderMead.minimise(v -> sq(v[0] + 1) + sq(v[1] - 2), ZERO, ONE,
                new double[] {0.9, 0.1}, 0.2, 1e-10, 1e-10, 4000);
        assertThat(corner.point()).containsExactly(new double[] {0, 1}, within(1e-6));
        assertThat(corner.value()).isCloseTo(2, within(1e-10));
    }

    @Test
    void neverEvaluatesOutsideTheBoxAndTreatsNonFiniteValuesAsWorst() {
        // NaN beyond p = 0.8; elsewhere (p − 0.9)² + q², which decreases towards p = 0.8: the best finite point is
        // (0.8, 0), f = 0.01
        Minimum m = BoundedNelderMead.minimise(v -> {
            assertThat(v[0]).isBetween(0.0, 1.0);
            assertThat(v[1]).isBetween(0.0, 1.0);
            return v[0] > 0.8 ? Double.NaN : sq(v[0] - 0.9) + sq(v[1]);
        }, ZERO, ONE, new double[] {0.2, 0.6}, 0.2, 1e-10, 1e-10, 4000);
        assertThat(m.point()[0]).isCloseTo(0.8, within(1e-4));
        assertThat(m.value()).isCloseTo(0.01, within(1e-4));
    }

    @Test
    void aStartOutsideTheBoxIsClampedAndEmptyIntervalsAreRejected() {
        Minimum m = BoundedNelderMead.minimise(v -> sq(v[0] - 0.25), new double[] {0}, new double[] {1},
                new double[] {7}, 0.2, 1e-10, 1e-10, 4000);
        assertThat(m.point()[0]).isCloseTo(0.25, within(1e-6));
        assertThatThrownBy(() -> BoundedNelderMead.minimise(v -> 0, new double[] {1}, new double[] {0},
                new double[] {0.5}, 0.2, 1e-10, 1e-10, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anObjectiveThatStopsAtTheCapTakesTheSamePathAndNeverKeepsACutShortValue() {
        BoundedNelderMead.Objective exact = v -> sq(v[0] - 0.3) + 2 * sq(v[1] - 0.7) + sq(v[0] - v[1]);
        // answers only "more than the cap" (cap + 1) wherever the value exceeds the cap
        BoundedNelderMead.Objective capped = new BoundedNelderMead.Objective() {
            @Override
            public double value(double[] p) {
                return exact.value(p);
            }

            @Override
            public double value(double[] p, double cap) {
                double v = exact.value(p);
                return v > cap ? cap + 1 : v;
            }
        };
        Minimum a = BoundedNelderMead.minimise(exact, ZERO, ONE, new double[] {0.9, 0.1}, 0.2, 1e-10, 1e-8, 4000);
        Minimum b = BoundedNelderMead.minimise(capped, ZERO, ONE, new double[] {0.9, 0.1}, 0.2, 1e-10, 1e-8, 4000);
        assertThat(b.point()).containsExactly(a.point());
        assertThat(b.evaluations()).isEqualTo(a.evaluations());
        assertThat(b.value()).isEqualTo(exact.value(b.point().clone()));
    }

    private static double sq(double v) {
        return v * v;
    }
}
