package org.meridian.insight.forecast;

import java.util.ArrayList;
import java.util.List;

import org.meridian.insight.method.HoltWinters;
import org.meridian.insight.method.HoltWinters.Method;

/**
 * How one monthly series is forecast (预测): the rule that picks the method by the length of the history, the two
 * prediction bands, and last year's back-test. Plain Java; the numerics are {@link HoltWinters}'.
 * <p>
 * The history is the complete months, oldest first. With n months:
 * <ul>
 * <li>n ≥ 25 (two full years and one month more, since R's Holt-Winters takes its start values from the first two
 * years and needs at least one month after them to fit on): Holt-Winters, additive trend and additive seasonality of
 * period 12, α, β, γ chosen by least squares of the one-step-ahead errors;</li>
 * <li>12 ≤ n &lt; 25: the seasonal naive forecast — each month as the same month a year earlier;</li>
 * <li>3 ≤ n &lt; 12: simple exponential smoothing (α chosen the same way) — the smoothed level, flat;</li>
 * <li>1 ≤ n &lt; 3: the mean; n = 0: no forecast.</li>
 * </ul>
 * Each month ahead gets an 80 % and a 95 % prediction band, both from the same fitted model (the 80 % one is fitted
 * again with the parameters of the 95 % fit, so only the quantile differs). The four figures are counts and money and
 * cannot be negative in a month, so a mean or bound below 0 is shown as 0.
 * <p>
 * Back-test (回测): the same rule applied to the history without its last 12 months, forecasting those 12 months;
 * MAPE = mean over the months whose actual value is not 0 of |actual − forecast| / |actual| × 100 (a month with 0
 * has no percentage error and is left out; none left: no MAPE). None when the history has 12 months or fewer.
 */
public final class ForecastModel {

    /** Months in a year: the seasonal period. */
    public static final int PERIOD = 12;
    /** The longest forecast served. */
    public static final int MAX_HORIZON = 12;
    /** Months that Holt-Winters needs (two years for its start values, one to fit). */
    public static final int HOLT_WINTERS_FROM = 2 * PERIOD + 1;
    /** Months of the back-test: the year that has happened since. */
    public static final int BACKTEST_MONTHS = 12;

    private ForecastModel() {
    }

    /** One month ahead: the forecast and its bands (never below 0). */
    public record Ahead(double mean, Double lower80, Double upper80, Double lower95, Double upper95) {
    }

    /** Last year's forecasts of the 12 months since, and their error; {@code mape} null when no month had a value. */
    public record Backtest(Method method, double[] forecast, Double mape, int months) {
    }

    /**
     * The forecast of one series. {@code fitted[i]} is the model's one-step-ahead value for history month
     * {@code fittedFrom + i}; the parameters are null where the method has none.
     */
    public record Computed(Method method, int months, Double alpha, Double beta, Double gamma, Double level,
                           Double trend, double[] seasonals, Double sse, int fittedFrom, double[] fitted,
                           List<Ahead> ahead, Backtest backtest) {
    }

    /** The forecast of {@code history} (complete months, oldest first) for {@code horizon} months; null when empty. */
    public static Computed compute(double[] history, int horizon) {
        if (horizon < 1 || horizon > MAX_HORIZON) {
            throw new IllegalArgumentException("horizon " + horizon + " is not within 1.." + MAX_HORIZON);
        }
        if (history.length == 0) {
            return null;
        }
        HoltWinters.Result r95 = fit(history, horizon, null, null, null, 0.95);
        HoltWinters.Result r80 = fit(history, horizon, r95.alpha(), r95.beta(), r95.gamma(), 0.80);
        List<Ahead> ahead = new ArrayList<>();
        for (int i = 0; i < horizon; i++) {
            HoltWinters.Forecast f95 = r95.forecast().get(i);
            HoltWinters.Forecast f80 = r80.forecast().get(i);
            ahead.add(new Ahead(cut(f95.mean()), cut(f80.lower()), cut(f80.upper()), cut(f95.lower()),
                    cut(f95.upper())));
        }
        return new Computed(r95.method(), history.length, r95.alpha(), r95.beta(), r95.gamma(), r95.level(),
                r95.trend(), r95.seasonals(), r95.sse(), r95.fittedFrom(), r95.fitted(), List.copyOf(ahead),
                backtest(history));
    }

    /** The method the rule picks for a history of {@code months} complete months; null for none. */
    public static Method methodFor(int months) {
        if (months >= HOLT_WINTERS_FROM) {
            return Method.HOLT_WINTERS;
        }
        if (months >= PERIOD) {
            return Method.SEASONAL_NAIVE;
        }
        if (months >= 3) {
            return Method.SIMPLE_EXPONENTIAL;
        }
        return months >= 1 ? Method.MEAN : null;
    }

    static Backtest backtest(double[] history) {
        int origin = history.length - BACKTEST_MONTHS;
        if (origin < 1) {
            return null;
        }
        double[] before = java.util.Arrays.copyOf(history, origin);
        HoltWinters.Result r = fit(before, BACKTEST_MONTHS, null, null, null, 0.95);
        double[] forecast = new double[BACKTEST_MONTHS];
        double sum = 0;
        int counted = 0;
        for (int i = 0; i < BACKTEST_MONTHS; i++) {
            forecast[i] = cut(r.forecast().get(i).mean());
            double actual = history[origin + i];
            if (actual != 0) {
                sum += Math.abs(actual - forecast[i]) / Math.abs(actual);
                counted++;
            }
        }
        return new Backtest(r.method(), forecast, counted == 0 ? null : 100 * sum / counted, counted);
    }

    private static HoltWinters.Result fit(double[] x, int horizon, Double alpha, Double beta, Double gamma,
                                          double interval) {
        return HoltWinters.fit(x, PERIOD, HoltWinters.Seasonal.ADDITIVE, alpha, beta, gamma, horizon, interval);
    }

    private static double cut(double v) {
        return Math.max(0, v);
    }

    private static Double cut(Double v) {
        return v == null ? null : Math.max(0, v);
    }
}
