package org.meridian.rectification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.EvaluationVisibility;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.indicator.scoring.TierPolicy;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.shared.web.InputProblem;
import org.meridian.shared.web.InvalidInputException;
import org.meridian.shared.web.Paged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectification plans (整改): the one way into the rectification module.
 * <p>
 * A channel <b>qualifies</b> for a plan in a published evaluation when its evaluated tier is the lowest one —
 * {@value TierPolicy#BELOW}, below every threshold of the scheme — or when any of its indicators <b>fails</b>: its
 * score is below the failing score ({@code meridian.rectification.failing-score}, 60 by default, the pass mark of
 * the hundred-point scale; an indicator without data does not fail). The channel office opens a plan for a
 * qualifying channel (one live plan per channel and evaluation), adds actions with owner and due date, and moves it
 * OPEN → IN_PROGRESS → DONE (only when every action is done), or cancels it with a reason. Follow-up notes are
 * appended by the office or the channel itself, never changed; the channel may also mark its plan's actions done.
 * Every change is audited.
 */
@Service
public class RectificationService {

    public static final int TEXT_MAX = 4000;
    private static final Set<Role> OFFICE = EnumSet.of(Role.ADMIN, Role.HOSPITAL_MANAGER, Role.CHANNEL_MANAGER);

    private final Plans plans;
    private final EvaluationResults evaluations;
    private final Hospitals hospitals;
    private final AuditLog audit;
    private final Clock clock;
    private final BigDecimal failingScore;

    RectificationService(Plans plans, EvaluationResults evaluations, Hospitals hospitals, AuditLog audit, Clock clock,
                         @Value("${meridian.rectification.failing-score:60}") BigDecimal failingScore) {
        this.plans = plans;
        this.evaluations = evaluations;
        this.hospitals = hospitals;
        this.audit = audit;
        this.clock = clock;
        this.failingScore = failingScore;
    }

    public static boolean office(MeridianUser user) {
        return user.roles().stream().anyMatch(OFFICE::contains);
    }

    /** An indicator score below this fails. */
    public BigDecimal failingScore() {
        return failingScore;
    }

    /** The hospital's local date today. */
    public LocalDate today(long hospitalId) {
        return LocalDate.ofInstant(clock.instant(), hospitals.find(hospitalId).orElseThrow().timeZone());
    }

    // ---- candidates ---------------------------------------------------------------------------

    /**
     * The channels of a published evaluation that qualify for a plan, lowest total first.
     *
     * @throws RectificationRefusedException for a draft (409)
     */
    public List<Candidate> candidates(MeridianUser user, long evaluationId) {
        Evaluation e = published(user, evaluationId);
        List<Candidate> out = new ArrayList<>();
        for (UnitScorecard c : evaluations.allScorecards(user.actor(), e.id())) {
            candidate(user, e, c).ifPresent(out::add);
        }
        out.sort((a, b) -> a.total() == null ? (b.total() == null ? 0 : -1)
                : b.total() == null ? 1 : a.total().compareTo(b.total()));
        return out;
    }

    private Optional<Candidate> candidate(MeridianUser user, Evaluation e, UnitScorecard c) {
        boolean lowest = TierPolicy.BELOW.equals(c.tier());
        List<Candidate.Failing> failing = c.indicators().stream()
                .filter(l -> l.score() != null && l.score().compareTo(failingScore) < 0)
                .map(l -> new Candidate.Failing(l.code(), l.score())).toList();
        if (!lowest && failing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Candidate(c.channelId(), c.channel(), c.channelName(), c.tier(), c.roundedTotal(),
                lowest, failing, plans.livePlan(user.hospitalId(), c.channelId(), e.id()).orElse(null)));
    }

    private Evaluation published(MeridianUser user, long evaluationId) {
        Evaluation e = evaluations.get(user.actor(), evaluationId);
        if (!e.published()) {
            throw RectificationRefusedException.conflict("Evaluation " + e.id() + " is a draft: plans are opened on "
                    + "published evaluations only.", "rectification.refused.unpublished");
        }
        return e;
    }

    // ---- plans --------------------------------------------------------------------------------

    /**
     * Opens a plan for a qualifying channel of a published evaluation.
     *
     * @throws InvalidInputException          no title, no channel, a channel not in the evaluation
     * @throws RectificationRefusedException  a draft, a channel that does not qualify, a live plan already there
     */
    @Transactional
    public Plan open(MeridianUser user, long evaluationId, String channelCode, String title) {
        requireOffice(user);
        List<InputProblem> problems = new ArrayList<>();
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            problems.add(InputProblem.of("title", "rectification.error.required"));
        } else if (t.length() > 200) {
            problems.add(InputProblem.of("title", "rectification.error.tooLong", 200));
        }
        String code = channelCode == null ? "" : channelCode.strip();
        if (code.isEmpty()) {
            problems.add(InputProblem.of("channel", "rectification.error.required"));
        }
        Evaluation e = published(user, evaluationId);
        UnitScorecard card = code.isEmpty() ? null : evaluations.scorecard(user.actor(), e.id(), code).orElse(null);
        if (!code.isEmpty() && card == null) {
            problems.add(InputProblem.of("channel", "rectification.error.notEvaluated", code));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Candidate c = candidate(user, e, card).orElseThrow(() -> RectificationRefusedException.conflict("Channel "
                + code + " is neither in the lowest tier nor failing an indicator (score below "
                + failingScore.toPlainString() + ") in evaluation " + e.id() + ": it does not qualify for a plan.",
                "rectification.refused.notEligible", code, failingScore.toPlainString()));
        if (c.livePlanId() != null) {
            throw RectificationRefusedException.conflict("Channel " + code + " already has live plan "
                    + c.livePlanId() + " for evaluation " + e.id() + ".", "rectification.refused.livePlan", code,
                    c.livePlanId());
        }
        Instant now = now();
        Plan draft = new Plan(0, c.channelId(), c.code(), c.name(), e.id(), e.period().toString(), e.unitType(),
                grounds(c), t, PlanStatus.OPEN, now.atOffset(ZoneOffset.UTC), user.getUsername(), null, null);
        long id = plans.insert(user.hospitalId(), draft);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("channel", c.code());
        details.put("evaluation", e.id());
        details.put("grounds", draft.grounds());
        details.put("status", AuditLog.change(null, PlanStatus.OPEN.name()));
        audit.record(user.hospitalId(), user.getUsername(), "RECTIFICATION_PLAN_OPENED", "plan " + id, details);
        return plans.find(user.hospitalId(), id).orElseThrow();
    }

    private static String grounds(Candidate c) {
        List<String> parts = new ArrayList<>();
        if (c.lowestTier()) {
            parts.add(Plan.TIER + c.tier());
        }
        c.failing().forEach(f -> parts.add(f.indicator() + " " + f.score().setScale(2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString()));
        return String.join("; ", parts);
    }

    /**
     * Adds an action to a live plan.
     *
     * @throws InvalidInputException every missing or bad field (description, owner, dueDate as yyyy-MM-dd)
     */
    @Transactional
    public PlanAction addAction(MeridianUser user, long planId, String description, String owner, String dueDate) {
        requireOffice(user);
        Plan p = lockLive(user, planId);
        List<InputProblem> problems = new ArrayList<>();
        String d = description == null ? "" : description.strip();
        String o = owner == null ? "" : owner.strip();
        if (d.isEmpty()) {
            problems.add(InputProblem.of("description", "rectification.error.required"));
        } else if (d.length() > 500) {
            problems.add(InputProblem.of("description", "rectification.error.tooLong", 500));
        }
        if (o.isEmpty()) {
            problems.add(InputProblem.of("owner", "rectification.error.required"));
        } else if (o.length() > 100) {
            problems.add(InputProblem.of("owner", "rectification.error.tooLong", 100));
        }
        LocalDate due = null;
        if (dueDate == null || dueDate.isBlank()) {
            problems.add(InputProblem.of("dueDate", "rectification.error.required"));
        } else {
            try {
                due = LocalDate.parse(dueDate.strip());
            } catch (DateTimeParseException ex) {
                problems.add(InputProblem.of("dueDate", "rectification.error.date", dueDate));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = plans.insertAction(user.hospitalId(), p.id(), d, o, due);
        audit.record(user.hospitalId(), user.getUsername(), "RECTIFICATION_ACTION_ADDED", "plan " + p.id(),
                Map.of("action", id, "description", d, "owner", o, "dueDate", due.toString()));
        return plans.actions(user.hospitalId(), p.id()).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    /** Marks an action of a live plan done; the office, or the plan's channel itself. */
    @Transactional
    public PlanAction completeAction(MeridianUser user, long planId, long actionId) {
        Plan p = lockLive(user, planId);
        PlanAction a = plans.actions(user.hospitalId(), p.id()).stream().filter(x -> x.id() == actionId).findFirst()
                .orElseThrow(() -> new RectificationNotFoundException("action " + actionId));
        if (a.done()) {
            throw RectificationRefusedException.conflict("Action " + actionId + " is already done.",
                    "rectification.refused.actionDone");
        }
        plans.markDone(user.hospitalId(), actionId, now(), user.getUsername());
        audit.record(user.hospitalId(), user.getUsername(), "RECTIFICATION_ACTION_DONE", "plan " + p.id(),
                Map.of("action", actionId, "status", AuditLog.change("OPEN", "DONE")));
        return plans.actions(user.hospitalId(), p.id()).stream().filter(x -> x.id() == actionId).findFirst()
                .orElseThrow();
    }

    /** Appends a follow-up note; the office, or the plan's channel itself; on a plan in any status. */
    @Transactional
    public Note addNote(MeridianUser user, long planId, String body) {
        Plan p = plans.lock(user.hospitalId(), planId).filter(x -> visible(user, x))
                .orElseThrow(() -> new RectificationNotFoundException("plan " + planId));
        requireOfficeOrChannel(user);
        String b = body == null ? "" : body.strip();
        if (b.isEmpty()) {
            throw new InvalidInputException(InputProblem.of("body", "rectification.error.required"));
        }
        if (b.length() > TEXT_MAX) {
            throw new InvalidInputException(InputProblem.of("body", "rectification.error.tooLong", TEXT_MAX));
        }
        plans.insertNote(user.hospitalId(), p.id(), b, now(), user.getUsername());
        audit.record(user.hospitalId(), user.getUsername(), "RECTIFICATION_NOTE_ADDED", "plan " + p.id(),
                Map.of("length", b.length()));
        List<Note> notes = plans.notes(user.hospitalId(), p.id());
        return notes.get(notes.size() - 1);
    }

    /**
     * Moves a plan on: OPEN → IN_PROGRESS; OPEN or IN_PROGRESS → DONE (every action done, at least one) or
     * CANCELLED (a reason, kept as a note).
     */
    @Transactional
    public Plan changeStatus(MeridianUser user, long planId, String target, String reason) {
        requireOffice(user);
        Plan p = plans.lock(user.hospitalId(), planId)
                .orElseThrow(() -> new RectificationNotFoundException("plan " + planId));
        PlanStatus to;
        try {
            to = PlanStatus.valueOf(target == null ? "" : target.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(InputProblem.of("status", "rectification.error.status",
                    String.valueOf(target)));
        }
        if (!p.status().next().contains(to)) {
            throw RectificationRefusedException.conflict("Plan " + planId + " is " + p.status() + " and cannot become "
                    + to + ".", "rectification.refused.order", p.status().name(), to.name());
        }
        String r = reason == null ? "" : reason.strip();
        if (to == PlanStatus.CANCELLED && r.isEmpty()) {
            throw new InvalidInputException(InputProblem.of("reason", "rectification.error.reasonRequired"));
        }
        if (to == PlanStatus.DONE) {
            List<PlanAction> actions = plans.actions(user.hospitalId(), planId);
            long open = actions.stream().filter(a -> !a.done()).count();
            if (actions.isEmpty() || open > 0) {
                throw RectificationRefusedException.conflict("Plan " + planId + " has " + open + " open action(s) of "
                        + actions.size() + ": it is done when it has actions and every one is done.",
                        "rectification.refused.openActions", open);
            }
        }
        Instant now = now();
        plans.changeStatus(user.hospitalId(), planId, to, now, user.getUsername());
        if (!r.isEmpty()) {
            plans.insertNote(user.hospitalId(), planId, r, now, user.getUsername());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", AuditLog.change(p.status().name(), to.name()));
        if (!r.isEmpty()) {
            details.put("reason", r);
        }
        audit.record(user.hospitalId(), user.getUsername(), "RECTIFICATION_PLAN_STATUS", "plan " + planId, details);
        return plans.find(user.hospitalId(), planId).orElseThrow();
    }

    private Plan lockLive(MeridianUser user, long planId) {
        Plan p = plans.lock(user.hospitalId(), planId).filter(x -> visible(user, x))
                .orElseThrow(() -> new RectificationNotFoundException("plan " + planId));
        requireOfficeOrChannel(user);
        if (!p.status().live()) {
            throw RectificationRefusedException.conflict("Plan " + planId + " is " + p.status() + ": its actions can "
                    + "no longer change.", "rectification.refused.closed", p.status().name());
        }
        return p;
    }

    private static void requireOffice(MeridianUser user) {
        if (!office(user)) {
            throw RectificationRefusedException.forbidden("Only the channel office may do this.",
                    "rectification.refused.role");
        }
    }

    private static void requireOfficeOrChannel(MeridianUser user) {
        if (!office(user) && !user.hasRole(Role.CHANNEL_USER)) {
            throw RectificationRefusedException.forbidden("Only the channel office or the channel itself may do this.",
                    "rectification.refused.role");
        }
    }

    // ---- reading ------------------------------------------------------------------------------

    /** ANALYST and above see every plan; a CHANNEL_USER its own channel's. */
    public static boolean visible(MeridianUser user, Plan p) {
        return EvaluationVisibility.seesAll(user.actor()) || Long.valueOf(p.channelId()).equals(user.channelId());
    }

    private static Long channelScope(MeridianUser user) {
        return EvaluationVisibility.seesAll(user.actor()) ? null : Optional.ofNullable(user.channelId()).orElse(-1L);
    }

    public Plan get(MeridianUser user, long id) {
        return plans.find(user.hospitalId(), id).filter(p -> visible(user, p))
                .orElseThrow(() -> new RectificationNotFoundException("plan " + id));
    }

    public Paged<Plan> search(MeridianUser user, PlanStatus status, int page, int size) {
        Paged.check(page, size);
        return plans.search(user.hospitalId(), channelScope(user), status, page, size);
    }

    public List<PlanAction> actions(MeridianUser user, long planId) {
        get(user, planId);
        return plans.actions(user.hospitalId(), planId);
    }

    public List<Note> notes(MeridianUser user, long planId) {
        get(user, planId);
        return plans.notes(user.hospitalId(), planId);
    }

    /** Actions past due and not done in live plans the user may see, most overdue first. */
    public List<OverdueAction> overdue(MeridianUser user, int limit) {
        return plans.overdue(user.hospitalId(), channelScope(user), today(user.hospitalId()), limit);
    }

    public long countOverdue(MeridianUser user) {
        return plans.countOverdue(user.hospitalId(), channelScope(user), today(user.hospitalId()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
