package org.meridian.intake;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.meridian.indicator.Measure;

/** Sums of the measures for one channel and local date (or a change to them). Zero where not set. */
final class MeasureSums {

    private final EnumMap<Measure, BigDecimal> sums = new EnumMap<>(Measure.class);

    BigDecimal get(Measure m) {
        return sums.getOrDefault(m, BigDecimal.ZERO);
    }

    MeasureSums add(Measure m, BigDecimal amount) {
        sums.merge(m, amount, BigDecimal::add);
        return this;
    }

    MeasureSums add(MeasureSums other) {
        other.sums.forEach(this::add);
        return this;
    }

    MeasureSums negated() {
        MeasureSums n = new MeasureSums();
        sums.forEach((m, v) -> n.sums.put(m, v.negate()));
        return n;
    }

    boolean isZero() {
        return sums.values().stream().allMatch(v -> v.signum() == 0);
    }

    Map<Measure, BigDecimal> asMap() {
        EnumMap<Measure, BigDecimal> all = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            all.put(m, get(m));
        }
        return Collections.unmodifiableMap(all);
    }
}
