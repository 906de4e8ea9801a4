package org.meridian.insight.method;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.meridian.shared.WilsonScore;

/**
 * The Wilson score interval for a proportion of x successes in n trials (Wilson, <i>JASA</i> 22, 1927; methods 3 and
 * 4 of Newcombe, <i>Statistics in Medicine</i> 17, 1998), at confidence c (default 0.95), z = Φ⁻¹((1 + c)/2).
 * <p>
 * Without correction: (p + z²/2n ± z·√(p(1 − p)/n + z²/4n²)) / (1 + z²/n), p = x/n.
 * With {@code continuityCorrection} exactly as R's {@code prop.test(x, n, correct = TRUE)}: Y = min(0.5, |x − n/2|)
 * (so none at x = n/2); the upper limit uses p_c = p + Y/n and is 1 when p_c ≥ 1, the lower one p_c = p − Y/n and is
 * 0 when p_c ≤ 0, each (p_c + z²/2n ± z·√(p_c(1 − p_c)/n + z²/4n²)) / (1 + z²/n).
 * <p>
 * The arithmetic is {@link WilsonScore} (shared kernel, also used by the scorecard pages); this class checks the
 * input and turns the confidence into z.
 * <p>
 * Edge cases: x = 0 gives the lower limit 0 and x = n the upper limit 1 (never outside [0, 1]); n = 1 is a valid,
 * very wide interval. n &lt; 1, x outside 0..n, non-integers and a confidence outside (0, 1) are rejected.
 */
public final class WilsonInterval {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private WilsonInterval() {
    }

    public record Result(double estimate, double lower, double upper) {
    }

    public static Result of(Double successes, Double trials, Double confidence, Boolean continuityCorrection) {
        Inputs in = new Inputs();
        if (trials == null) {
            in.add("trials", "insight.value.missing");
        } else if (trials != Math.rint(trials) || trials < 1) {
            in.add("trials", "insight.wilson.trials");
        }
        if (successes == null) {
            in.add("successes", "insight.value.missing");
        } else if (successes != Math.rint(successes) || successes < 0
                || (trials != null && successes > trials)) {
            in.add("successes", "insight.wilson.successes");
        }
        double c = in.probability(confidence, 0.95, "confidence");
        in.check();
        double z = STANDARD_NORMAL.inverseCumulativeProbability((1 + c) / 2);
        WilsonScore.Interval i = WilsonScore.of(Math.round(successes), Math.round(trials), z,
                Boolean.TRUE.equals(continuityCorrection));
        return new Result(i.estimate(), i.lower(), i.upper());
    }
}
