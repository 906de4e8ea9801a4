package org.meridian.insight.method;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Expert weights by the analytic hierarchy process (层次分析法, AHP; Saaty, <i>The Analytic Hierarchy Process</i>,
 * 1980). Input: a positive reciprocal pairwise-comparison matrix A of order n = 2..15 (a_ii = 1,
 * a_ji = 1/a_ij within 1e-9 relative), a_ij saying how much more important criterion i is than j on Saaty's 1–9
 * scale.
 * <ul>
 * <li>{@link Priority#EIGENVECTOR} (default): w is the principal right eigenvector of A, found by power iteration
 * (w ← A w / Σ(A w) from w = 1/n until no component moves by more than 1e-12); Perron–Frobenius guarantees a
 * unique positive one.</li>
 * <li>{@link Priority#APPROXIMATE}: each column normalised to sum 1, w = the row means.</li>
 * </ul>
 * λmax = (1/n) Σ_i (A w)_i / w_i; CI = (λmax − n)/(n − 1); CR = CI / RI(n) with RI from the chosen
 * {@link RandomIndex} table; n ≤ 2 gives CR = 0 (every 2×2 reciprocal matrix is consistent). CR &lt; 0.10 counts as
 * consistent; otherwise the three judgements (i &lt; j) with the largest |ln(a_ij · w_j / w_i)| are named with the
 * ratio w_i / w_j the weights imply, so that a person knows which comparison to revisit.
 * <p>
 * Edge cases: n &lt; 2 or n &gt; 15, a non-positive or non-finite entry, a diagonal other than 1 or a pair that is not
 * reciprocal are rejected with every problem listed. A fully consistent matrix (a_ij = w_i/w_j) returns exactly
 * those w with λmax = n and CI = 0.
 */
public final class Ahp {

    /** The largest order Saaty's random indices are tabulated for here. */
    public static final int MAX_N = 15;
    private static final double CONSISTENT_BELOW = 0.10;
    private static final double TOLERANCE = 1e-12;
    private static final int MAX_ITERATIONS = 1_000_000;

    private Ahp() {
    }

    /** How the priority vector is derived from the matrix. */
    public enum Priority {
        EIGENVECTOR,
        APPROXIMATE
    }

    /** The published random consistency indices RI(n), n = 1..15. */
    public enum RandomIndex {
        /** Saaty (1980), as widely published (its 1.48 at n = 12 out of order, as printed). */
        SAATY_1980(0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59),
        /** Saaty, <i>Fundamentals of Decision Making and Priority Theory</i> (2nd ed., 2000/2005). */
        SAATY_2005(0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59),
        /** Donegan &amp; Dodd (1991), <i>Math. Comput. Modelling</i> 15(10), n = 3..15. */
        DONEGAN_DODD_1991(0, 0, 0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497,
                1.4643, 1.4822, 1.4969);

        private final double[] values;

        RandomIndex(double... values) {
            this.values = values;
        }

        /** RI(n) for n = 1..15. */
        public double of(int n) {
            return values[n - 1];
        }
    }

    /** A comparison that disagrees with the weights: the given a_ij and the w_i/w_j the weights imply. */
    public record Judgement(int row, int col, double given, double implied) {
    }

    public record Result(double[] weights, double lambdaMax, double ci, double ri, double cr, boolean consistent,
                         List<Judgement> worstJudgements) {
    }

    /**
     * Builds the matrix from judgements {@code [i, j, v]} (0-based, a_ij = v, reciprocals filled in, a_ii = 1);
     * every pair i &lt; j must be judged exactly once, in either orientation.
     */
    public static double[][] fromPairs(Integer n, List<double[]> pairs) {
        Inputs in = new Inputs();
        if (n == null) {
            in.add("n", "insight.value.missing");
        } else if (n < 2 || n > MAX_N) {
            in.add("n", "insight.ahp.order", 2, MAX_N);
        }
        if (pairs == null || pairs.isEmpty()) {
            in.add("pairs", "insight.value.missing");
        }
        in.check();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
        }
        for (int k = 0; k < pairs.size(); k++) {
            double[] p = pairs.get(k);
            String path = "pairs[" + k + "]";
            if (p == null || p.length != 3) {
                in.add(path, "insight.ahp.pairShape");
                continue;
            }
            int i = (int) p[0];
            int j = (int) p[1];
            if (i != p[0] || j != p[1] || i < 0 || j < 0 || i >= n || j >= n || i == j) {
                in.add(path, "insight.ahp.pairIndex", n - 1);
                continue;
            }
            if (!Double.isFinite(p[2]) || p[2] <= 0) {
                in.add(path + "[2]", "insight.ahp.notPositive");
                continue;
            }
            if (a[i][j] != 0) {
                in.add(path, "insight.ahp.pairTwice", Math.min(i, j), Math.max(i, j));
                continue;
            }
            a[i][j] = p[2];
            a[j][i] = 1 / p[2];
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (a[i][j] == 0) {
                    in.add("pairs", "insight.ahp.pairMissing", i, j);
                }
            }
        }
        in.check();
        return a;
    }

    public static Result weigh(double[][] a, Priority priority, RandomIndex randomIndex) {
        check(a);
        int n = a.length;
        double[] w = priority == Priority.APPROXIMATE ? columnNormalised(a) : eigenvector(a);
        double lambda = 0;
        for (int i = 0; i < n; i++) {
            double aw = 0;
            for (int j = 0; j < n; j++) {
                aw += a[i][j] * w[j];
            }
            lambda += aw / w[i];
        }
        lambda /= n;
        double ci = n <= 2 ? 0 : (lambda - n) / (n - 1);
        double ri = (randomIndex == null ? RandomIndex.SAATY_1980 : randomIndex).of(n);
        double cr = n <= 2 ? 0 : ci / ri;
        boolean consistent = cr < CONSISTENT_BELOW;
        return new Result(w, lambda, ci, ri, cr, consistent, consistent ? List.of() : worst(a, w));
    }

    private static void check(double[][] a) {
        Inputs in = new Inputs();
        if (a == null || a.length < 2 || a.length > MAX_N) {
            in.add("matrix", "insight.ahp.order", 2, MAX_N);
            in.check();
        }
        int n = a.length;
        for (int i = 0; i < n; i++) {
            if (a[i] == null || a[i].length != n) {
                in.add("matrix[" + i + "]", "insight.ahp.notSquare", n);
            }
        }
        in.check();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(a[i][j]) || a[i][j] <= 0) {
                    in.add("matrix[" + i + "][" + j + "]", "insight.ahp.notPositive");
                }
            }
        }
        in.check();
        for (int i = 0; i < n; i++) {
            if (Math.abs(a[i][i] - 1) > 1e-9) {
                in.add("matrix[" + i + "][" + i + "]", "insight.ahp.diagonal");
            }
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(a[i][j] * a[j][i] - 1) > 1e-9) {
                    in.add("matrix[" + j + "][" + i + "]", "insight.ahp.notReciprocal", i, j);
                }
            }
        }
        in.check();
    }

    private static double[] eigenvector(double[][] a) {
        int n = a.length;
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        double[] next = new double[n];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += a[i][j] * w[j];
                }
                next[i] = s;
                sum += s;
            }
            double moved = 0;
            for (int i = 0; i < n; i++) {
                next[i] /= sum;
                moved = Math.max(moved, Math.abs(next[i] - w[i]));
            }
            double[] t = w;
            w = next;
            next = t;
            if (moved <= TOLERANCE) {
                break;
            }
        }
        return w;
    }

    private static double[] columnNormalised(double[][] a) {
        int n = a.length;
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            double col = 0;
            for (int i = 0; i < n; i++) {
                col += a[i][j];
            }
            for (int i = 0; i < n; i++) {
                w[i] += a[i][j] / col / n;
            }
        }
        return w;
    }

    private static List<Judgement> worst(double[][] a, double[] w) {
        List<Judgement> all = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            for (int j = i + 1; j < a.length; j++) {
                all.add(new Judgement(i, j, a[i][j], w[i] / w[j]));
            }
        }
        all.sort(Comparator.comparingDouble((Judgement g) -> -Math.abs(Math.log(g.given() / g.implied()))));
        return List.copyOf(all.subList(0, Math.min(3, all.size())));
    }
}
