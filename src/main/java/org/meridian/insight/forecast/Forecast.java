package org.meridian.insight.forecast;

import java.time.YearMonth;
import java.util.List;

import org.meridian.insight.method.HoltWinters.Method;

/**
 * A stored forecast of one channel (or of the whole hospital: {@code channelId} null) and measure: the method and
 * its parameters, the history it saw ({@code historyMonths} complete months from {@code historyFrom}), last year's
 * back-test, and its months — the history it saw, the fit over it, the months ahead with their bands, the back-test's forecasts.
 * Parameters are null where the method has none; {@code seasonals} R's s_1..s_12 for Holt-Winters.
 */
public record Forecast(long id, Long channelId, ForecastMeasure measure, Method method, YearMonth historyFrom,
                       int historyMonths, Double alpha, Double beta, Double gamma, Double level, Double trend,
                       double[] seasonals, Double sse, Method backtestMethod, Double backtestMape, int backtestMonths,
                       List<Month> history, List<Month> fit, List<Month> ahead, List<Month> backtest) {

    public Forecast {
        history = List.copyOf(history);
        fit = List.copyOf(fit);
        ahead = List.copyOf(ahead);
        backtest = List.copyOf(backtest);
    }

    /** The last month of the history (the month that closed last when it was computed). */
    public YearMonth historyTo() {
        return historyFrom.plusMonths(historyMonths - 1L);
    }

    /** The first month ahead, or null. */
    public Month next() {
        return ahead.isEmpty() ? null : ahead.get(0);
    }

    /** One month of a forecast: its value and, for a month ahead, the 80 % and 95 % bands (null where none). */
    public record Month(YearMonth month, double value, Double lower80, Double upper80, Double lower95,
                        Double upper95) {
    }
}
