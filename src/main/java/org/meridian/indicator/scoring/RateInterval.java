package org.meridian.indicator.scoring;

import java.math.BigDecimal;
import java.util.Optional;

import org.meridian.shared.NetPromoter;
import org.meridian.shared.WilsonScore;

/**
 * How sure a rate on a scorecard is: its 95 % interval and whether it rests on a small sample (样本量小; docs/
 * evaluations.md, "Small samples"). Two shapes of stored formula are rates of counts, read from the measure totals
 * frozen with the scorecard's "why" (so a published scorecard shows the same interval forever):
 * <ul>
 * <li>a share {@code 100 * a / b} ({@link Formula#share()}): a of b answers, the Wilson score interval
 *     (Wilson 1927; {@link WilsonScore}) in percent, n = b;</li>
 * <li>a net share {@code 100 * (a - b) / n} ({@link Formula#netShare()}), the net promoter score: its standard error
 *     100·√((p⁺ + p⁻ − (p⁺ − p⁻)²)/n) ({@link NetPromoter}) and the interval NPS ± 1.96·SE in points, cut to
 *     −100..100.</li>
 * </ul>
 * Scoring never looks at this. Plain Java.
 *
 * @param successes     the share's numerator a; for a net share, the promoters
 * @param trials        the sample size n (the share's denominator, or all answers of a net share)
 * @param lower         the interval's lower limit (percent for a share, points for a net share)
 * @param upper         the interval's upper limit
 * @param standardError the net share's standard error in points; null for a share
 * @param small         n is below the small-sample threshold
 */
public record RateInterval(long successes, long trials, BigDecimal lower, BigDecimal upper, BigDecimal standardError,
                           boolean small) {

    /** Whether this is a net share (an NPS) with a standard error, rather than a Wilson interval of a share. */
    public boolean net() {
        return standardError != null;
    }

    /**
     * Empty when the formula is of another shape, has no data (n = 0), or its totals are not whole counts with
     * 0 ≤ a ≤ b (a share) or 0 ≤ a + b ≤ n (a net share): then no interval is claimed.
     *
     * @param smallBelow n below this is a small sample (0 turns the mark off)
     */
    public static Optional<RateInterval> of(Scorecard.Explanation why, int smallBelow) {
        if (why == null || why.formula() == null) {
            return Optional.empty();
        }
        Formula formula;
        try {
            formula = Formula.parse(why.formula());
        } catch (FormulaException e) {
            return Optional.empty(); // a formula stored under an older catalogue: no interval rather than no page
        }
        Optional<Formula.Share> share = formula.share();
        if (share.isPresent()) {
            Long x = count(why.inputs().get(share.get().numerator().key()));
            Long n = count(why.inputs().get(share.get().denominator().key()));
            if (x == null || n == null || n < 1 || x > n) {
                return Optional.empty();
            }
            WilsonScore.Interval i = WilsonScore.of(x, n, WilsonScore.Z95, false);
            return Optional.of(new RateInterval(x, n, percent(i.lower()), percent(i.upper()), null, n < smallBelow));
        }
        Optional<Formula.NetShare> net = formula.netShare();
        if (net.isPresent()) {
            Long plus = count(why.inputs().get(net.get().plus().key()));
            Long minus = count(why.inputs().get(net.get().minus().key()));
            Long n = count(why.inputs().get(net.get().of().key()));
            if (plus == null || minus == null || n == null || n < 1 || plus + minus > n) {
                return Optional.empty();
            }
            NetPromoter.Estimate e = NetPromoter.of(plus, minus, n);
            double[] band = e.interval(WilsonScore.Z95);
            return Optional.of(new RateInterval(plus, n, BigDecimal.valueOf(band[0]), BigDecimal.valueOf(band[1]),
                    BigDecimal.valueOf(e.standardError()), n < smallBelow));
        }
        return Optional.empty();
    }

    private static Long count(BigDecimal v) {
        if (v == null || v.signum() < 0 || v.stripTrailingZeros().scale() > 0) {
            return null;
        }
        try {
            return v.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static BigDecimal percent(double proportion) {
        return BigDecimal.valueOf(proportion * 100);
    }
}
