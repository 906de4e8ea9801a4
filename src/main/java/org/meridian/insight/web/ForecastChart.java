package org.meridian.insight.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.meridian.insight.forecast.Forecast;
import org.meridian.insight.forecast.ForecastMeasure;
import org.meridian.shared.NamedValues;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ECharts option of one forecast: the history, the model's fit, last year's forecasts of the year since, the
 * months ahead and their 80 % and 95 % bands. The bands are areas drawn from 0 up to each bound (95 % upper, 80 %
 * upper, 80 % lower, then the 95 % lower in the background colour), so that the tooltip shows the bounds themselves.
 * Revenue in 万元 (two decimals), counts with one decimal.
 */
@Component
class ForecastChart {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final MessageSource messages;
    private final JsonMapper json;

    ForecastChart(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    String option(Forecast f, Locale locale) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = f.historyFrom(); !m.isAfter(f.ahead().isEmpty() ? f.historyTo()
                : f.ahead().get(f.ahead().size() - 1).month()); m = m.plusMonths(1)) {
            months.add(m);
        }
        boolean money = f.measure() == ForecastMeasure.REVENUE;
        List<Object> series = new ArrayList<>();
        series.add(band(text("insight.forecast.chart.upper95", locale), column(months, f.ahead(), Forecast.Month::upper95, money), "#d6e6f5"));
        series.add(band(text("insight.forecast.chart.upper80", locale), column(months, f.ahead(), Forecast.Month::upper80, money), "#a9cbea"));
        series.add(band(text("insight.forecast.chart.lower80", locale), column(months, f.ahead(), Forecast.Month::lower80, money), "#d6e6f5"));
        series.add(band(text("insight.forecast.chart.lower95", locale), column(months, f.ahead(), Forecast.Month::lower95, money), "#ffffff"));
        series.add(line(text("insight.forecast.chart.actual", locale), column(months, f.history(), m -> m.value(), money), "#1f4e79", "solid"));
        series.add(line(text("insight.forecast.chart.fit", locale), column(months, f.fit(), m -> m.value(), money), "#8c8c8c", "dashed"));
        if (!f.backtest().isEmpty()) {
            series.add(line(text("insight.forecast.chart.backtest", locale), column(months, f.backtest(), m -> m.value(), money), "#d48806", "dotted"));
        }
        series.add(line(text("insight.forecast.chart.ahead", locale), column(months, f.ahead(), m -> m.value(), money), "#237804", "solid"));
        Map<String, Object> option = NamedValues.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0, "type", "scroll", "data", List.of(
                        text("insight.forecast.chart.actual", locale), text("insight.forecast.chart.fit", locale),
                        text("insight.forecast.chart.backtest", locale), text("insight.forecast.chart.ahead", locale))),
                "grid", Map.of("left", 48, "right", 16, "top", 40, "bottom", 28),
                "xAxis", Map.of("type", "category", "boundaryGap", false,
                        "data", months.stream().map(YearMonth::toString).toList()));
        Map<String, Object> y = NamedValues.of("type", "value", "min", 0);
        if (money) {
            y.put("name", text("insight.forecast.chart.tenThousandYuan", locale));
        }
        option.put("yAxis", y);
        option.put("series", series);
        return json.writeValueAsString(option);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static List<BigDecimal> column(List<YearMonth> months, List<Forecast.Month> values,
                                           Function<Forecast.Month, Double> value, boolean money) {
        Map<YearMonth, Double> byMonth = new LinkedHashMap<>();
        values.forEach(m -> byMonth.put(m.month(), value.apply(m)));
        List<BigDecimal> out = new ArrayList<>();
        for (YearMonth m : months) {
            Double v = byMonth.get(m);
            out.add(v == null ? null : shown(v, money));
        }
        return out;
    }

    /** Counts with one decimal, revenue in 万元 with two. */
    static BigDecimal shown(double v, boolean money) {
        BigDecimal d = BigDecimal.valueOf(v);
        return money ? d.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP) : d.setScale(1, RoundingMode.HALF_UP);
    }

    private static Map<String, Object> line(String name, List<BigDecimal> data, String colour, String type) {
        Map<String, Object> s = NamedValues.of("name", name, "type", "line", "data", data, "showSymbol", false, "z", 3,
                "itemStyle", Map.of("color", colour), "lineStyle", Map.of("color", colour, "type", type, "width", 2));
        return s;
    }

    private static Map<String, Object> band(String name, List<BigDecimal> data, String colour) {
        Map<String, Object> s = NamedValues.of("name", name, "type", "line", "data", data, "showSymbol", false, "z", 1,
                "itemStyle", Map.of("color", colour), "lineStyle", Map.of("width", 0, "color", colour),
                "areaStyle", Map.of("color", colour, "opacity", 1, "origin", "start"));
        return s;
    }
}
