package org.meridian.region;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.meridian.exam.Alliance;
import org.meridian.exam.AllianceRegistry;
import org.meridian.exam.NamedInstitution;
import org.meridian.exam.RepeatFigure;
import org.meridian.exam.RepeatFigures;
import org.meridian.exam.RepeatFiguresChanged;
import org.meridian.shared.Actor;
import org.meridian.shared.NamedValues;
import org.meridian.shared.Period;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.shared.web.Paged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Repeat-rate alerts (重复检查预警, network.md §4): an institution, a catalogue item (across the region) or an alliance
 * whose repeat rate in a month passes the region's threshold raises one alert for that month.
 * <ul>
 * <li><b>The threshold</b> is the region's, in per cent (above 0 and below 100, at most one decimal), set by the
 * region administrator; until then the installation's {@code meridian.region.repeat-alert-threshold} (default 10).</li>
 * <li><b>The rule</b>: a subject whose records of catalogue items in the month concern at least
 * {@code meridian.region.min-records} (default 5) distinct patients — known from below as the largest of its rows per
 * institution and item — and whose repeats / records is above the threshold (100 · repeats &gt; threshold · records,
 * exact; equal is not above). Below that number of patients the rate is not shown to the regulator, so it raises
 * nothing.</li>
 * <li><b>When</b>: whenever the figures of a month change ({@link RepeatFiguresChanged}: records arrived, outcomes
 * changed), the months changed are checked against the threshold in force then. An alert is raised once per subject
 * and month and never withdrawn: it keeps the threshold and the moment it was raised, and its records and repeats
 * follow the month's later changes (so the list shows the month's figures; the notification told those of the
 * moment). A new threshold applies to the next check; it re-checks nothing by itself.</li>
 * <li><b>Who is told</b>: new alerts of the current month or the last complete month (in the calendar of the hospital
 * whose records changed the figures) are published as {@link RepeatRateAlertsRaised}; alerts of older months (records
 * of the past sent late or in bulk, as a region's first import of a year) are listed but not told one by one, so an
 * import of history does not flood anyone's inbox.</li>
 * </ul>
 * Regulators and the region administrator read the list.
 */
@Service
public class RepeatAlertWatch {

    private static final Pattern THRESHOLD = Pattern.compile("\\d{1,2}(\\.\\d)?");

    /** The threshold in force and whether it is the installation's default. */
    public record Threshold(BigDecimal percent, boolean byDefault) {
    }

    private final RepeatAlerts alerts;
    private final RepeatFigures figures;
    private final AllianceRegistry alliances;
    private final Hospitals hospitals;
    private final AuditLog audit;
    private final Clock clock;
    private final HospitalCalendar calendar;
    private final ApplicationEventPublisher events;
    private final BigDecimal defaultThreshold;
    private final int minRecords;

    RepeatAlertWatch(RepeatAlerts alerts, RepeatFigures figures, AllianceRegistry alliances, Hospitals hospitals,
                     AuditLog audit, Clock clock, HospitalCalendar calendar, ApplicationEventPublisher events,
                     @Value("${meridian.region.repeat-alert-threshold:10}") BigDecimal defaultThreshold,
                     @Value("${meridian.region.min-records:5}") int minRecords) {
        this.alerts = alerts;
        this.figures = figures;
        this.alliances = alliances;
        this.hospitals = hospitals;
        this.audit = audit;
        this.clock = clock;
        this.calendar = calendar;
        this.events = events;
        this.defaultThreshold = defaultThreshold.setScale(1, java.math.RoundingMode.HALF_UP);
        this.minRecords = minRecords;
    }

    public int minRecords() {
        return minRecords;
    }

    /** The region's threshold in force (a regulator or the region administrator). */
    public Threshold threshold(Actor actor) {
        RegionVisibility.require(RegionVisibility.reads(actor), actor, "read the repeat-alert threshold");
        return threshold(hospitals.regionOf(actor.hospitalId()));
    }

    private Threshold threshold(long region) {
        return alerts.threshold(region).map(t -> new Threshold(t, false))
                .orElse(new Threshold(defaultThreshold, true));
    }

    /**
     * Sets the region's threshold from what the administrator typed: a per cent above 0 and below 100 with at most
     * one decimal ("12.5"); anything else is refused (400, field {@code threshold}) and nothing changes.
     */
    @Transactional
    public Threshold setThreshold(Actor actor, String text) {
        RegionVisibility.require(RegionVisibility.administers(actor) && !actor.isSystem(), actor,
                "set the repeat-alert threshold");
        String t = text == null ? "" : text.strip();
        BigDecimal value = THRESHOLD.matcher(t).matches() ? new BigDecimal(t) : null;
        if (value == null || value.signum() <= 0) {
            throw new InvalidInputException("region", List.of(Problem.of("threshold",
                    t.isEmpty() ? "region.alerts.error.thresholdRequired" : "region.alerts.error.threshold", t)));
        }
        long region = hospitals.regionOf(actor.hospitalId());
        Threshold before = threshold(region);
        alerts.setThreshold(region, value.setScale(1));
        Map<String, Object> change = NamedValues.of("old", before.percent().toPlainString() + " %",
                "new", value.setScale(1).toPlainString() + " %");
        audit.record(actor.hospitalId(), actor.username(), "REPEAT_ALERT_THRESHOLD_SET", "region",
                Map.of("repeatAlertThreshold", change));
        return threshold(region);
    }

    /** One page of the region's alerts, the latest month first; {@code month} and {@code kind} null for all. */
    public Paged<RepeatAlert> page(Actor actor, YearMonth month, RepeatAlert.Kind kind, String text, int page,
                                   int size) {
        RegionVisibility.require(RegionVisibility.reads(actor), actor, "read the repeat-rate alerts");
        Paged.check(page, size);
        String q = text == null || text.isBlank() ? null : text.strip();
        return alerts.page(hospitals.regionOf(actor.hospitalId()), month, kind, q, page, size);
    }

    /**
     * Checks the changed months of a region against its threshold and stores the alerts not raised yet; publishes
     * them. Checking again changes nothing. Acts as Meridian within the region.
     */
    @Transactional
    public List<RepeatAlert> check(RepeatFiguresChanged changed) {
        long region = changed.regionId();
        Actor system = Actor.system(changed.hospitalId(), "repeat-alerts");
        BigDecimal threshold = threshold(region).percent();
        List<Alliance> all = alliances.all(system);
        List<RepeatRateAlertsRaised.Raised> raised = new ArrayList<>();
        YearMonth toldFrom = YearMonth.from(calendar.today(changed.hospitalId())).minusMonths(1);
        List<RepeatAlert> out = new ArrayList<>();
        for (YearMonth month : new java.util.TreeSet<>(changed.months())) {
            List<RepeatFigure> rows = figures.figures(system, new RepeatFigures.Query(
                    Period.month(month.getYear(), month.getMonthValue()), null, null, null, null), false);
            Map<String, Tally> byInstitution = new LinkedHashMap<>();
            Map<String, Tally> byItem = new LinkedHashMap<>();
            for (RepeatFigure f : rows) {
                byInstitution.computeIfAbsent(f.institution().reference(), k -> new Tally(f.institution().name()))
                        .add(f);
                byItem.computeIfAbsent(f.item(), k -> new Tally(f.itemName())).add(f);
            }
            Map<String, Tally> byAlliance = new LinkedHashMap<>();
            for (Alliance a : all) {
                Tally t = new Tally(a.name());
                a.members().forEach(m -> t.add(byInstitution.get(m.reference())));
                byAlliance.put(a.code(), t);
            }
            Map<String, RepeatAlert> existing = new java.util.HashMap<>();
            alerts.ofMonth(region, month).forEach(x -> existing.put(x.kind() + ":" + x.subject(), x));
            for (RepeatAlert.Kind kind : RepeatAlert.Kind.values()) {
                Map<String, Tally> tallies = switch (kind) {
                    case INSTITUTION -> byInstitution;
                    case ITEM -> byItem;
                    case ALLIANCE -> byAlliance;
                };
                tallies.forEach((subject, t) -> {
                    RepeatAlert before = existing.get(kind + ":" + subject);
                    if (before != null) {
                        if (t.records > 0 && (before.records() != t.records || before.repeats() != t.repeats)) {
                            alerts.updateFigures(region, before.id(), t.records, t.repeats);
                        }
                    } else if (passes(t, threshold)) {
                        alerts.insertIfAbsent(region, new RepeatAlert(0, kind, subject, t.name, month, t.records,
                                        t.repeats, threshold, clock.instant().truncatedTo(ChronoUnit.MICROS)))
                                .ifPresent(a -> {
                                    out.add(a);
                                    if (!a.month().isBefore(toldFrom)) {
                                        raised.add(new RepeatRateAlertsRaised.Raised(a, leads(kind, subject, all)));
                                    }
                                });
                    }
                });
            }
        }
        if (!raised.isEmpty()) {
            events.publishEvent(new RepeatRateAlertsRaised(region, raised));
        }
        return out;
    }

    /** At least the minimum of patients, and 100 · repeats above threshold · records. */
    private boolean passes(Tally t, BigDecimal threshold) {
        return t.patients >= minRecords && t.records > 0
                && BigDecimal.valueOf(t.repeats).movePointRight(2)
                .compareTo(threshold.multiply(BigDecimal.valueOf(t.records))) > 0;
    }

    private List<RepeatRateAlertsRaised.Lead> leads(RepeatAlert.Kind kind, String subject, List<Alliance> all) {
        List<RepeatRateAlertsRaised.Lead> leads = new ArrayList<>();
        for (Alliance a : all) {
            boolean concerned = kind == RepeatAlert.Kind.ALLIANCE ? a.code().equals(subject)
                    : kind == RepeatAlert.Kind.INSTITUTION
                    && a.members().stream().anyMatch(m -> m.reference().equals(subject));
            if (concerned && a.lead() != null) {
                leadHospital(a.lead()).ifPresent(h -> leads.add(new RepeatRateAlertsRaised.Lead(a.code(), h)));
            }
        }
        return leads;
    }

    private Optional<Long> leadHospital(NamedInstitution lead) {
        return hospitals.findByCode(lead.hospital()).map(h -> h.id());
    }

    /**
     * Records and repeats added up, with the subject's name and the distinct patients they cover at least (the largest
     * of its rows per institution and item in the month).
     */
    private static final class Tally {
        final String name;
        long records;
        long repeats;
        long patients;

        Tally(String name) {
            this.name = name;
        }

        void add(RepeatFigure f) {
            if (f != null) {
                records += f.records();
                repeats += f.repeats();
                patients = Math.max(patients, f.patients());
            }
        }

        void add(Tally t) {
            if (t != null) {
                records += t.records;
                repeats += t.repeats;
                patients = Math.max(patients, t.patients);
            }
        }
    }
}
