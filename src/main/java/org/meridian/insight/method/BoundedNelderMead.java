package org.meridian.insight.method;

/**
 * Minimises a function of a few parameters, each held within its own closed interval [lᵢ, uᵢ], without derivatives:
 * the Nelder–Mead simplex (Nelder &amp; Mead, <i>The Computer Journal</i> 7, 1965) with the usual coefficients —
 * reflection 1, expansion 2, contraction ½, shrink ½ — and the ordering and tie rules of Lagarias, Reeds, Wright &amp;
 * Wright (<i>SIAM J. Optim.</i> 9, 1998), run on an unbounded variable vᵢ with pᵢ = lᵢ + (uᵢ − lᵢ)·sin²(vᵢ).
 * <p>
 * The transform (M. J. Box, "A comparison of several current optimization methods, and the use of transformations in
 * constrained problems", <i>The Computer Journal</i> 9, 1966) maps every real vᵢ into the
 * interval and reaches both ends, so the search never leaves the box and a minimum on its boundary (a smoothing
 * parameter of 0 or 1, common in Holt-Winters fits) is found as an ordinary minimum in v: there sin² is flat, and
 * points on both sides of it map back inside. The start simplex is the start point and, for each parameter, the start
 * point moved by {@code step} in vᵢ (for a start at the middle of an interval, about {@code step}·(uᵢ − lᵢ) in pᵢ).
 * <p>
 * It stops when the simplex's values differ by at most {@code valueTolerance}·(|f_best| + valueTolerance) and its
 * vertices lie within {@code pointTolerance} of the best one in every vᵢ, or after {@code maxEvaluations}. A simplex can collapse onto a
 * line before it reaches the minimum (the known failure of Nelder–Mead, McKinnon, <i>SIAM J. Optim.</i> 9, 1998), so
 * on convergence it starts once more from a fresh simplex around the best point, and again while that restart still
 * improves the value by more than the value tolerance. The answer is always the best point evaluated. Function values
 * that are not finite count as +∞. One parameter works, but Brent's method is the better tool there.
 * <p>
 * The vertices live in arrays allocated once per call; the objective receives one reused array and must not keep it.
 * A trial point is only compared with a value it must beat (the worst vertex, or the reflected point), so the
 * objective is told that value and may stop computing once it is exceeded ({@link Objective#value(double[], double)}).
 */
final class BoundedNelderMead {

    /** The objective: the value at {@code p} (inside the box); {@code p} is reused between calls. */
    @FunctionalInterface
    interface Objective {
        double value(double[] p);

        /**
         * The value at {@code p}, or, once it is known to exceed {@code cap}, any number above {@code cap}: a sum of
         * non-negative terms may stop adding there. The search passes as cap the value a trial point must beat to be
         * kept, and never keeps a point whose value exceeds it.
         */
        default double value(double[] p, double cap) {
            return value(p);
        }
    }

    /** The best point found, its value and how many evaluations it took. */
    record Minimum(double[] point, double value, int evaluations) {
    }

    private static final int MAX_RESTARTS = 5;

    private final Objective objective;
    private final double[] lower;
    private final double[] width;
    private final int d;
    private final double[][] simplex;
    private final double[] values;
    private final double[] centroid;
    private final double[] trial;
    private final double[] trial2;
    private final double[] p;
    private int evaluations;

    private BoundedNelderMead(Objective objective, double[] lower, double[] upper) {
        this.objective = objective;
        this.d = lower.length;
        this.lower = lower.clone();
        this.width = new double[d];
        for (int i = 0; i < d; i++) {
            if (!(upper[i] >= lower[i])) {
                throw new IllegalArgumentException("empty interval " + lower[i] + ".." + upper[i]);
            }
            width[i] = upper[i] - lower[i];
        }
        simplex = new double[d + 1][d];
        values = new double[d + 1];
        centroid = new double[d];
        trial = new double[d];
        trial2 = new double[d];
        p = new double[d];
    }

    /**
     * The minimum of {@code f} over the box from {@code start} (clamped into it).
     *
     * @param step           the start simplex's edge in the transformed variables (radians; 0.1–0.3 suits [0, 1])
     * @param valueTolerance the relative tolerance on the values
     * @param pointTolerance the absolute tolerance on the transformed variables (near the middle of [0, 1] a change
     *                       δ in v moves p by about δ; near an end by less)
     */
    static Minimum minimise(Objective f, double[] lower, double[] upper, double[] start, double step,
                            double valueTolerance, double pointTolerance, int maxEvaluations) {
        if (lower.length == 0 || lower.length != upper.length || start.length != lower.length) {
            throw new IllegalArgumentException("bounds and start must have the same, positive dimension");
        }
        return new BoundedNelderMead(f, lower, upper).run(start, step, valueTolerance, pointTolerance, maxEvaluations);
    }

    private Minimum run(double[] start, double step, double tolerance, double pointTolerance, int maxEvaluations) {
        double[] best = new double[d];
        for (int i = 0; i < d; i++) {
            double share = width[i] == 0 ? 0 : (start[i] - lower[i]) / width[i];
            best[i] = Math.asin(Math.sqrt(Math.min(1, Math.max(0, share))));
        }
        double bestValue = Double.POSITIVE_INFINITY;
        for (int round = 0; round <= MAX_RESTARTS && evaluations < maxEvaluations; round++) {
            double edge = round == 0 ? step : Math.max(step / 10, 100 * pointTolerance);
            System.arraycopy(best, 0, simplex[0], 0, d);
            values[0] = round == 0 ? evaluate(simplex[0]) : bestValue;
            for (int k = 1; k <= d; k++) {
                System.arraycopy(best, 0, simplex[k], 0, d);
                simplex[k][k - 1] += edge;
                values[k] = evaluate(simplex[k]);
            }
            int b = search(tolerance, pointTolerance, maxEvaluations);
            boolean improved = values[b] < bestValue - tolerance * (Math.abs(bestValue) + tolerance);
            if (values[b] < bestValue) {
                bestValue = values[b];
                System.arraycopy(simplex[b], 0, best, 0, d);
            }
            if (round > 0 && !improved) {
                break;
            }
        }
        double[] point = new double[d];
        toBox(best, point);
        return new Minimum(point, bestValue, evaluations);
    }

    /** Nelder–Mead until converged or out of evaluations; returns the index of the best vertex. */
    private int search(double tolerance, double pointTolerance, int maxEvaluations) {
        while (true) {
            int best = 0;
            int worst = 0;
            for (int k = 1; k <= d; k++) {
                if (values[k] < values[best]) {
                    best = k;
                }
                if (values[k] >= values[worst]) {
                    worst = k;
                }
            }
            if (best == worst) { // all values equal (or all +∞): still a simplex to shrink unless it is small
                worst = best == 0 ? 1 : 0;
            }
            int second = best;
            for (int k = 0; k <= d; k++) {
                if (k != worst && values[k] >= values[second]) {
                    second = k;
                }
            }
            if (converged(best, worst, tolerance, pointTolerance) || evaluations >= maxEvaluations) {
                return best;
            }
            for (int i = 0; i < d; i++) {
                double sum = 0;
                for (int k = 0; k <= d; k++) {
                    if (k != worst) {
                        sum += simplex[k][i];
                    }
                }
                centroid[i] = sum / d;
            }
            double[] w = simplex[worst];
            move(centroid, w, 1, trial); // reflection: c + (c − w)
            double fr = evaluate(trial, values[worst]);
            if (fr < values[best]) {
                move(centroid, w, 2, trial2); // expansion: c + 2(c − w)
                double fe = evaluate(trial2, fr);
                if (fe < fr) {
                    accept(worst, trial2, fe);
                } else {
                    accept(worst, trial, fr);
                }
            } else if (fr < values[second]) {
                accept(worst, trial, fr);
            } else if (fr < values[worst]) {
                move(centroid, w, 0.5, trial2); // outside contraction: c + ½(c − w)
                double fc = evaluate(trial2, fr);
                if (fc <= fr) {
                    accept(worst, trial2, fc);
                } else {
                    shrink(best);
                }
            } else {
                move(centroid, w, -0.5, trial2); // inside contraction: c − ½(c − w)
                double fc = evaluate(trial2, values[worst]);
                if (fc < values[worst]) {
                    accept(worst, trial2, fc);
                } else {
                    shrink(best);
                }
            }
        }
    }

    private boolean converged(int best, int worst, double tolerance, double pointTolerance) {
        double fb = values[best];
        if (!(values[worst] - fb <= tolerance * (Math.abs(fb) + tolerance))) {
            return false;
        }
        for (int k = 0; k <= d; k++) {
            for (int i = 0; i < d; i++) {
                if (Math.abs(simplex[k][i] - simplex[best][i]) > pointTolerance) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void move(double[] c, double[] w, double factor, double[] into) {
        for (int i = 0; i < c.length; i++) {
            into[i] = c[i] + factor * (c[i] - w[i]);
        }
    }

    private void accept(int k, double[] v, double value) {
        System.arraycopy(v, 0, simplex[k], 0, d);
        values[k] = value;
    }

    private void shrink(int best) {
        for (int k = 0; k <= d; k++) {
            if (k != best) {
                for (int i = 0; i < d; i++) {
                    simplex[k][i] = simplex[best][i] + 0.5 * (simplex[k][i] - simplex[best][i]);
                }
                values[k] = evaluate(simplex[k]);
            }
        }
    }

    private void toBox(double[] v, double[] into) {
        for (int i = 0; i < d; i++) {
            double s = Math.sin(v[i]);
            into[i] = Math.min(lower[i] + width[i], lower[i] + width[i] * (s * s));
        }
    }

    private double evaluate(double[] v) {
        return evaluate(v, Double.POSITIVE_INFINITY);
    }

    private double evaluate(double[] v, double cap) {
        evaluations++;
        toBox(v, p);
        double value = objective.value(p, cap);
        return Double.isFinite(value) ? value : Double.POSITIVE_INFINITY;
    }
}
