package org.meridian.shared;

/**
 * The arithmetic of the Net Promoter Score (净推荐值; Reichheld, <i>Harvard Business Review</i>, 2003) and its standard
 * error: NPS = 100·(p⁺ − p⁻) with p⁺ = promoters/n and p⁻ = detractors/n, passives counting in n, so −100..100; its
 * standard error on the same scale 100·√((p⁺ + p⁻ − (p⁺ − p⁻)²)/n), the multinomial variance of a difference of two
 * shares of the same n. Plain Java in the shared kernel, like {@link WilsonScore}: the insight calculator
 * ({@code insight.method.NetPromoterScore}, which checks its input) and the scorecard and report pages use the same
 * arithmetic, which evaluation and feedback cannot reach in insight.
 * <p>
 * All promoters (or all detractors) gives ±100 with standard error 0; a single answer ±100 or 0 with standard
 * error 0.
 */
public final class NetPromoter {

    private NetPromoter() {
    }

    /** The score and its standard error, both in points (−100..100). */
    public record Estimate(double nps, double standardError) {

        /**
         * The normal-approximation interval nps ± z·standardError, cut to −100..100 (the scale's ends): {lower, upper}.
         */
        public double[] interval(double z) {
            return new double[] {Math.max(-100, nps - z * standardError), Math.min(100, nps + z * standardError)};
        }
    }

    /**
     * @param n all answers (promoters, passives and detractors)
     * @throws IllegalArgumentException when n &lt; 1, a count is negative or promoters + detractors exceed n
     */
    public static Estimate of(double promoters, double detractors, double n) {
        if (n < 1 || promoters < 0 || detractors < 0 || promoters + detractors > n) {
            throw new IllegalArgumentException("an NPS needs n ≥ 1 answers with 0 ≤ promoters + detractors ≤ n, not "
                    + promoters + " + " + detractors + " of " + n);
        }
        double plus = promoters / n;
        double minus = detractors / n;
        double variance = (plus + minus - (plus - minus) * (plus - minus)) / n;
        return new Estimate(100 * (plus - minus), 100 * Math.sqrt(Math.max(variance, 0)));
    }
}
