package org.meridian.evaluation.web;

import java.math.BigDecimal;
import java.util.Optional;

import org.meridian.indicator.scoring.Formula;
import org.meridian.indicator.scoring.FormulaException;
import org.meridian.indicator.scoring.Scorecard;
import org.meridian.shared.WilsonScore;

/**
 * The 95 % Wilson interval of a rate on a scorecard and whether it rests on a small sample (docs/evaluations.md,
 * "Small samples"). Only an indicator whose stored formula has the shape {@code 100 * a / b} is a share of counts;
 * a and b are read from the measure totals frozen with the scorecard's "why" (so a published scorecard shows the
 * same interval forever). Scoring never looks at this.
 *
 * @param successes the numerator a
 * @param trials    the denominator b, the sample size n
 * @param lower     the interval's lower limit in percent
 * @param upper     the interval's upper limit in percent
 * @param small     n is below the small-sample threshold
 */
record RateInterval(long successes, long trials, BigDecimal lower, BigDecimal upper, boolean small) {

    /**
     * Empty when the formula is of another shape, has no data (n = 0), or its totals are not whole counts with
     * 0 ≤ a ≤ b (then it is not a proportion and no interval is claimed).
     *
     * @param smallBelow n below this is a small sample (0 turns the mark off)
     */
    static Optional<RateInterval> of(Scorecard.Explanation why, int smallBelow) {
        if (why == null || why.formula() == null) {
            return Optional.empty();
        }
        Optional<Formula.Share> share;
        try {
            share = Formula.parse(why.formula()).share();
        } catch (FormulaException e) {
            return Optional.empty(); // a formula stored under an older catalogue: no interval rather than no page
        }
        if (share.isEmpty()) {
            return Optional.empty();
        }
        Long x = count(why.inputs().get(share.get().numerator().key()));
        Long n = count(why.inputs().get(share.get().denominator().key()));
        if (x == null || n == null || n < 1 || x > n) {
            return Optional.empty();
        }
        WilsonScore.Interval i = WilsonScore.of(x, n, WilsonScore.Z95, false);
        return Optional.of(new RateInterval(x, n, percent(i.lower()), percent(i.upper()), n < smallBelow));
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
