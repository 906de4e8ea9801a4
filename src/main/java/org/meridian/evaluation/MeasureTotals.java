package org.meridian.evaluation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.meridian.indicator.Measure;

/**
 * The totals of every measure (度量合计) over an evaluation's period that one unit's scorecard was scored from,
 * frozen with the scorecard when the evaluation ran: a published evaluation's totals never change, whatever
 * happens to the events or statistics later. An event measure without events is 0; a statistic measure appears
 * only when the unit reported it in the period (aggregated as the measure says), since a missing one is not 0.
 *
 * @param byKey the measures by key ({@code referrals}, {@code arrivals}, {@code revenue} … and the statistic
 *              measures reported, e.g. {@code discharges}), exact as they were summed: every event measure of the
 *              catalogue at the time of the run
 */
public record MeasureTotals(SortedMap<String, BigDecimal> byKey) {

    private static final SortedSet<String> KEYS = Collections.unmodifiableSortedSet(new TreeSet<>(
            Arrays.stream(Measure.values()).map(Measure::key).toList()));

    public MeasureTotals {
        if (byKey == null || byKey.containsValue(null)) {
            throw new IllegalArgumentException("measure totals are values of measures, not " + byKey);
        }
        byKey = Collections.unmodifiableSortedMap(new TreeMap<>(byKey));
    }

    /** The keys of the event measures every scorecard keeps, which is every event measure (engine.md §2). */
    public static SortedSet<String> keys() {
        return KEYS;
    }

    /**
     * From what one unit was scored on: every event measure (0 without events) and the statistics it reported; the
     * period's {@code days} is not kept (the period says it).
     */
    static MeasureTotals of(org.meridian.indicator.MeasureTotals totals) {
        SortedMap<String, BigDecimal> byKey = new TreeMap<>(totals.statistics());
        for (Measure m : Measure.values()) {
            byKey.put(m.key(), totals.event(m));
        }
        return new MeasureTotals(byKey);
    }

    /** The total of one measure; empty for a measure the catalogue did not have when the evaluation ran. */
    public java.util.Optional<BigDecimal> get(String key) {
        return java.util.Optional.ofNullable(byKey.get(key));
    }
}
