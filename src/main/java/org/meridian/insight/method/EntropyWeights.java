package org.meridian.insight.method;

import java.util.List;

/**
 * Objective weights by the entropy method (熵权法; Shannon's entropy applied to multi-criteria weighting, e.g.
 * Zeleny, <i>Multiple Criteria Decision Making</i>, 1982). Input: m ≥ 2 units (rows) × n indicators (columns).
 * <p>
 * With {@link Normalization#NONE} (default) values must be ≥ 0 and p_ij = x_ij / Σ_i x_ij; with
 * {@link Normalization#MIN_MAX} each column is first mapped to [0, 1] by its direction (benefit
 * (x − min)/(max − min), cost (max − x)/(max − min)). Then e_j = −(1/ln m) Σ_i p_ij ln p_ij (with 0·ln 0 = 0),
 * d_j = 1 − e_j and w_j = d_j / Σ_k d_k.
 * <p>
 * Edge cases: a constant column (and an all-zero one) carries no information: e_j = 1, d_j = 0, weight 0. When every
 * column is constant, all weights are equal (1/n). Fewer than two rows, ragged rows, non-finite or (under NONE)
 * negative values are rejected with every problem listed. {@code directions} matter only under MIN_MAX.
 */
public final class EntropyWeights {

    private EntropyWeights() {
    }

    public record Result(double[] weights, double[] entropy, double[] divergence) {
    }

    public static Result weigh(double[][] x, Normalization normalization, List<Direction> directions) {
        Inputs in = new Inputs();
        if (!in.matrix(x, "matrix", 2)) {
            in.check();
        }
        int m = x.length;
        int n = x[0].length;
        Direction[] dir = in.directions(directions, n, "directions");
        Normalization norm = normalization == null ? Normalization.NONE : normalization;
        if (norm == Normalization.VECTOR) {
            in.add("normalization", "insight.normalization.unsupported", norm);
        }
        if (norm == Normalization.NONE) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    if (x[i][j] < 0) {
                        in.add("matrix[" + i + "][" + j + "]", "insight.entropy.negative");
                    }
                }
            }
        }
        in.check();
        double[][] v = norm == Normalization.MIN_MAX ? Normalization.minMax(x, dir) : x;
        double[] e = new double[n];
        double[] d = new double[n];
        double dSum = 0;
        double lnM = Math.log(m);
        for (int j = 0; j < n; j++) {
            double sum = 0;
            boolean constant = true;
            for (int i = 0; i < m; i++) {
                sum += v[i][j];
                constant &= v[i][j] == v[0][j];
            }
            if (constant || sum == 0) {
                e[j] = 1;
                d[j] = 0;
                continue;
            }
            double h = 0;
            for (int i = 0; i < m; i++) {
                double p = v[i][j] / sum;
                if (p > 0) {
                    h += p * Math.log(p);
                }
            }
            e[j] = -h / lnM;
            d[j] = 1 - e[j];
            dSum += d[j];
        }
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            w[j] = dSum == 0 ? 1.0 / n : d[j] / dSum;
        }
        return new Result(w, e, d);
    }

    /**
     * Combined subjective–objective weights (组合赋权): w = α·w_AHP + (1 − α)·w_entropy, renormalised to sum 1.
     */
    public static double[] combine(double[] ahp, double[] entropy, double alpha) {
        Inputs in = new Inputs();
        if (ahp == null || entropy == null || ahp.length != entropy.length || ahp.length == 0) {
            in.add("weights", "insight.weights.count", ahp == null ? 0 : ahp.length);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            in.add("alpha", "insight.probability.closedRange");
        }
        in.check();
        double[] w = new double[ahp.length];
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            w[j] = alpha * ahp[j] + (1 - alpha) * entropy[j];
            sum += w[j];
        }
        for (int j = 0; j < w.length; j++) {
            w[j] /= sum;
        }
        return w;
    }
}
