package org.meridian.shared;

/**
 * The arithmetic of the Wilson score interval for x successes in n trials (Wilson, <i>JASA</i> 22, 1927; methods 3
 * and 4 of Newcombe, <i>Statistics in Medicine</i> 17, 1998), given the normal quantile z. Plain Java in the shared
 * kernel so that every module can use it: the insight calculator ({@code insight.method.WilsonInterval}, which checks
 * its input and turns a confidence into z) and the scorecard pages of the evaluation module, which must not depend on
 * insight (insight reads evaluations).
 * <p>
 * Without correction: (p + z²/2n ± z·√(p(1 − p)/n + z²/4n²)) / (1 + z²/n), p = x/n. With the continuity correction
 * of R's {@code prop.test(x, n, correct = TRUE)}: Y = min(0.5, |x − n/2|); the upper limit uses p_c = p + Y/n and is
 * 1 when p_c ≥ 1, the lower one p_c = p − Y/n and is 0 when p_c ≤ 0. Limits never leave [0, 1].
 */
public final class WilsonScore {

    /** Φ⁻¹(0.975): the z of a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

    private WilsonScore() {
    }

    /** The estimate x/n and the interval's limits, all as proportions (0..1). */
    public record Interval(double estimate, double lower, double upper) {
    }

    /**
     * @throws IllegalArgumentException when n &lt; 1 or x is outside 0..n
     */
    public static Interval of(long x, long n, double z, boolean continuityCorrection) {
        if (n < 1 || x < 0 || x > n) {
            throw new IllegalArgumentException("a Wilson interval needs 0 ≤ x ≤ n and n ≥ 1, not x = " + x
                    + ", n = " + n);
        }
        double p = (double) x / n;
        double yates = continuityCorrection ? Math.min(0.5, Math.abs(x - n / 2.0)) : 0;
        double z22n = z * z / (2.0 * n);
        double pu = p + yates / n;
        double upper = pu >= 1 ? 1 : (pu + z22n + z * Math.sqrt(pu * (1 - pu) / n + z22n / (2 * n))) / (1 + 2 * z22n);
        double pl = p - yates / n;
        double lower = pl <= 0 ? 0 : (pl + z22n - z * Math.sqrt(pl * (1 - pl) / n + z22n / (2 * n))) / (1 + 2 * z22n);
        return new Interval(p, Math.max(lower, 0), Math.min(upper, 1));
    }
}
