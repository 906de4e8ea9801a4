package org.meridian.exam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.meridian.shared.web.StorableText;
import org.meridian.shared.Actor;
import org.meridian.shared.LocalTimes;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exam-record intake (检查检验记录采集): a hospital's records, checked row by row (a bad row is rejected with every
 * problem and never rejects its neighbours), pseudonymised with the region's key, stored once per recordId in the
 * region (a re-send with the same content is a duplicate; other content under a taken recordId is rejected), and the
 * repeat detection of every patient × item the batch touches brought up to date in the same transaction
 * (docs/exams.md). Who may send: {@link ExamVisibility#sendsRecords}.
 */
@Service
public class ExamIntake {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExamIntake.class);

    public static final int MAX_ROWS = 10_000;
    static final int ID_MAX = 128;
    /** How far after the moment of intake a record may say it was performed (clocks disagree a little). */
    static final Duration FUTURE_TOLERANCE = Duration.ofHours(24);

    private final ExamRecords records;
    private final ExamItems items;
    private final ExceptionReasons reasons;
    private final Institutions institutions;
    private final Detection detection;
    private final RegionPseudonymiser pseudonymiser;
    private final Hospitals hospitals;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ExamIntake(ExamRecords records, ExamItems items, ExceptionReasons reasons, Institutions institutions,
               Detection detection, RegionPseudonymiser pseudonymiser, Hospitals hospitals, AuditLog audit,
               Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.records = records;
        this.items = items;
        this.reasons = reasons;
        this.institutions = institutions;
        this.detection = detection;
        this.pseudonymiser = pseudonymiser;
        this.hospitals = hospitals;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a batch in one transaction.
     *
     * @param firstIndex the index reported for the first row (0 for a JSON array, 1 for a file's first data row)
     */
    @Transactional
    public ExamReport record(Actor actor, List<RawExam> rows, int firstIndex) {
        long started = System.nanoTime();
        ExamVisibility.require(ExamVisibility.sendsRecords(actor), actor, "send exam records");
        Hospital hospital = hospitals.find(actor.hospitalId()).orElseThrow();
        // the region's evaluation centre evaluates the hospitals; it performs no examinations of its own
        ExamVisibility.require(!hospitals.isRegionCentre(hospital.id()), actor, "send exam records for the region's"
                + " evaluation centre");
        long region = hospitals.regionOf(hospital.id());
        ZoneId zone = hospital.timeZone();
        Instant now = clock.instant();
        Map<String, ExamItem> catalogue = items.byCode(region);
        Set<String> reasonCodes = reasons.all(region).stream().map(ExceptionReason::code)
                .collect(Collectors.toSet());
        Map<String, Optional<Institution>> own = new HashMap<>();

        record Checked(int index, ExamRecord record) {
        }
        List<Checked> valid = new ArrayList<>();
        List<ExamReport.Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RawExam row = rows.get(i);
            List<Problem> problems = new ArrayList<>();
            String recordId = id("recordId", row.recordId(), problems);
            Institution institution = institution(hospital, region, row.institution(), own, problems);
            String patientId = id("patientId", row.patientId(), problems);
            String item = item(row.item(), problems);
            Instant at = performedAt(row.performedAt(), zone, now, problems);
            Boolean recognisable = recognisable(row.recognisable(), problems);
            String exception = ExamItemDraft.strip(row.exception());
            if (exception != null && !StorableText.isStorable(exception)) {
                problems.add(Problem.of("exception", "exam.error.notStorable"));
            } else if (exception != null && !reasonCodes.contains(exception)) {
                problems.add(Problem.of("exception", "exam.error.unknownException", exception,
                        String.join(", ", reasonCodes.stream().sorted().toList())));
            }
            if (problems.isEmpty()) {
                LocalDate month = LocalDate.ofInstant(at, zone).withDayOfMonth(1);
                valid.add(new Checked(firstIndex + i, new ExamRecord(recordId, institution,
                        pseudonymiser.pseudonym(patientId), item, at, month, recognisable, exception)));
            } else {
                rejected.add(new ExamReport.Rejected(firstIndex + i, readable(row.recordId()), problems));
            }
        }

        long checked = System.nanoTime();
        records.lock(region);
        long locked = System.nanoTime();
        Map<String, ExamRecord> stored = records.byRecordId(region,
                valid.stream().map(c -> c.record().recordId()).collect(Collectors.toSet()));
        long looked = System.nanoTime();
        if (rows.size() >= Detection.TIMED_BATCH) {
            LOG.info("exam batch of {} rows: checked in {} ms, waited {} ms for the region's lock, recordIds looked up"
                    + " in {} ms", rows.size(), (checked - started) / 1_000_000, (locked - checked) / 1_000_000,
                    (looked - locked) / 1_000_000);
        }
        List<ExamRecord> fresh = new ArrayList<>();
        int duplicates = 0;
        int notInCatalogue = 0;
        Set<Integer> duplicateIndexes = new HashSet<>();
        Set<Integer> notInCatalogueIndexes = new HashSet<>();
        for (Checked c : valid) {
            ExamRecord before = stored.get(c.record().recordId());
            if (before != null && before.sameAs(c.record())) {
                duplicates++;
                duplicateIndexes.add(c.index());
                continue;
            }
            if (before != null) {
                rejected.add(new ExamReport.Rejected(c.index(), c.record().recordId(),
                        List.of(Problem.of("recordId", "exam.error.recordIdTaken", c.record().recordId()))));
                continue;
            }
            stored.put(c.record().recordId(), c.record());
            fresh.add(c.record());
            if (!catalogue.containsKey(c.record().item())) {
                notInCatalogue++;
                notInCatalogueIndexes.add(c.index());
            }
        }
        Set<YearMonth> months = detection.store(region, hospital.id(), fresh, now, actor.username());
        if (!months.isEmpty()) {
            events.publishEvent(new RepeatFiguresChanged(region, hospital.id(), months));
        }
        rejected.sort(Comparator.comparingInt(ExamReport.Rejected::index));
        if (!fresh.isEmpty()) {
            Map<String, Object> details = AuditLog.details("accepted", fresh.size(), "duplicates", duplicates,
                    "notInCatalogue", notInCatalogue, "rejected", rejected.size());
            audit.record(hospital.id(), actor.username(), "EXAMS_RECORDED", "exams", details);
        }
        return new ExamReport(fresh.size(), duplicates, notInCatalogue, rejected, duplicateIndexes,
                notInCatalogueIndexes);
    }

    private Institution institution(Hospital hospital, long region, String text, Map<String,
            Optional<Institution>> own, List<Problem> problems) {
        String code = ExamItemDraft.strip(text);
        if (code == null) {
            problems.add(Problem.of("institution", "exam.error.required"));
            return null;
        }
        if (!StorableText.isStorable(code)) {
            // never looked up: PostgreSQL refuses the text, which failed the whole file (issue 18 point 4)
            problems.add(Problem.of("institution", "exam.error.notStorable"));
            return null;
        }
        Optional<Institution> found = own.computeIfAbsent(code, c -> institutions.ofHospital(hospital, c));
        if (found.isPresent()) {
            return found.get();
        }
        boolean elsewhere = institutions.inRegion(region, null, code).isPresent();
        problems.add(Problem.of("institution", elsewhere ? "exam.error.otherHospital" : "exam.error.unknownInstitution",
                code));
        return null;
    }

    private static String id(String field, String text, List<Problem> problems) {
        String t = ExamItemDraft.strip(text);
        if (t == null) {
            problems.add(Problem.of(field, "exam.error.required"));
            return null;
        }
        if (t.length() > ID_MAX) {
            problems.add(Problem.of(field, "exam.error.tooLong", ID_MAX));
            return null;
        }
        if (!StorableText.isStorable(t)) {
            problems.add(Problem.of(field, "exam.error.notStorable"));
            return null;
        }
        return t;
    }

    private static String item(String text, List<Problem> problems) {
        String t = ExamItemDraft.strip(text);
        if (t == null) {
            problems.add(Problem.of("item", "exam.error.required"));
            return null;
        }
        if (!ExamItemDraft.CODE.matcher(t).matches()) {
            problems.add(Problem.of("item", "exam.error.code", t));
            return null;
        }
        return t;
    }

    /**
     * An instant with offset, or a time without offset read in the hospital's zone as event files' are
     * ({@link LocalTimes}: also {@code 2026-10-03 08:00} and {@code 2026/10/3 8:00}; a wall-clock time that never
     * happened or happened twice there is refused, never guessed); at most 24 h after now.
     */
    private static Instant performedAt(String text, ZoneId zone, Instant now, List<Problem> problems) {
        String t = ExamItemDraft.strip(text);
        if (t == null) {
            problems.add(Problem.of("performedAt", "exam.error.required"));
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException withOffset) {
            try {
                at = LocalTimes.read(t, zone);
            } catch (LocalTimes.Refused refused) {
                problems.add(switch (refused.kind()) {
                    case GAP -> Problem.of("performedAt", "exam.error.performedAtGap", t, zone.getId(),
                            refused.from(), refused.to());
                    case OVERLAP -> Problem.of("performedAt", "exam.error.performedAtTwice", t, zone.getId(),
                            refused.from(), refused.to());
                    case NO_DATE -> Problem.of("performedAt", "exam.error.performedAt", t);
                });
                return null;
            }
            if (at == null) {
                problems.add(Problem.of("performedAt", "exam.error.performedAt", t));
                return null;
            }
        }
        at = at.truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
            problems.add(Problem.of("performedAt", "exam.error.future", t));
            return null;
        }
        return at;
    }

    private static Boolean recognisable(String text, List<Problem> problems) {
        String t = ExamItemDraft.strip(text);
        if (t == null) {
            problems.add(Problem.of("recognisable", "exam.error.required"));
            return null;
        }
        if (t.equalsIgnoreCase("true")) {
            return true;
        }
        if (t.equalsIgnoreCase("false")) {
            return false;
        }
        problems.add(Problem.of("recognisable", "exam.error.boolean", t));
        return null;
    }

    /** The recordId to name in a rejection, when it can be shown at all. */
    private static String readable(String recordId) {
        String t = ExamItemDraft.strip(recordId);
        return t == null || t.length() > ID_MAX || !StorableText.isStorable(t) ? null : t;
    }
}
