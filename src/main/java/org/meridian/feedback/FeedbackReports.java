package org.meridian.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationConflictException;
import org.meridian.evaluation.EvaluationMatrix;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.Matrix;
import org.meridian.evaluation.TrendPoint;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.shared.Period;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.web.Paged;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback reports (评估反馈报告): the one way into the feedback module.
 * <ul>
 * <li>{@link #generate} makes one report per scorecard of a published evaluation (it runs by itself when an
 *     evaluation is published, and on demand for evaluations published earlier); a channel that already has its
 *     report keeps it, so generating twice changes nothing.</li>
 * <li>{@link #open} shows a report; the first time a user of the report's own channel opens it, it is recorded as
 *     viewed (已查看), with who and when.</li>
 * <li>{@link #acknowledge} records that the channel's user has read and accepted the report (已确认), audited.</li>
 * </ul>
 * Who sees what: ANALYST and above every report of their hospital; a CHANNEL_USER only its own channel's (any
 * other id is "not found", as if it did not exist); everyone else nothing.
 */
@Service
public class FeedbackReports {

    private static final EnumSet<Role> OFFICE = EnumSet.of(Role.ADMIN, Role.HOSPITAL_MANAGER, Role.CHANNEL_MANAGER,
            Role.ANALYST);

    private final Reports reports;
    private final EvaluationResults evaluations;
    private final FeedbackRules rules;
    private final AuditLog audit;
    private final Clock clock;
    private final EvaluationMatrix matrices;

    FeedbackReports(Reports reports, EvaluationResults evaluations, FeedbackRules rules, AuditLog audit, Clock clock,
                    EvaluationMatrix matrices) {
        this.matrices = matrices;
        this.reports = reports;
        this.evaluations = evaluations;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the user reads every report of the hospital (ANALYST and above). */
    public static boolean office(MeridianUser user) {
        return user.roles().stream().anyMatch(OFFICE::contains);
    }

    /** Whether the user is a channel's own user, who sees that channel's reports only. */
    public static boolean channelUser(MeridianUser user) {
        return !office(user) && user.hasRole(Role.CHANNEL_USER) && user.channelId() != null;
    }

    // ---- generating ----------------------------------------------------------------------------

    /**
     * Generates the missing reports of a published evaluation, one per scorecard, with the hospital's enabled
     * suggestion rules as they are now. Audited when any report was made.
     *
     * @return how many reports were made (0 when every channel already had its report)
     * @throws EvaluationConflictException when the evaluation is a draft
     */
    @Transactional
    public int generate(long hospitalId, String actor, long evaluationId) {
        MeridianUser reader = reader(hospitalId);
        Evaluation e = evaluations.get(reader.actor(), evaluationId);
        if (!e.published()) {
            throw new EvaluationConflictException("Evaluation " + evaluationId + " is a draft: feedback reports are "
                    + "made for published evaluations only.");
        }
        SchemeSnapshot scheme = evaluations.scheme(reader.actor(), evaluationId);
        List<UnitScorecard> cards = evaluations.allScorecards(reader.actor(), evaluationId);
        List<SuggestionRule> enabled = rules.all(hospitalId).stream().filter(SuggestionRule::enabled).toList();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Matrix matrix = matrices.matrix(reader.actor(), evaluationId);
        int created = 0;
        for (UnitScorecard card : cards) {
            List<TrendPoint> trend = evaluations.trend(reader.actor(), card.channelId(), e.unitType(), e.period());
            ReportContent content = ReportBuilder.build(e, scheme, card, cards, trend, enabled,
                    matrix.units().stream().filter(u -> u.unit().equals(card.channel())).map(Matrix.Unit::quadrant)
                            .findFirst().orElse(null));
            if (reports.insertIfAbsent(hospitalId, evaluationId, card.channelId(), content, now)) {
                created++;
            }
        }
        if (created > 0) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("period", e.period().toString());
            details.put("unitType", e.unitType().name());
            details.put("version", e.version());
            details.put("reports", created);
            audit.record(hospitalId, actor, "FEEDBACK_REPORTS_GENERATED", "evaluation " + evaluationId, details);
        }
        return created;
    }

    /** Generates the missing reports of every published evaluation of the hospital; returns how many were made. */
    @Transactional
    public int generateMissing(long hospitalId, String actor) {
        int created = 0;
        for (Evaluation e : published(reader(hospitalId))) {
            created += generate(hospitalId, actor, e.id());
        }
        return created;
    }

    /** Evaluations are read with the rights of an analyst of the hospital (the module's own reading). */
    private static MeridianUser reader(long hospitalId) {
        return new MeridianUser(0, hospitalId, "system", "system", null, true, false, null, EnumSet.of(Role.ANALYST));
    }

    private List<Evaluation> published(MeridianUser user) {
        List<Evaluation> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Paged<Evaluation> p = evaluations.search(user.actor(), null, null, page, Paged.MAX_SIZE);
            p.items().stream().filter(Evaluation::published).forEach(all::add);
            if (p.offset() + p.items().size() >= p.total() || p.items().isEmpty()) {
                return all;
            }
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    /** The report if the user may see it; does not record a view. */
    public FeedbackReport get(MeridianUser user, long id) {
        FeedbackReport r = reports.find(user.hospitalId(), id).orElseThrow(() -> new FeedbackReportNotFoundException(id));
        if (office(user) || (channelUser(user) && user.channelId() == r.channelId())) {
            return r;
        }
        throw new FeedbackReportNotFoundException(id);
    }

    /** The report for reading: the first opening by a user of its own channel records it as viewed. */
    @Transactional
    public FeedbackReport open(MeridianUser user, long id) {
        FeedbackReport r = get(user, id);
        if (channelUser(user) && reports.markViewed(user.hospitalId(), id, user.getUsername(), now())) {
            audit.record(user.hospitalId(), user.getUsername(), "FEEDBACK_REPORT_VIEWED", "feedback report " + id,
                    Map.of("channel", r.content().channelCode(), "period", r.content().period()));
            return get(user, id);
        }
        return r;
    }

    /**
     * The channel's user acknowledges (确认) the report; it counts as viewed too. Acknowledging again changes
     * nothing.
     *
     * @throws AccessDeniedException when the user is not a user of the report's channel (the office cannot
     *                               acknowledge for a channel)
     */
    @Transactional
    public FeedbackReport acknowledge(MeridianUser user, long id) {
        FeedbackReport r = get(user, id);
        if (!channelUser(user)) {
            throw new AccessDeniedException("Only the channel's own users acknowledge its feedback report.");
        }
        if (reports.acknowledge(user.hospitalId(), id, user.getUsername(), now())) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("channel", r.content().channelCode());
            details.put("period", r.content().period());
            details.put("version", r.content().version());
            details.put("status", AuditLog.change(r.status().name(), DeliveryStatus.ACKNOWLEDGED.name()));
            audit.record(user.hospitalId(), user.getUsername(), "FEEDBACK_REPORT_ACKNOWLEDGED",
                    "feedback report " + id, details);
        }
        return get(user, id);
    }

    /**
     * A channel user's reports, the period that ended last first (of two ending together, the longer one first),
     * then the newest version; an office user gets none here (see {@link #ofEvaluation}).
     */
    public List<FeedbackReport> mine(MeridianUser user) {
        if (!channelUser(user)) {
            return List.of();
        }
        return reports.ofChannel(user.hospitalId(), user.channelId()).stream().sorted(NEWEST_FIRST).toList();
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
     * channel user gets only its own channel's.
     */
    public List<FeedbackReport> ofEvaluation(MeridianUser user, long evaluationId, boolean onlyUnacknowledged) {
        evaluations.get(user.actor(), evaluationId);
        List<FeedbackReport> all = reports.ofEvaluation(user.hospitalId(), evaluationId, onlyUnacknowledged);
        if (office(user)) {
            return all;
        }
        return all.stream().filter(r -> channelUser(user) && r.channelId() == user.channelId()).toList();
    }

    /** A published evaluation with how many of its reports were generated, viewed and acknowledged. */
    public record EvaluationDelivery(Evaluation evaluation, int generated, int viewed, int acknowledged) {
    }

    /** Every published evaluation of the hospital, newest period first, with its reports' delivery counts. */
    public List<EvaluationDelivery> deliveries(MeridianUser user) {
        if (!office(user)) {
            return List.of();
        }
        List<Evaluation> published = published(user);
        Map<Long, Reports.Counts> counts = reports.counts(user.hospitalId(),
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
