package org.meridian.shared.tenant;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * A hospital's own calendar: its time zone and today's date there, from the injected {@link Clock} (so tests fix
 * the day). Pages show times in this zone; "contracts ending within 60 days" and "last month" count from this date.
 */
@Component
public class HospitalCalendar {

    /** The zone of a hospital that does not exist (any more): mainland China's. */
    static final ZoneId FALLBACK = ZoneId.of("Asia/Shanghai");

    private final Hospitals hospitals;
    private final Clock clock;

    HospitalCalendar(Hospitals hospitals, Clock clock) {
        this.hospitals = hospitals;
        this.clock = clock;
    }

    /** The hospital's time zone, in which its pages show times. */
    public ZoneId zone(long hospitalId) {
        return hospitals.find(hospitalId).map(Hospital::timeZone).orElse(FALLBACK);
    }

    /** Today in the hospital's time zone. */
    public LocalDate today(long hospitalId) {
        return LocalDate.now(clock.withZone(zone(hospitalId)));
    }

    /**
     * The year a report shows unless another period is asked for: the year of the last whole month in the
     * hospital's calendar. In January that is the year just ended (its December is complete; the new year has
     * hardly any data yet), in every other month this year.
     */
    public int reportingYear(long hospitalId) {
        return today(hospitalId).minusMonths(1).getYear();
    }

    /** The time of day now in the hospital's zone, read from the injected clock. */
    public LocalTime now(long hospitalId) {
        return LocalTime.now(clock.withZone(zone(hospitalId)));
    }
}
