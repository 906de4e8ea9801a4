package org.meridian.region;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.meridian.intake.MonthlyReporting;
import org.meridian.intake.MonthlyReporting.ReportedMonth;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.tenant.HospitalProfile;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.shared.web.Paged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Data completeness per hospital (数据上报完整性) for the regulator: for each hospital of the region and each of the
 * last {@value #MONTHS} whole months (the current month is still being reported), whether it reported events and
 * monthly statistics. A month's event count is shown only when its events name at least
 * {@code meridian.region.min-records} (default 5) distinct patients, so that a small count does not point at a few
 * people; whether the month was reported is always shown. Read only; counts, never rows.
 */
@Service
public class DataCompleteness {

    /** How many whole months the grid shows, ending with the month before the current one. */
    public static final int MONTHS = 12;

    /**
     * One hospital's month: whether events were reported and how many ({@code events} null when none or hidden
     * because they name fewer patients than the threshold), and how many statistic values were reported.
     */
    public record Month(YearMonth month, boolean eventsReported, Long events, long statistics) {

        public boolean statisticsReported() {
            return statistics > 0;
        }

        /** Events were reported but name too few patients to show their count. */
        public boolean eventsHidden() {
            return eventsReported && events == null;
        }
    }

    /** One hospital's row: its months oldest first, and how many of them lack events or statistics. */
    public record Row(HospitalProfile hospital, List<Month> months, int eventGaps, int statisticGaps) {
    }

    /** A page of the grid: the window's months, oldest first, and the page of hospitals by code. */
    public record Grid(List<YearMonth> months, Paged<Row> hospitals) {
    }

    private final Hospitals hospitals;
    private final MonthlyReporting reporting;
    private final HospitalCalendar calendar;
    private final int minPatients;

    DataCompleteness(Hospitals hospitals, MonthlyReporting reporting, HospitalCalendar calendar,
                     @Value("${meridian.region.min-records:5}") int minPatients) {
        this.hospitals = hospitals;
        this.reporting = reporting;
        this.calendar = calendar;
        this.minPatients = minPatients;
    }

    public int minPatients() {
        return minPatients;
    }

    /** The {@value #MONTHS} whole months before the current month of the actor's hospital, oldest first. */
    public List<YearMonth> window(Actor actor) {
        YearMonth current = YearMonth.from(calendar.today(actor.hospitalId()));
        List<YearMonth> months = new ArrayList<>();
        for (int i = MONTHS; i >= 1; i--) {
            months.add(current.minusMonths(i));
        }
        return months;
    }

    /** A page of the region's hospitals by code, narrowed as the workbench is, with their months. */
    public Grid grid(Actor actor, String text, UnitType type, String district, int page, int size) {
        RegionVisibility.require(RegionVisibility.reads(actor), actor, "read the region's data completeness");
        Paged<HospitalProfile> shown = hospitals.inRegion(hospitals.regionOf(actor.hospitalId()), text, type, district,
                page, size);
        List<YearMonth> window = window(actor);
        return new Grid(window, new Paged<>(rows(actor, shown.items(), window), shown.page(), shown.size(),
                shown.total()));
    }

    /** Every hospital of the region that matches, by code (for the workbook and the districts). */
    public List<Row> all(Actor actor, String text, UnitType type, String district) {
        RegionVisibility.require(RegionVisibility.reads(actor), actor, "read the region's data completeness");
        return rows(actor, RegionOverview.everyHospital(hospitals, hospitals.regionOf(actor.hospitalId()), text, type,
                district), window(actor));
    }

    List<Row> rows(Actor actor, List<HospitalProfile> shown, List<YearMonth> window) {
        Map<Long, Map<YearMonth, ReportedMonth>> reported = reporting.months(
                Actor.system(actor.hospitalId(), "region-completeness"),
                shown.stream().map(HospitalProfile::id).toList(), window.get(0), window.get(window.size() - 1));
        List<Row> rows = new ArrayList<>();
        for (HospitalProfile h : shown) {
            Map<YearMonth, ReportedMonth> own = reported.getOrDefault(h.id(), Map.of());
            List<Month> months = new ArrayList<>();
            int eventGaps = 0;
            int statisticGaps = 0;
            for (YearMonth m : window) {
                ReportedMonth r = own.getOrDefault(m, new ReportedMonth(0, 0, 0));
                boolean events = r.events() > 0;
                months.add(new Month(m, events, events && r.patients() >= minPatients ? r.events() : null,
                        r.statistics()));
                eventGaps += events ? 0 : 1;
                statisticGaps += r.statistics() > 0 ? 0 : 1;
            }
            rows.add(new Row(h, months, eventGaps, statisticGaps));
        }
        return rows;
    }
}
