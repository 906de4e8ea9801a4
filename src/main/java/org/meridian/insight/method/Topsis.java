package org.meridian.insight.method;

import java.util.List;

/**
 * Ranking by closeness to the ideal solution (TOPSIS; Hwang &amp; Yoon, <i>Multiple Attribute Decision Making</i>,
 * 1981). Input: m units (rows) × n criteria, positive weights (renormalised to sum 1) and a direction per column.
 * <p>
 * r_ij = x_ij / ‖x_j‖₂ ({@link Normalization#VECTOR}, default) or the direction-aware min–max transform
 * ({@link Normalization#MIN_MAX}, after which every column counts as benefit); v_ij = w_j r_ij; the ideal A⁺ takes
 * per column the best v (max for benefit, min for cost), the anti-ideal A⁻ the worst; D⁺_i = ‖v_i − A⁺‖₂,
 * D⁻_i = ‖v_i − A⁻‖₂; closeness C_i = D⁻_i / (D⁺_i + D⁻_i). Ranks by C descending, 1-based; closeness values within
 * 1e-12 share the better rank (1, 1, 3).
 * <p>
 * Edge cases: when D⁺ + D⁻ = 0 (a single unit, or all units equal) C = 0.5. A constant column contributes 0 to every
 * distance (its ideal and anti-ideal coincide); an all-zero column under VECTOR is left at 0. Empty or ragged
 * matrices, non-finite values and weights that are missing or not positive are rejected with every problem listed.
 */
public final class Topsis {

    private static final double TIE = 1e-12;

    private Topsis() {
    }

    public record Result(double[] scores, int[] ranks, double[] positiveIdeal, double[] negativeIdeal, double[] dPlus,
                         double[] dMinus) {
    }

    public static Result rank(double[][] x, double[] weights, List<Direction> directions, Normalization normalization) {
        Inputs in = new Inputs();
        if (!in.matrix(x, "matrix", 1)) {
            in.check();
        }
        int m = x.length;
        int n = x[0].length;
        double[] w = in.weights(weights, n, "weights", true);
        if (directions == null) {
            in.add("directions", "insight.value.missing");
        }
        Direction[] dir = in.directions(directions, n, "directions");
        Normalization norm = normalization == null ? Normalization.VECTOR : normalization;
        if (norm == Normalization.NONE) {
            in.add("normalization", "insight.normalization.unsupported", norm);
        }
        in.check();
        double[][] r;
        if (norm == Normalization.MIN_MAX) {
            r = Normalization.minMax(x, dir);
            dir = new Direction[n];
            java.util.Arrays.fill(dir, Direction.BENEFIT);
        } else {
            r = new double[m][n];
            for (int j = 0; j < n; j++) {
                double ss = 0;
                for (double[] row : x) {
                    ss += row[j] * row[j];
                }
                double norm2 = Math.sqrt(ss);
                for (int i = 0; i < m; i++) {
                    r[i][j] = norm2 == 0 ? 0 : x[i][j] / norm2;
                }
            }
        }
        double[] best = new double[n];
        double[] worst = new double[n];
        for (int j = 0; j < n; j++) {
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                r[i][j] *= w[j];
                max = Math.max(max, r[i][j]);
                min = Math.min(min, r[i][j]);
            }
            best[j] = dir[j] == Direction.COST ? min : max;
            worst[j] = dir[j] == Direction.COST ? max : min;
        }
        double[] dPlus = new double[m];
        double[] dMinus = new double[m];
        double[] c = new double[m];
        for (int i = 0; i < m; i++) {
            double sp = 0;
            double sm = 0;
            for (int j = 0; j < n; j++) {
                sp += (r[i][j] - best[j]) * (r[i][j] - best[j]);
                sm += (r[i][j] - worst[j]) * (r[i][j] - worst[j]);
            }
            dPlus[i] = Math.sqrt(sp);
            dMinus[i] = Math.sqrt(sm);
            double total = dPlus[i] + dMinus[i];
            c[i] = total == 0 ? 0.5 : dMinus[i] / total;
        }
        return new Result(c, Ranks.descending(c, TIE), best, worst, dPlus, dMinus);
    }
}
