package org.meridian.incentive;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.meridian.channel.Channel;
import org.meridian.channel.ChannelLifecycle;
import org.meridian.channel.ChannelRegistry;
import org.meridian.channel.ChannelStatus;
import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationNotFoundException;
import org.meridian.evaluation.EvaluationPublished;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.MeasureTotals;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.incentive.rules.ChannelResult;
import org.meridian.incentive.rules.Explanation;
import org.meridian.incentive.rules.FeeBase;
import org.meridian.incentive.rules.IncentiveCalculator;
import org.meridian.incentive.rules.IncentiveRule;
import org.meridian.shared.Money;
import org.meridian.shared.Period;
import org.meridian.incentive.rules.RuleType;
import org.meridian.incentive.rules.SanctionPolicy;
import org.meridian.incentive.rules.SanctionRecommendation;
import org.meridian.incentive.rules.StatementLine;
import org.meridian.incentive.rules.TierInPeriod;
import org.meridian.incentive.statements.StatementHeader;
import org.meridian.incentive.statements.StatementStatus;
import org.meridian.incentive.statements.WorkflowRefusal;
import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a published evaluation into draft statements and sanctions, as the system ({@code system}):
 * <ul>
 * <li>for every scored channel, the lines of the rules in effect for the period (as {@link StatementWorkflow#prepare});
 *     a channel to which no rule gives anything gets no statement;</li>
 * <li>a DRAFT of an older evaluation version of the same channel and period is SUPERSEDED (kept, read-only) and
 *     the new draft names it; manual adjustment lines of the superseded draft are carried over (with who added them
 *     and when);</li>
 * <li>a REVIEWED, APPROVED or PAID statement is never touched: when the new result gives other amounts or
 *     quantities, a correcting DRAFT holds one adjustment line per rule with the difference;</li>
 * <li>the tier history of the channel's published evaluations gives the sanction: a warning is recorded,
 *     probation is set through the channel lifecycle, a termination is only recommended to a hospital manager;</li>
 * <li>a channel has at most one termination recommendation waiting: a later period's recommendation for the same
 *     channel (it stayed in the lowest tier) SUPERSEDES the earlier one still waiting, naming the later period
 *     ({@link #supersedeEarlier}); an older period's recommendation drafted after a later one gives way to it at once;</li>
 * <li>a termination recommendation still waiting stands only while no later period contradicts it: once a published
 *     evaluation of a period ending after the recommendation's puts the channel in another (rated) tier than the
 *     lowest, the recommendation is RETIRED ({@link #retireContradicted}), audited with the later period and tier.</li>
 * </ul>
 * Idempotent: an evaluation already drafted for a channel is skipped for that channel.
 */
@Component
class EvaluationDrafting {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EvaluationDrafting.class);

    /** The name the system acts under (prepared_by, audit log, channel status history). */
    static final String SYSTEM = StatementHeader.SYSTEM;

    private final EvaluationResults evaluations;
    private final ChannelRegistry channels;
    private final ChannelLifecycle lifecycle;
    private final IncentiveRules rules;
    private final Statements statements;
    private final Sanctions sanctions;
    private final AuditLog audit;
    private final PlatformTransactionManager transactions;
    private final Clock clock;

    EvaluationDrafting(EvaluationResults evaluations, ChannelRegistry channels, ChannelLifecycle lifecycle,
                       IncentiveRules rules, Statements statements, Sanctions sanctions, AuditLog audit,
                       PlatformTransactionManager transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
        this.evaluations = evaluations;
        this.channels = channels;
        this.lifecycle = lifecycle;
        this.rules = rules;
        this.statements = statements;
        this.sanctions = sanctions;
        this.audit = audit;
    }

    /**
     * After an evaluation's publication has committed, in a transaction of its own and as the system. The event
     * stays in the event publication registry until this has run to the end, so a crash in between only delays
     * the drafting to the next start (docs/adr/0004-event-publication-registry.md); delivered twice, it drafts
     * nothing twice (channels already drafted from the evaluation are skipped). A failure is logged and audited,
     * never undoes the publication and leaves the publication incomplete;
     * {@code POST /api/v1/statements/from-evaluation/{id}} drafts it again at once.
     */
    @ApplicationModuleListener
    void on(EvaluationPublished published) {
        if (rules.all(published.hospitalId()).isEmpty()) {
            return;   // a hospital without incentive rules gets no statements and no sanctions: nothing to draft
        }
        if (published.unitType().kind() != org.meridian.shared.UnitKind.CHANNEL) {
            return;   // statements and sanctions are a channel's; departments are paid through allocation plans
        }
        try {
            draftAsSystem(Actor.system(published.hospitalId(), "incentive-drafting"), published.evaluationId());
        } catch (RuntimeException e) {
            log.warn("Drafting the statements of evaluation {} failed; it can be drafted again from the statements page",
                    published.evaluationId(), e);
            // this transaction rolls back: the audit entry of the failure is written in one of its own
            TransactionTemplate own = new TransactionTemplate(transactions);
            own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            own.executeWithoutResult(status -> audit.record(published.hospitalId(), SYSTEM,
                    "INCENTIVE_DRAFTING_FAILED", "evaluation " + published.evaluationId(),
                    Map.of("error", String.valueOf(e.getMessage()))));
            throw e;
        }
    }

    /**
     * Drafts the evaluation's statements and sanctions as the system, whoever asks (the person who asks is in the
     * audit entry {@code INCENTIVE_EVALUATION_DRAFTED}); joins the caller's transaction.
     */
    @Transactional
    DraftingOutcome draftAsSystem(Actor trigger, long evaluationId) {
        return draftAsSystem(trigger, evaluationId, true);
    }

    /**
     * As {@link #draftAsSystem(long, long)}; with {@code applyLifecycle} false a probation is recorded but not set on
     * the channel (status UNCHANGED) — only the demo data does this, see docs/incentives.md.
     */
    @Transactional
    DraftingOutcome draftAsSystem(Actor trigger, long evaluationId, boolean applyLifecycle) {
        // the system reads every evaluation and channel of the hospital and changes a channel's status in its own
        // name; the person who asked is named in the audit entry
        return draft(Actor.system(trigger.hospitalId(), "incentive-drafting"), evaluationId, trigger.username(),
                applyLifecycle);
    }

    private DraftingOutcome draft(Actor reader, long evaluationId, String trigger, boolean applyLifecycle) {
        long h = reader.hospitalId();
        Evaluation evaluation;
        try {
            evaluation = evaluations.get(reader, evaluationId);
        } catch (EvaluationNotFoundException e) {
            throw new IncentiveNotFound("evaluation", evaluationId);
        }
        if (!evaluation.published()) {
            throw new WorkflowRefusal("not-published", "evaluation " + evaluationId + " is a draft; statements are "
                    + "drafted from published evaluations only");
        }
        if (evaluation.unitType().kind() != org.meridian.shared.UnitKind.CHANNEL) {
            throw new WorkflowRefusal("not-channels", "evaluation " + evaluationId + " scores "
                    + evaluation.unitType() + " units; statements are drafted for channels only");
        }
        Period period = evaluation.period();
        List<IncentiveRule> inEffect = rules.inEffect(h);
        List<UnitScorecard> cards = evaluations.allScorecards(reader, evaluationId);
        Map<String, MeasureTotals> frozen = evaluations.measureTotals(reader, evaluationId);
        requireFrozenTotals(evaluation, cards, frozen, inEffect);
        int drafted = 0;
        int superseded = 0;
        int corrections = 0;
        int unchanged = 0;
        int already = 0;
        int sanctioned = 0;
        int retired = 0;
        Instant now = clock.instant();
        for (UnitScorecard card : cards) {
            ChannelResult result = result(card, evaluation, frozen.get(card.channel()));
            if (statements.draftedFrom(h, evaluationId, card.channel())) {
                already++;
            } else {
                List<StatementLine> lines = IncentiveCalculator.lines(period, result, inEffect);
                List<Statement> current = statements.current(h, card.channel(), period.toString());
                List<Statement> drafts = current.stream()
                        .filter(s -> s.header().status() == StatementStatus.DRAFT).toList();
                List<Statement> booked = current.stream()
                        .filter(s -> s.header().status() != StatementStatus.DRAFT).toList();
                List<StoredLine> carried = drafts.stream().flatMap(s -> s.lines().stream())
                        .filter(l -> l.line().ruleType() == RuleType.ADJUSTMENT && l.line().ruleCode() == null)
                        .toList();
                for (Statement d : drafts) {
                    statements.supersede(h, d.header().id(), now);
                    superseded++;
                }
                Long replaces = drafts.isEmpty() ? null : drafts.get(0).header().id();
                if (booked.isEmpty()) {
                    if (lines.isEmpty() && carried.isEmpty()) {
                        unchanged++;
                    } else {
                        long id = statements.insert(h, result, period.toString(), 1, null, SYSTEM, now,
                                evaluationId, evaluation.version(), replaces);
                        lines.forEach(l -> statements.addLine(h, id, l, SYSTEM, now));
                        carried.forEach(l -> statements.addLine(h, id, l.line(), l.createdBy(), l.createdAt()));
                        audited(h, id, "INCENTIVE_STATEMENT_DRAFTED", result, evaluation, replaces);
                        drafted++;
                    }
                } else {
                    List<StatementLine> differences = differences(lines, booked, evaluation);
                    if (differences.isEmpty() && carried.isEmpty()) {
                        unchanged++;
                    } else {
                        Statement last = booked.get(booked.size() - 1);
                        int sequence = statements.nextSequence(h, card.channel(), period.toString());
                        long id = statements.insert(h, result, period.toString(), sequence, last.header().id(),
                                SYSTEM, now, evaluationId, evaluation.version(), replaces);
                        differences.forEach(l -> statements.addLine(h, id, l, SYSTEM, now));
                        carried.forEach(l -> statements.addLine(h, id, l.line(), l.createdBy(), l.createdAt()));
                        audited(h, id, "INCENTIVE_STATEMENT_CORRECTION_DRAFTED", result, evaluation, replaces);
                        corrections++;
                    }
                }
            }
            retired += retireContradicted(h, evaluation, card);
            if (sanction(h, evaluation, card, result, inEffect, reader, applyLifecycle)) {
                sanctioned++;
            }
        }
        DraftingOutcome outcome = new DraftingOutcome(evaluationId, period.toString(), evaluation.unitType().name(),
                evaluation.version(), drafted, superseded, corrections, unchanged, already, sanctioned);
        Map<String, Object> details = AuditLog.details("period", outcome.period(), "unitType", outcome.unitType(),
                "version", outcome.version(), "drafted", drafted, "superseded", superseded, "corrections", corrections,
                "unchanged", unchanged, "alreadyDrafted", already, "sanctions", sanctioned, "retired", retired,
                "triggeredBy", trigger);
        audit.record(h, actorName(), "INCENTIVE_EVALUATION_DRAFTED", "evaluation " + evaluationId, details);
        return outcome;
    }

    /**
     * The channel's result exactly as the evaluation published it: tier, total, rank and the measure totals its
     * scorecard was scored from (none for a scorecard stored before measure totals were, see
     * {@link #requireFrozenTotals}).
     */
    private static ChannelResult result(UnitScorecard card, Evaluation evaluation, MeasureTotals frozen) {
        return new ChannelResult(card.channel(), evaluation.unitType(), card.tier(), card.total(), card.rank(),
                frozen == null ? Map.of() : frozen.byKey());
    }

    /**
     * Refuses (409, nothing drafted) when a fee rule in effect for the period pays on a measure (or on a measure the
     * evaluation did not freeze) and a scorecard has no frozen measure totals: an evaluation run before the totals
     * were stored with its scorecards (2026-12-04). Its totals cannot be known exactly any more — the rollups may
     * have changed since — so the money is not guessed; running the evaluation again gives a version that has them.
     * Rules that read only the tier, total or rank still draft such an evaluation.
     */
    private static void requireFrozenTotals(Evaluation evaluation, List<UnitScorecard> cards,
                                            Map<String, MeasureTotals> frozen, List<IncentiveRule> inEffect) {
        for (UnitScorecard card : cards) {
            MeasureTotals totals = frozen.get(card.channel());
            for (IncentiveRule r : inEffect) {
                if (r instanceof IncentiveRule.FeeRule fee && fee.base() instanceof FeeBase.OfMeasure m
                        && r.header().validity().appliesTo(evaluation.period())
                        && (r.header().unitType() == null || r.header().unitType() == evaluation.unitType())
                        && (totals == null || totals.get(m.measure()).isEmpty())) {
                    throw new WorkflowRefusal("no-measure-totals", "evaluation " + evaluation.id() + " ("
                            + evaluation.period() + " " + evaluation.unitType() + " v" + evaluation.version()
                            + ") has no frozen total of '" + m.measure() + "' for channel " + card.channel()
                            + ", which rule " + r.header().code() + " pays on: it was run before measure totals were "
                            + "stored with the scorecards; run the evaluation again and publish the new version");
                }
            }
        }
    }

    /**
     * One adjustment line per rule whose amount or quantity differs between the new result's lines and what the
     * booked statements (REVIEWED, APPROVED, PAID, with their earlier corrections) hold for it.
     */
    private static List<StatementLine> differences(List<StatementLine> fresh, List<Statement> booked,
                                                   Evaluation evaluation) {
        Map<String, StatementLine> now = new LinkedHashMap<>();
        fresh.forEach(l -> now.put(l.ruleCode(), l));
        Map<String, BigDecimal> amountBefore = new LinkedHashMap<>();
        Map<String, Integer> quantityBefore = new LinkedHashMap<>();
        Map<String, String> benefit = new LinkedHashMap<>();
        for (Statement s : booked) {
            for (StoredLine stored : s.lines()) {
                StatementLine l = stored.line();
                if (l.ruleCode() == null) {
                    continue;
                }
                amountBefore.merge(l.ruleCode(), l.amount(), BigDecimal::add);
                if (l.quantity() != null) {
                    quantityBefore.merge(l.ruleCode(), l.quantity(), Integer::sum);
                }
                if (l.benefit() != null) {
                    benefit.putIfAbsent(l.ruleCode(), l.benefit());
                }
            }
        }
        Set<String> codes = new LinkedHashSet<>(amountBefore.keySet());
        codes.addAll(now.keySet());
        List<StatementLine> lines = new ArrayList<>();
        for (String code : codes) {
            StatementLine n = now.get(code);
            BigDecimal before = amountBefore.getOrDefault(code, Money.ZERO);
            BigDecimal after = n == null ? Money.ZERO : n.amount();
            int qBefore = quantityBefore.getOrDefault(code, 0);
            int qAfter = n == null || n.quantity() == null ? 0 : n.quantity();
            BigDecimal delta = Money.fen(after.subtract(before));
            if (delta.signum() == 0 && qBefore == qAfter) {
                continue;
            }
            String what = n != null && n.benefit() != null ? n.benefit() : benefit.get(code);
            String reason = "evaluation " + evaluation.period() + " v" + evaluation.version() + ": " + code + " "
                    + before.toPlainString() + " → " + after.toPlainString() + " CNY"
                    + (qBefore == qAfter ? "" : ", quantity " + qBefore + " → " + qAfter);
            lines.add(new StatementLine(RuleType.ADJUSTMENT, code, n == null ? null : n.ruleVersion(), null,
                    "correction", null, delta, qBefore == qAfter ? null : qAfter - qBefore,
                    qBefore == qAfter ? null : what,
                    List.of(Explanation.of("incentive.explain.correction", evaluation.period(), evaluation.version(),
                            code, before.toPlainString(), after.toPlainString())), reason));
        }
        return lines;
    }

    /**
     * Checks the channel's tier history against the sanction rule in effect; records and applies what it gives.
     * True when a sanction was recorded.
     */
    private boolean sanction(long h, Evaluation evaluation, UnitScorecard card, ChannelResult result,
                             List<IncentiveRule> inEffect, Actor reader, boolean applyLifecycle) {
        Period period = evaluation.period();
        Optional<IncentiveRule.SanctionRule> rule = inEffect.stream()
                .filter(r -> r instanceof IncentiveRule.SanctionRule)
                .filter(r -> r.header().validity().appliesTo(period) && r.header().appliesTo(result))
                .map(r -> (IncentiveRule.SanctionRule) r).findFirst();
        if (rule.isEmpty() || sanctions.exists(h, evaluation.id(), card.channel())) {
            return false;
        }
        sanctions.supersedePending(h, card.channel(), period.toString(), evaluation.id());
        List<TierInPeriod> history = evaluations.trend(reader, card.channelId(), evaluation.unitType(),
                        evaluation.period()).stream()
                .filter(p -> p.period().compareTo(evaluation.period()) <= 0)
                .map(p -> new TierInPeriod(p.period(),
                        p.period().equals(evaluation.period()) ? card.tier() : p.tier()))
                .toList();
        Optional<SanctionRecommendation> found = SanctionPolicy.recommend(rule.get(), card.channel(), history);
        if (found.isEmpty()) {
            return false;
        }
        SanctionRecommendation rec = found.get();
        Channel channel = channels.get(reader, card.channel());
        String status;
        String outcome;
        String reason = "sanction rule " + rec.ruleCode() + " v" + rec.ruleVersion() + ": " + rec.consecutivePeriods()
                + " consecutive period(s) in tier " + rec.lowestTier() + " up to " + rec.period() + " (evaluation "
                + evaluation.id() + " v" + evaluation.version() + ")";
        switch (rec.level()) {
            case WARNING -> {
                status = "NOTED";
                outcome = "warning: " + reason;
            }
            case PROBATION -> {
                if (channel.status() == ChannelStatus.PROBATION) {
                    status = "UNCHANGED";
                    outcome = "already on probation";
                } else if (!applyLifecycle) {
                    status = "UNCHANGED";
                    outcome = "demo data: probation recorded, not applied to the channel lifecycle";
                } else if (channel.status().canMoveTo(ChannelStatus.PROBATION)) {
                    lifecycle.changeStatus(reader, channel.code(), ChannelStatus.PROBATION,
                            "probation: " + reason);
                    status = "APPLIED";
                    outcome = "status " + channel.status() + " → PROBATION";
                } else {
                    status = "UNCHANGED";
                    outcome = "a " + channel.status() + " channel cannot be put on probation; left to a person";
                }
            }
            case TERMINATION_RECOMMENDED -> {
                if (channel.status() == ChannelStatus.TERMINATED) {
                    status = "UNCHANGED";
                    outcome = "already terminated";
                } else {
                    status = "PENDING";
                    outcome = "termination recommended, waiting for a hospital manager: " + reason;
                }
            }
            default -> throw new IllegalStateException(rec.level().name());
        }
        Optional<Sanction> standing = "PENDING".equals(status) ? laterPending(h, card.channel(), period)
                : Optional.empty();
        if (standing.isPresent()) {
            status = "SUPERSEDED";
            outcome = "termination recommended (" + reason + "), superseded at once by the recommendation of the "
                    + "later period " + standing.get().period() + ", which still waits";
        }
        long id = sanctions.insert(h, card.channel(), evaluation.unitType().name(), period.toString(), evaluation.id(),
                evaluation.version(), rec.ruleCode(), rec.ruleVersion(), rec.lowestTier(), rec.level().name(),
                rec.consecutivePeriods(), status, outcome, standing.map(Sanction::period).orElse(null), clock.instant());
        Map<String, Object> details = AuditLog.details("channel", card.channel(), "period", period.toString(),
                "level", rec.level().name(), "streak", rec.consecutivePeriods(), "status", status, "outcome", outcome);
        audit.record(h, actorName(), "INCENTIVE_SANCTION_" + rec.level().name(), "sanction:" + id, details);
        if ("PENDING".equals(status)) {
            supersedeEarlier(h, card.channel(), id, period);
            retireIfAlreadyContradicted(h, reader, card, evaluation, id, rec.lowestTier());
        }
        return true;
    }

    /**
     * The channel's termination recommendation still waiting for a period that ends after {@code period} (the latest
     * such), if any: a recommendation for {@code period} (an older period's new version, published later) then gives
     * way to it at once, so that the channel keeps one recommendation to decide.
     */
    private Optional<Sanction> laterPending(long h, String channel, Period period) {
        return sanctions.pendingTerminations(h, channel).stream()
                .filter(s -> Period.parse(s.period()).map(p -> p.lastDay().isAfter(period.lastDay())).orElse(false))
                .max(java.util.Comparator.comparing((Sanction s) -> Period.parse(s.period()).orElseThrow().lastDay())
                        .thenComparing(Sanction::id));
    }

    /**
     * A channel that stays in the lowest tier is recommended for termination again each period: its recommendations
     * still waiting from periods that end no later than {@code period} give way to the new one ({@code id}), which
     * counts the longer streak, so that a hospital manager decides each channel once (docs/incentives.md). Audited as
     * {@code INCENTIVE_SANCTION_TERMINATION_SUPERSEDED}.
     */
    private void supersedeEarlier(long h, String channel, long id, Period period) {
        for (Sanction s : sanctions.pendingTerminations(h, channel)) {
            if (s.id() == id || Period.parse(s.period()).map(p -> p.lastDay().isAfter(period.lastDay())).orElse(true)) {
                continue;
            }
            String outcome = "termination recommendation of " + s.period() + " superseded by the recommendation of "
                    + "the later period " + period + " (sanction " + id + "): the channel stayed in the lowest tier "
                    + s.lowestTier();
            if (sanctions.supersedeByLater(h, s.id(), period.toString(), outcome)) {
                Map<String, Object> details = AuditLog.details("channel", channel, "period", s.period(),
                        "laterPeriod", period.toString(), "supersededBy", id);
                audit.record(h, actorName(), "INCENTIVE_SANCTION_TERMINATION_SUPERSEDED", "sanction:" + s.id(), details);
            }
        }
    }

    /**
     * Retires the channel's pending termination recommendations that this evaluation contradicts: the evaluation's
     * period ends after the recommendation's and gives the channel a rated tier other than the recommendation's
     * lowest tier (a channel out of the lowest tier in a later period has ended the streak the recommendation
     * counted; the register follows the later result too). UNRATED contradicts nothing: no data is no improvement.
     * The number retired.
     */
    private int retireContradicted(long h, Evaluation evaluation, UnitScorecard card) {
        String tier = card.tier();
        if (org.meridian.indicator.scoring.TierPolicy.UNRATED.equals(tier)) {
            return 0;
        }
        int retired = 0;
        for (Sanction s : sanctions.pendingTerminations(h, card.channel())) {
            Optional<Period> recommended = Period.parse(s.period());
            if (recommended.isPresent() && evaluation.period().lastDay().isAfter(recommended.get().lastDay())
                    && !tier.equals(s.lowestTier())) {
                retire(h, s, evaluation.period(), tier, evaluation.id(), evaluation.version());
                retired++;
            }
        }
        return retired;
    }

    /**
     * A termination recommendation just recorded for a period that a later published evaluation already contradicts
     * (an older period's new version published after a later period's): retired at once, as
     * {@link #retireContradicted} would have done had the later one been drafted after it.
     */
    private void retireIfAlreadyContradicted(long h, Actor reader, UnitScorecard card, Evaluation evaluation,
                                             long sanctionId, String lowestTier) {
        java.time.LocalDate end = evaluation.period().lastDay();
        evaluations.publishedResults(reader, card.channelId(), evaluation.unitType()).stream()
                .filter(p -> p.period().lastDay().isAfter(end))
                .filter(p -> !org.meridian.indicator.scoring.TierPolicy.UNRATED.equals(p.tier())
                        && !p.tier().equals(lowestTier))
                .min(java.util.Comparator.comparing((org.meridian.evaluation.TrendPoint p) -> p.period().lastDay())
                        .thenComparing(org.meridian.evaluation.TrendPoint::period))
                .ifPresent(p -> sanctions.find(h, sanctionId).ifPresent(s ->
                        retire(h, s, p.period(), p.tier(), p.evaluationId(), p.version())));
    }

    private void retire(long h, Sanction s, Period later, String tier, long laterEvaluation, int laterVersion) {
        String outcome = "termination recommendation of " + s.period() + " retired: evaluation " + laterEvaluation
                + " v" + laterVersion + " of the later period " + later + " gave tier " + tier + ", not the lowest tier "
                + s.lowestTier();
        if (!sanctions.retire(h, s.id(), later.toString(), tier, clock.instant(), outcome)) {
            return;
        }
        Map<String, Object> details = AuditLog.details("channel", s.channelCode(), "period", s.period(),
                "laterPeriod", later.toString(), "tier", tier, "lowestTier", s.lowestTier(),
                "evaluation", laterEvaluation);
        audit.record(h, actorName(), "INCENTIVE_SANCTION_TERMINATION_RETIRED", "sanction:" + s.id(), details);
    }

    private void audited(long h, long id, String action, ChannelResult result, Evaluation evaluation, Long replaces) {
        Map<String, Object> details = AuditLog.details("channel", result.channelCode(),
                "period", evaluation.period().toString(), "evaluation", evaluation.id(),
                "evaluationVersion", evaluation.version());
        if (replaces != null) {
            details.put("supersedes", replaces);
        }
        audit.record(h, actorName(), action, "statement:" + id, details);
    }

    private static String actorName() {
        return SYSTEM;
    }
}
