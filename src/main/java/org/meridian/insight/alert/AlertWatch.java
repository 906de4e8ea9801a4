package org.meridian.insight.alert;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelRegistry;
import org.meridian.indicator.Measure;
import org.meridian.insight.AlertsRaised;
import org.meridian.intake.EventIntake;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.web.Paged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alert watch (异常预警): scans every working channel's daily and monthly referrals and arrivals for breaks
 * from their weekly and yearly pattern ({@link AlertDetection}), with the hospital's holiday calendar marking the days
 * that are not alerts, and keeps the alerts with their workflow: new → acknowledged (with a note) → closed.
 * <p>A scan of the days from–to fits each series on its history (the last 730 days up to {@code to} for days, the
 * last 36 months for months) and records what broke the pattern on those days (and in the complete months among
 * them); an alert of a channel, measure and day that exists already is left as it is, so a scan can be repeated.
 * The daily scan ({@link #scanYesterday}) looks at the last 7 days up to yesterday, so that late events are seen.
 * <p>A scan that adds alerts publishes {@link AlertsRaised} with them, in its transaction (the notifications of the
 * channel office and of the channel's own users listen to it), each marked recent or not: a day at most
 * {@value #RECENT_DAYS} days before the day of the scan, or the last complete month, is recent and told one by one;
 * older alerts (a scan on demand over past days) are told as one summary of the scan.
 */
@Service
public class AlertWatch {

    /** Days the daily scan looks back (late data is still checked). */
    public static final int DAILY_LOOKBACK = 7;
    /** Days of history the daily model sees. */
    public static final int DAILY_HISTORY = 730;
    /** Months of history the monthly model sees. */
    public static final int MONTHLY_HISTORY = 36;
    /** The longest range one scan may report on. */
    public static final int MAX_SCAN_DAYS = 800;
    /**
     * How many days before the day of a scan an alert's day counts as recent, told one by one: two weeks, twice what
     * the daily scan looks back, so that what a late import or a missed night brings to light is still news.
     */
    public static final int RECENT_DAYS = 14;

    private final Alerts alerts;
    private final HolidayCalendar calendar;
    private final ChannelRegistry channels;
    private final EventIntake intake;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AlertWatch(Alerts alerts, HolidayCalendar calendar, ChannelRegistry channels, EventIntake intake, AuditLog audit,
               Clock clock, ApplicationEventPublisher events) {
        this.alerts = alerts;
        this.calendar = calendar;
        this.channels = channels;
        this.intake = intake;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** What a scan did: the days it reported on, the channels it looked at and the alerts it added. */
    public record ScanReport(LocalDate from, LocalDate to, int channels, int raised) {
    }

    /** The daily scan: the last {@link #DAILY_LOOKBACK} days up to the day before {@code today}. */
    @Transactional
    public ScanReport scanYesterday(Actor actor, LocalDate today) {
        return scanDays(actor, today.minusDays(DAILY_LOOKBACK), today.minusDays(1), today);
    }

    /**
     * A scan on demand of the days from–to (at most {@value #MAX_SCAN_DAYS} days, ending before {@code today}); the
     * office's, audited.
     */
    @Transactional
    public ScanReport scan(Actor actor, LocalDate from, LocalDate to, LocalDate today) {
        AlertVisibility.requireHandles(actor);
        List<Problem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(Problem.of("from", "insight.alert.problem.date"));
        }
        if (to == null) {
            problems.add(Problem.of("to", "insight.alert.problem.date"));
        } else if (!to.isBefore(today)) {
            problems.add(Problem.of("to", "insight.alert.problem.notPast", today.toString()));
        }
        if (from != null && to != null && (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_SCAN_DAYS)) {
            problems.add(Problem.of("from", "insight.alert.problem.range", MAX_SCAN_DAYS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("insight", problems);
        }
        ScanReport report = scanDays(actor, from, to, today);
        if (!actor.isSystem()) {
            audit.record(actor.hospitalId(), actor.username(), "ALERTS_SCANNED", from + ".." + to,
                    Map.of("channels", report.channels(), "raised", report.raised()));
        }
        return report;
    }

    private ScanReport scanDays(Actor actor, LocalDate from, LocalDate to, LocalDate today) {
        AlertVisibility.requireHandles(actor);
        long h = actor.hospitalId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate historyFrom = YearMonth.from(to).minusMonths(MONTHLY_HISTORY).atDay(1);
        LocalDate dailyFrom = to.minusDays(DAILY_HISTORY - 1);
        Set<LocalDate> marked = new HashSet<>();
        Map<YearMonth, Integer> holidaysPerMonth = new HashMap<>();
        for (HolidayDay d : calendar.between(h, historyFrom.minusYears(1), to)) {
            marked.add(d.day());
            if (d.kind() == HolidayKind.HOLIDAY) {
                holidaysPerMonth.merge(YearMonth.from(d.day()), 1, Integer::sum);
            }
        }
        List<AlertsRaised.Raised> raised = new ArrayList<>();
        Recent recent = new Recent(today.minusDays(RECENT_DAYS), YearMonth.from(today).minusMonths(1));
        List<ChannelRef> working = working(actor);
        for (ChannelRef c : working) {
            Map<LocalDate, Map<Measure, BigDecimal>> data = intake.daily(h, c.id(), historyFrom, to);
            if (data.isEmpty()) {
                continue;
            }
            LocalDate first = data.keySet().stream().min(LocalDate::compareTo).orElseThrow();
            for (AlertMeasure m : AlertMeasure.values()) {
                days(h, c, m, data, first.isAfter(dailyFrom) ? first : dailyFrom, from, to, marked, now, recent,
                        raised);
                months(h, c, m, data, YearMonth.from(first).plusMonths(1), from, to, holidaysPerMonth, now, recent,
                        raised);
            }
        }
        if (!raised.isEmpty()) {
            events.publishEvent(new AlertsRaised(h, from, to, recent.from(), raised));
        }
        return new ScanReport(from, to, working.size(), raised.size());
    }

    private void days(long h, ChannelRef c, AlertMeasure m, Map<LocalDate, Map<Measure, BigDecimal>> data,
                      LocalDate start, LocalDate from, LocalDate to, Set<LocalDate> marked, OffsetDateTime now,
                      Recent recent, List<AlertsRaised.Raised> raised) {
        int n = (int) ChronoUnit.DAYS.between(start, to) + 1;
        if (n <= 0) {
            return;
        }
        double[] counts = new double[n];
        boolean[] mark = new boolean[n];
        for (int i = 0; i < n; i++) {
            LocalDate d = start.plusDays(i);
            counts[i] = value(data.get(d), m);
            mark[i] = marked.contains(d);
        }
        int firstReported = (int) Math.max(0, ChronoUnit.DAYS.between(start, from));
        List<AlertDetection.Finding> found = new ArrayList<>();
        if (m == AlertMeasure.REFERRALS) {
            found.addAll(AlertDetection.silence(counts, mark, firstReported));
        }
        found.addAll(AlertDetection.daily(counts, mark, firstReported));
        for (AlertDetection.Finding f : found) {
            add(h, c, m, AlertGrain.DAY, start.plusDays(f.index()), f, now, recent, raised);
        }
    }

    /** What counts as recent for a scan: days from {@code from} on, and the last complete month. */
    private record Recent(LocalDate from, YearMonth lastMonth) {

        boolean covers(AlertGrain grain, LocalDate day) {
            return grain == AlertGrain.MONTH ? YearMonth.from(day).equals(lastMonth) : !day.isBefore(from);
        }
    }

    /** Stores the alert unless it exists and, when it is new, adds it to what the scan raised. */
    private void add(long h, ChannelRef c, AlertMeasure m, AlertGrain grain, LocalDate day, AlertDetection.Finding f,
                     OffsetDateTime now, Recent recent, List<AlertsRaised.Raised> raised) {
        alerts.insertIfAbsent(h, c.id(), m, grain, day, f, now).ifPresent(id -> raised.add(new AlertsRaised.Raised(
                id, c.id(), c.code(), c.name(), day, grain == AlertGrain.MONTH, "insight.alert.measure." + m.name(),
                "insight.alert.rule." + f.rule().name(), Alerts.round(f.observed()), Alerts.round(f.expected()),
                Alerts.round(f.lower()), Alerts.round(f.upper()), recent.covers(grain, day))));
    }

    private void months(long h, ChannelRef c, AlertMeasure m, Map<LocalDate, Map<Measure, BigDecimal>> data,
                        YearMonth start, LocalDate from, LocalDate to, Map<YearMonth, Integer> holidaysPerMonth,
                        OffsetDateTime now, Recent recent, List<AlertsRaised.Raised> raised) {
        YearMonth last = to.equals(YearMonth.from(to).atEndOfMonth()) ? YearMonth.from(to) : YearMonth.from(to).minusMonths(1);
        int n = (int) ChronoUnit.MONTHS.between(start, last) + 1;
        YearMonth firstReportedMonth = YearMonth.from(from);
        if (n <= 0 || last.isBefore(firstReportedMonth)) {
            return;
        }
        double[] counts = new double[n];
        boolean[] mark = new boolean[n];
        Map<YearMonth, Double> sums = new HashMap<>();
        data.forEach((d, v) -> sums.merge(YearMonth.from(d), value(v, m), Double::sum));
        for (int i = 0; i < n; i++) {
            YearMonth ym = start.plusMonths(i);
            counts[i] = sums.getOrDefault(ym, 0.0);
            int here = holidaysPerMonth.getOrDefault(ym, 0);
            int before = holidaysPerMonth.getOrDefault(ym.minusYears(1), 0);
            mark[i] = Math.abs(here - before) >= AlertDetection.HOLIDAY_SHIFT_DAYS;
        }
        int firstReported = (int) Math.max(0, ChronoUnit.MONTHS.between(start, firstReportedMonth));
        for (AlertDetection.Finding f : AlertDetection.monthly(counts, mark, firstReported)) {
            add(h, c, m, AlertGrain.MONTH, start.plusMonths(f.index()).atDay(1), f, now, recent, raised);
        }
    }

    private static double value(Map<Measure, BigDecimal> day, AlertMeasure m) {
        if (day == null) {
            return 0;
        }
        BigDecimal v = day.get(m.measure());
        return v == null ? 0 : v.doubleValue();
    }

    /** The working channels (试运行, 正常, 整改期) of every channel type, by code. */
    private List<ChannelRef> working(Actor actor) {
        List<ChannelRef> all = new ArrayList<>();
        for (UnitType t : UnitType.values()) {
            if (t.kind() == UnitKind.CHANNEL) {
                all.addAll(channels.evaluable(actor, t));
            }
        }
        all.sort(java.util.Comparator.comparing(ChannelRef::code));
        return all;
    }

    // ---- the list and the workflow ---------------------------------------------------------------

    /** The hospital's alerts, newest day first, filtered as asked. An unknown channel code finds nothing. */
    @Transactional(readOnly = true)
    public Paged<Alert> search(Actor actor, AlertQuery q) {
        AlertVisibility.requireSees(actor);
        Long channelId = null;
        if (q.channel() != null) {
            var ref = channels.findByCode(actor, q.channel());
            if (ref.isEmpty()) {
                return new Paged<>(List.of(), q.page(), q.size(), 0);
            }
            channelId = ref.get().id();
        }
        return page(actor, q.status(), channelId, q.measure(), q.page(), q.size());
    }

    /** The codes of the channels that have alerts, for the list's filter. */
    @Transactional(readOnly = true)
    public List<String> channelsWithAlerts(Actor actor) {
        AlertVisibility.requireSees(actor);
        return alerts.channelIds(actor.hospitalId()).stream()
                .map(id -> channels.find(actor, id).map(ChannelRef::code).orElse(null))
                .filter(java.util.Objects::nonNull).sorted().toList();
    }

    /** One channel's alerts (the read API); a code that names no channel of the hospital is 404. */
    @Transactional(readOnly = true)
    public Paged<Alert> ofChannel(Actor actor, String code, AlertStatus status, int page, int size) {
        AlertVisibility.requireSees(actor);
        Paged.check(page, size);
        ChannelRef ref = channels.findByCode(actor, code).orElseThrow(() -> AlertNotFoundException.channel(code));
        return page(actor, status, ref.id(), null, page, size);
    }

    private Paged<Alert> page(Actor actor, AlertStatus status, Long channelId, AlertMeasure measure, int page, int size) {
        long h = actor.hospitalId();
        long total = alerts.count(h, status, channelId, measure);
        List<Alert> items = alerts.search(h, status, channelId, measure, (long) page * size, size).stream()
                .map(a -> named(actor, a)).toList();
        return new Paged<>(items, page, size, total);
    }

    private Alert named(Actor actor, Alert a) {
        return channels.find(actor, a.channelId()).map(r -> a.named(r.code(), r.name()))
                .orElse(a.named("#" + a.channelId(), ""));
    }

    @Transactional(readOnly = true)
    public Alert get(Actor actor, long id) {
        AlertVisibility.requireSees(actor);
        return named(actor, alerts.find(actor.hospitalId(), id).orElseThrow(() -> AlertNotFoundException.alert(id)));
    }

    /** The number of alerts nobody has looked at yet. */
    @Transactional(readOnly = true)
    public long countNew(Actor actor) {
        AlertVisibility.requireSees(actor);
        return alerts.count(actor.hospitalId(), AlertStatus.NEW, null, null);
    }

    /** Acknowledges a new alert with a note (required): someone looked and says what it is. */
    @Transactional
    public Alert acknowledge(Actor actor, long id, AlertNote note) {
        AlertVisibility.requireHandles(actor);
        Alert a = alerts.lock(actor.hospitalId(), id).orElseThrow(() -> AlertNotFoundException.alert(id));
        step(a, AlertStatus.ACKNOWLEDGED);
        if (note.text() == null) {
            throw new InvalidInputException("insight", List.of(Problem.of("note", "insight.alert.problem.noteRequired")));
        }
        alerts.acknowledge(actor.hospitalId(), id, note.text(), actor.username(), OffsetDateTime.now(clock));
        audit.record(actor.hospitalId(), actor.username(), "ALERT_ACKNOWLEDGED", String.valueOf(id),
                Map.of("note", note.text()));
        return get(actor, id);
    }

    /** Closes a new or acknowledged alert, optionally with a note (which then replaces the earlier one). */
    @Transactional
    public Alert close(Actor actor, long id, AlertNote note) {
        AlertVisibility.requireHandles(actor);
        Alert a = alerts.lock(actor.hospitalId(), id).orElseThrow(() -> AlertNotFoundException.alert(id));
        step(a, AlertStatus.CLOSED);
        alerts.close(actor.hospitalId(), id, note.text(), actor.username(), OffsetDateTime.now(clock));
        audit.record(actor.hospitalId(), actor.username(), "ALERT_CLOSED", String.valueOf(id),
                note.text() == null ? Map.of() : Map.of("note", note.text()));
        return get(actor, id);
    }

    private static void step(Alert a, AlertStatus to) {
        if (!a.status().next().contains(to)) {
            throw new ConflictException("insight", "alert-status", "insight.alert.problem.step." + to.name(),
                    List.of(), "alert " + a.id() + " is " + a.status() + ", not " + to);
        }
    }
}
