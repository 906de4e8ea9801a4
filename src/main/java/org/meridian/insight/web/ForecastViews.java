package org.meridian.insight.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

import org.meridian.insight.forecast.Forecast;
import org.meridian.insight.forecast.ForecastMeasure;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A stored forecast as the pages show it, in the reader's language: the method and why it was chosen, the back-test,
 * the months ahead with their bands and the chart. Counts with one decimal, revenue in 万元 with two.
 */
@Component
class ForecastViews {

    private final MessageSource messages;
    private final ForecastChart charts;

    ForecastViews(MessageSource messages, ForecastChart charts) {
        this.messages = messages;
        this.charts = charts;
    }

    /** One month ahead: its label, forecast and bands as text. */
    record AheadRow(String month, String mean, String band80, String band95) {
    }

    record View(ForecastMeasure measure, String method, String why, String backtest, List<AheadRow> ahead,
                String chart) {
    }

    View of(Forecast f, Locale locale) {
        boolean money = f.measure() == ForecastMeasure.REVENUE;
        List<AheadRow> ahead = f.ahead().stream().map(m -> new AheadRow(month(m.month(), locale),
                amount(m.value(), money, locale), band(m.lower80(), m.upper80(), money, locale),
                band(m.lower95(), m.upper95(), money, locale))).toList();
        return new View(f.measure(), method(f.method().name(), locale), why(f, locale), backtest(f, locale), ahead,
                charts.option(f, locale));
    }

    String method(String method, Locale locale) {
        return messages.getMessage("insight.forecast.method." + method, null, locale);
    }

    String why(Forecast f, Locale locale) {
        return messages.getMessage("insight.forecast.why." + f.method().name(), new Object[] {f.historyMonths(),
                parameter(f.alpha()), parameter(f.beta()), parameter(f.gamma())}, locale);
    }

    String backtest(Forecast f, Locale locale) {
        if (f.backtestMethod() == null) {
            return messages.getMessage("insight.forecast.backtest.none", null, locale);
        }
        String method = method(f.backtestMethod().name(), locale);
        if (f.backtestMape() == null) {
            return messages.getMessage("insight.forecast.backtest.allZero", new Object[] {method}, locale);
        }
        return messages.getMessage("insight.forecast.backtest.text", new Object[] {method, mape(f.backtestMape()),
                f.backtestMonths()}, locale);
    }

    static String mape(Double mape) {
        return mape == null ? "—" : BigDecimal.valueOf(mape).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    String month(java.time.YearMonth m, Locale locale) {
        return messages.getMessage("insight.forecast.month", new Object[] {String.valueOf(m.getYear()),
                m.getMonthValue()}, locale);
    }

    /** A count with one decimal, or revenue in 万元 with two. */
    String amount(double v, boolean money, Locale locale) {
        if (!money) {
            return ForecastChart.shown(v, false).toPlainString();
        }
        return messages.getMessage("insight.forecast.wan", new Object[] {ForecastChart.shown(v, true).toPlainString()},
                locale);
    }

    String band(Double lower, Double upper, boolean money, Locale locale) {
        if (lower == null || upper == null) {
            return "—";
        }
        return amount(lower, money, locale) + " – " + amount(upper, money, locale);
    }

    private static String parameter(Double p) {
        return p == null ? "—" : BigDecimal.valueOf(p).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
