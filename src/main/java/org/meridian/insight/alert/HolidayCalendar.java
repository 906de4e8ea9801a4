package org.meridian.insight.alert;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hospital's holiday calendar (节假日日历): per year, the public holidays (法定节假日) and the 调休 working days
 * that the alert scan marks, so that a holiday dip or a worked Saturday is not an alert. A year the hospital has not
 * edited follows the State Council's notice (the defaults of 2025 and 2026 are built in); saving a year's list makes
 * it the hospital's own, and resetting returns it to the defaults. Edits are audited.
 */
@Service
public class HolidayCalendar {

    private final Holidays holidays;
    private final AuditLog audit;
    private final Clock clock;

    HolidayCalendar(Holidays holidays, AuditLog audit, Clock clock) {
        this.holidays = holidays;
        this.audit = audit;
        this.clock = clock;
    }

    /** A year's calendar as the hospital uses it. */
    @Transactional(readOnly = true)
    public HolidayYear year(Actor actor, int year) {
        AlertVisibility.requireSees(actor);
        List<HolidayDay> days = holidays.between(actor.hospitalId(), LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
        return holidays.edited(actor.hospitalId(), year)
                .map(e -> new HolidayYear(year, days, e.by(), e.at()))
                .orElseGet(() -> new HolidayYear(year, days, null, null));
    }

    /** Makes {@code days} (read by {@link HolidayYear#parse}) the hospital's own list of the year. */
    @Transactional
    public HolidayYear save(Actor actor, int year, List<HolidayDay> days) {
        AlertVisibility.requireHandles(actor);
        holidays.replace(actor.hospitalId(), year, days, actor.username(), OffsetDateTime.now(clock));
        audit.record(actor.hospitalId(), actor.username(), "HOLIDAYS_SAVED", String.valueOf(year),
                Map.of("holidays", days.stream().filter(d -> d.kind() == HolidayKind.HOLIDAY).count(),
                        "workdays", days.stream().filter(d -> d.kind() == HolidayKind.WORKDAY).count()));
        return year(actor, year);
    }

    /** Returns the year to the State Council's defaults. */
    @Transactional
    public HolidayYear reset(Actor actor, int year) {
        AlertVisibility.requireHandles(actor);
        holidays.reset(actor.hospitalId(), year);
        audit.record(actor.hospitalId(), actor.username(), "HOLIDAYS_RESET", String.valueOf(year), Map.of());
        return year(actor, year);
    }

    /** The marked days from–to for the scan of a hospital (a reference read: the same for every caller). */
    @Transactional(readOnly = true)
    public List<HolidayDay> between(long hospitalId, LocalDate from, LocalDate to) {
        return holidays.between(hospitalId, from, to);
    }
}
