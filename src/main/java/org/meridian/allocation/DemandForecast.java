package org.meridian.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.meridian.insight.forecast.ForecastModel;
import org.meridian.shared.Period;

/**
 * A unit's forecast demand (需求预测) for an allocation plan: what its own workload measure (a statistic measure the
 * planner names, such as discharges or outpatient visits) is expected to be in the period after the plan's period.
 * Departments and institutions have no stored forecasts (those are the channels'), so the forecast is made here, from
 * the unit's monthly statistics, by the rule the channels' forecasts use ({@link ForecastModel}).
 *
 * <p><b>History.</b> The months of the measure the unit reported, back from the last month of the plan's period without
 * a gap, at most {@value #WINDOW} of them: a month not reported ends the history there (a missing statistic is not 0,
 * and the forecasting rule needs consecutive months). No value in the period's last month: no forecast.
 *
 * <p><b>Demand</b> = the sum of the forecast means of the months of the next period (3 after a quarter, 1 after a
 * month, 12 after a year), never below 0, kept to 4 decimals. With n months of history the rule is the mean (n &lt; 3),
 * simple exponential smoothing (3 ≤ n &lt; 12), the seasonal naive forecast — each month as the same month a year
 * earlier — (12 ≤ n &lt; 25) or Holt-Winters (n ≥ 25).
 */
final class DemandForecast {

    /** Months of history read at most, as for the channels' forecasts. */
    static final int WINDOW = 36;

    private DemandForecast() {
    }

    /** A unit's demand and the months of history it was forecast from. */
    record Demand(BigDecimal value, int months) {
    }

    /** The first month of history that may be read for a plan of {@code period}. */
    static YearMonth from(Period period) {
        return YearMonth.from(period.lastDay()).minusMonths(WINDOW - 1);
    }

    /**
     * @param monthly one unit's values of the measure by month (other months absent)
     * @return its demand over the period after {@code period}, or null when it reported nothing in the period's last
     *         month
     */
    static Demand of(Map<YearMonth, BigDecimal> monthly, Period period) {
        YearMonth end = YearMonth.from(period.lastDay());
        int n = 0;
        while (n < WINDOW && monthly.containsKey(end.minusMonths(n))) {
            n++;
        }
        if (n == 0) {
            return null;
        }
        double[] history = new double[n];
        for (int i = 0; i < n; i++) {
            history[i] = monthly.get(end.minusMonths(n - 1 - i)).doubleValue();
        }
        int horizon = period.kind().months();
        double sum = 0;
        for (ForecastModel.Ahead a : ForecastModel.compute(history, horizon).ahead()) {
            sum += a.mean();
        }
        return new Demand(BigDecimal.valueOf(Math.max(sum, 0)).setScale(4, RoundingMode.HALF_UP), n);
    }

    /** Each unit's values of one measure by month, from a list of (unit, month, value). */
    static Map<Long, Map<YearMonth, BigDecimal>> byUnit(List<org.meridian.intake.StatisticValue> values,
            String measure) {
        Map<Long, Map<YearMonth, BigDecimal>> out = new HashMap<>();
        for (org.meridian.intake.StatisticValue v : values) {
            if (v.measure().equals(measure)) {
                out.computeIfAbsent(v.unitId(), u -> new HashMap<>()).put(v.month(), v.value());
            }
        }
        return out;
    }
}
