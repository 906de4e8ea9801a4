package org.meridian.rectification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.indicator.scoring.TierPolicy;
import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.shared.web.Paged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
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
 * Every command and query takes the {@link Actor}; every change is audited under its name. Who sees and who works
 * on which plan is {@link RectificationVisibility}.
 */
@Service
public class RectificationWorkflow {

    /** The module's name in problem types: {@code urn:meridian:rectification:<kind>}. */
    static final String MODULE = "rectification";
    public static final int TEXT_MAX = 4000;

    private final Plans plans;
    private final EvaluationResults evaluations;
    private final Hospitals hospitals;
    private final AuditLog audit;
    private final Clock clock;
    private final BigDecimal failingScore;
    private final ApplicationEventPublisher events;

    RectificationWorkflow(Plans plans, EvaluationResults evaluations, Hospitals hospitals, AuditLog audit, Clock clock,
                         @Value("${meridian.rectification.failing-score:60}") BigDecimal failingScore,
                         ApplicationEventPublisher events) {
        this.plans = plans;
        this.evaluations = evaluations;
        this.hospitals = hospitals;
        this.audit = audit;
        this.clock = clock;
        this.failingScore = failingScore;
        this.events = events;
    }

    /**
     * The same workflow on a clock set {@code ago} back, for the demo's plans only ({@link RectificationDemoData}): what
     * it does is dated then (a plan opened, a note written, an action done weeks ago), and "today" is that day. It is
     * not Spring's bean, so its caller gives it a transaction.
     */
    RectificationWorkflow ago(Duration ago) {
        return new RectificationWorkflow(plans, evaluations, hospitals, audit, Clock.offset(clock, ago.negated()),
                failingScore, events);
    }

    /** An indicator score below this fails. */
    public BigDecimal failingScore() {
        return failingScore;
    }

    /** The actor's hospital's local date today. */
    public LocalDate today(Actor actor) {
        return today(actor.hospitalId());
    }

    private LocalDate today(long hospitalId) {
        return LocalDate.ofInstant(clock.instant(), hospitals.find(hospitalId).orElseThrow().timeZone());
    }

    // ---- candidates ---------------------------------------------------------------------------

    /**
     * The channels of a published evaluation that qualify for a plan, lowest total first.
     *
     * @throws RectificationRefusedException for a draft (409)
     */
    public List<Candidate> candidates(Actor actor, long evaluationId) {
        Evaluation e = published(actor, evaluationId);
        List<Candidate> out = new ArrayList<>();
        for (UnitScorecard c : evaluations.allScorecards(actor, e.id())) {
            candidate(actor, e, c).ifPresent(out::add);
        }
        out.sort((a, b) -> a.total() == null ? (b.total() == null ? 0 : -1)
                : b.total() == null ? 1 : a.total().compareTo(b.total()));
        return out;
    }

    private Optional<Candidate> candidate(Actor actor, Evaluation e, UnitScorecard c) {
        boolean lowest = TierPolicy.BELOW.equals(c.tier());
        List<Candidate.Failing> failing = c.indicators().stream()
                .filter(l -> l.score() != null && l.score().compareTo(failingScore) < 0)
                .map(l -> new Candidate.Failing(l.code(), l.score())).toList();
        if (!lowest && failing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Candidate(c.channelId(), c.channel(), c.channelName(), c.tier(), c.roundedTotal(),
                lowest, failing, plans.livePlan(actor.hospitalId(), c.channelId(), e.id()).orElse(null)));
    }

    private Evaluation published(Actor actor, long evaluationId) {
        Evaluation e = evaluations.get(actor, evaluationId);
        if (!e.published()) {
            throw new RectificationRefusedException("Evaluation " + e.id() + " is a draft: plans are opened on "
                    + "published evaluations only.", "rectification.refused.unpublished");
        }
        if (e.unitType().kind() != org.meridian.shared.UnitKind.CHANNEL) {
            throw new RectificationRefusedException("Evaluation " + e.id() + " scores " + e.unitType()
                    + " units: plans are opened for channels only.", "rectification.refused.notChannels");
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
    public Plan open(Actor actor, long evaluationId, String channelCode, String title) {
        requireOffice(actor);
        List<Problem> problems = new ArrayList<>();
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            problems.add(Problem.of("title", "rectification.error.required"));
        } else if (t.length() > 200) {
            problems.add(Problem.of("title", "rectification.error.tooLong", 200));
        }
        String code = channelCode == null ? "" : channelCode.strip();
        if (code.isEmpty()) {
            problems.add(Problem.of("channel", "rectification.error.required"));
        }
        Evaluation e = published(actor, evaluationId);
        UnitScorecard card = code.isEmpty() ? null : evaluations.scorecard(actor, e.id(), code).orElse(null);
        if (!code.isEmpty() && card == null) {
            problems.add(Problem.of("channel", "rectification.error.notEvaluated", code));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(MODULE, problems);
        }
        Candidate c = candidate(actor, e, card).orElseThrow(() -> new RectificationRefusedException("Channel "
                + code + " is neither in the lowest tier nor failing an indicator (score below "
                + failingScore.toPlainString() + ") in evaluation " + e.id() + ": it does not qualify for a plan.",
                "rectification.refused.notEligible", code, failingScore.toPlainString()));
        if (c.livePlanId() != null) {
            throw new RectificationRefusedException("Channel " + code + " already has live plan "
                    + c.livePlanId() + " for evaluation " + e.id() + ".", "rectification.refused.livePlan", code,
                    c.livePlanId());
        }
        Instant now = now();
        Plan draft = new Plan(0, c.channelId(), c.code(), c.name(), e.id(), e.period().toString(), e.unitType(),
                grounds(c), t, PlanStatus.OPEN, now.atOffset(ZoneOffset.UTC), actor.username(), null, null);
        long id = plans.insert(actor.hospitalId(), draft);
        Map<String, Object> details = AuditLog.details("channel", c.code(), "evaluation", e.id());
        if (c.lowestTier()) {
            details.put("tier", c.tier());
        }
        if (!c.failing().isEmpty()) {
            // by name, as the hospital reads them (the plan keeps the codes in its grounds)
            Map<String, String> names = evaluations.indicatorNames(actor, e.id(), false);
            details.put("failing", c.failing().stream().map(f -> names.getOrDefault(f.indicator(), f.indicator())
                    + " " + f.score().setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString()).toList());
        }
        details.put("status", AuditLog.change(null, PlanStatus.OPEN.name()));
        audit.record(actor.hospitalId(), actor.username(), "RECTIFICATION_PLAN_OPENED", "plan " + id, details);
        return plans.find(actor.hospitalId(), id).orElseThrow();
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
     * @throws InvalidInputException every missing or too long field ({@link NewAction#problems()})
     */
    @Transactional
    public PlanAction addAction(Actor actor, long planId, NewAction action) {
        requireOffice(actor);
        Plan p = lockLive(actor, planId);
        List<Problem> problems = action.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(MODULE, problems);
        }
        String d = action.description();
        String o = action.owner();
        LocalDate due = action.dueDate();
        long id = plans.insertAction(actor.hospitalId(), p.id(), d, o, due);
        audit.record(actor.hospitalId(), actor.username(), "RECTIFICATION_ACTION_ADDED", "plan " + p.id(),
                Map.of("action", id, "description", d, "owner", o, "dueDate", due.toString()));
        return plans.actions(actor.hospitalId(), p.id()).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    /** Marks an action of a live plan done; the office, or the plan's channel itself. */
    @Transactional
    public PlanAction completeAction(Actor actor, long planId, long actionId) {
        Plan p = lockLive(actor, planId);
        PlanAction a = plans.actions(actor.hospitalId(), p.id()).stream().filter(x -> x.id() == actionId).findFirst()
                .orElseThrow(() -> new RectificationNotFoundException("action", actionId));
        if (a.done()) {
            throw new RectificationRefusedException("Action " + actionId + " is already done.",
                    "rectification.refused.actionDone");
        }
        plans.markDone(actor.hospitalId(), actionId, now(), actor.username());
        audit.record(actor.hospitalId(), actor.username(), "RECTIFICATION_ACTION_DONE", "plan " + p.id(),
                Map.of("action", actionId, "status", AuditLog.change("OPEN", "DONE")));
        return plans.actions(actor.hospitalId(), p.id()).stream().filter(x -> x.id() == actionId).findFirst()
                .orElseThrow();
    }

    /** Appends a follow-up note; the office, or the plan's channel itself; on a plan in any status. */
    @Transactional
    public Note addNote(Actor actor, long planId, String body) {
        Plan p = plans.lock(actor.hospitalId(), planId).filter(x -> RectificationVisibility.sees(actor, x))
                .orElseThrow(() -> new RectificationNotFoundException("plan", planId));
        requireOfficeOrChannel(actor);
        String b = body == null ? "" : body.strip();
        if (b.isEmpty()) {
            throw new InvalidInputException(MODULE, Problem.of("body", "rectification.error.required"));
        }
        if (b.length() > TEXT_MAX) {
            throw new InvalidInputException(MODULE, Problem.of("body", "rectification.error.tooLong", TEXT_MAX));
        }
        plans.insertNote(actor.hospitalId(), p.id(), b, now(), actor.username());
        audit.record(actor.hospitalId(), actor.username(), "RECTIFICATION_NOTE_ADDED", "plan " + p.id(),
                Map.of("length", b.length()));
        List<Note> notes = plans.notes(actor.hospitalId(), p.id());
        return notes.get(notes.size() - 1);
    }

    /**
     * Moves a plan on: OPEN → IN_PROGRESS; OPEN or IN_PROGRESS → DONE (every action done, at least one) or
     * CANCELLED (a reason, kept as a note).
     */
    @Transactional
    public Plan changeStatus(Actor actor, long planId, PlanStatus to, String reason) {
        requireOffice(actor);
        Plan p = plans.lock(actor.hospitalId(), planId)
                .orElseThrow(() -> new RectificationNotFoundException("plan", planId));
        if (!p.status().next().contains(to)) {
            throw new RectificationRefusedException("Plan " + planId + " is " + p.status() + " and cannot become "
                    + to + ".", "rectification.refused.order", p.status().name(), to.name());
        }
        String r = reason == null ? "" : reason.strip();
        if (to == PlanStatus.CANCELLED && r.isEmpty()) {
            throw new InvalidInputException(MODULE, Problem.of("reason", "rectification.error.reasonRequired"));
        }
        if (to == PlanStatus.DONE) {
            List<PlanAction> actions = plans.actions(actor.hospitalId(), planId);
            long open = actions.stream().filter(a -> !a.done()).count();
            if (actions.isEmpty() || open > 0) {
                throw new RectificationRefusedException("Plan " + planId + " has " + open + " open action(s) of "
                        + actions.size() + ": it is done when it has actions and every one is done.",
                        "rectification.refused.openActions", open);
            }
        }
        Instant now = now();
        plans.changeStatus(actor.hospitalId(), planId, to, now, actor.username());
        if (!r.isEmpty()) {
            plans.insertNote(actor.hospitalId(), planId, r, now, actor.username());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", AuditLog.change(p.status().name(), to.name()));
        if (!r.isEmpty()) {
            details.put("reason", r);
        }
        audit.record(actor.hospitalId(), actor.username(), "RECTIFICATION_PLAN_STATUS", "plan " + planId, details);
        return plans.find(actor.hospitalId(), planId).orElseThrow();
    }

    private Plan lockLive(Actor actor, long planId) {
        Plan p = plans.lock(actor.hospitalId(), planId).filter(x -> RectificationVisibility.sees(actor, x))
                .orElseThrow(() -> new RectificationNotFoundException("plan", planId));
        requireOfficeOrChannel(actor);
        if (!p.status().live()) {
            throw new RectificationRefusedException("Plan " + planId + " is " + p.status() + ": its actions can "
                    + "no longer change.", "rectification.refused.closed", p.status().name());
        }
        return p;
    }

    private static void requireOffice(Actor actor) {
        RefusedException.unless(RectificationVisibility.office(actor), MODULE, "role", "rectification.refused.role",
                "Only the channel office may do this.");
    }

    private static void requireOfficeOrChannel(Actor actor) {
        RefusedException.unless(RectificationVisibility.works(actor), MODULE, "role", "rectification.refused.role",
                "Only the channel office or the channel itself may do this.");
    }

    // ---- reading ------------------------------------------------------------------------------

    public Plan get(Actor actor, long id) {
        return plans.find(actor.hospitalId(), id).filter(p -> RectificationVisibility.sees(actor, p))
                .orElseThrow(() -> new RectificationNotFoundException("plan", id));
    }

    public Paged<Plan> search(Actor actor, PlanStatus status, int page, int size) {
        Paged.check(page, size);
        return plans.search(actor.hospitalId(), RectificationVisibility.channelScope(actor), status, page, size);
    }

    public List<PlanAction> actions(Actor actor, long planId) {
        get(actor, planId);
        return plans.actions(actor.hospitalId(), planId);
    }

    public List<Note> notes(Actor actor, long planId) {
        get(actor, planId);
        return plans.notes(actor.hospitalId(), planId);
    }

    /** Actions past due and not done in live plans the actor may see, most overdue first. */
    public List<OverdueAction> overdue(Actor actor, int limit) {
        return plans.overdue(actor.hospitalId(), RectificationVisibility.channelScope(actor), today(actor.hospitalId()), limit);
    }

    /**
     * The open actions of live plans the actor sees that are due within {@code days} days from today (today
     * included) or overdue, the earliest due first, at most {@code limit}; each with its days late (negative: days
     * left).
     */
    public List<OverdueAction> due(Actor actor, int days, int limit) {
        LocalDate today = today(actor.hospitalId());
        return plans.openActions(actor.hospitalId(), RectificationVisibility.channelScope(actor),
                today.plusDays(days + 1L), today, false, limit);
    }

    /** The most actions one check tells overdue; the rest are told by the next check. */
    static final int TOLD_AT_ONCE = 500;

    /**
     * Tells of the actions that became overdue (整改措施逾期) since the last check: every open action of a live plan
     * due before today in the hospital's time zone that was not told before is published in one
     * {@link RectificationActionsOverdue} and recorded as told, so that each is told once; nothing is published when
     * there is none. Run by the system each morning ({@code OverdueCheck}).
     *
     * @return how many actions were told
     */
    @Transactional
    public int tellOverdue(Actor actor) {
        if (!actor.isSystem()) {
            requireOffice(actor);
        }
        long h = actor.hospitalId();
        LocalDate today = today(h);
        List<OverdueAction> untold = plans.openActions(h, null, today, today, true, TOLD_AT_ONCE);
        if (untold.isEmpty()) {
            return 0;
        }
        plans.markToldOverdue(h, untold.stream().map(o -> o.action().id()).toList(), now());
        events.publishEvent(new RectificationActionsOverdue(h, today, untold.stream()
                .map(o -> new RectificationActionsOverdue.Overdue(o.action().id(), o.plan().id(),
                        o.plan().channelId(), o.plan().channelName(), o.plan().title(), o.action().description(),
                        o.action().dueDate(), o.daysLate()))
                .toList()));
        return untold.size();
    }

    public long countOverdue(Actor actor) {
        return plans.countOverdue(actor.hospitalId(), RectificationVisibility.channelScope(actor), today(actor.hospitalId()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
