package org.meridian.shared.tenant;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.meridian.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Work done once a day at a local hour in each hospital's own time zone (each hospital's morning, night), the one
 * way every module schedules such work. The module's {@code @Scheduled} method fires every hour at a minute of its
 * own and calls {@link #daily}: the work then runs for each hospital where it is now between {@code hour}:00 and
 * {@code hour}:59 local time (read from the injected {@link Clock}), as the system actor {@code system:<name>}, with
 * the hospital's local date. A failure of one hospital is logged and does not stop the others. A day missed (Meridian
 * was down at that hour) is not made up here: the work itself must find what is still to do the next day.
 *
 * <pre>{@code
 * @Scheduled(cron = "0 50 * * * *")
 * void morning() {
 *     if (enabled) {
 *         schedule.daily(7, "overdue-check", (actor, today) -> workflow.tellOverdue(actor));
 *     }
 * }
 * }</pre>
 */
@Component
public class HospitalSchedule {

    private static final Logger log = LoggerFactory.getLogger(HospitalSchedule.class);

    /** The work of one hospital on one day, done as the system actor of that hospital. */
    @FunctionalInterface
    public interface Work {
        void run(Actor actor, LocalDate today);
    }

    private final Hospitals hospitals;
    private final Clock clock;

    HospitalSchedule(Hospitals hospitals, Clock clock) {
        this.hospitals = hospitals;
        this.clock = clock;
    }

    /**
     * Runs {@code work} for every hospital where it is now {@code hour} o'clock, as {@code system:<name>}; how many
     * hospitals it ran for (a failed one included).
     */
    public int daily(int hour, String name, Work work) {
        return daily(hospitals.all(), clock.instant(), hour, name, work);
    }

    /** The same for the given hospitals at the instant {@code now}. */
    static int daily(List<Hospital> hospitals, Instant now, int hour, String name, Work work) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("an hour of the day is 0 to 23, not " + hour);
        }
        int ran = 0;
        for (Hospital h : hospitals) {
            ZonedDateTime local = now.atZone(h.timeZone());
            if (local.getHour() == hour) {
                ran++;
                try {
                    work.run(Actor.system(h.id(), name), local.toLocalDate());
                } catch (RuntimeException e) {
                    log.error("The daily {} of hospital {} failed", name, h.code(), e);
                }
            }
        }
        return ran;
    }
}
