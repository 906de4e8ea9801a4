package org.meridian.insight.method;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.exception.MathRuntimeException;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Holt-Winters exponential smoothing (Winters, <i>Management Science</i> 6, 1960) with additive trend and additive or
 * multiplicative seasonality of period f, exactly as R's {@code stats::HoltWinters} (R Core Team, source
 * {@code src/library/stats/R/HoltWinters.R} and {@code src/HoltWinters.c}) with {@code start.periods = 2}.
 * <p>
 * Start values: the first 2f observations are decomposed with the centred moving average (weights
 * (½, 1, …, 1, ½)/f for even f, 1/f for odd f); the seasonal start s_k is the mean of x − trend (additive) or
 * x / trend (multiplicative) over the positions k and k + f where the trend exists, centred to sum 0 (mean 1); level
 * and slope start are the intercept and slope of the least-squares line through the trend values against 1, 2, ….
 * Recursion from observation f + 1 (1-based): x̂_t = (L + T) + s (additive) or (L + T)·s, then
 * L' = α(x_t − s) + (1 − α)(L + T) (or α x_t / s + …), T' = β(L' − L) + (1 − β)T,
 * s' = γ(x_t − L') + (1 − γ)s (or γ x_t / L' + …). SSE = Σ (x_t − x̂_t)² over those one-step-ahead forecasts.
 * <p>
 * Parameters not given are chosen by minimising the SSE within [0, 1] (α ≥ 1e-4; R uses L-BFGS-B from (0.3, 0.1,
 * 0.1)): the SSE is evaluated on a coarse grid (α, γ ∈ {0.1, 0.3, 0.5, 0.7, 0.9}, β ∈ {0.01, 0.1, 0.3}); from the
 * grid's best point (its three best for series of at most 200 one-step forecasts, where an SSE is cheap) and from R's
 * start a bounded Nelder–Mead ({@link BoundedNelderMead}) runs to a coarse tolerance (1e-4), and the best result is
 * refined to 1e-7 (relative on the SSE), so every further start costs a coarse search only. The optimiser evaluates
 * the SSE by {@link #sse}, an allocation-free form of the recursion that stops once a trial point cannot be kept. One free parameter:
 * Brent's method, as R's {@code optimize}. Forecast h steps ahead: a + h·b + s_{1 + (h − 1) mod f} (times for
 * multiplicative). Prediction intervals as R's {@code predict.HoltWinters}: mean ± z·√v(h), z = Φ⁻¹((1 + level)/2),
 * σ² the sample variance of the one-step residuals, ψ_j = α(1 + jβ) + [j mod f = 0]·γ(1 − α); additive
 * v(h) = σ²(1 + Σ_{j=1}^{h−1} ψ_j²); multiplicative v(h) = σ² Σ_{j=0}^{h−1} (ψ_j · c[2 + r] / c[2 + (r − j) mod f])² with
 * r = 1 + (h − 1) mod f and c = (a, b, s_1, …, s_f) indexed from 1 — R's own term, kept as R computes it (it divides
 * by b where (r − j) mod f = 0).
 * <p>
 * Series shorter than 2f + 1 get a named fallback, never an error: {@link Method#SEASONAL_NAIVE} (≥ f values; the
 * value one period earlier, σ² the mean squared one-period change, v(h) = σ²(⌊(h − 1)/f⌋ + 1), Hyndman &amp;
 * Athanasopoulos, <i>Forecasting: Principles and Practice</i>, §5.5), {@link Method#SIMPLE_EXPONENTIAL} (≥ 3 values; R's
 * {@code HoltWinters(x, beta = FALSE, gamma = FALSE)}: L_1 = x_1, α optimised, v(h) = σ²(1 + (h − 1)α²)), else
 * {@link Method#MEAN} (the mean, with a t interval √(1 + 1/n)·s; none from a single value). A constant series gives a
 * flat forecast with zero-width bands. Empty series, non-finite values, a frequency below 2, parameters outside
 * [0, 1] (α = 0) and a multiplicative model over values that are not all positive are rejected.
 */
public final class HoltWinters {

    /** The smallest α the optimiser may choose (R's model has no level without it). */
    static final double ALPHA_MIN = 1e-4;
    /** The longest forecast served. */
    public static final int MAX_HORIZON = 1000;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    private static final double[] GRID_SMOOTHING = {0.1, 0.3, 0.5, 0.7, 0.9};
    private static final double[] GRID_TREND = {0.01, 0.1, 0.3};
    /** The Nelder–Mead start simplex's edge, in the sin² variables (about 0.1 in a parameter near 0.5). */
    private static final double SIMPLEX_STEP = 0.2;
    /**
     * Each start's search stops at this tolerance, relative on the SSE (the sin² variables: 100 times it, about 1e-2
     * in the parameters)…
     */
    private static final double COARSE_TOLERANCE = 1e-4;
    /** …and the best of them is refined from a simplex of this edge… */
    private static final double POLISH_STEP = 0.01;
    /**
     * …to this one (the sin² variables: 100 times it, 1e-5). Holding the variables to 1e-7 as well doubled the time
     * of a fit on the alert benchmark's daily series and changed none of 300 such fits' SSE by 1e-9 (relative).
     */
    private static final double TOLERANCE = 1e-7;
    private static final int MAX_EVALUATIONS = 4000;
    /**
     * How many of the grid's best points start a search (R's start is always one more): three where the SSE is cheap
     * (at most {@value #SHORT_SERIES} one-step forecasts, such as 36 months; against BOBYQA on 2,000 generated
     * 36-month series, one start ended in a worse basin 3 times, three never), one for long series such as 730 days.
     */
    private static int gridStarts(int n, int f) {
        return n - f <= SHORT_SERIES ? 3 : 1;
    }

    private static final int SHORT_SERIES = 200;

    private HoltWinters() {
    }

    public enum Seasonal {
        ADDITIVE,
        MULTIPLICATIVE
    }

    /** Which model produced the answer. */
    public enum Method {
        HOLT_WINTERS,
        SEASONAL_NAIVE,
        SIMPLE_EXPONENTIAL,
        MEAN
    }

    /** One forecast step; {@code lower}/{@code upper} are null when no spread can be estimated. */
    public record Forecast(double mean, Double lower, Double upper) {
    }

    /**
     * The fit. {@code level}, {@code trend}, {@code seasonals} are R's a, b, s (null where the method has none);
     * {@code fitted} holds one one-step-ahead forecast per observation from index {@code fittedFrom} (0-based).
     */
    public record Result(Method method, Seasonal seasonal, Double alpha, Double beta, Double gamma, Double level,
                         Double trend, double[] seasonals, Double sse, int fittedFrom, double[] fitted,
                         List<Forecast> forecast) {

        /** The one-step-ahead forecast for observation {@code i}, or null where there is none. */
        public Double expected(int i) {
            return i >= fittedFrom && i - fittedFrom < fitted.length ? fitted[i - fittedFrom] : null;
        }
    }

    public static Result fit(double[] x, Integer frequency, Seasonal seasonal, Double alpha, Double beta, Double gamma,
                             Integer horizon, Double interval) {
        Inputs in = new Inputs();
        series(in, x, "series");
        if (frequency == null) {
            in.add("frequency", "insight.value.missing");
        } else if (frequency < 2) {
            in.add("frequency", "insight.frequency.min");
        }
        if (alpha != null && !(alpha > 0 && alpha <= 1)) {
            in.add("alpha", "insight.hw.alpha");
        }
        if (beta != null && !(beta >= 0 && beta <= 1)) {
            in.add("beta", "insight.probability.closedRange");
        }
        if (gamma != null && !(gamma >= 0 && gamma <= 1)) {
            in.add("gamma", "insight.probability.closedRange");
        }
        if (horizon != null && (horizon < 1 || horizon > MAX_HORIZON)) {
            in.add("horizon", "insight.hw.horizon", MAX_HORIZON);
        }
        double level = in.probability(interval, 0.95, "interval");
        in.check();
        int f = frequency;
        int h = horizon == null ? f : horizon;
        Seasonal kind = seasonal == null ? Seasonal.ADDITIVE : seasonal;
        double z = STANDARD_NORMAL.inverseCumulativeProbability((1 + level) / 2);
        int n = x.length;
        if (n >= 2 * f + 1) {
            if (kind == Seasonal.MULTIPLICATIVE) {
                for (int i = 0; i < n; i++) {
                    if (!(x[i] > 0)) {
                        in.add("series[" + i + "]", "insight.hw.notPositive");
                    }
                }
                in.check();
            }
            return holtWinters(x, f, kind == Seasonal.MULTIPLICATIVE, alpha, beta, gamma, h, z);
        }
        if (n >= f) {
            return seasonalNaive(x, f, h, z);
        }
        if (n >= 3) {
            return simpleExponential(x, alpha, h, z);
        }
        return mean(x, h, level);
    }

    static void series(Inputs in, double[] x, String path) {
        if (x == null || x.length == 0) {
            in.add(path, "insight.series.empty");
            return;
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                in.add(path + "[" + i + "]", "insight.number.notFinite");
            }
        }
    }

    // ---- Holt-Winters proper ----

    /** R's start values: {level, slope, s_1..s_f}. */
    static double[] startValues(double[] x, int f, boolean mult) {
        int wind = 2 * f;
        double[] trend = new double[wind];
        Arrays.fill(trend, Double.NaN);
        int half = f / 2;
        for (int t = half; t < wind - half; t++) {
            double s = 0;
            if (f % 2 == 0) {
                s += 0.5 * x[t - half] + 0.5 * x[t + half];
                for (int k = -half + 1; k <= half - 1; k++) {
                    s += x[t + k];
                }
            } else {
                for (int k = -half; k <= half; k++) {
                    s += x[t + k];
                }
            }
            trend[t] = s / f;
        }
        double[] figure = new double[f];
        for (int k = 0; k < f; k++) {
            double sum = 0;
            int count = 0;
            for (int t = k; t < wind; t += f) {
                if (!Double.isNaN(trend[t])) {
                    sum += mult ? x[t] / trend[t] : x[t] - trend[t];
                    count++;
                }
            }
            figure[k] = sum / count;
        }
        double centre = 0;
        for (double v : figure) {
            centre += v / f;
        }
        for (int k = 0; k < f; k++) {
            figure[k] = mult ? figure[k] / centre : figure[k] - centre;
        }
        double sx = 0;
        double sy = 0;
        int m = 0;
        for (int t = 0; t < wind; t++) {
            if (!Double.isNaN(trend[t])) {
                m++;
                sx += m;
                sy += trend[t];
            }
        }
        double mx = sx / m;
        double my = sy / m;
        double sxy = 0;
        double sxx = 0;
        int i = 0;
        for (int t = 0; t < wind; t++) {
            if (!Double.isNaN(trend[t])) {
                i++;
                sxy += (i - mx) * (trend[t] - my);
                sxx += (i - mx) * (i - mx);
            }
        }
        double slope = sxy / sxx;
        double[] start = new double[f + 2];
        start[0] = my - slope * mx;
        start[1] = slope;
        System.arraycopy(figure, 0, start, 2, f);
        return start;
    }

    /**
     * Runs the recursion; returns the SSE. When {@code fitted} is not null it receives x̂ for observations f..n−1 and
     * {@code state} (length f + 2) the final a, b, s_1..s_f. {@code ring} (length f) is the workspace of the
     * seasonal terms, so that the optimiser's thousands of calls allocate nothing.
     */
    static double filter(double[] x, int f, boolean mult, double[] start, double a, double b, double g,
                         double[] fitted, double[] state, double[] ring) {
        double level = start[0];
        double trend = start[1];
        System.arraycopy(start, 2, ring, 0, f);
        double sse = 0;
        int phase = 0; // i mod f, from i = f
        for (int i = f; i < x.length; i++) {
            double s = ring[phase];
            double xi = x[i];
            double xhat = mult ? (level + trend) * s : level + trend + s;
            double res = xi - xhat;
            sse += res * res;
            if (fitted != null) {
                fitted[i - f] = xhat;
            }
            double newLevel = mult ? a * (xi / s) + (1 - a) * (level + trend) : a * (xi - s) + (1 - a) * (level + trend);
            trend = b * (newLevel - level) + (1 - b) * trend;
            level = newLevel;
            ring[phase] = mult ? g * (xi / level) + (1 - g) * s : g * (xi - level) + (1 - g) * s;
            if (++phase == f) {
                phase = 0;
            }
        }
        if (state != null) {
            state[0] = level;
            state[1] = trend;
            for (int k = 0; k < f; k++) {
                state[2 + k] = ring[(x.length + k) % f];
            }
        }
        return sse;
    }

    /**
     * The SSE of {@link #filter}, for the optimiser: the same recursion with the level and slope updates multiplied
     * out, L' = u + (1 − α)L + (1 − α)T and T' = βu − αβL + (1 − αβ)T with u = α(x_t − s) (or αx_t/s), which is the
     * same algebra but lets the processor compute L' and T' side by side instead of one after the other (the recursion
     * is bound by the latency of its chain of additions and products; this halves the chain). It agrees with
     * {@link #filter} to rounding (about 1e-15 relative); the reported fit always comes from {@link #filter}. Once a
     * period's sum exceeds {@code cap} it returns that partial sum (the optimiser needed to know only that much).
     */
    static double sse(double[] x, int f, boolean mult, double[] start, double a, double b, double g, double[] ring,
                      double cap) {
        double level = start[0];
        double trend = start[1];
        System.arraycopy(start, 2, ring, 0, f);
        double keepLevel = 1 - a;
        double ab = a * b;
        double keepTrend = 1 - ab;
        double keepSeason = 1 - g;
        double sse = 0;
        int phase = 0;
        for (int i = f; i < x.length; i++) {
            double s = ring[phase];
            double xi = x[i];
            double res = xi - (mult ? (level + trend) * s : level + trend + s);
            sse += res * res;
            double u = mult ? a * (xi / s) : a * (xi - s);
            double newLevel = u + keepLevel * level + keepLevel * trend;
            trend = b * u - ab * level + keepTrend * trend;
            level = newLevel;
            ring[phase] = mult ? g * (xi / newLevel) + keepSeason * s : g * (xi - newLevel) + keepSeason * s;
            if (++phase == f) {
                phase = 0;
                if (sse > cap) {
                    return sse;
                }
            }
        }
        return sse;
    }

    private static Result holtWinters(double[] x, int f, boolean mult, Double alpha, Double beta, Double gamma,
                                      int horizon, double z) {
        double[] start = startValues(x, f, mult);
        double[] p = optimise(x, f, mult, start, alpha, beta, gamma);
        int n = x.length;
        double[] fitted = new double[n - f];
        double[] state = new double[f + 2];
        double sse = filter(x, f, mult, start, p[0], p[1], p[2], fitted, state, new double[f]);
        double variance = residualVariance(x, f, fitted);
        List<Forecast> forecast = new ArrayList<>();
        for (int h = 1; h <= horizon; h++) {
            double s = state[2 + (h - 1) % f];
            double mean = mult ? (state[0] + h * state[1]) * s : state[0] + h * state[1] + s;
            double v = variance * (mult ? multiplicativeFactor(p, f, state, h) : additiveFactor(p, f, h));
            forecast.add(band(mean, z, v));
        }
        return new Result(Method.HOLT_WINTERS, mult ? Seasonal.MULTIPLICATIVE : Seasonal.ADDITIVE, p[0], p[1], p[2],
                state[0], state[1], Arrays.copyOfRange(state, 2, f + 2), sse, f, fitted, List.copyOf(forecast));
    }

    private static double psi(double[] p, int f, int j) {
        return p[0] * (1 + j * p[1]) + (j % f == 0 ? p[2] * (1 - p[0]) : 0);
    }

    private static double additiveFactor(double[] p, int f, int h) {
        double sum = 1;
        for (int j = 1; j <= h - 1; j++) {
            sum += psi(p, f, j) * psi(p, f, j);
        }
        return sum;
    }

    private static double multiplicativeFactor(double[] p, int f, double[] state, int h) {
        int rel = 1 + (h - 1) % f;
        double sum = 0;
        for (int j = 0; j <= h - 1; j++) {
            int k = Math.floorMod(rel - j, f);
            // R's coefficients vector c(a, b, s1..sf), 1-based: c[2 + k] is b for k = 0, else s_k
            double denominator = k == 0 ? state[1] : state[1 + k];
            double term = psi(p, f, j) * state[1 + rel] / denominator;
            sum += term * term;
        }
        return sum;
    }

    private static double[] optimise(double[] x, int f, boolean mult, double[] start, Double alpha, Double beta,
                                     Double gamma) {
        Double[] given = {alpha, beta, gamma};
        int[] free = java.util.stream.IntStream.range(0, 3).filter(k -> given[k] == null).toArray();
        double[] p = {alpha == null ? 0.3 : alpha, beta == null ? 0.1 : beta, gamma == null ? 0.1 : gamma};
        if (free.length == 0) {
            return p;
        }
        double[] lower = new double[free.length];
        double[] upper = new double[free.length];
        for (int k = 0; k < free.length; k++) {
            lower[k] = free[k] == 0 ? ALPHA_MIN : 0;
            upper[k] = 1;
        }
        BoundedNelderMead.Objective sse = new SseObjective(x, f, mult, start, p, free);
        double[] bestPoint = new double[free.length];
        for (int k = 0; k < free.length; k++) {
            bestPoint[k] = p[free[k]];
        }
        double bestValue = sse.value(bestPoint.clone());
        if (free.length == 1) {
            try {
                UnivariatePointValuePair r = new BrentOptimizer(1e-10, 1e-12).optimize(new MaxEval(2000),
                        new UnivariateObjectiveFunction(t -> sse.value(new double[] {t})), GoalType.MINIMIZE,
                        new SearchInterval(lower[0], upper[0]));
                if (r.getValue() < bestValue) {
                    bestPoint[0] = r.getPoint();
                }
            } catch (MathRuntimeException e) {
                // an optimiser that stops early (evaluation budget, a degenerate model) leaves R's start
            }
        } else {
            List<double[]> starts = grid(sse, free, gridStarts(x.length, f));
            double[] rStart = bestPoint.clone();
            if (starts.stream().noneMatch(q -> Arrays.equals(q, rStart))) {
                starts.add(rStart);
            }
            // every start to a coarse minimum, then the best of them (and any as good within 1e-6) to the tolerance
            List<BoundedNelderMead.Minimum> coarse = new ArrayList<>();
            for (double[] from : starts) {
                coarse.add(BoundedNelderMead.minimise(sse, lower, upper, from, SIMPLEX_STEP, COARSE_TOLERANCE,
                        100 * COARSE_TOLERANCE, MAX_EVALUATIONS));
            }
            double coarseBest = coarse.stream().mapToDouble(BoundedNelderMead.Minimum::value).min().orElseThrow();
            for (BoundedNelderMead.Minimum c : coarse) {
                if (c.value() <= coarseBest + 1e-6 * Math.abs(coarseBest)) {
                    BoundedNelderMead.Minimum m = BoundedNelderMead.minimise(sse, lower, upper, c.point(),
                            POLISH_STEP, TOLERANCE, 100 * TOLERANCE, MAX_EVALUATIONS);
                    BoundedNelderMead.Minimum better = m.value() <= c.value() ? m : c;
                    if (better.value() < bestValue) {
                        bestValue = better.value();
                        bestPoint = better.point();
                    }
                }
            }
        }
        for (int k = 0; k < free.length; k++) {
            p[free[k]] = Math.min(upper[k], Math.max(lower[k], bestPoint[k]));
        }
        return p;
    }

    /** The SSE as a function of the free parameters, the others held at their given values. */
    private static final class SseObjective implements BoundedNelderMead.Objective {
        private final double[] x;
        private final int f;
        private final boolean mult;
        private final double[] start;
        private final double[] full;
        private final int[] free;
        private final double[] ring;

        SseObjective(double[] x, int f, boolean mult, double[] start, double[] p, int[] free) {
            this.x = x;
            this.f = f;
            this.mult = mult;
            this.start = start;
            this.full = p.clone();
            this.free = free;
            this.ring = new double[f];
        }

        @Override
        public double value(double[] q) {
            return value(q, Double.POSITIVE_INFINITY);
        }

        @Override
        public double value(double[] q, double cap) {
            for (int k = 0; k < free.length; k++) {
                full[free[k]] = q[k];
            }
            double v = sse(x, f, mult, start, full[0], full[1], full[2], ring, cap);
            return Double.isFinite(v) ? v : Double.MAX_VALUE;
        }
    }

    /** The {@code count} best points of the grid, best first (a point that cannot be among them is cut short). */
    private static List<double[]> grid(BoundedNelderMead.Objective sse, int[] free, int count) {
        int[] sizes = new int[free.length];
        int total = 1;
        for (int k = 0; k < free.length; k++) {
            sizes[k] = free[k] == 1 ? GRID_TREND.length : GRID_SMOOTHING.length;
            total *= sizes[k];
        }
        double[][] points = new double[count][];
        double[] values = new double[count];
        Arrays.fill(values, Double.POSITIVE_INFINITY);
        double[] q = new double[free.length];
        for (int c = 0; c < total; c++) {
            int rest = c;
            for (int k = 0; k < free.length; k++) {
                int idx = rest % sizes[k];
                rest /= sizes[k];
                q[k] = free[k] == 1 ? GRID_TREND[idx] : GRID_SMOOTHING[idx];
            }
            double v = sse.value(q, values[count - 1]);
            int at = count;
            while (at > 0 && v < values[at - 1]) {
                at--;
            }
            if (at < count) {
                System.arraycopy(values, at, values, at + 1, count - at - 1);
                System.arraycopy(points, at, points, at + 1, count - at - 1);
                values[at] = v;
                points[at] = q.clone();
            }
        }
        List<double[]> best = new ArrayList<>();
        for (double[] point : points) {
            if (point != null) {
                best.add(point);
            }
        }
        return best;
    }

    /** R's {@code var(residuals)}: the sample variance (n − 1) of x − x̂ over the fitted observations. */
    private static double residualVariance(double[] x, int from, double[] fitted) {
        int m = fitted.length;
        if (m < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (int i = 0; i < m; i++) {
            mean += (x[from + i] - fitted[i]) / m;
        }
        double ss = 0;
        for (int i = 0; i < m; i++) {
            double d = x[from + i] - fitted[i] - mean;
            ss += d * d;
        }
        return ss / (m - 1);
    }

    private static Forecast band(double mean, double z, double variance) {
        if (!Double.isFinite(variance) || variance < 0) {
            return new Forecast(mean, null, null);
        }
        double half = z * Math.sqrt(variance);
        return new Forecast(mean, mean - half, mean + half);
    }

    // ---- fallbacks ----

    private static Result seasonalNaive(double[] x, int f, int horizon, double z) {
        int n = x.length;
        double[] fitted = new double[n - f];
        double sse = 0;
        for (int i = f; i < n; i++) {
            fitted[i - f] = x[i - f];
            sse += (x[i] - x[i - f]) * (x[i] - x[i - f]);
        }
        double sigma2 = fitted.length == 0 ? Double.NaN : sse / fitted.length;
        List<Forecast> forecast = new ArrayList<>();
        for (int h = 1; h <= horizon; h++) {
            double mean = x[n - f + (h - 1) % f];
            forecast.add(band(mean, z, sigma2 * ((h - 1) / f + 1)));
        }
        return new Result(Method.SEASONAL_NAIVE, null, null, null, null, null, null, null,
                fitted.length == 0 ? null : sse, f, fitted, List.copyOf(forecast));
    }

    /** The SSE of simple exponential smoothing from L_1 = x_1; fills {@code fitted} (length n − 1) when given. */
    static double sesFilter(double[] x, double a, double[] fitted, double[] level) {
        double l = x[0];
        double sse = 0;
        for (int i = 1; i < x.length; i++) {
            if (fitted != null) {
                fitted[i - 1] = l;
            }
            sse += (x[i] - l) * (x[i] - l);
            l = a * x[i] + (1 - a) * l;
        }
        if (level != null) {
            level[0] = l;
        }
        return sse;
    }

    private static Result simpleExponential(double[] x, Double alpha, int horizon, double z) {
        double a;
        if (alpha != null) {
            a = alpha;
        } else {
            UnivariatePointValuePair r = new BrentOptimizer(1e-10, 1e-12).optimize(new MaxEval(2000),
                    new UnivariateObjectiveFunction(t -> sesFilter(x, t, null, null)), GoalType.MINIMIZE,
                    new SearchInterval(ALPHA_MIN, 1));
            a = r.getPoint();
        }
        double[] fitted = new double[x.length - 1];
        double[] level = new double[1];
        double sse = sesFilter(x, a, fitted, level);
        double variance = residualVariance(x, 1, fitted);
        List<Forecast> forecast = new ArrayList<>();
        for (int h = 1; h <= horizon; h++) {
            forecast.add(band(level[0], z, variance * (1 + (h - 1) * a * a)));
        }
        return new Result(Method.SIMPLE_EXPONENTIAL, null, a, null, null, level[0], null, null, sse, 1, fitted,
                List.copyOf(forecast));
    }

    private static Result mean(double[] x, int horizon, double level) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v / n;
        }
        Double lower = null;
        Double upper = null;
        if (n >= 2) {
            double ss = 0;
            for (double v : x) {
                ss += (v - mean) * (v - mean);
            }
            double s = Math.sqrt(ss / (n - 1));
            double t = new TDistribution(null, n - 1).inverseCumulativeProbability((1 + level) / 2);
            double half = t * s * Math.sqrt(1 + 1.0 / n);
            lower = mean - half;
            upper = mean + half;
        }
        List<Forecast> forecast = new ArrayList<>();
        for (int h = 1; h <= horizon; h++) {
            forecast.add(new Forecast(mean, lower, upper));
        }
        return new Result(Method.MEAN, null, null, null, null, mean, null, null, null, n, new double[0],
                List.copyOf(forecast));
    }
}
