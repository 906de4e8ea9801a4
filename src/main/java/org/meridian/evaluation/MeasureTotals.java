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
 * The totals of every measure (度量合计) over an evaluation's period that one channel's scorecard was scored from,
 * frozen with the scorecard when the evaluation ran: a published evaluation's totals never change, whatever
 * happens to the events later. A measure without events is 0.
 *
 * @param byKey the measures by key ({@code referrals}, {@code arrivals}, {@code revenue} …), exact as the rollups
 *              summed them: every measure of the catalogue at the time of the run
 */
public record MeasureTotals(SortedMap<String, BigDecimal> byKey) {

    private static final SortedSet<String> KEYS = Collections.unmodifiableSortedSet(new TreeSet<>(
            Arrays.stream(Measure.values()).map(Measure::key).toList()));

    public MeasureTotals {
        if (byKey == null || !KEYS.containsAll(byKey.keySet()) || byKey.containsValue(null)) {
            throw new IllegalArgumentException("measure totals are values of the measures " + KEYS + ", not " + byKey);
        }
        byKey = Collections.unmodifiableSortedMap(new TreeMap<>(byKey));
    }

    /** The keys of the measures every scorecard keeps, which is every measure of the catalogue (engine.md §2). */
    public static SortedSet<String> keys() {
        return KEYS;
    }

    /** From the rollups' totals of one channel: a measure missing there had no events and is 0. */
    static MeasureTotals of(Map<Measure, BigDecimal> totals) {
        SortedMap<String, BigDecimal> byKey = new TreeMap<>();
        for (Measure m : Measure.values()) {
            byKey.put(m.key(), totals.getOrDefault(m, BigDecimal.ZERO));
        }
        return new MeasureTotals(byKey);
    }

    /** The total of one measure; empty for a measure the catalogue did not have when the evaluation ran. */
    public java.util.Optional<BigDecimal> get(String key) {
        return java.util.Optional.ofNullable(byKey.get(key));
    }
}
