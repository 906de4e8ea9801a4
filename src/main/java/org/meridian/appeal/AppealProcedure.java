package org.meridian.appeal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelRegistry;
import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.EvaluationRuns;
import org.meridian.evaluation.EvaluationSubject;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.intake.EventAlreadyVoidedException;
import org.meridian.intake.EventChannels;
import org.meridian.intake.EventNotFoundException;
import org.meridian.intake.IngestReport;
import org.meridian.intake.EventIntake;
import org.meridian.intake.RawEvent;
import org.meridian.shared.Period;
import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.FourEyes;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.web.Paged;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The appeal procedure (申诉程序): the one way into the appeal module.
 * <ul>
 * <li>{@link #file}: a channel user (for its own channel) or the channel office contests one indicator value of a
 *     channel's scorecard in the published evaluation version in force, with a statement and attachments, within
 *     the filing window after publication.</li>
 * <li>{@link #startReview} and {@link #decide}: the office — never the person who filed it — takes the appeal
 *     under review, then upholds or rejects it with a reason. Upholding voids and re-sends events of the appealed
 *     channel — never of another — through intake (validated, pseudonymised, rolled up like any event) and scores
 *     the period again: a new draft evaluation version, which the office publishes as usual. The appealed version is
 *     never changed.</li>
 * </ul>
 * Every step takes the {@link Actor} and is audited under its name. Who sees and who handles which appeal is
 * {@link AppealVisibility}; the four-eyes rule is {@link FourEyes}. A refusal is a {@link RefusedException} (403) or
 * a {@link ConflictException} (409) of kind {@code urn:meridian:appeal:<kind>}, bad input an
 * {@link InvalidInputException} listing every field.
 */
@Service
public class AppealProcedure {

    /** The module's name in problem types: {@code urn:meridian:appeal:<kind>}. */
    static final String MODULE = "appeal";
    public static final int TEXT_MAX = 4000;

    private final Appeals appeals;
    private final EvaluationResults evaluations;
    private final EvaluationRuns runs;
    private final ChannelRegistry channels;
    private final EventIntake intake;
    private final EventChannels eventChannels;
    private final AuditLog audit;
    private final Clock clock;
    private final AppealSettings defaults;
    private final ApplicationEventPublisher events;

    AppealProcedure(Appeals appeals, EvaluationResults evaluations, EvaluationRuns runs, ChannelRegistry channels, EventIntake intake,
                  EventChannels eventChannels, AuditLog audit, Clock clock,
                  @Value("${meridian.appeal.filing-days:15}") int filingDays,
                  @Value("${meridian.appeal.review-days:10}") int reviewDays, ApplicationEventPublisher events) {
        this.appeals = appeals;
        this.evaluations = evaluations;
        this.runs = runs;
        this.channels = channels;
        this.intake = intake;
        this.eventChannels = eventChannels;
        this.audit = audit;
        this.clock = clock;
        this.defaults = new AppealSettings(filingDays, reviewDays);
        this.events = events;
    }

    /** A file as uploaded: its name and bytes. */
    public record Upload(String fileName, byte[] content) {
    }

    // ---- settings -----------------------------------------------------------------------------

    /** The hospital's deadlines; the configured defaults until a hospital manager sets its own. */
    public AppealSettings settings(Actor actor) {
        return settingsOf(actor.hospitalId());
    }

    private AppealSettings settingsOf(long hospitalId) {
        return appeals.settings(hospitalId).orElse(defaults);
    }

    /** Sets the hospital's deadlines (filing 0–365 days after publication, review 1–365 days after filing). */
    @Transactional
    public AppealSettings saveSettings(Actor actor, Integer filingDays, Integer reviewDays) {
        List<Problem> problems = new ArrayList<>();
        if (filingDays == null || filingDays < 0 || filingDays > 365) {
            problems.add(Problem.of("filingDays", "appeal.error.days", 0, 365));
        }
        if (reviewDays == null || reviewDays < 1 || reviewDays > 365) {
            problems.add(Problem.of("reviewDays", "appeal.error.days", 1, 365));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(MODULE, problems);
        }
        AppealSettings old = settings(actor);
        AppealSettings now = new AppealSettings(filingDays, reviewDays);
        appeals.saveSettings(actor.hospitalId(), now);
        Map<String, Object> details = AuditLog.details(
                "filingDays", AuditLog.change(old.filingDays(), now.filingDays()),
                "reviewDays", AuditLog.change(old.reviewDays(), now.reviewDays()));
        audit.record(actor.hospitalId(), actor.username(), "APPEAL_SETTINGS_CHANGED", "appeal settings", details);
        return now;
    }

    /** Until when a published evaluation may be appealed; empty for a draft. */
    public Optional<OffsetDateTime> filingDeadline(Actor actor, Evaluation e) {
        if (!e.published()) {
            return Optional.empty();
        }
        return Optional.of(e.publishedAt().plus(Duration.ofDays(settings(actor).filingDays()))
                .atOffset(ZoneOffset.UTC));
    }

    // ---- filing -------------------------------------------------------------------------------

    /**
     * Files an appeal with its attachments, all or nothing.
     *
     * @throws InvalidInputException   listing every bad field (statement, channel, indicator, files…)
     * @throws RefusedException/ConflictException  for an unpublished or superseded evaluation, a passed deadline (409), or a
     *                                 channel user appealing another channel's scorecard (403)
     */
    @Transactional
    public Appeal file(Actor actor, NewAppeal request, List<Upload> uploads) {
        if (!AppealVisibility.files(actor)) {
            throw refused("Only a channel user or the channel office may file an appeal.",
                    "appeal.refused.role");
        }
        List<Problem> problems = new ArrayList<>();
        String statement = request.statement() == null ? "" : request.statement().strip();
        if (statement.isEmpty()) {
            problems.add(Problem.of("statement", "appeal.error.required"));
        } else if (statement.length() > TEXT_MAX) {
            problems.add(Problem.of("statement", "appeal.error.tooLong", TEXT_MAX));
        }
        String code = request.channel() == null ? "" : request.channel().strip();
        String indicator = request.indicator() == null ? "" : request.indicator().strip();
        if (code.isEmpty()) {
            problems.add(Problem.of("channel", "appeal.error.required"));
        }
        if (indicator.isEmpty()) {
            problems.add(Problem.of("indicator", "appeal.error.required"));
        }
        checkUploads(uploads, 0, problems);
        if (request.evaluationId() == null) {
            problems.add(Problem.of("evaluationId", "appeal.error.required"));
            throw new InvalidInputException(MODULE, problems);
        }
        Evaluation e = evaluations.get(actor, request.evaluationId());
        requireAppealable(actor, e);
        Optional<ChannelRef> channel = code.isEmpty() ? Optional.empty() : channels.findByCode(actor, code);
        if (!code.isEmpty() && channel.isEmpty()) {
            problems.add(Problem.of("channel", "appeal.error.unknownChannel", code));
        }
        if (channel.isPresent() && !AppealVisibility.office(actor) && !Long.valueOf(channel.get().id()).equals(actor.channelId())) {
            throw refused("A channel user may appeal only its own channel's scorecard, not "
                    + code + "'s.", "appeal.refused.otherChannel", code);
        }
        UnitScorecard card = null;
        if (channel.isPresent()) {
            card = evaluations.scorecard(actor, e.id(), code).orElse(null);
            if (card == null) {
                problems.add(Problem.of("channel", "appeal.error.notEvaluated", code));
            }
        }
        UnitScorecard.Line line = null;
        if (card != null && !indicator.isEmpty()) {
            line = card.indicators().stream().filter(l -> l.code().equals(indicator)).findFirst().orElse(null);
            if (line == null) {
                problems.add(Problem.of("indicator", "appeal.error.unknownIndicator", indicator,
                        String.join(", ", card.indicators().stream().map(UnitScorecard.Line::code).toList())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(MODULE, problems);
        }
        Instant now = now();
        AppealSettings s = settings(actor);
        OffsetDateTime deadline = filingDeadline(actor, e).orElseThrow();
        if (now.isAfter(deadline.toInstant())) {
            throw conflict("The filing deadline of evaluation " + e.id() + " (" + e.period()
                    + " " + e.unitType() + " v" + e.version() + ") passed at " + deadline + ": it could be appealed for "
                    + s.filingDays() + " days after its publication.", "appeal.refused.deadline", deadline.toString(),
                    s.filingDays());
        }
        OffsetDateTime filedAt = now.atOffset(ZoneOffset.UTC);
        Appeal draft = new Appeal(0, e.id(), channel.get().id(), card.channel(), card.channelName(),
                e.period().toString(), e.unitType(), e.version(), indicator, line.value(), line.score(), statement,
                AppealStatus.SUBMITTED, filedAt, actor.username(), deadline,
                filedAt.plusDays(s.reviewDays()), null, null, null, null, null, null);
        long id = appeals.insert(actor.hospitalId(), draft);
        for (Upload u : uploads) {
            store(actor, id, u, now);
        }
        Map<String, Object> details = AuditLog.details("evaluation", e.id(), "period", e.period().toString(),
                "unitType", e.unitType().name(), "version", e.version(), "channel", card.channel(),
                "indicator", indicator, "attachments", uploads.size(),
                "status", AuditLog.change(null, AppealStatus.SUBMITTED.name()));
        audit.record(actor.hospitalId(), actor.username(), "APPEAL_FILED", "appeal " + id, details);
        events.publishEvent(new AppealFiled(actor.hospitalId(), id, channel.get().id(), card.channelName(),
                e.period().toString(), e.unitType(), e.version(), actor.username(), now));
        return appeals.find(actor.hospitalId(), id).orElseThrow();
    }

    private void requireAppealable(Actor actor, Evaluation e) {
        String name = e.period() + " " + e.unitType() + " v" + e.version();
        if (!e.published()) {
            throw conflict("Evaluation " + e.id() + " (" + name + ") is not published: only "
                    + "published evaluations can be appealed.", "appeal.refused.unpublished", name);
        }
        int inForce = evaluations.search(actor, e.period(), e.unitType(), 0, Paged.MAX_SIZE).items().stream()
                .filter(Evaluation::published).mapToInt(Evaluation::version).max().orElse(e.version());
        if (inForce > e.version()) {
            throw conflict("Evaluation " + e.id() + " (" + name + ") has been superseded by "
                    + "version " + inForce + ": appeal the version in force.", "appeal.refused.superseded", name,
                    inForce);
        }
    }

    /** Adds a file to an open appeal, by the channel itself or the office. */
    @Transactional
    public Attachment attach(Actor actor, long appealId, Upload upload) {
        Appeal a = appeals.lock(actor.hospitalId(), appealId).filter(x -> AppealVisibility.sees(actor, x))
                .orElseThrow(() -> new AppealNotFoundException("appeal", appealId));
        if (!AppealVisibility.files(actor)) {
            throw refused("Only the channel or the channel office may add files.",
                    "appeal.refused.role");
        }
        if (!a.status().open()) {
            throw conflict("Appeal " + appealId + " is " + a.status() + ": files can be added "
                    + "only while it is open.", "appeal.refused.closed", status(a.status()));
        }
        List<Problem> problems = new ArrayList<>();
        checkUploads(List.of(upload), appeals.attachments(actor.hospitalId(), appealId).size(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(MODULE, problems);
        }
        long id = store(actor, appealId, upload, now());
        return appeals.attachments(actor.hospitalId(), appealId).stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow();
    }

    private long store(Actor actor, long appealId, Upload u, Instant at) {
        AttachmentPolicy.Kind kind = AttachmentPolicy.kindOf(u.fileName(), u.content()).orElseThrow();
        long id = appeals.insertAttachment(actor.hospitalId(), appealId, u.fileName(), kind.contentType(), u.content(),
                at, actor.username());
        audit.record(actor.hospitalId(), actor.username(), "APPEAL_ATTACHMENT_ADDED", "appeal " + appealId,
                Map.of("file", u.fileName(), "size", u.content().length, "type", kind.contentType()));
        return id;
    }

    private static void checkUploads(List<Upload> uploads, int already, List<Problem> problems) {
        if (already + uploads.size() > AttachmentPolicy.MAX_FILES) {
            problems.add(Problem.of("file", "appeal.error.fileCount", AttachmentPolicy.MAX_FILES));
        }
        for (Upload u : uploads) {
            String name = u.fileName() == null ? "" : u.fileName();
            if (u.content() == null || u.content().length == 0) {
                problems.add(Problem.of("file", "appeal.error.fileEmpty", name));
            } else if (u.content().length > AttachmentPolicy.MAX_BYTES) {
                problems.add(Problem.of("file", "appeal.error.fileSize", name, AttachmentPolicy.MAX_BYTES / 1024 / 1024));
            } else if (name.isBlank() || name.length() > AttachmentPolicy.MAX_NAME) {
                problems.add(Problem.of("file", "appeal.error.fileName", AttachmentPolicy.MAX_NAME));
            } else if (AttachmentPolicy.kindOf(name, u.content()).isEmpty()) {
                problems.add(Problem.of("file", "appeal.error.fileType", name));
            }
        }
    }

    // ---- review -------------------------------------------------------------------------------

    /**
     * Takes a submitted appeal under review (受理).
     *
     * @throws RefusedException/ConflictException when it is not SUBMITTED (409) or the reviewer filed it (403)
     */
    @Transactional
    public Appeal startReview(Actor actor, long id) {
        Appeal a = lockForOffice(actor, id);
        if (a.status() != AppealStatus.SUBMITTED) {
            throw outOfOrder(a, "taken under review", AppealStatus.SUBMITTED);
        }
        fourEyes(actor, a);
        appeals.startReview(actor.hospitalId(), id, now(), actor.username());
        audit.record(actor.hospitalId(), actor.username(), "APPEAL_REVIEW_STARTED", "appeal " + id,
                Map.of("status", AuditLog.change(a.status().name(), AppealStatus.UNDER_REVIEW.name())));
        return appeals.find(actor.hospitalId(), id).orElseThrow();
    }

    /**
     * Decides an appeal under review. Upheld: the voids and corrected events go through intake and the appealed
     * (period, unit type) is run again, giving a new draft version (or re-running the draft that is already there),
     * which the appeal links to; all of it or, when any correction is refused, none of it. Rejected: nothing else
     * changes.
     *
     * @throws InvalidInputException  no reason; an upheld appeal without corrections; a rejected one with
     *                                corrections; every void or corrected event of another channel than the
     *                                appealed one; every correction intake refuses (unknown or voided event, a
     *                                rejected or duplicate event row), each with its reasons
     * @throws RefusedException/ConflictException when it is not UNDER_REVIEW (409) or the reviewer filed it (403)
     */
    @Transactional
    public Appeal decide(Actor actor, long id, Decision d) {
        Appeal a = lockForOffice(actor, id);
        if (a.status() != AppealStatus.UNDER_REVIEW) {
            throw outOfOrder(a, "decided", AppealStatus.UNDER_REVIEW);
        }
        fourEyes(actor, a);
        String reason = checked(d);
        Evaluation corrected = d.upheld() ? correct(actor, a, d) : null;
        AppealStatus to = d.upheld() ? AppealStatus.UPHELD : AppealStatus.REJECTED;
        appeals.decide(actor.hospitalId(), id, to, now(), actor.username(), reason,
                corrected == null ? null : corrected.id());
        Map<String, Object> details = AuditLog.details("status", AuditLog.change(a.status().name(), to.name()),
                "reason", reason);
        if (corrected != null) {
            details.put("voids", d.voids().size());
            details.put("events", d.events().size());
            details.put("evaluation", corrected.id());
            details.put("version", corrected.version());
        }
        audit.record(actor.hospitalId(), actor.username(), d.upheld() ? "APPEAL_UPHELD" : "APPEAL_REJECTED",
                "appeal " + id, details);
        events.publishEvent(new AppealDecided(actor.hospitalId(), id, a.channelId(), a.channelName(), a.period(),
                a.unitType(), a.evaluationVersion(), d.upheld(), reason, actor.username(), now()));
        return appeals.find(actor.hospitalId(), id).orElseThrow();
    }

    /**
     * The decision's own form, before anything is touched: a reason; corrections when upheld and none when
     * rejected; every void with an event id and a reason.
     *
     * @return the stripped reason
     */
    private static String checked(Decision d) {
        List<Problem> problems = new ArrayList<>();
        String reason = d.reason() == null ? "" : d.reason().strip();
        if (reason.isEmpty()) {
            problems.add(Problem.of("reason", "appeal.error.reasonRequired"));
        } else if (reason.length() > TEXT_MAX) {
            problems.add(Problem.of("reason", "appeal.error.tooLong", TEXT_MAX));
        }
        if (d.upheld() && d.voids().isEmpty() && d.events().isEmpty()) {
            problems.add(Problem.of("corrections", "appeal.error.noCorrections"));
        }
        if (!d.upheld() && (!d.voids().isEmpty() || !d.events().isEmpty())) {
            problems.add(Problem.of("corrections", "appeal.error.rejectWithCorrections"));
        }
        for (int i = 0; i < d.voids().size(); i++) {
            Decision.EventVoid v = d.voids().get(i);
            if (v.eventId() == null || v.eventId().isBlank()) {
                problems.add(Problem.of("voids[" + i + "].eventId", "appeal.error.required"));
            }
            if (v.reason() == null || v.reason().isBlank()) {
                problems.add(Problem.of("voids[" + i + "].reason", "appeal.error.required"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(MODULE, problems);
        }
        return reason;
    }

    /**
     * Carries out an upheld appeal's corrections, all or none: only the appealed channel's events are voided or
     * added (another channel's are named and left alone), every correction intake refuses is named, and the
     * appealed period is scored again as a new draft version.
     *
     * @return the corrected evaluation
     */
    private Evaluation correct(Actor actor, Appeal a, Decision d) {
        List<Problem> problems = new ArrayList<>();
        List<Correction> corrections = new ArrayList<>();
        List<Integer> voids = voidsOfTheAppealedChannel(actor, a, d, problems);
        List<Integer> events = eventsOfTheAppealedChannel(actor, a, d, problems);
        voidEvents(actor, d, voids, corrections, problems);
        sendEvents(actor, d, events, corrections, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(MODULE, problems);
        }
        Evaluation corrected = runs.run(actor, new EvaluationSubject(Period.parse(a.period()).orElseThrow(),
                a.unitType()));
        appeals.insertCorrections(actor.hospitalId(), a.id(), corrections);
        return corrected;
    }

    /** The indexes of the voids whose event is the appealed channel's (or unknown, for intake to name). */
    private List<Integer> voidsOfTheAppealedChannel(Actor actor, Appeal a, Decision d, List<Problem> problems) {
        long h = actor.hospitalId();
        List<Integer> inScope = new ArrayList<>();
        for (int i = 0; i < d.voids().size(); i++) {
            String eventId = d.voids().get(i).eventId().strip();
            Optional<Long> owner = eventChannels.channelOf(h, eventId);
            if (owner.isPresent() && owner.get() != a.channelId()) {
                problems.add(Problem.of("voids[" + i + "].eventId", "appeal.error.otherChannelEvent", eventId,
                        channelCode(actor, owner.get()), a.channelCode()));
            } else {
                inScope.add(i);
            }
        }
        return inScope;
    }

    /** The indexes of the corrected events that name the appealed channel (or none, for intake to name). */
    private List<Integer> eventsOfTheAppealedChannel(Actor actor, Appeal a, Decision d, List<Problem> problems) {
        long h = actor.hospitalId();
        List<Integer> inScope = new ArrayList<>();
        for (int i = 0; i < d.events().size(); i++) {
            RawEvent e = d.events().get(i);
            Optional<ChannelRef> named = e.channel() == null ? Optional.empty() : channels.findByCode(actor, e.channel());
            if (named.isPresent() && named.get().id() != a.channelId()) {
                problems.add(Problem.of("events[" + i + "]", "appeal.error.otherChannelEvent",
                        String.valueOf(e.eventId()), named.get().code(), a.channelCode()));
            } else {
                inScope.add(i);
            }
        }
        return inScope;
    }

    private void voidEvents(Actor actor, Decision d, List<Integer> indexes, List<Correction> corrections,
                            List<Problem> problems) {
        for (int i : indexes) {
            Decision.EventVoid v = d.voids().get(i);
            String eventId = v.eventId().strip();
            try {
                intake.voidEvent(actor, eventId, v.reason().strip());
                corrections.add(new Correction(Correction.Kind.VOID, eventId, v.reason().strip()));
            } catch (EventNotFoundException ex) {
                problems.add(Problem.of("voids[" + i + "].eventId", "appeal.error.unknownEvent", eventId));
            } catch (EventAlreadyVoidedException ex) {
                problems.add(Problem.of("voids[" + i + "].eventId", "appeal.error.alreadyVoided", eventId));
            }
        }
    }

    private void sendEvents(Actor actor, Decision d, List<Integer> indexes, List<Correction> corrections,
                            List<Problem> problems) {
        if (indexes.isEmpty()) {
            return;
        }
        List<RawEvent> rows = indexes.stream().map(d.events()::get).toList();
        IngestReport report = intake.record(actor, rows, indexes, EventIntake.Source.API, null);
        for (IngestReport.RejectedRow r : report.rejected()) {
            problems.add(Problem.of("events[" + r.index() + "]", "appeal.error.event", String.join("; ", r.errors())));
        }
        for (int index : report.duplicateIndexes()) {
            problems.add(Problem.of("events[" + index + "]", "appeal.error.duplicateEvent",
                    String.valueOf(d.events().get(index).eventId())));
        }
        for (RawEvent e : rows) {
            corrections.add(new Correction(Correction.Kind.EVENT, e.eventId(), String.valueOf(e.type())));
        }
    }

    private String channelCode(Actor actor, long channelId) {
        return channels.find(actor, channelId).map(ChannelRef::code).orElse(String.valueOf(channelId));
    }

    private Appeal lockForOffice(Actor actor, long id) {
        if (!AppealVisibility.office(actor)) {
            throw refused("Only the channel office reviews and decides appeals.",
                    "appeal.refused.role");
        }
        return appeals.lock(actor.hospitalId(), id).orElseThrow(() -> new AppealNotFoundException("appeal", id));
    }

    /** The four-eyes rule: whoever filed the appeal may not also review or decide it. */
    private static void fourEyes(Actor actor, Appeal a) {
        FourEyes.require(MODULE, a.filedBy(), actor, "appeal.refused.fourEyes");
    }

    private static final String REFUSED = "appeal.refused.";

    /** 403 of kind {@code urn:meridian:appeal:<what follows appeal.refused. in the key>}. */
    private static RefusedException refused(String log, String key, Object... args) {
        return new RefusedException(MODULE, key.substring(REFUSED.length()), key, List.of(args), log);
    }

    /** 409, named like {@link #refused}. */
    private static ConflictException conflict(String log, String key, Object... args) {
        return new ConflictException(MODULE, key.substring(REFUSED.length()), key, List.of(args), log);
    }

    /** A status as the bundles name it (审核中, Under review), never the raw name, in the reader's language. */
    static MessageSourceResolvable status(AppealStatus s) {
        return new DefaultMessageSourceResolvable(new String[] {"appeal.status." + s.name()}, s.name());
    }

    private static ConflictException outOfOrder(Appeal a, String step, AppealStatus needed) {
        return conflict("Appeal " + a.id() + " is " + a.status() + ": it can be " + step
                + " only when it is " + needed + ".", "appeal.refused.order", status(a.status()), status(needed));
    }

    // ---- reading ------------------------------------------------------------------------------

    public Appeal get(Actor actor, long id) {
        return appeals.find(actor.hospitalId(), id).filter(a -> AppealVisibility.sees(actor, a))
                .orElseThrow(() -> new AppealNotFoundException("appeal", id));
    }

    /** The appeals the actor may see, newest first, optionally of one status and one evaluation. */
    public Paged<Appeal> search(Actor actor, AppealStatus status, Long evaluationId, int page, int size) {
        Paged.check(page, size);
        return appeals.search(actor.hospitalId(), AppealVisibility.channelScope(actor), status, evaluationId, page, size);
    }

    public List<Attachment> attachments(Actor actor, long appealId) {
        get(actor, appealId);
        return appeals.attachments(actor.hospitalId(), appealId);
    }

    public Attachment.File attachment(Actor actor, long appealId, long attachmentId) {
        get(actor, appealId);
        return appeals.attachmentFile(actor.hospitalId(), appealId, attachmentId)
                .orElseThrow(() -> new AppealNotFoundException("attachment", attachmentId));
    }

    public List<Correction> corrections(Actor actor, long appealId) {
        get(actor, appealId);
        return appeals.corrections(actor.hospitalId(), appealId);
    }

    /**
     * The open appeals (submitted or under review) the actor may see, the longest-waiting first, at most
     * {@code limit}: the office's work (受理 and 裁决).
     */
    public List<Appeal> open(Actor actor, int limit) {
        return appeals.open(actor.hospitalId(), AppealVisibility.channelScope(actor), limit);
    }

    /** How many appeals the actor may see are waiting for a decision. */
    public long countOpen(Actor actor) {
        return appeals.countOpen(actor.hospitalId(), AppealVisibility.channelScope(actor));
    }

    /** The present moment, for telling overdue reviews. */
    public OffsetDateTime currentTime() {
        return now().atOffset(ZoneOffset.UTC);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
