package org.meridian.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelRegistry;
import org.meridian.intake.IngestReport;
import org.meridian.intake.EventIntake;
import org.meridian.intake.RawEvent;
import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.web.Paged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral workflow (转诊协同): a channel's user refers a patient, the referral desk (转诊服务中心) accepts,
 * schedules, records the arrival and the outcome, or declines. Each step records the engine's event through intake
 * (source PORTAL) in the same transaction, so a step is either wholly done (status, event, audit) or not at all:
 * <ul>
 * <li>submit → REFERRAL (attributes {@code department}, {@code urgency}; the patient only as the pseudonym);</li>
 * <li>accept → ACCEPTED; schedule → ACCEPTED when not accepted before (受理/预约), nothing more otherwise;</li>
 * <li>arrive → ARRIVED; convert → CONVERTED and FEEDBACK (the outcome returned to the channel);</li>
 * <li>decline → FEEDBACK (the refusal and its reason returned to the channel).</li>
 * </ul>
 * A step the referral's status does not allow is a conflict (409), e.g. arrive before accept, or a second accept.
 */
@Service
public class ReferralDesk {

    static final String MODULE = "referral";
    /** What a hospital without a list of its own offers (医院科室): the common clinical departments. */
    static final List<String> DEFAULT_DEPARTMENTS = List.of("内科", "外科", "心血管内科", "呼吸内科", "消化内科",
            "神经内科", "骨科", "妇产科", "儿科", "眼科", "耳鼻咽喉科", "口腔科", "皮肤科", "肿瘤科", "康复医学科",
            "体检中心");
    static final int KEY_MAX = 128;
    static final int REASON_MAX = 500;
    static final int DEPARTMENT_MAX = 50;
    private static final Logger log = LoggerFactory.getLogger(ReferralDesk.class);

    private final Referrals referrals;
    private final ChannelRegistry channels;
    private final EventIntake intake;
    private final AuditLog audit;
    private final HospitalCalendar calendar;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ReferralDesk(Referrals referrals, ChannelRegistry channels, EventIntake intake, AuditLog audit,
                 HospitalCalendar calendar, Clock clock, ApplicationEventPublisher events) {
        this.referrals = referrals;
        this.channels = channels;
        this.intake = intake;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
        this.events = events;
    }

    /** A referral and whether this call created it ({@code false}: the idempotency key named an earlier one). */
    public record Submission(Referral referral, boolean created) {
    }

    /**
     * Refers a patient for the actor's own channel. The same idempotency key of the same channel answers the
     * referral made with it first (a double tap or a retry after a time-out makes one referral), whatever the body.
     *
     * @throws RefusedException      the actor is not a channel's user bound to a channel, or names another channel
     * @throws InvalidInputException no or a bad key, a department the hospital does not have (with the field
     *                               problems {@link NewReferral#parse} found, when the caller passes them on)
     */
    @Transactional
    public Submission submit(Actor actor, String idempotencyKey, NewReferral draft) {
        ChannelRef channel = ownChannel(actor, draft.channel());
        List<Problem> problems = submissionProblems(actor, idempotencyKey, draft.department());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(MODULE, problems);
        }
        String key = idempotencyKey.strip();
        var earlier = referrals.idByKey(actor.hospitalId(), channel.id(), key);
        if (earlier.isPresent()) {
            return new Submission(referrals.find(actor.hospitalId(), earlier.get()).orElseThrow(), false);
        }
        Instant now = now();
        var id = referrals.insert(actor.hospitalId(), channel.id(), channel.code(), channel.name(), key, draft,
                intake.pseudonym(draft.patientId()), now, actor.username());
        if (id.isEmpty()) { // a concurrent request with the same key committed first
            long other = referrals.idByKey(actor.hospitalId(), channel.id(), key).orElseThrow();
            return new Submission(referrals.find(actor.hospitalId(), other).orElseThrow(), false);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (draft.department() != null) {
            attributes.put("department", draft.department());
        }
        attributes.put("urgency", draft.urgency().name());
        record(actor, id.get(), channel.code(), "REFERRAL", draft.patientId(), now, attributes);
        audit.record(actor.hospitalId(), actor.username(), "REFERRAL_SUBMITTED", Referral.referralId(id.get()),
                Map.of("channel", channel.code(), "urgency", draft.urgency().name()));
        return new Submission(progressed(actor, id.get(), null), true);
    }

    /**
     * What {@link #submit} would refuse in the key and the department, for a form or request that reports these
     * together with its own field problems: no key or not 1–128 visible ASCII characters, a department the hospital
     * does not have.
     */
    public List<Problem> submissionProblems(Actor actor, String idempotencyKey, String department) {
        List<Problem> problems = new ArrayList<>();
        String key = idempotencyKey == null ? "" : idempotencyKey.strip();
        if (key.isEmpty() || key.length() > KEY_MAX || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            problems.add(Problem.of("Idempotency-Key", "referral.error.idempotencyKey", KEY_MAX));
        }
        String d = NewReferral.blankToNull(department);
        if (d != null && !departments(actor).contains(d)) {
            problems.add(Problem.of("department", "referral.error.department"));
        }
        return problems;
    }

    /** The referral, if the actor may see it. */
    @Transactional(readOnly = true)
    public Referral get(Actor actor, long id) {
        return referrals.find(actor.hospitalId(), id).filter(r -> ReferralVisibility.sees(actor, r))
                .orElseThrow(() -> new ReferralNotFoundException(id));
    }

    /** A page of the referrals the actor sees (the desk: the hospital's; a channel user: its channel's). */
    @Transactional(readOnly = true)
    public Paged<Referral> search(Actor actor, ReferralStatus status, int page, int size) {
        requireSeesAny(actor);
        Paged.check(page, size);
        return referrals.search(actor.hospitalId(), ReferralVisibility.channelScope(actor), status, page, size);
    }

    /** How many of the referrals the actor sees are in each status. */
    @Transactional(readOnly = true)
    public Map<ReferralStatus, Long> counts(Actor actor) {
        requireSeesAny(actor);
        return referrals.countByStatus(actor.hospitalId(), ReferralVisibility.channelScope(actor));
    }

    /**
     * How many of the referrals the actor sees that were made this month (from the first of the month in the
     * hospital's calendar) are in each status.
     */
    @Transactional(readOnly = true)
    public Map<ReferralStatus, Long> countsThisMonth(Actor actor) {
        requireSeesAny(actor);
        Instant from = calendar.today(actor.hospitalId()).withDayOfMonth(1)
                .atStartOfDay(calendar.zone(actor.hospitalId())).toInstant();
        return referrals.countByStatus(actor.hospitalId(), ReferralVisibility.channelScope(actor), from);
    }

    /** 受理: the desk accepts a submitted referral (ACCEPTED event). */
    @Transactional
    public Referral accept(Actor actor, long id) {
        Referral r = step(actor, id, ReferralStep.ACCEPT);
        Instant now = now();
        referrals.accept(actor.hospitalId(), id, now, actor.username());
        record(actor, id, r.channelCode(), "ACCEPTED", null, now, Map.of());
        audit.record(actor.hospitalId(), actor.username(), "REFERRAL_ACCEPTED", r.referralId(), Map.of());
        return progressed(actor, id, null);
    }

    /**
     * 预约: the desk books the appointment (a day not before today in the hospital's calendar, one of the hospital's
     * departments, a doctor); a referral not accepted before is accepted by it (ACCEPTED event).
     */
    @Transactional
    public Referral schedule(Actor actor, long id, Appointment appointment) {
        List<Problem> problems = new ArrayList<>();
        if (appointment.date().isBefore(calendar.today(actor.hospitalId()))) {
            problems.add(Problem.of("date", "referral.error.dateInPast"));
        }
        if (!departments(actor).contains(appointment.department())) {
            problems.add(Problem.of("department", "referral.error.department"));
        }
        Referral r = step(actor, id, ReferralStep.SCHEDULE);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(MODULE, problems);
        }
        Instant now = now();
        referrals.schedule(actor.hospitalId(), id, appointment, now, actor.username());
        if (r.acceptedAt() == null) {
            record(actor, id, r.channelCode(), "ACCEPTED", null, now, Map.of("department", appointment.department()));
        }
        audit.record(actor.hospitalId(), actor.username(), "REFERRAL_SCHEDULED", r.referralId(),
                Map.of("date", appointment.date().toString(), "department", appointment.department()));
        return progressed(actor, id, null);
    }

    /** 到诊: the patient came (ARRIVED event); only after the referral was accepted or scheduled. */
    @Transactional
    public Referral arrive(Actor actor, long id) {
        Referral r = step(actor, id, ReferralStep.ARRIVE);
        Instant now = now();
        referrals.arrive(actor.hospitalId(), id, now, actor.username());
        Map<String, String> attributes = r.appointment() == null ? Map.of()
                : Map.of("department", r.appointment().department());
        record(actor, id, r.channelCode(), "ARRIVED", null, now, attributes);
        audit.record(actor.hospitalId(), actor.username(), "REFERRAL_ARRIVED", r.referralId(), Map.of());
        return progressed(actor, id, null);
    }

    /**
     * 转化: the visit converted (CONVERTED event), and the outcome goes back to the channel (FEEDBACK event) with an
     * optional short message (at most 500 characters, no clinical details).
     */
    @Transactional
    public Referral convert(Actor actor, long id, String feedback) {
        String message = NewReferral.blankToNull(feedback);
        checkText("feedback", message, false);
        Referral r = step(actor, id, ReferralStep.CONVERT);
        Instant now = now();
        referrals.convert(actor.hospitalId(), id, message, now, actor.username());
        record(actor, id, r.channelCode(), "CONVERTED", null, now, Map.of());
        record(actor, id, r.channelCode(), "FEEDBACK", null, now, Map.of("outcome", "CONVERTED"));
        audit.record(actor.hospitalId(), actor.username(), "REFERRAL_CONVERTED", r.referralId(), Map.of());
        return progressed(actor, id, message);
    }

    /** 拒绝: the desk declines with a reason (required, at most 500 characters), returned to the channel (FEEDBACK). */
    @Transactional
    public Referral decline(Actor actor, long id, String reason) {
        String why = NewReferral.blankToNull(reason);
        checkText("reason", why, true);
        Referral r = step(actor, id, ReferralStep.DECLINE);
        Instant now = now();
        referrals.decline(actor.hospitalId(), id, why, now, actor.username());
        record(actor, id, r.channelCode(), "FEEDBACK", null, now, Map.of("outcome", "DECLINED"));
        audit.record(actor.hospitalId(), actor.username(), "REFERRAL_DECLINED", r.referralId(),
                Map.of("reason", why));
        return progressed(actor, id, why);
    }

    /**
     * The departments the hospital takes referrals for, in their order: the hospital's own list, or
     * {@link #DEFAULT_DEPARTMENTS} while it has none.
     */
    @Transactional(readOnly = true)
    public List<String> departments(Actor actor) {
        List<String> own = referrals.departments(actor.hospitalId());
        return own.isEmpty() ? DEFAULT_DEPARTMENTS : own;
    }

    /**
     * Replaces the hospital's departments (the channel office: CHANNEL_MANAGER and above): 1 to 200 distinct names
     * of 1–50 characters. Referrals keep the department they named.
     */
    @Transactional
    public List<String> replaceDepartments(Actor actor, List<String> names) {
        if (!actor.has(org.meridian.shared.security.Role.CHANNEL_MANAGER)) {
            throw new RefusedException(MODULE, "departments", "referral.problem.departments", List.of(),
                    actor.username() + " may not change the referral departments");
        }
        List<Problem> problems = new ArrayList<>();
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        List<String> given = names == null ? List.of() : names;
        if (given.isEmpty() || given.size() > 200) {
            problems.add(Problem.of("departments", "referral.error.departmentCount", 200));
        }
        for (int i = 0; i < given.size(); i++) {
            String n = NewReferral.blankToNull(given.get(i));
            if (n == null || n.length() > DEPARTMENT_MAX || !NewReferral.storable(n)) {
                problems.add(Problem.of("departments[" + i + "]", "referral.error.departmentName", DEPARTMENT_MAX));
            } else if (!clean.add(n)) {
                problems.add(Problem.of("departments[" + i + "]", "referral.error.departmentTwice"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(MODULE, problems);
        }
        referrals.replaceDepartments(actor.hospitalId(), List.copyOf(clean));
        audit.record(actor.hospitalId(), actor.username(), "REFERRAL_DEPARTMENTS_CHANGED", "departments",
                Map.of("departments", String.join("、", clean)));
        return List.copyOf(clean);
    }

    /** Now, from the injected clock, to PostgreSQL's precision (so what is returned is what is stored). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The hospital's local date today. */
    public LocalDate today(Actor actor) {
        return calendar.today(actor.hospitalId());
    }

    // ---- inside ----------------------------------------------------------------------------------

    private ChannelRef ownChannel(Actor actor, String namedChannel) {
        if (!ReferralVisibility.refers(actor)) {
            throw new RefusedException(MODULE, "not-bound", "referral.problem.notBound", List.of(),
                    actor.username() + " is not a channel's user bound to a channel");
        }
        ChannelRef own = channels.find(actor, actor.channelId()).orElseThrow(() -> new RefusedException(MODULE,
                "not-bound", "referral.problem.notBound", List.of(), "the channel of " + actor.username()
                + " does not exist"));
        if (namedChannel != null && !namedChannel.equals(own.code())) {
            throw new RefusedException(MODULE, "other-channel", "referral.problem.otherChannel",
                    List.of(namedChannel), actor.username() + " may refer only for channel " + own.code());
        }
        return own;
    }

    private void requireSeesAny(Actor actor) {
        if (!ReferralVisibility.seesAny(actor)) {
            throw new RefusedException(MODULE, "not-allowed", "referral.problem.notAllowed", List.of(),
                    actor.username() + " may not see referrals");
        }
    }

    /** The referral, locked, after checking that the actor works the desk and the step fits its status. */
    private Referral step(Actor actor, long id, ReferralStep step) {
        if (!ReferralVisibility.desk(actor)) {
            throw new RefusedException(MODULE, "desk-only", "referral.problem.deskOnly", List.of(),
                    actor.username() + " does not work the referral desk");
        }
        Referral r = referrals.lock(actor.hospitalId(), id).orElseThrow(() -> new ReferralNotFoundException(id));
        if (!step.allowedFrom(r.status())) {
            throw new ConflictException(MODULE, "step-out-of-order", "referral.problem.outOfOrder",
                    List.of(id, new DefaultMessageSourceResolvable("referral.status." + r.status()),
                            new DefaultMessageSourceResolvable("referral.step." + step)),
                    "referral " + id + " is " + r.status() + "; " + step + " is not allowed");
        }
        return r;
    }

    /**
     * The referral as the step left it, after telling the modules that listen ({@link ReferralProgressed}) in the
     * step's transaction.
     */
    private Referral progressed(Actor actor, long id, String message) {
        Referral r = referrals.find(actor.hospitalId(), id).orElseThrow();
        Instant at = switch (r.status()) {
            case SUBMITTED -> r.createdAt();
            case ACCEPTED -> r.acceptedAt();
            case SCHEDULED -> r.scheduledAt();
            case ARRIVED -> r.arrivedAt();
            case CONVERTED -> r.convertedAt();
            case DECLINED -> r.declinedAt();
        };
        events.publishEvent(new ReferralProgressed(actor.hospitalId(), id, r.channelId(), r.channelName(), r.status(),
                r.urgency(), r.department(), r.status() == ReferralStatus.SCHEDULED ? r.appointment() : null, message,
                at));
        return r;
    }

    private static void checkText(String field, String text, boolean required) {
        if (text == null) {
            if (required) {
                throw new InvalidInputException(MODULE, List.of(Problem.of(field, "referral.error.required")));
            }
            return;
        }
        if (text.length() > REASON_MAX) {
            throw new InvalidInputException(MODULE, List.of(Problem.of(field, "referral.error.tooLong", REASON_MAX)));
        }
        if (!NewReferral.storable(text)) {
            throw new InvalidInputException(MODULE, List.of(Problem.of(field, "referral.error.characters")));
        }
    }

    /**
     * Records one event of the referral through intake; a rejected event (its id or the referral's REFERRAL or
     * ACCEPTED taken by an import) undoes the whole step.
     */
    private void record(Actor actor, long id, String channelCode, String type, String patientId, Instant at,
                        Map<String, String> attributes) {
        String eventId = Referral.referralId(id) + "-" + type.toLowerCase(Locale.ROOT);
        RawEvent event = RawEvent.of(eventId, type, channelCode, at.atOffset(ZoneOffset.UTC).toString(),
                Referral.referralId(id), patientId, null, attributes);
        IngestReport report = intake.record(actor, List.of(event), 0, EventIntake.Source.PORTAL, null);
        if (report.accepted() != 1) {
            log.warn("Intake did not accept event {} of referral {}: {}", eventId, id, report.rejected());
            throw new ConflictException(MODULE, "event-rejected", "referral.problem.eventRejected",
                    List.of(eventId), "intake did not accept event " + eventId);
        }
        referrals.addEvent(actor.hospitalId(), id, eventId, type);
    }
}
