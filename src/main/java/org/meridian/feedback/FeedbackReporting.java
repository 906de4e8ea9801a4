package org.meridian.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationMatrix;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.Matrix;
import org.meridian.evaluation.TrendPoint;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.shared.Period;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;
import org.meridian.shared.web.Paged;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback reports (评估反馈报告): the one way into the feedback module.
 * <ul>
 * <li>{@link #generate} makes one report per scorecard of a published evaluation (channels, departments and
 *     institutions alike) (it runs by itself when an
 *     evaluation is published, and on demand for evaluations published earlier); a channel that already has its
 *     report keeps it, so generating twice changes nothing.</li>
 * <li>{@link #open} shows a report; the first time a user of the report's own channel opens it, it is recorded as
 *     viewed (已查看), with who and when.</li>
 * <li>{@link #acknowledge} records that the channel's actor has read and accepted the report (已确认), audited.</li>
 * </ul>
 * Every command and query takes the {@link Actor}. Who sees what is {@link FeedbackVisibility}: ANALYST and above
 * every report of their hospital; a channel's own actor only its channel's (any other id is "not found", as if it
 * did not exist); everyone else nothing.
 */
@Service
public class FeedbackReporting {

    /** The module's name in problem types: {@code urn:meridian:feedback:<kind>}. */
    static final String MODULE = "feedback";

    private final Reports reports;
    private final EvaluationResults evaluations;
    private final FeedbackRuleBook rules;
    private final AuditLog audit;
    private final Clock clock;
    private final EvaluationMatrix matrices;

    FeedbackReporting(Reports reports, EvaluationResults evaluations, FeedbackRuleBook rules, AuditLog audit, Clock clock,
                    EvaluationMatrix matrices) {
        this.matrices = matrices;
        this.reports = reports;
        this.evaluations = evaluations;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- generating ----------------------------------------------------------------------------

    /**
     * Generates the missing reports of a published evaluation, one per scorecard, with the hospital's enabled
     * suggestion rules as they are now. Audited when any report was made.
     *
     * @param actor the office asking, or the system reacting to a publication
     * @return how many reports were made (0 when every channel, department or institution of the evaluation
     *         already had its report)
     * @throws ConflictException when the evaluation is a draft
     */
    @Transactional
    public int generate(Actor actor, long evaluationId) {
        long hospitalId = actor.hospitalId();
        Actor reader = reader(hospitalId);
        Evaluation e = evaluations.get(reader, evaluationId);
        if (!e.published()) {
            throw new ConflictException(MODULE, "draft", "feedback.problem.draft", List.of(evaluationId),
                    "Evaluation " + evaluationId + " is a draft: feedback reports are made for published evaluations "
                            + "only.");
        }
        SchemeSnapshot scheme = evaluations.scheme(reader, evaluationId);
        List<UnitScorecard> cards = evaluations.allScorecards(reader, evaluationId);
        List<SuggestionRule> enabled = rules.all(hospitalId).stream().filter(SuggestionRule::enabled).toList();
        List<QuadrantRule> quadrantRules = rules.quadrantRules(hospitalId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Matrix matrix = matrices.matrix(reader, evaluationId);
        int created = 0;
        for (UnitScorecard card : cards) {
            List<TrendPoint> trend = evaluations.trend(reader, card.channelId(), e.unitType(), e.period());
            ReportContent content = ReportBuilder.build(e, scheme, card, cards, trend, enabled, quadrantRules,
                    matrix.units().stream().filter(u -> u.unit().equals(card.channel())).map(Matrix.Unit::quadrant)
                            .findFirst().orElse(null));
            if (reports.insertIfAbsent(hospitalId, evaluationId, card.channelId(), content, now)) {
                created++;
            }
        }
        if (created > 0) {
            Map<String, Object> details = AuditLog.details("period", e.period().toString(),
                    "unitType", e.unitType().name(), "version", e.version(), "reports", created);
            audit.record(hospitalId, actor.username(), "FEEDBACK_REPORTS_GENERATED", "evaluation " + evaluationId, details);
        }
        return created;
    }

    /** Generates the missing reports of every published evaluation of the hospital; returns how many were made. */
    @Transactional
    public int generateMissing(Actor actor) {
        int created = 0;
        for (Evaluation e : published(reader(actor.hospitalId()))) {
            created += generate(actor, e.id());
        }
        return created;
    }

    /** Evaluations are read by the module itself, as the system of the hospital: every one, whoever asked. */
    private static Actor reader(long hospitalId) {
        return Actor.system(hospitalId, "feedback");
    }

    private List<Evaluation> published(Actor actor) {
        List<Evaluation> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Paged<Evaluation> p = evaluations.search(actor, null, null, page, Paged.MAX_SIZE);
            p.items().stream().filter(Evaluation::published).forEach(all::add);
            if (p.offset() + p.items().size() >= p.total() || p.items().isEmpty()) {
                return all;
            }
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    /** The report if the actor may see it; does not record a view. */
    public FeedbackReport get(Actor actor, long id) {
        FeedbackReport r = reports.find(actor.hospitalId(), id).orElseThrow(() -> new FeedbackReportNotFoundException(id));
        if (FeedbackVisibility.sees(actor, r)) {
            return r;
        }
        throw new FeedbackReportNotFoundException(id);
    }

    /**
     * A newer published version of the report's evaluation (same period and unit type) that supersedes it, with the
     * unit's report of that version when it is made.
     *
     * @param version     the newest published version
     * @param publishedAt when it was published
     * @param reportId    the unit's report of it; null while not generated (or the unit is no longer evaluated)
     */
    public record Supersession(int version, java.time.Instant publishedAt, Long reportId) {
    }

    /** The supersession of this report, empty while its evaluation is the newest published version. */
    @Transactional(readOnly = true)
    public Optional<Supersession> supersededBy(Actor actor, FeedbackReport report) {
        ReportContent c = report.content();
        Optional<org.meridian.shared.Period> period = org.meridian.shared.Period.parse(c.period());
        if (period.isEmpty()) {
            return Optional.empty();
        }
        return evaluations.search(actor, period.get(), UnitType.valueOf(c.unitType()), 0, 100).items().stream()
                .filter(Evaluation::published).filter(e -> e.version() > c.version())
                .max(java.util.Comparator.comparingInt(Evaluation::version))
                .map(e -> new Supersession(e.version(), e.publishedAt(), reports.ofEvaluation(actor.hospitalId(),
                                e.id(), false).stream().filter(r -> r.channelId() == report.channelId())
                        .map(FeedbackReport::id).findFirst().orElse(null)));
    }

    /** The report for reading: the first opening by a user of its own channel records it as viewed. */
    @Transactional
    public FeedbackReport open(Actor actor, long id) {
        FeedbackReport r = get(actor, id);
        if (FeedbackVisibility.channelUser(actor) && reports.markViewed(actor.hospitalId(), id, actor.username(), now())) {
            audit.record(actor.hospitalId(), actor.username(), "FEEDBACK_REPORT_VIEWED", "feedback report " + id,
                    Map.of("channel", r.content().channelCode(), "period", r.content().period()));
            return get(actor, id);
        }
        return r;
    }

    /**
     * The channel's actor acknowledges (确认) the report; it counts as viewed too. Acknowledging again changes
     * nothing.
     *
     * @throws RefusedException when the actor is not a user of the report's channel (the office cannot acknowledge
     *                          for a channel)
     */
    @Transactional
    public FeedbackReport acknowledge(Actor actor, long id) {
        FeedbackReport r = get(actor, id);
        RefusedException.unless(FeedbackVisibility.channelUser(actor), MODULE, "acknowledge",
                "feedback.problem.acknowledge", "Only the channel's own users acknowledge its feedback report.");
        if (reports.acknowledge(actor.hospitalId(), id, actor.username(), now())) {
            Map<String, Object> details = AuditLog.details("channel", r.content().channelCode(),
                    "period", r.content().period(), "version", r.content().version(),
                    "status", AuditLog.change(r.status().name(), DeliveryStatus.ACKNOWLEDGED.name()));
            audit.record(actor.hospitalId(), actor.username(), "FEEDBACK_REPORT_ACKNOWLEDGED",
                    "feedback report " + id, details);
        }
        return get(actor, id);
    }

    /** The longest name of the person who confirms a unit's report. */
    public static final int CONFIRMED_BY_MAX = 50;

    /**
     * The office (CHANNEL_MANAGER and above) records that a department or institution received its report: who in
     * the unit confirmed it (确认人, 1–50 characters, e.g. the department's head). The report becomes 已确认 with the
     * office user as the one who recorded it, audited as {@code FEEDBACK_REPORT_ACKNOWLEDGED} with the person;
     * recording it again changes nothing.
     *
     * @throws RefusedException      for a channel's report (only its own users acknowledge it) and for anyone below
     *                               CHANNEL_MANAGER
     * @throws InvalidInputException on {@code confirmedBy}: missing or too long
     */
    @Transactional
    public FeedbackReport confirmForUnit(Actor actor, long id, String confirmedBy) {
        FeedbackReport r = get(actor, id);
        if (FeedbackVisibility.channelReport(r)) {
            throw new RefusedException(MODULE, "acknowledge", "feedback.problem.acknowledge", List.of(),
                    "Only the channel's own users acknowledge its feedback report.");
        }
        RefusedException.unless(actor.isSystem() || actor.has(Role.CHANNEL_MANAGER), MODULE, "confirm",
                "feedback.problem.confirm", actor.username() + " may not record a unit's confirmation");
        String who = confirmedBy == null ? "" : confirmedBy.strip();
        if (who.isEmpty() || who.length() > CONFIRMED_BY_MAX) {
            throw new InvalidInputException(MODULE, List.of(who.isEmpty()
                    ? Problem.of("confirmedBy", "feedback.error.confirmedByRequired")
                    : Problem.of("confirmedBy", "feedback.error.confirmedByTooLong", CONFIRMED_BY_MAX)));
        }
        if (reports.confirm(actor.hospitalId(), id, actor.username(), who, now())) {
            Map<String, Object> details = AuditLog.details("unit", r.content().channelCode(),
                    "period", r.content().period(), "version", r.content().version(), "confirmedBy", who,
                    "status", AuditLog.change(r.status().name(), DeliveryStatus.ACKNOWLEDGED.name()));
            audit.record(actor.hospitalId(), actor.username(), "FEEDBACK_REPORT_ACKNOWLEDGED",
                    "feedback report " + id, details);
        }
        return get(actor, id);
    }

    /** Whether the actor may record a unit's confirmation of this report now (the report page's form). */
    public static boolean canConfirm(Actor actor, FeedbackReport report) {
        return report.acknowledgedAt() == null && !FeedbackVisibility.channelReport(report)
                && (actor.isSystem() || actor.has(Role.CHANNEL_MANAGER));
    }

    /**
     * A channel actor's reports, the period that ended last first (of two ending together, the longer one first),
     * then the newest version; an office actor gets none here (see {@link #ofEvaluation}).
     */
    public List<FeedbackReport> mine(Actor actor) {
        if (!FeedbackVisibility.channelUser(actor)) {
            return List.of();
        }
        return reports.ofChannel(actor.hospitalId(), actor.channelId()).stream().sorted(NEWEST_FIRST).toList();
    }

    private static final Comparator<FeedbackReport> NEWEST_FIRST = Comparator
            .comparing((FeedbackReport r) -> period(r).lastDay()).reversed()
            .thenComparing((FeedbackReport r) -> period(r).firstDay())
            .thenComparing((FeedbackReport r) -> r.content().unitType())
            .thenComparing((FeedbackReport r) -> r.content().version(), Comparator.reverseOrder());

    private static Period period(FeedbackReport r) {
        return Period.parse(r.content().period()).orElseThrow();
    }

    /**
     * The reports of one evaluation in rank order, for the office; optionally only those not yet acknowledged. A
     * channel actor gets only its own channel's.
     */
    public List<FeedbackReport> ofEvaluation(Actor actor, long evaluationId, boolean onlyUnacknowledged) {
        evaluations.get(actor, evaluationId);
        List<FeedbackReport> all = reports.ofEvaluation(actor.hospitalId(), evaluationId, onlyUnacknowledged);
        if (FeedbackVisibility.office(actor)) {
            return all;
        }
        return all.stream().filter(r -> FeedbackVisibility.channelUser(actor) && r.channelId() == actor.channelId()).toList();
    }

    /** A published evaluation with how many of its reports were generated, viewed and acknowledged. */
    public record EvaluationDelivery(Evaluation evaluation, int generated, int viewed, int acknowledged) {
    }

    /** Every published evaluation of the hospital, newest period first, with its reports' delivery counts. */
    public List<EvaluationDelivery> deliveries(Actor actor) {
        if (!FeedbackVisibility.office(actor)) {
            return List.of();
        }
        return deliveries(actor, published(actor));
    }

    /**
     * One page of the published evaluations of one unit type (every type when null), newest period first, with
     * their reports' delivery counts; empty for anyone but the office.
     */
    public Paged<EvaluationDelivery> deliveries(Actor actor, UnitType unitType, int page, int size) {
        Paged.check(page, size);
        if (!FeedbackVisibility.office(actor)) {
            return new Paged<>(List.of(), page, size, 0);
        }
        List<Evaluation> published = published(actor).stream()
                .filter(e -> unitType == null || e.unitType() == unitType).toList();
        Paged<Evaluation> shown = Paged.slice(published, page, size);
        return new Paged<>(deliveries(actor, shown.items()), page, size, shown.total());
    }

    private List<EvaluationDelivery> deliveries(Actor actor, List<Evaluation> published) {
        Map<Long, Reports.Counts> counts = reports.counts(actor.hospitalId(),
                published.stream().map(Evaluation::id).toList());
        return published.stream().map(e -> {
            Reports.Counts c = counts.getOrDefault(e.id(), new Reports.Counts(0, 0, 0));
            return new EvaluationDelivery(e, c.generated(), c.viewed(), c.acknowledged());
        }).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
