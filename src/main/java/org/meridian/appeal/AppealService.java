package org.meridian.appeal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelRegistry;
import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.EvaluationRuns;
import org.meridian.evaluation.EvaluationSubject;
import org.meridian.evaluation.EvaluationVisibility;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.intake.EventAlreadyVoidedException;
import org.meridian.intake.EventChannels;
import org.meridian.intake.EventNotFoundException;
import org.meridian.intake.IngestReport;
import org.meridian.intake.IntakeService;
import org.meridian.intake.RawEvent;
import org.meridian.shared.Period;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.web.InputProblem;
import org.meridian.shared.web.InvalidInputException;
import org.meridian.shared.web.Paged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals (申诉): the one way into the appeal module.
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
 * Every step is audited. Role checks on the kind of caller belong to the controllers; which appeals a
 * {@link Role#CHANNEL_USER} sees (its own channel's only) and the four-eyes rule are decided here.
 */
@Service
public class AppealService {

    public static final int TEXT_MAX = 4000;
    private static final Set<Role> OFFICE = EnumSet.of(Role.ADMIN, Role.HOSPITAL_MANAGER, Role.CHANNEL_MANAGER);

    private final Appeals appeals;
    private final EvaluationResults evaluations;
    private final EvaluationRuns runs;
    private final ChannelRegistry channels;
    private final IntakeService intake;
    private final EventChannels eventChannels;
    private final AuditLog audit;
    private final Clock clock;
    private final AppealSettings defaults;

    AppealService(Appeals appeals, EvaluationResults evaluations, EvaluationRuns runs, ChannelRegistry channels, IntakeService intake,
                  EventChannels eventChannels, AuditLog audit, Clock clock,
                  @Value("${meridian.appeal.filing-days:15}") int filingDays,
                  @Value("${meridian.appeal.review-days:10}") int reviewDays) {
        this.appeals = appeals;
        this.evaluations = evaluations;
        this.runs = runs;
        this.channels = channels;
        this.intake = intake;
        this.eventChannels = eventChannels;
        this.audit = audit;
        this.clock = clock;
        this.defaults = new AppealSettings(filingDays, reviewDays);
    }

    /** A file as uploaded: its name and bytes. */
    public record Upload(String fileName, byte[] content) {
    }

    /** Whether the user works in the channel office (CHANNEL_MANAGER, HOSPITAL_MANAGER or ADMIN). */
    public static boolean office(MeridianUser user) {
        return user.roles().stream().anyMatch(OFFICE::contains);
    }

    // ---- settings -----------------------------------------------------------------------------

    /** The hospital's deadlines; the configured defaults until a hospital manager sets its own. */
    public AppealSettings settings(long hospitalId) {
        return appeals.settings(hospitalId).orElse(defaults);
    }

    /** Sets the hospital's deadlines (filing 0–365 days after publication, review 1–365 days after filing). */
    @Transactional
    public AppealSettings saveSettings(MeridianUser user, Integer filingDays, Integer reviewDays) {
        List<InputProblem> problems = new ArrayList<>();
        if (filingDays == null || filingDays < 0 || filingDays > 365) {
            problems.add(InputProblem.of("filingDays", "appeal.error.days", 0, 365));
        }
        if (reviewDays == null || reviewDays < 1 || reviewDays > 365) {
            problems.add(InputProblem.of("reviewDays", "appeal.error.days", 1, 365));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        AppealSettings old = settings(user.hospitalId());
        AppealSettings now = new AppealSettings(filingDays, reviewDays);
        appeals.saveSettings(user.hospitalId(), now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("filingDays", AuditLog.change(old.filingDays(), now.filingDays()));
        details.put("reviewDays", AuditLog.change(old.reviewDays(), now.reviewDays()));
        audit.record(user.hospitalId(), user.getUsername(), "APPEAL_SETTINGS_CHANGED", "appeal settings", details);
        return now;
    }

    /** Until when a published evaluation may be appealed; empty for a draft. */
    public Optional<OffsetDateTime> filingDeadline(long hospitalId, Evaluation e) {
        if (!e.published()) {
            return Optional.empty();
        }
        return Optional.of(e.publishedAt().plus(Duration.ofDays(settings(hospitalId).filingDays()))
                .atOffset(ZoneOffset.UTC));
    }

    // ---- filing -------------------------------------------------------------------------------

    /**
     * Files an appeal with its attachments, all or nothing.
     *
     * @throws InvalidInputException   listing every bad field (statement, channel, indicator, files…)
     * @throws AppealRefusedException  for an unpublished or superseded evaluation, a passed deadline (409), or a
     *                                 channel user appealing another channel's scorecard (403)
     */
    @Transactional
    public Appeal file(MeridianUser user, NewAppeal request, List<Upload> uploads) {
        if (!office(user) && !user.hasRole(Role.CHANNEL_USER)) {
            throw AppealRefusedException.forbidden("Only a channel user or the channel office may file an appeal.",
                    "appeal.refused.role");
        }
        List<InputProblem> problems = new ArrayList<>();
        String statement = request.statement() == null ? "" : request.statement().strip();
        if (statement.isEmpty()) {
            problems.add(InputProblem.of("statement", "appeal.error.required"));
        } else if (statement.length() > TEXT_MAX) {
            problems.add(InputProblem.of("statement", "appeal.error.tooLong", TEXT_MAX));
        }
        String code = request.channel() == null ? "" : request.channel().strip();
        String indicator = request.indicator() == null ? "" : request.indicator().strip();
        if (code.isEmpty()) {
            problems.add(InputProblem.of("channel", "appeal.error.required"));
        }
        if (indicator.isEmpty()) {
            problems.add(InputProblem.of("indicator", "appeal.error.required"));
        }
        checkUploads(uploads, 0, problems);
        if (request.evaluationId() == null) {
            problems.add(InputProblem.of("evaluationId", "appeal.error.required"));
            throw new InvalidInputException(problems);
        }
        Evaluation e = evaluations.get(user.actor(), request.evaluationId());
        requireAppealable(user, e);
        Optional<ChannelRef> channel = code.isEmpty() ? Optional.empty() : channels.findByCode(user.actor(), code);
        if (!code.isEmpty() && channel.isEmpty()) {
            problems.add(InputProblem.of("channel", "appeal.error.unknownChannel", code));
        }
        if (channel.isPresent() && !office(user) && !Long.valueOf(channel.get().id()).equals(user.channelId())) {
            throw AppealRefusedException.forbidden("A channel user may appeal only its own channel's scorecard, not "
                    + code + "'s.", "appeal.refused.otherChannel", code);
        }
        UnitScorecard card = null;
        if (channel.isPresent()) {
            card = evaluations.scorecard(user.actor(), e.id(), code).orElse(null);
            if (card == null) {
                problems.add(InputProblem.of("channel", "appeal.error.notEvaluated", code));
            }
        }
        UnitScorecard.Line line = null;
        if (card != null && !indicator.isEmpty()) {
            line = card.indicators().stream().filter(l -> l.code().equals(indicator)).findFirst().orElse(null);
            if (line == null) {
                problems.add(InputProblem.of("indicator", "appeal.error.unknownIndicator", indicator,
                        String.join(", ", card.indicators().stream().map(UnitScorecard.Line::code).toList())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = now();
        AppealSettings s = settings(user.hospitalId());
        OffsetDateTime deadline = filingDeadline(user.hospitalId(), e).orElseThrow();
        if (now.isAfter(deadline.toInstant())) {
            throw AppealRefusedException.conflict("The filing deadline of evaluation " + e.id() + " (" + e.period()
                    + " " + e.unitType() + " v" + e.version() + ") passed at " + deadline + ": it could be appealed for "
                    + s.filingDays() + " days after its publication.", "appeal.refused.deadline", deadline.toString(),
                    s.filingDays());
        }
        OffsetDateTime filedAt = now.atOffset(ZoneOffset.UTC);
        Appeal draft = new Appeal(0, e.id(), channel.get().id(), card.channel(), card.channelName(),
                e.period().toString(), e.unitType(), e.version(), indicator, line.value(), line.score(), statement,
                AppealStatus.SUBMITTED, filedAt, user.getUsername(), deadline,
                filedAt.plusDays(s.reviewDays()), null, null, null, null, null, null);
        long id = appeals.insert(user.hospitalId(), draft);
        for (Upload u : uploads) {
            store(user, id, u, now);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("evaluation", e.id());
        details.put("period", e.period().toString());
        details.put("unitType", e.unitType().name());
        details.put("version", e.version());
        details.put("channel", card.channel());
        details.put("indicator", indicator);
        details.put("attachments", uploads.size());
        details.put("status", AuditLog.change(null, AppealStatus.SUBMITTED.name()));
        audit.record(user.hospitalId(), user.getUsername(), "APPEAL_FILED", "appeal " + id, details);
        return appeals.find(user.hospitalId(), id).orElseThrow();
    }

    private void requireAppealable(MeridianUser user, Evaluation e) {
        String name = e.period() + " " + e.unitType() + " v" + e.version();
        if (!e.published()) {
            throw AppealRefusedException.conflict("Evaluation " + e.id() + " (" + name + ") is not published: only "
                    + "published evaluations can be appealed.", "appeal.refused.unpublished", name);
        }
        int inForce = evaluations.search(user.actor(), e.period(), e.unitType(), 0, Paged.MAX_SIZE).items().stream()
                .filter(Evaluation::published).mapToInt(Evaluation::version).max().orElse(e.version());
        if (inForce > e.version()) {
            throw AppealRefusedException.conflict("Evaluation " + e.id() + " (" + name + ") has been superseded by "
                    + "version " + inForce + ": appeal the version in force.", "appeal.refused.superseded", name,
                    inForce);
        }
    }

    /** Adds a file to an open appeal, by the channel itself or the office. */
    @Transactional
    public Attachment attach(MeridianUser user, long appealId, Upload upload) {
        Appeal a = appeals.lock(user.hospitalId(), appealId).filter(x -> visible(user, x))
                .orElseThrow(() -> new AppealNotFoundException("appeal", appealId));
        if (!office(user) && !user.hasRole(Role.CHANNEL_USER)) {
            throw AppealRefusedException.forbidden("Only the channel or the channel office may add files.",
                    "appeal.refused.role");
        }
        if (!a.status().open()) {
            throw AppealRefusedException.conflict("Appeal " + appealId + " is " + a.status() + ": files can be added "
                    + "only while it is open.", "appeal.refused.closed", a.status().name());
        }
        List<InputProblem> problems = new ArrayList<>();
        checkUploads(List.of(upload), appeals.attachments(user.hospitalId(), appealId).size(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = store(user, appealId, upload, now());
        return appeals.attachments(user.hospitalId(), appealId).stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow();
    }

    private long store(MeridianUser user, long appealId, Upload u, Instant at) {
        AttachmentPolicy.Kind kind = AttachmentPolicy.kindOf(u.fileName(), u.content()).orElseThrow();
        long id = appeals.insertAttachment(user.hospitalId(), appealId, u.fileName(), kind.contentType(), u.content(),
                at, user.getUsername());
        audit.record(user.hospitalId(), user.getUsername(), "APPEAL_ATTACHMENT_ADDED", "appeal " + appealId,
                Map.of("file", u.fileName(), "size", u.content().length, "type", kind.contentType()));
        return id;
    }

    private static void checkUploads(List<Upload> uploads, int already, List<InputProblem> problems) {
        if (already + uploads.size() > AttachmentPolicy.MAX_FILES) {
            problems.add(InputProblem.of("file", "appeal.error.fileCount", AttachmentPolicy.MAX_FILES));
        }
        for (Upload u : uploads) {
            String name = u.fileName() == null ? "" : u.fileName();
            if (u.content() == null || u.content().length == 0) {
                problems.add(InputProblem.of("file", "appeal.error.fileEmpty", name));
            } else if (u.content().length > AttachmentPolicy.MAX_BYTES) {
                problems.add(InputProblem.of("file", "appeal.error.fileSize", name, AttachmentPolicy.MAX_BYTES / 1024 / 1024));
            } else if (name.isBlank() || name.length() > AttachmentPolicy.MAX_NAME) {
                problems.add(InputProblem.of("file", "appeal.error.fileName", AttachmentPolicy.MAX_NAME));
            } else if (AttachmentPolicy.kindOf(name, u.content()).isEmpty()) {
                problems.add(InputProblem.of("file", "appeal.error.fileType", name));
            }
        }
    }

    // ---- review -------------------------------------------------------------------------------

    /**
     * Takes a submitted appeal under review (受理).
     *
     * @throws AppealRefusedException when it is not SUBMITTED (409) or the reviewer filed it (403)
     */
    @Transactional
    public Appeal startReview(MeridianUser user, long id) {
        Appeal a = lockForOffice(user, id);
        if (a.status() != AppealStatus.SUBMITTED) {
            throw outOfOrder(a, "taken under review", AppealStatus.SUBMITTED);
        }
        fourEyes(user, a);
        appeals.startReview(user.hospitalId(), id, now(), user.getUsername());
        audit.record(user.hospitalId(), user.getUsername(), "APPEAL_REVIEW_STARTED", "appeal " + id,
                Map.of("status", AuditLog.change(a.status().name(), AppealStatus.UNDER_REVIEW.name())));
        return appeals.find(user.hospitalId(), id).orElseThrow();
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
     * @throws AppealRefusedException when it is not UNDER_REVIEW (409) or the reviewer filed it (403)
     */
    @Transactional
    public Appeal decide(MeridianUser user, long id, Decision d) {
        Appeal a = lockForOffice(user, id);
        if (a.status() != AppealStatus.UNDER_REVIEW) {
            throw outOfOrder(a, "decided", AppealStatus.UNDER_REVIEW);
        }
        fourEyes(user, a);
        List<InputProblem> problems = new ArrayList<>();
        String reason = d.reason() == null ? "" : d.reason().strip();
        if (reason.isEmpty()) {
            problems.add(InputProblem.of("reason", "appeal.error.reasonRequired"));
        } else if (reason.length() > TEXT_MAX) {
            problems.add(InputProblem.of("reason", "appeal.error.tooLong", TEXT_MAX));
        }
        if (d.upheld() && d.voids().isEmpty() && d.events().isEmpty()) {
            problems.add(InputProblem.of("corrections", "appeal.error.noCorrections"));
        }
        if (!d.upheld() && (!d.voids().isEmpty() || !d.events().isEmpty())) {
            problems.add(InputProblem.of("corrections", "appeal.error.rejectWithCorrections"));
        }
        for (int i = 0; i < d.voids().size(); i++) {
            Decision.EventVoid v = d.voids().get(i);
            if (v.eventId() == null || v.eventId().isBlank()) {
                problems.add(InputProblem.of("voids[" + i + "].eventId", "appeal.error.required"));
            }
            if (v.reason() == null || v.reason().isBlank()) {
                problems.add(InputProblem.of("voids[" + i + "].reason", "appeal.error.required"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long h = user.hospitalId();
        String actor = user.getUsername();
        Evaluation corrected = null;
        List<Correction> corrections = new ArrayList<>();
        if (d.upheld()) {
            // Only the appealed channel's events may be voided or added: another channel's are named and left alone.
            List<Integer> voidsInScope = new ArrayList<>();
            for (int i = 0; i < d.voids().size(); i++) {
                String eventId = d.voids().get(i).eventId().strip();
                Optional<Long> owner = eventChannels.channelOf(h, eventId);
                if (owner.isPresent() && owner.get() != a.channelId()) {
                    problems.add(InputProblem.of("voids[" + i + "].eventId", "appeal.error.otherChannelEvent", eventId,
                            channelCode(user, owner.get()), a.channelCode()));
                } else {
                    voidsInScope.add(i);
                }
            }
            List<RawEvent> rows = new ArrayList<>();
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < d.events().size(); i++) {
                RawEvent e = d.events().get(i);
                Optional<ChannelRef> named = e.channel() == null ? Optional.empty()
                        : channels.findByCode(user.actor(), e.channel());
                if (named.isPresent() && named.get().id() != a.channelId()) {
                    problems.add(InputProblem.of("events[" + i + "]", "appeal.error.otherChannelEvent",
                            String.valueOf(e.eventId()), named.get().code(), a.channelCode()));
                } else {
                    rows.add(e);
                    indexes.add(i);
                }
            }
            for (int i : voidsInScope) {
                Decision.EventVoid v = d.voids().get(i);
                String eventId = v.eventId().strip();
                try {
                    intake.voidEvent(h, eventId, v.reason().strip(), actor);
                    corrections.add(new Correction(Correction.Kind.VOID, eventId, v.reason().strip()));
                } catch (EventNotFoundException ex) {
                    problems.add(InputProblem.of("voids[" + i + "].eventId", "appeal.error.unknownEvent", eventId));
                } catch (EventAlreadyVoidedException ex) {
                    problems.add(InputProblem.of("voids[" + i + "].eventId", "appeal.error.alreadyVoided", eventId));
                }
            }
            if (!rows.isEmpty()) {
                IngestReport report = intake.record(h, rows, indexes, IntakeService.Source.API, null, actor);
                for (IngestReport.RejectedRow r : report.rejected()) {
                    problems.add(InputProblem.of("events[" + r.index() + "]", "appeal.error.event",
                            String.join("; ", r.errors())));
                }
                for (int index : report.duplicateIndexes()) {
                    problems.add(InputProblem.of("events[" + index + "]", "appeal.error.duplicateEvent",
                            String.valueOf(d.events().get(index).eventId())));
                }
                for (RawEvent e : rows) {
                    corrections.add(new Correction(Correction.Kind.EVENT, e.eventId(), String.valueOf(e.type())));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            corrected = runs.run(user.actor(), new EvaluationSubject(Period.parse(a.period()).orElseThrow(),
                    a.unitType()));
            appeals.insertCorrections(h, id, corrections);
        }
        AppealStatus to = d.upheld() ? AppealStatus.UPHELD : AppealStatus.REJECTED;
        appeals.decide(h, id, to, now(), actor, reason, corrected == null ? null : corrected.id());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", AuditLog.change(a.status().name(), to.name()));
        details.put("reason", reason);
        if (corrected != null) {
            details.put("voids", d.voids().size());
            details.put("events", d.events().size());
            details.put("evaluation", corrected.id());
            details.put("version", corrected.version());
        }
        audit.record(h, actor, d.upheld() ? "APPEAL_UPHELD" : "APPEAL_REJECTED", "appeal " + id, details);
        return appeals.find(h, id).orElseThrow();
    }

    private String channelCode(MeridianUser user, long channelId) {
        return channels.find(user.actor(), channelId).map(ChannelRef::code).orElse(String.valueOf(channelId));
    }

    private Appeal lockForOffice(MeridianUser user, long id) {
        if (!office(user)) {
            throw AppealRefusedException.forbidden("Only the channel office reviews and decides appeals.",
                    "appeal.refused.role");
        }
        return appeals.lock(user.hospitalId(), id).orElseThrow(() -> new AppealNotFoundException("appeal", id));
    }

    private static void fourEyes(MeridianUser user, Appeal a) {
        if (a.filedBy().equals(user.getUsername())) {
            throw AppealRefusedException.forbidden("You filed appeal " + a.id() + ": someone else must review and "
                    + "decide it (four eyes).", "appeal.refused.fourEyes");
        }
    }

    private static AppealRefusedException outOfOrder(Appeal a, String step, AppealStatus needed) {
        return AppealRefusedException.conflict("Appeal " + a.id() + " is " + a.status() + ": it can be " + step
                + " only when it is " + needed + ".", "appeal.refused.order", a.status().name(), needed.name());
    }

    // ---- reading ------------------------------------------------------------------------------

    /** Whether the user may see the appeal: ANALYST and above every one, a CHANNEL_USER its own channel's. */
    public static boolean visible(MeridianUser user, Appeal a) {
        return EvaluationVisibility.seesAll(user.actor()) || Long.valueOf(a.channelId()).equals(user.channelId());
    }

    private Long channelScope(MeridianUser user) {
        return EvaluationVisibility.seesAll(user.actor()) ? null : Optional.ofNullable(user.channelId()).orElse(-1L);
    }

    public Appeal get(MeridianUser user, long id) {
        return appeals.find(user.hospitalId(), id).filter(a -> visible(user, a))
                .orElseThrow(() -> new AppealNotFoundException("appeal", id));
    }

    /** The appeals the user may see, newest first, optionally of one status and one evaluation. */
    public Paged<Appeal> search(MeridianUser user, AppealStatus status, Long evaluationId, int page, int size) {
        Paged.check(page, size);
        return appeals.search(user.hospitalId(), channelScope(user), status, evaluationId, page, size);
    }

    public List<Attachment> attachments(MeridianUser user, long appealId) {
        get(user, appealId);
        return appeals.attachments(user.hospitalId(), appealId);
    }

    public Attachment.File attachment(MeridianUser user, long appealId, long attachmentId) {
        get(user, appealId);
        return appeals.attachmentFile(user.hospitalId(), appealId, attachmentId)
                .orElseThrow(() -> new AppealNotFoundException("attachment", attachmentId));
    }

    public List<Correction> corrections(MeridianUser user, long appealId) {
        get(user, appealId);
        return appeals.corrections(user.hospitalId(), appealId);
    }

    /** How many appeals the user may see are waiting for a decision. */
    public long countOpen(MeridianUser user) {
        return appeals.countOpen(user.hospitalId(), channelScope(user));
    }

    /** The present moment, for telling overdue reviews. */
    public OffsetDateTime currentTime() {
        return now().atOffset(ZoneOffset.UTC);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
