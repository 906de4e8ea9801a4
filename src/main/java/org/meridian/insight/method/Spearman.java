package org.meridian.insight.method;

/**
 * Spearman's rank correlation ρ (Spearman, "The proof and measurement of association between two things",
 * <i>American Journal of Psychology</i> 15, 1904): Pearson's correlation of the two variables' ranks. Ties get the
 * average of the ranks they span (mid-ranks), as in Kendall &amp; Gibbons, <i>Rank Correlation Methods</i> (1990,
 * §3.8) and R's {@code cor(x, y, method = "spearman")}; without ties this equals 1 − 6Σd²/(n(n² − 1)).
 * <p>
 * Undefined (NaN) when fewer than 2 pairs are given or when either variable is constant (its ranks have no
 * variance); callers show that as "not defined" rather than a number.
 */
public final class Spearman {

    private Spearman() {
    }

    /**
     * ρ of x and y, which must be of equal length. The direction of ranking does not matter as long as both use the
     * same: ρ of the values equals ρ of rank numbers where 1 is the smallest.
     */
    public static double rho(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
        }
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double[] rx = Ranks.averageAscending(x);
        double[] ry = Ranks.averageAscending(y);
        double mean = (n + 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = rx[i] - mean;
            double dy = ry[i] - mean;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
