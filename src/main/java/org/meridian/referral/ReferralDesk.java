package org.meridian.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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
import org.meridian.channel.TierCatalogue;
import org.meridian.intake.IngestReport;
import org.meridian.intake.EventIntake;
import org.meridian.intake.RawEvent;
import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.FourEyes;
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
    private final GreenChannelRequests greenChannel;
    private final TierCatalogue tiers;

    ReferralDesk(Referrals referrals, ChannelRegistry channels, EventIntake intake, AuditLog audit,
                 HospitalCalendar calendar, Clock clock, ApplicationEventPublisher events,
                 GreenChannelRequests greenChannel, TierCatalogue tiers) {
        this.referrals = referrals;
        this.channels = channels;
        this.intake = intake;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
        this.events = events;
        this.greenChannel = greenChannel;
        this.tiers = tiers;
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
        List<Problem> problems = appointmentProblems(actor, appointment);
        Referral r = step(actor, id, ReferralStep.SCHEDULE);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(MODULE, problems);
        }
        return scheduled(actor, r, appointment, false);
    }

    /**
     * A green-channel booking (绿色通道预约) and whether it was held: {@code held} is the request waiting for a hospital
     * manager's approval (the referral then is unchanged), null when the referral was scheduled.
     */
    public record Booking(Referral referral, GreenChannelRequest held) {
    }

    /**
     * 绿色通道预约: the desk books the appointment (checked as {@link #schedule}) on one of the channel's priority
     * slots of the appointment's month. Within the tier's monthly quota the referral is scheduled at once. Over it,
     * the booking is held for a hospital manager's approval when the desk asks for that ({@code forApproval}),
     * and otherwise refused; either way nothing is scheduled.
     *
     * @throws ConflictException {@code green-channel-quota-used-up} over the quota without {@code forApproval};
     *                           {@code green-channel-held} when a booking of the referral already waits
     */
    @Transactional
    public Booking bookGreenChannel(Actor actor, long id, Appointment appointment, boolean forApproval) {
        List<Problem> problems = appointmentProblems(actor, appointment);
        Referral r = step(actor, id, ReferralStep.SCHEDULE);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(MODULE, problems);
        }
        greenChannel.lockSlots(actor.hospitalId(), r.channelId());
        GreenChannelQuota quota = quota(actor, r.channelId(), YearMonth.from(appointment.date()));
        if (quota.fits()) {
            return new Booking(scheduled(actor, r, appointment, true), null);
        }
        if (!forApproval) {
            throw new ConflictException(MODULE, "green-channel-quota-used-up", "referral.problem.quotaUsedUp",
                    List.of(quota.month().toString(), quota.used(), quota.quota()),
                    "channel " + r.channelCode() + " used " + quota.used() + " of " + quota.quota()
                            + " green-channel slots in " + quota.month());
        }
        long held = greenChannel.insert(actor.hospitalId(), r, appointment, quota, actor.username(), now());
        audit.record(actor.hospitalId(), actor.username(), "GREEN_CHANNEL_HELD", r.referralId(),
                Map.of("date", appointment.date().toString(), "quota", quota.quota(), "used", quota.used()));
        return new Booking(r, greenChannel.find(actor.hospitalId(), held).orElseThrow());
    }

    /**
     * The hospital manager's decision on a held over-quota booking (four eyes: never the one who asked). Approved,
     * the referral is scheduled on a green-channel slot as the desk asked (a step its status must still allow, on a
     * day not past); refused, with the reason (required), the referral stays as it was.
     *
     * @throws RefusedException  not a hospital manager ({@code green-channel-approval}), or the one who asked
     *                           ({@code four-eyes})
     * @throws ConflictException decided before ({@code green-channel-decided}), the referral moved on
     *                           ({@code step-out-of-order}), or the day passed ({@code green-channel-day-passed})
     */
    @Transactional
    public GreenChannelRequest decideGreenChannel(Actor actor, long requestId, boolean approve, String note) {
        RefusedException.unless(actor.has(org.meridian.shared.security.Role.HOSPITAL_MANAGER), MODULE,
                "green-channel-approval", "referral.problem.managerOnly",
                actor.username() + " may not decide green-channel bookings");
        GreenChannelRequest q = greenChannel.lock(actor.hospitalId(), requestId)
                .orElseThrow(() -> new GreenChannelRequestNotFoundException(requestId));
        if (q.status() != GreenChannelRequest.Status.PENDING) {
            throw new ConflictException(MODULE, "green-channel-decided", "referral.problem.decided",
                    List.of(requestId, new DefaultMessageSourceResolvable("referral.greenChannel.status."
                            + q.status())), "green-channel request " + requestId + " is " + q.status());
        }
        FourEyes.require(MODULE, q.requestedBy(), actor, "referral.problem.fourEyes");
        String text = NewReferral.blankToNull(note);
        checkText("note", text, !approve);
        Instant now = now();
        if (approve) {
            Referral r = referrals.lock(actor.hospitalId(), q.referralId()).orElseThrow();
            requireStep(r, ReferralStep.SCHEDULE);
            if (q.appointment().date().isBefore(calendar.today(actor.hospitalId()))) {
                throw new ConflictException(MODULE, "green-channel-day-passed", "referral.problem.dayPassed",
                        List.of(requestId, q.appointment().date().toString()),
                        "the day of green-channel request " + requestId + " has passed");
            }
            greenChannel.decide(actor.hospitalId(), requestId, GreenChannelRequest.Status.APPROVED, actor.username(),
                    text, now);
            audit.record(actor.hospitalId(), actor.username(), "GREEN_CHANNEL_APPROVED", r.referralId(),
                    text == null ? Map.of() : Map.of("note", text));
            scheduled(actor, r, q.appointment(), true);
        } else {
            greenChannel.decide(actor.hospitalId(), requestId, GreenChannelRequest.Status.REFUSED, actor.username(),
                    text, now);
            audit.record(actor.hospitalId(), actor.username(), "GREEN_CHANNEL_REFUSED",
                    Referral.referralId(q.referralId()), Map.of("reason", text));
        }
        return greenChannel.find(actor.hospitalId(), requestId).orElseThrow();
    }

    /** The over-quota bookings in that status (null: all), waiting ones first: the hospital managers' and the desk's. */
    @Transactional(readOnly = true)
    public Paged<GreenChannelRequest> greenChannelRequests(Actor actor, GreenChannelRequest.Status status, int page,
                                                           int size) {
        RefusedException.unless(ReferralVisibility.desk(actor), MODULE, "desk-only", "referral.problem.deskOnly",
                actor.username() + " does not work the referral desk");
        Paged.check(page, size);
        return greenChannel.page(actor.hospitalId(), status, page, size);
    }

    /** The booking of the referral that waits for a manager's approval, if any (the actor must see the referral). */
    @Transactional(readOnly = true)
    public java.util.Optional<GreenChannelRequest> heldBooking(Actor actor, long referralId) {
        get(actor, referralId);
        return greenChannel.pendingOf(actor.hospitalId(), referralId);
    }

    /** The green-channel slots of the actor's own channel this month (a channel's user). */
    @Transactional(readOnly = true)
    public GreenChannelQuota greenChannelQuota(Actor actor) {
        RefusedException.unless(ReferralVisibility.refers(actor), MODULE, "not-bound", "referral.problem.notBound",
                actor.username() + " is not a channel's user bound to a channel");
        return quota(actor, actor.channelId(), YearMonth.from(calendar.today(actor.hospitalId())));
    }

    /** The green-channel slots of the referral's channel in the month (the desk, booking). */
    @Transactional(readOnly = true)
    public GreenChannelQuota greenChannelQuota(Actor actor, Referral referral, YearMonth month) {
        get(actor, referral.id());
        return quota(actor, referral.channelId(), month);
    }

    private GreenChannelQuota quota(Actor actor, long channelId, YearMonth month) {
        String tier = channels.find(actor, channelId).map(ChannelRef::tier).orElse(null);
        org.meridian.channel.Tier standard = tier == null ? null : tiers.get(actor, tier);
        return new GreenChannelQuota(month, tier, standard == null ? null : standard.name(),
                standard == null ? 0 : standard.priorityQuota(),
                referrals.greenChannelUsed(actor.hospitalId(), channelId, month));
    }

    private List<Problem> appointmentProblems(Actor actor, Appointment appointment) {
        List<Problem> problems = new ArrayList<>();
        if (appointment.date().isBefore(calendar.today(actor.hospitalId()))) {
            problems.add(Problem.of("date", "referral.error.dateInPast"));
        }
        if (!departments(actor).contains(appointment.department())) {
            problems.add(Problem.of("department", "referral.error.department"));
        }
        return problems;
    }

    /** Schedules the locked referral (ACCEPTED event when not accepted before), audited, and tells the listeners. */
    private Referral scheduled(Actor actor, Referral r, Appointment appointment, boolean green) {
        Instant now = now();
        referrals.schedule(actor.hospitalId(), r.id(), appointment, green, now, actor.username());
        if (r.acceptedAt() == null) {
            record(actor, r.id(), r.channelCode(), "ACCEPTED", null, now,
                    Map.of("department", appointment.department()));
        }
        audit.record(actor.hospitalId(), actor.username(), "REFERRAL_SCHEDULED", r.referralId(),
                Map.of("date", appointment.date().toString(), "department", appointment.department(),
                        "greenChannel", green));
        return progressed(actor, r.id(), null);
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
        RefusedException.unless(actor.has(org.meridian.shared.security.Role.CHANNEL_MANAGER), MODULE, "departments",
                "referral.problem.departments", actor.username() + " may not change the referral departments");
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
        RefusedException.unless(ReferralVisibility.refers(actor), MODULE, "not-bound", "referral.problem.notBound",
                actor.username() + " is not a channel's user bound to a channel");
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
        RefusedException.unless(ReferralVisibility.seesAny(actor), MODULE, "not-allowed", "referral.problem.notAllowed",
                actor.username() + " may not see referrals");
    }

    /** The referral, locked, after checking that the actor works the desk and the step fits its status. */
    private Referral step(Actor actor, long id, ReferralStep step) {
        RefusedException.unless(ReferralVisibility.desk(actor), MODULE, "desk-only", "referral.problem.deskOnly",
                actor.username() + " does not work the referral desk");
        Referral r = referrals.lock(actor.hospitalId(), id).orElseThrow(() -> new ReferralNotFoundException(id));
        requireStep(r, step);
        var held = greenChannel.pendingOf(actor.hospitalId(), id);
        if (held.isPresent()) {
            if (step == ReferralStep.SCHEDULE) {
                throw new ConflictException(MODULE, "green-channel-held", "referral.problem.held", List.of(id),
                        "a green-channel booking of referral " + id + " waits for approval");
            }
            if (step != ReferralStep.ACCEPT) { // the patient came, or the referral ends: nothing left to approve
                greenChannel.decide(actor.hospitalId(), held.get().id(), GreenChannelRequest.Status.WITHDRAWN,
                        actor.username(), null, now());
            }
        }
        return r;
    }

    private static void requireStep(Referral r, ReferralStep step) {
        if (!step.allowedFrom(r.status())) {
            throw new ConflictException(MODULE, "step-out-of-order", "referral.problem.outOfOrder",
                    List.of(r.id(), new DefaultMessageSourceResolvable("referral.status." + r.status()),
                            new DefaultMessageSourceResolvable("referral.step." + step)),
                    "referral " + r.id() + " is " + r.status() + "; " + step + " is not allowed");
        }
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
