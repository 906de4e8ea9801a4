package org.meridian.insight.alert;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of a hospital's holiday calendar. {@code name} is the holiday's key for the defaults (e.g.
 * {@code SPRING_FESTIVAL}, shown from the bundles) or the hospital's own words.
 */
public record HolidayDay(LocalDate day, HolidayKind kind, String name) {

    public HolidayDay {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
