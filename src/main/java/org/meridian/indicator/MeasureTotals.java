package org.meridian.indicator;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a formula is evaluated on: one unit's measures over one period (engine.md §3). {@code events} are the sums of
 * the built-in event measures, a missing one counting 0 (a unit without events); {@code statistics} the aggregated
 * statistic measures by code, a missing one being missing (a unit that reported nothing did not report zero) and
 * making every formula that reads it null; {@code days} the number of days of the period (the built-in measure
 * {@value #DAYS}), null when the caller has no period.
 */
public record MeasureTotals(Map<Measure, BigDecimal> events, Map<String, BigDecimal> statistics, BigDecimal days) {

    /** The built-in measure that is the number of days of the period. */
    public static final String DAYS = "days";

    public MeasureTotals {
        events = events == null ? Map.of() : events;
        statistics = statistics == null ? Map.of() : statistics;
    }

    /** Event sums alone (no statistics, no period length). */
    public static MeasureTotals ofEvents(Map<Measure, BigDecimal> events) {
        return new MeasureTotals(events, Map.of(), null);
    }

    /** An event measure's sum, 0 when absent. */
    public BigDecimal event(Measure m) {
        BigDecimal v = events.get(m);
        return v == null ? BigDecimal.ZERO : v;
    }

    /** A statistic measure's value over the period, null when missing. */
    public BigDecimal statistic(String code) {
        return statistics.get(code);
    }
}
