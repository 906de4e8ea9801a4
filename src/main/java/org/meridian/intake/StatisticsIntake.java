package org.meridian.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.meridian.indicator.MeasureCatalogue;
import org.meridian.indicator.StatisticMeasure;
import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.StorableText;
import org.meridian.unit.UnitRef;
import org.meridian.unit.UnitRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statistics intake (统计数据采集): the monthly values of the hospital's statistic measures per department or
 * institution, as its HIS, finance or survey systems report them. A batch is checked row by row; a bad row is
 * rejected with every problem (field and reason) and never rejects its neighbours. One value stands per (unit,
 * month, measure): the same value again is a duplicate, a different value is a restatement (更正) that replaces it
 * and keeps the old one in the history with who, when and why. Sending and the settings need CHANNEL_MANAGER,
 * reading ANALYST; Meridian itself (a system actor) may do both.
 */
@Service
public class StatisticsIntake {

    public static final int MAX_ROWS = 10_000;
    public static final int REASON_MAX = 500;
    /** Digits before the decimal point and after it that a value may have. */
    static final int INTEGER_DIGITS = 15;
    static final int FRACTION_DIGITS = 6;

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final Statistics statistics;
    private final UnitRegistry units;
    private final MeasureCatalogue measures;
    private final HospitalCalendar calendar;
    private final AuditLog audit;
    private final java.time.Clock clock;
    private final org.meridian.indicator.SchemeCatalogue schemes;

    StatisticsIntake(Statistics statistics, UnitRegistry units, MeasureCatalogue measures, HospitalCalendar calendar,
                     AuditLog audit, java.time.Clock clock, org.meridian.indicator.SchemeCatalogue schemes) {
        this.schemes = schemes;
        this.statistics = statistics;
        this.units = units;
        this.measures = measures;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a batch in one transaction: every valid row is stored (new, or restating a different value), every
     * duplicate counted, every bad row reported with all its problems.
     *
     * @param firstIndex the index reported for the first row (0 for a JSON array, 1 for a file's first data row)
     */
    @Transactional
    public StatisticsReport record(Actor actor, List<RawStatistic> rows, int firstIndex) {
        requireSender(actor);
        long h = actor.hospitalId();
        Map<String, UnitRef> unitsByCode = units.byCode(actor);
        Map<String, StatisticMeasure> own = measures.statistics(h);
        YearMonth current = YearMonth.from(calendar.today(h));
        boolean reasonNeeded = statistics.restatementNeedsReason(h);

        record Checked(int index, Statistics.Key key, BigDecimal value, String reason) {
        }
        List<Checked> valid = new ArrayList<>();
        List<StatisticsReport.Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RawStatistic row = rows.get(i);
            List<Problem> problems = new ArrayList<>();
            UnitRef unit = storable("unit", row.unit(), problems) ? unit(row.unit(), unitsByCode, problems) : null;
            YearMonth month = storable("month", row.month(), problems) ? month(row.month(), current, problems) : null;
            String measure = storable("measure", row.measure(), problems) ? measure(row.measure(), own, problems)
                    : null;
            BigDecimal value = storable("value", row.valueText(), problems) ? value(row, problems) : null;
            String reason = blank(row.reason()) ? null : row.reason().strip();
            if (reason != null && reason.length() > REASON_MAX) {
                problems.add(Problem.of("reason", "intake.statistic.error.tooLong", REASON_MAX));
            } else if (!storable("reason", reason, problems)) {
                reason = null;
            }
            if (problems.isEmpty()) {
                valid.add(new Checked(firstIndex + i, new Statistics.Key(unit.id(), measure, month), value, reason));
            } else {
                rejected.add(new StatisticsReport.Rejected(firstIndex + i, problems));
            }
        }

        statistics.lock(h);
        Map<Statistics.Key, BigDecimal> stored = statistics.current(h, valid.stream().map(Checked::key).toList());
        // keys with a value before this batch are updated, the others inserted (a key twice in the batch is
        // inserted once, with its last value)
        java.util.Set<Statistics.Key> storedBefore = new java.util.HashSet<>(stored.keySet());
        Map<Statistics.Key, BigDecimal> writes = new LinkedHashMap<>();
        List<Restatement> restatements = new ArrayList<>();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int accepted = 0;
        List<Integer> duplicateIndexes = new ArrayList<>();
        List<Integer> restatedIndexes = new ArrayList<>();
        for (Checked c : valid) {
            BigDecimal before = stored.get(c.key());
            if (before != null && before.compareTo(c.value()) == 0) {
                duplicateIndexes.add(c.index());
                continue;
            }
            if (before != null && reasonNeeded && c.reason() == null) {
                rejected.add(new StatisticsReport.Rejected(c.index(), List.of(Problem.of("reason",
                        "intake.statistic.error.reasonRequired", before.toPlainString()))));
                continue;
            }
            if (before != null) {
                restatedIndexes.add(c.index());
                restatements.add(new Restatement(c.key().unitId(), c.key().measure(), c.key().month(), before,
                        c.value(), c.reason(), actor.username(), now));
            }
            stored.put(c.key(), c.value());
            writes.put(c.key(), c.value());
            accepted++;
        }
        Map<Statistics.Key, BigDecimal> inserts = new LinkedHashMap<>();
        Map<Statistics.Key, BigDecimal> updates = new LinkedHashMap<>();
        writes.forEach((k, v) -> (storedBefore.contains(k) ? updates : inserts).put(k, v));
        statistics.insert(h, inserts, now, actor.username());
        statistics.update(h, updates, now, actor.username());
        statistics.insertRestatements(h, restatements);
        rejected.sort(java.util.Comparator.comparingInt(StatisticsReport.Rejected::index));
        if (accepted > 0) {
            Map<String, Object> details = AuditLog.details("accepted", accepted, "restated", restatements.size(),
                    "duplicates", duplicateIndexes.size(), "rejected", rejected.size());
            audit.record(h, actor.username(), "STATISTICS_RECORDED", "statistics", details);
        }
        return new StatisticsReport(accepted, restatements.size(), duplicateIndexes.size(), rejected, restatedIndexes,
                duplicateIndexes);
    }

    /** A unit's restatements, latest first. */
    public Paged<Restatement> restatements(Actor actor, UnitRef unit, int page, int size) {
        requireReader(actor);
        Paged.check(page, size);
        long h = actor.hospitalId();
        return new Paged<>(statistics.restatements(h, unit.id(), (long) page * size, size), page, size,
                statistics.countRestatements(h, unit.id()));
    }

    /** A unit's values in force from month {@code from} to month {@code to}, by measure and month. */
    public List<StatisticValue> ofUnit(Actor actor, UnitRef unit, YearMonth from, YearMonth to) {
        requireReader(actor);
        return statistics.ofUnit(actor.hospitalId(), unit.id(), from, to);
    }

    /**
     * The values in force of every measure for the unit with code {@code unitCode} from month {@code from} to month
     * {@code to}, by measure and month; empty when the hospital has no such unit.
     */
    public java.util.Optional<List<StatisticValue>> valuesOfUnit(Actor actor, String unitCode, YearMonth from,
                                                                 YearMonth to) {
        requireReader(actor);
        return units.findByCode(actor, unitCode).map(u -> statistics.ofUnit(actor.hospitalId(), u.id(), from, to));
    }

    /**
     * The values in force of {@code measure} for the unit with code {@code unitCode} from month {@code from} to month
     * {@code to}, added up ({@link UnitMeasureSum}); empty when the hospital has no such unit. What the region's
     * alliance report reads of each member (an aggregate, never a row of a patient).
     */
    public java.util.Optional<UnitMeasureSum> sumOfUnit(Actor actor, String unitCode, String measure, YearMonth from,
                                                        YearMonth to) {
        requireReader(actor);
        return units.findByCode(actor, unitCode).map(u -> {
            BigDecimal sum = null;
            int months = 0;
            for (StatisticValue v : statistics.ofUnit(actor.hospitalId(), u.id(), from, to)) {
                if (v.measure().equals(measure)) {
                    sum = sum == null ? v.value() : sum.add(v.value());
                    months++;
                }
            }
            return new UnitMeasureSum(u.code(), u.type(), months, sum);
        });
    }

    /**
     * Every value in force of the hospital from month {@code from} to month {@code to}, by unit, measure and month:
     * what evaluations aggregate.
     */
    public List<StatisticValue> between(Actor actor, YearMonth from, YearMonth to) {
        requireReader(actor);
        return statistics.between(actor.hospitalId(), from, to);
    }

    /**
     * Every unit's value of each measure of the hospital's catalogue over the months {@code from} to {@code to},
     * aggregated as the measure says ({@link org.meridian.indicator.Aggregation}), by unit id and measure code: what
     * an evaluation scores departments and institutions from. A measure without a value in any of the months is
     * absent (missing, never 0); values of measures no longer in the catalogue are left out. The months are added
     * up by the database.
     */
    public Map<Long, Map<String, BigDecimal>> aggregated(Actor actor, YearMonth from, YearMonth to) {
        requireReader(actor);
        Map<String, StatisticMeasure> catalogue = measures.statistics(actor.hospitalId());
        Map<Long, Map<String, BigDecimal>> aggregated = new LinkedHashMap<>();
        List<String> latestNeeded = catalogue.values().stream()
                .filter(m -> m.aggregation() == org.meridian.indicator.Aggregation.LAST)
                .map(StatisticMeasure::code).toList();
        for (Statistics.Summed s : statistics.summed(actor.hospitalId(), from, to, latestNeeded)) {
            StatisticMeasure m = catalogue.get(s.measure());
            BigDecimal value = m == null ? null : m.aggregation().aggregate(s.sum(), s.months(), s.latest());
            if (value != null) {
                aggregated.computeIfAbsent(s.unitId(), u -> new LinkedHashMap<>()).put(s.measure(), value);
            }
        }
        return aggregated;
    }

    /**
     * The monthly completeness of a department or institution type's statistics ({@link Completeness}): which
     * expected measures each evaluable unit has not reported for each month of the window. Expected are the
     * statistic measures the formulas of the type's scheme in force read, else the whole catalogue's; the one the
     * query names when it names one.
     *
     * @throws InvalidInputException when the query names a measure the hospital does not have
     */
    @Transactional(readOnly = true)
    public Completeness completeness(Actor actor, CompletenessQuery query) {
        requireReader(actor);
        long h = actor.hospitalId();
        Map<String, StatisticMeasure> catalogue = measures.statistics(h);
        if (query.measure() != null && !catalogue.containsKey(query.measure())) {
            throw new InvalidInputException("intake", List.of(Problem.of("measure",
                    "intake.completeness.error.measure", query.measure())));
        }
        java.util.Optional<org.meridian.indicator.scoring.SchemeSnapshot> scheme = schemes.current(h, query.type());
        java.util.Set<String> read = new java.util.HashSet<>();
        scheme.ifPresent(s -> s.items().forEach(i -> read.addAll(i.indicator().formula().statistics())));
        List<String> expected = query.measure() != null ? List.of(query.measure())
                : catalogue.keySet().stream().filter(c -> scheme.isEmpty() || read.contains(c)).toList();
        Map<Long, Map<java.time.YearMonth, java.util.Set<String>>> reported = statistics.reported(h, query.from(),
                query.to(), expected);
        return Completeness.of(query, expected, scheme.isPresent(), units.evaluable(actor, query.type()), reported);
    }

    /** Whether a restatement must say why (false until the hospital says so). */
    public boolean restatementNeedsReason(Actor actor) {
        requireReader(actor);
        return statistics.restatementNeedsReason(actor.hospitalId());
    }

    /** Sets whether a restatement must say why. */
    @Transactional
    public void requireRestatementReason(Actor actor, boolean needed) {
        requireSender(actor);
        boolean before = statistics.restatementNeedsReason(actor.hospitalId());
        statistics.setRestatementNeedsReason(actor.hospitalId(), needed);
        if (before != needed) {
            audit.record(actor.hospitalId(), actor.username(), "STATISTICS_SETTINGS", "statistics",
                    Map.of("restatementNeedsReason", AuditLog.change(before, needed)));
        }
    }

    /**
     * Whether a cell's text can be stored ({@link StorableText}); if not, its field is rejected for it (a NUL in a
     * restatement's reason failed the whole file, issue 18 point 4) and the field's other checks are skipped.
     */
    private static boolean storable(String field, String text, List<Problem> problems) {
        if (StorableText.isStorable(text)) {
            return true;
        }
        problems.add(Problem.of(field, "intake.statistic.error.notStorable"));
        return false;
    }

    private static UnitRef unit(String code, Map<String, UnitRef> units, List<Problem> problems) {
        if (blank(code)) {
            problems.add(Problem.of("unit", "intake.statistic.error.required"));
            return null;
        }
        UnitRef u = units.get(code.strip());
        if (u == null) {
            problems.add(Problem.of("unit", "intake.statistic.error.unknownUnit", code.strip()));
        }
        return u;
    }

    private static YearMonth month(String text, YearMonth current, List<Problem> problems) {
        if (blank(text)) {
            problems.add(Problem.of("month", "intake.statistic.error.required"));
            return null;
        }
        String t = text.strip();
        YearMonth m = null;
        if (MONTH.matcher(t).matches()) {
            try {
                m = YearMonth.parse(t);
            } catch (java.time.format.DateTimeParseException e) {
                m = null;
            }
        }
        if (m == null) {
            problems.add(Problem.of("month", "intake.statistic.error.monthFormat", t));
            return null;
        }
        if (m.isAfter(current)) {
            problems.add(Problem.of("month", "intake.statistic.error.futureMonth", t, current.toString()));
            return null;
        }
        return m;
    }

    private static String measure(String code, Map<String, StatisticMeasure> own, List<Problem> problems) {
        if (blank(code)) {
            problems.add(Problem.of("measure", "intake.statistic.error.required"));
            return null;
        }
        String c = code.strip();
        if (own.containsKey(c)) {
            return c;
        }
        problems.add(Problem.of("measure", MeasureCatalogue.builtIn(c) ? "intake.statistic.error.builtInMeasure"
                : "intake.statistic.error.unknownMeasure", c));
        return null;
    }

    private static BigDecimal value(RawStatistic row, List<Problem> problems) {
        BigDecimal v = row.value();
        if (v == null) {
            if (blank(row.valueText())) {
                problems.add(Problem.of("value", "intake.statistic.error.required"));
            } else {
                problems.add(Problem.of("value", "intake.statistic.error.notANumber", row.valueText().strip()));
            }
            return null;
        }
        BigDecimal plain = v.stripTrailingZeros();
        if (plain.precision() - plain.scale() > INTEGER_DIGITS || plain.scale() > FRACTION_DIGITS) {
            problems.add(Problem.of("value", "intake.statistic.error.outOfRange", INTEGER_DIGITS, FRACTION_DIGITS));
            return null;
        }
        return v;
    }

    private static void requireSender(Actor actor) {
        RefusedException.unless(actor.isSystem() || actor.has(Role.CHANNEL_MANAGER), "intake", "statistics-refused",
                "intake.statistic.problem.refused", actor.username() + " may not send statistics");
    }

    private static void requireReader(Actor actor) {
        RefusedException.unless(actor.isSystem() || actor.has(Role.ANALYST), "intake", "statistics-refused",
                "intake.statistic.problem.refused", actor.username() + " may not read statistics");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
