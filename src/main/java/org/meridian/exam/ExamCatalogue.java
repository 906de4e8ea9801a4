package org.meridian.exam;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The region's catalogue of mutually recognised items (互认项目目录) and its exception reasons (不予互认的理由), kept as
 * data. Putting an item (new, or with another validity or scope) recomputes the repeats of that item's records in
 * the region. Who may change them: {@link ExamVisibility#keepsCatalogue}; every signed-in user of the region reads them.
 */
@Service
public class ExamCatalogue {

    private final ExamItems items;
    private final ExceptionReasons reasons;
    private final ExamRecords records;
    private final Detection detection;
    private final Hospitals hospitals;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ExamCatalogue(ExamItems items, ExceptionReasons reasons, ExamRecords records, Detection detection,
                  Hospitals hospitals, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.items = items;
        this.reasons = reasons;
        this.records = records;
        this.detection = detection;
        this.hospitals = hospitals;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates or replaces an item of the actor's region; every field problem at once (400). */
    @Transactional
    public ExamItem put(Actor actor, ExamItemDraft draft) {
        ExamVisibility.require(ExamVisibility.keepsCatalogue(actor), actor, "change the exam catalogue");
        ExamItem item = draft.check();
        long region = hospitals.regionOf(actor.hospitalId());
        records.lock(region);
        Optional<ExamItem> before = items.find(region, item.code());
        items.put(region, item, actor.username(), clock.instant());
        if (before.isEmpty()) {
            items.analyze();
            records.addPatientsOfItem(region, item.code());
            records.countFigurePatientsOfItem(region, item.code());
        }
        if (before.isEmpty() || before.get().validDays() != item.validDays() || before.get().scope() != item.scope()) {
            java.util.Set<java.time.YearMonth> months = detection.recompute(region,
                    records.pairsOfItem(region, item.code()));
            if (!months.isEmpty()) {
                events.publishEvent(new RepeatFiguresChanged(region, actor.hospitalId(), months));
            }
        }
        Map<String, Object> details = AuditLog.details("name", item.name(), "category", item.category().name(),
                "validDays", item.validDays(), "scope", item.scope().name(), "price", item.price());
        audit.record(actor.hospitalId(), actor.username(), "EXAM_ITEM_PUT", item.code(), details);
        return items.find(region, item.code()).orElseThrow();
    }

    /**
     * Puts every row of a catalogue file in one transaction, or none: a file with a bad row is answered with every
     * row's problems (paths {@code rows[n].field}, n the data row number) and changes nothing.
     */
    @Transactional
    public List<ExamItem> putAll(Actor actor, List<ExamItemDraft> drafts) {
        ExamVisibility.require(ExamVisibility.keepsCatalogue(actor), actor, "change the exam catalogue");
        List<org.meridian.shared.problem.Problem> problems = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            try {
                drafts.get(i).check();
            } catch (InvalidInputException e) {
                for (var p : e.problems()) {
                    problems.add(p.under("rows[" + (i + 1) + "]"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("exam", problems);
        }
        List<ExamItem> done = new ArrayList<>();
        for (ExamItemDraft d : drafts) {
            done.add(put(actor, d));
        }
        return done;
    }

    /** The catalogue of the actor's region, by code. */
    public List<ExamItem> items(Actor actor) {
        return items.all(hospitals.regionOf(actor.hospitalId()));
    }

    /**
     * Creates or renames an exception reason of the actor's region (不予互认的理由): its code (as an item's: a letter or
     * digit first, at most 32 letters, digits, dots, underscores or hyphens), its Chinese name (required) and its
     * English one (the Chinese when none is given), each at most 100 characters; every field problem at once (400).
     * Reasons are never removed: stored records name them. The region's list starts as the defaults.
     */
    @Transactional
    public ExceptionReason putReason(Actor actor, String code, String nameZh, String nameEn) {
        ExamVisibility.require(ExamVisibility.keepsCatalogue(actor), actor, "change the exam exception reasons");
        List<org.meridian.shared.problem.Problem> problems = new ArrayList<>();
        String c = ExamItemDraft.strip(code);
        if (c == null || !ExamItemDraft.CODE.matcher(c).matches()) {
            problems.add(org.meridian.shared.problem.Problem.of("code", "exam.error.code", c == null ? "" : c));
        }
        String zh = reasonName("nameZh", nameZh, true, problems);
        String en = reasonName("nameEn", nameEn, false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("exam", problems);
        }
        long region = hospitals.regionOf(actor.hospitalId());
        reasons.all(region); // the defaults first, so that a region's first own reason joins them
        ExceptionReason reason = new ExceptionReason(c, zh, en == null ? zh : en);
        reasons.put(region, reason);
        audit.record(actor.hospitalId(), actor.username(), "EXAM_REASON_PUT", c,
                AuditLog.details("nameZh", reason.nameZh(), "nameEn", reason.nameEn()));
        return reason;
    }

    private static String reasonName(String field, String text, boolean required,
                                     List<org.meridian.shared.problem.Problem> problems) {
        String t = ExamItemDraft.strip(text);
        if (t == null) {
            if (required) {
                problems.add(org.meridian.shared.problem.Problem.of(field, "exam.error.required"));
            }
            return null;
        }
        if (t.length() > 100) {
            problems.add(org.meridian.shared.problem.Problem.of(field, "exam.error.tooLong", 100));
            return null;
        }
        if (!org.meridian.shared.web.StorableText.isStorable(t)) {
            problems.add(org.meridian.shared.problem.Problem.of(field, "exam.error.notStorable"));
            return null;
        }
        return t;
    }

    /** The exception reasons of the actor's region (the defaults until the region changes them). */
    @Transactional
    public List<ExceptionReason> reasons(Actor actor) {
        return reasons.all(hospitals.regionOf(actor.hospitalId()));
    }
}
