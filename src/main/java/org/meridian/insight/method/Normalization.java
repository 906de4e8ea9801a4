package org.meridian.insight.method;

/**
 * How a decision matrix is made comparable across columns before weighting or ranking.
 * {@code MIN_MAX}: benefit (x − min)/(max − min), cost (max − x)/(max − min), so that after it every column is a
 * benefit column in [0, 1]; a constant column becomes all 0.
 */
public enum Normalization {
    /** Raw values (entropy: p_ij = x_ij / Σ_i x_ij, values ≥ 0). */
    NONE,
    /** TOPSIS: r_ij = x_ij / ‖x_j‖₂. */
    VECTOR,
    MIN_MAX;

    /** The min–max transform of one matrix, direction-aware; constant columns become 0. */
    static double[][] minMax(double[][] x, Direction[] directions) {
        int m = x.length;
        int n = x[0].length;
        double[][] r = new double[m][n];
        for (int j = 0; j < n; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : x) {
                min = Math.min(min, row[j]);
                max = Math.max(max, row[j]);
            }
            double range = max - min;
            for (int i = 0; i < m; i++) {
                if (range == 0) {
                    r[i][j] = 0;
                } else {
                    r[i][j] = directions[j] == Direction.COST ? (max - x[i][j]) / range : (x[i][j] - min) / range;
                }
            }
        }
        return r;
    }
}
