package org.meridian.insight.method;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Outlier rules for a list of values or a series.
 * <ul>
 * <li>{@link Rule#MODIFIED_Z} (Iglewicz &amp; Hoaglin, <i>How to Detect and Handle Outliers</i>, ASQC 1993): median
 * (mean of the two middle values for even n), MAD = median |x − median| (unscaled), M_i = 0.6745 (x_i − median)/MAD,
 * outlier when |M_i| &gt; threshold (default 3.5). MAD = 0 (more than half the values equal): nothing is flagged by
 * this rule, scores are absent and the answer says so ({@code note = MAD_ZERO}).</li>
 * <li>{@link Rule#GRUBBS} (Grubbs, <i>Technometrics</i> 11, 1969; NIST/SEMATECH e-Handbook §1.3.5.17.1): G = max |x_i −
 * x̄| / s (sample s); two-sided (default) critical value ((n − 1)/√n)·√(t² / (n − 2 + t²)) with t the upper α/(2n)
 * point of Student's t with n − 2 degrees of freedom; one-sided ({@code sides = 1}) tests the same, more extreme
 * value with t at α/n. At most one outlier.</li>
 * <li>{@link Rule#GENERALIZED_ESD} (Rosner, <i>Technometrics</i> 25, 1983; e-Handbook §1.3.5.17.3): for i = 1..r
 * (default r = min(10, n − 2)) R_i = max |x − x̄| / s over the values left, the most extreme one removed each time;
 * λ_i = (n − i)·t_{p, n−i−1} / √((n − i − 1 + t²)(n − i + 1)), p = 1 − α/(2(n − i + 1)); the number of outliers is the
 * largest i with R_i &gt; λ_i.</li>
 * <li>{@link Rule#SEASONAL_ESD}: {@link HoltWinters} with optimised parameters (or its named fallback) gives a
 * one-step-ahead expected value per observation after the first period; the generalized ESD runs on the residuals
 * x − x̂, so that a regular peak is expected and only a break from the pattern is flagged. Observations without an
 * expected value are never flagged. The band of an expected value is x̂ + mean(residual) ± λ₁·s(residual).</li>
 * </ul>
 * Edge cases: Grubbs and ESD need n ≥ 3; a constant sample (s = 0) flags nothing ({@code note = SD_ZERO}); the ESD stops
 * early when the values left are all equal. Empty lists, non-finite values, α outside (0, 1), r outside 1..n − 2,
 * sides other than 1 or 2 and a threshold that is not positive are rejected with every problem listed.
 */
public final class Outliers {

    private static final double IGLEWICZ_HOAGLIN = 0.6745;

    private Outliers() {
    }

    public enum Rule {
        GRUBBS,
        GENERALIZED_ESD,
        MODIFIED_Z,
        SEASONAL_ESD
    }

    /** One test step: the value tested, its statistic and the critical value it had to exceed. */
    public record Step(int index, double value, double statistic, double critical) {
    }

    /**
     * The answer: flagged indices (0-based, in the order found), the steps, and per rule its extras (median, MAD and
     * scores for MODIFIED_Z; expected values with their band and the forecasting method for SEASONAL_ESD).
     */
    public record Result(List<Integer> outliers, List<Step> steps, Double median, Double mad, double[] scores,
                         Double[] expected, Double[] lower, Double[] upper, HoltWinters.Method forecastMethod,
                         String note) {

        static Result of(List<Integer> outliers, List<Step> steps, String note) {
            return new Result(outliers, steps, null, null, null, null, null, null, null, note);
        }
    }

    /** The options of the rules; null means the documented default. */
    public record Options(Double alpha, Integer maxOutliers, Double threshold, Integer frequency,
                          HoltWinters.Seasonal seasonal, Integer sides) {

        public static Options defaults() {
            return new Options(null, null, null, null, null, null);
        }
    }

    public static Result detect(double[] x, Rule rule, Options options) {
        Options o = options == null ? Options.defaults() : options;
        Rule r = rule == null ? Rule.SEASONAL_ESD : rule;
        Inputs in = new Inputs();
        HoltWinters.series(in, x, "values");
        double alpha = in.probability(o.alpha(), 0.05, "alpha");
        if (o.threshold() != null && !(o.threshold() > 0)) {
            in.add("threshold", "insight.outliers.threshold");
        }
        if (o.sides() != null && o.sides() != 1 && o.sides() != 2) {
            in.add("sides", "insight.outliers.sides");
        }
        if ((r == Rule.GRUBBS || r == Rule.GENERALIZED_ESD) && x != null && x.length > 0 && x.length < 3) {
            in.add("values", "insight.outliers.tooFew", 3);
        }
        if (r == Rule.GENERALIZED_ESD && o.maxOutliers() != null && x != null
                && (o.maxOutliers() < 1 || o.maxOutliers() > Math.max(1, x.length - 2))) {
            in.add("maxOutliers", "insight.outliers.maxOutliers", Math.max(1, x == null ? 1 : x.length - 2));
        }
        if (r == Rule.SEASONAL_ESD) {
            if (o.frequency() == null) {
                in.add("frequency", "insight.value.missing");
            } else if (o.frequency() < 2) {
                in.add("frequency", "insight.frequency.min");
            }
            if (o.maxOutliers() != null && o.maxOutliers() < 1) {
                in.add("maxOutliers", "insight.outliers.maxOutliers", 1);
            }
        }
        in.check();
        return switch (r) {
            case MODIFIED_Z -> modifiedZ(x, o.threshold() == null ? 3.5 : o.threshold());
            case GRUBBS -> grubbs(x, alpha, o.sides() == null ? 2 : o.sides());
            case GENERALIZED_ESD -> esd(x, alpha, o.maxOutliers() == null ? Math.min(10, x.length - 2) : o.maxOutliers());
            case SEASONAL_ESD -> seasonal(x, alpha, o);
        };
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static Result modifiedZ(double[] x, double threshold) {
        double med = median(x);
        double[] dev = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            dev[i] = Math.abs(x[i] - med);
        }
        double mad = median(dev);
        if (mad == 0) {
            return new Result(List.of(), List.of(), med, 0.0, null, null, null, null, null, "MAD_ZERO");
        }
        double[] scores = new double[x.length];
        List<Integer> out = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            scores[i] = IGLEWICZ_HOAGLIN * (x[i] - med) / mad;
            if (Math.abs(scores[i]) > threshold) {
                out.add(i);
                steps.add(new Step(i, x[i], Math.abs(scores[i]), threshold));
            }
        }
        return new Result(List.copyOf(out), List.copyOf(steps), med, mad, scores, null, null, null, null, null);
    }

    /** Grubbs' two-sided critical value at significance {@code alpha} for n values. */
    static double grubbsCritical(int n, double alpha, int sides) {
        double p = sides == 1 ? alpha / n : alpha / (2.0 * n);
        double t = new TDistribution(null, n - 2).inverseCumulativeProbability(1 - p);
        return (n - 1) / Math.sqrt(n) * Math.sqrt(t * t / (n - 2 + t * t));
    }

    private static Result grubbs(double[] x, double alpha, int sides) {
        int n = x.length;
        double mean = Arrays.stream(x).average().orElseThrow();
        double sd = sd(x, mean);
        if (sd == 0) {
            return Result.of(List.of(), List.of(), "SD_ZERO");
        }
        int idx = mostExtreme(x, mean, null);
        double g = Math.abs(x[idx] - mean) / sd;
        double critical = grubbsCritical(n, alpha, sides);
        return Result.of(g > critical ? List.of(idx) : List.of(), List.of(new Step(idx, x[idx], g, critical)), null);
    }

    /**
     * Rosner's λ_i for step i (1-based) of n values. Remembered: the daily alert scan asks for the same twenty
     * values for every channel of the same length, and a t quantile costs about as much as a Holt-Winters SSE.
     */
    static double esdCritical(int n, int i, double alpha) {
        if (CRITICAL.size() > MAX_REMEMBERED) {
            CRITICAL.clear();
        }
        return CRITICAL.computeIfAbsent(new CriticalKey(n, i, alpha), k -> rosnerLambda(n, i, alpha));
    }

    private record CriticalKey(int n, int i, double alpha) {
    }

    private static final int MAX_REMEMBERED = 100_000;
    private static final Map<CriticalKey, Double> CRITICAL = new ConcurrentHashMap<>();

    private static double rosnerLambda(int n, int i, double alpha) {
        double p = 1 - alpha / (2.0 * (n - i + 1));
        double t = new TDistribution(null, n - i - 1).inverseCumulativeProbability(p);
        return (n - i) * t / Math.sqrt((n - i - 1 + t * t) * (n - i + 1));
    }

    static Result esd(double[] x, double alpha, int maxOutliers) {
        int n = x.length;
        boolean[] removed = new boolean[n];
        List<Step> steps = new ArrayList<>();
        int found = 0;
        String note = null;
        for (int i = 1; i <= maxOutliers && n - i - 1 >= 1; i++) {
            double sum = 0;
            int left = 0;
            for (int k = 0; k < n; k++) {
                if (!removed[k]) {
                    sum += x[k];
                    left++;
                }
            }
            double mean = sum / left;
            double ss = 0;
            for (int k = 0; k < n; k++) {
                if (!removed[k]) {
                    ss += (x[k] - mean) * (x[k] - mean);
                }
            }
            double sd = Math.sqrt(ss / (left - 1));
            if (sd == 0) {
                note = "SD_ZERO";
                break;
            }
            int idx = mostExtreme(x, mean, removed);
            double stat = Math.abs(x[idx] - mean) / sd;
            double lambda = esdCritical(n, i, alpha);
            steps.add(new Step(idx, x[idx], stat, lambda));
            if (stat > lambda) {
                found = i;
            }
            removed[idx] = true;
        }
        List<Integer> out = steps.subList(0, found).stream().map(Step::index).toList();
        return Result.of(out, List.copyOf(steps), note);
    }

    private static Result seasonal(double[] x, double alpha, Options o) {
        HoltWinters.Result fit = HoltWinters.fit(x, o.frequency(), o.seasonal(), null, null, null, 1, null);
        int n = x.length;
        Double[] expected = new Double[n];
        Double[] lower = new Double[n];
        Double[] upper = new Double[n];
        // the fitted observations are the consecutive ones from fittedFrom
        int from = fit.fittedFrom();
        double[] fitted = fit.fitted();
        int m = Math.min(fitted.length, n - from);
        for (int k = 0; k < m; k++) {
            expected[from + k] = fitted[k];
        }
        if (m < 3) {
            return new Result(List.of(), List.of(), null, null, null, expected, lower, upper, fit.method(),
                    "TOO_FEW_RESIDUALS");
        }
        double[] residuals = new double[m];
        for (int k = 0; k < m; k++) {
            residuals[k] = x[from + k] - fitted[k];
        }
        int r = o.maxOutliers() == null ? Math.min(10, m - 2) : Math.min(o.maxOutliers(), m - 2);
        Result onResiduals = esd(residuals, alpha, r);
        double mean = Arrays.stream(residuals).average().orElseThrow();
        double sd = sd(residuals, mean);
        double lambda1 = esdCritical(m, 1, alpha);
        for (int k = 0; k < m; k++) {
            lower[from + k] = fitted[k] + mean - lambda1 * sd;
            upper[from + k] = fitted[k] + mean + lambda1 * sd;
        }
        List<Step> steps = onResiduals.steps().stream().map(s -> new Step(from + s.index(), x[from + s.index()],
                s.statistic(), s.critical())).toList();
        List<Integer> out = onResiduals.outliers().stream().map(k -> from + k).toList();
        return new Result(out, steps, null, null, null, expected, lower, upper, fit.method(), onResiduals.note());
    }

    private static double sd(double[] x, double mean) {
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    private static int mostExtreme(double[] x, double mean, boolean[] removed) {
        int idx = -1;
        double best = -1;
        for (int k = 0; k < x.length; k++) {
            if ((removed == null || !removed[k]) && Math.abs(x[k] - mean) > best) {
                best = Math.abs(x[k] - mean);
                idx = k;
            }
        }
        return idx;
    }
}
