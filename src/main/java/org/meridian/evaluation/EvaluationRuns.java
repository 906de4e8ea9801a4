package org.meridian.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelRegistry;
import org.meridian.channel.ChannelStatus;
import org.meridian.channel.Tier;
import org.meridian.channel.TierCatalogue;
import org.meridian.channel.TierChange;
import org.meridian.channel.TierChangeSource;
import org.meridian.channel.TierChangeWorkflow;
import org.meridian.indicator.Measure;
import org.meridian.indicator.SchemeCatalogue;
import org.meridian.indicator.scoring.Scorecard;
import org.meridian.indicator.scoring.ScorecardEngine;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.intake.EventIntake;
import org.meridian.intake.StatisticsIntake;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.unit.UnitRef;
import org.meridian.unit.UnitRegistry;
import org.meridian.shared.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluation runs (考核试算与发布, engine.md §5): how an evaluation comes to be and takes effect.
 * <ul>
 * <li>{@link #run} scores every evaluable unit (PILOT, ACTIVE, PROBATION) of a unit type in a period against
 *     the scheme in force, with the scoring engine of the indicator module: the channels of a channel type from the
 *     intake's daily rollups (a channel without events has measures of 0); the departments or institutions of
 *     their types from the unit registry, with the hospital's monthly statistics aggregated over the period as
 *     each measure says (a statistic not reported is missing, not 0) and, for departments, the event measures of
 *     the events whose {@code attributes.department} names them. It re-runs the draft of (period, unit type), or
 *     starts the next version when the latest one is published. Each scorecard keeps the measure totals it was
 *     scored from ({@link EvaluationResults#measureTotals}).</li>
 * <li>{@link #publish} freezes a draft: later events and scheme changes never alter it; it is announced as
 *     {@link EvaluationPublished}.</li>
 * <li>{@link #applyTiers} sends a published evaluation's tiers to the channel registry as recommendations:
 *     upgrades apply at once, downgrades wait for a hospital manager.</li>
 * </ul>
 * Every command takes the {@link Actor} (the hospital it acts in, and who: a person, or the
 * {@linkplain Actor#system system} for scheduled runs); runs, publications and tier requests are audited under the
 * actor's name. Role checks belong to the callers. Reading evaluations is {@link EvaluationResults}.
 */
@Service
public class EvaluationRuns {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EvaluationRuns.class);

    private final Evaluations evaluations;
    private final SchemeCatalogue schemes;
    private final ChannelRegistry channels;
    private final TierCatalogue tierCatalogue;
    private final TierChangeWorkflow tierChanges;
    private final EventIntake intake;
    private final UnitRegistry unitRegistry;
    private final StatisticsIntake statistics;
    private final AuditLog audit;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    EvaluationRuns(Evaluations evaluations, SchemeCatalogue schemes, ChannelRegistry channels,
                   TierCatalogue tierCatalogue, TierChangeWorkflow tierChanges, EventIntake intake,
                   UnitRegistry unitRegistry, StatisticsIntake statistics,
                   AuditLog audit, JsonMapper json, MessageSource messages, Clock clock,
                   ApplicationEventPublisher events) {
        this.unitRegistry = unitRegistry;
        this.statistics = statistics;
        this.events = events;
        this.evaluations = evaluations;
        this.schemes = schemes;
        this.channels = channels;
        this.tierCatalogue = tierCatalogue;
        this.tierChanges = tierChanges;
        this.intake = intake;
        this.audit = audit;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Runs the evaluation of (period, unit type): re-runs its draft, or starts a new draft version when there is
     * none or the latest version is published (which stays as it was).
     *
     * @param actor who runs it (a person, or the system for a scheduled run)
     * @throws EvaluationConflictException when the unit type has no scheme
     */
    @Transactional
    public Evaluation run(Actor actor, EvaluationSubject subject) {
        long hospitalId = actor.hospitalId();
        Period period = subject.period();
        UnitType type = subject.unitType();
        evaluations.lockSubject(hospitalId, period, type);
        SchemeSnapshot scheme = schemes.current(hospitalId, type).orElseThrow(() -> new EvaluationConflictException(
                "There is no scheme for unit type " + type + " yet: save one (PUT /api/v1/schemes/" + type
                        + ") before running an evaluation."));
        long t0 = System.nanoTime();
        Units units = units(hospitalId, type, period);
        Map<String, Evaluated> refs = units.refs();
        long t1 = System.nanoTime();
        List<Scorecard> cards = ScorecardEngine.scoreUnits(scheme, units.totals());
        long t2 = System.nanoTime();
        String copy = json.writeValueAsString(SchemeCopy.of(scheme));
        var ranAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Evaluation> latest = evaluations.latest(hospitalId, period, type);
        long id;
        int version;
        if (latest.isPresent() && !latest.get().published()) {
            id = latest.get().id();
            version = latest.get().version();
            evaluations.rerun(hospitalId, id, scheme.version(), copy, ranAt, actor.username());
        } else {
            version = latest.map(e -> e.version() + 1).orElse(1);
            id = evaluations.insert(hospitalId, period, type, version, scheme.version(), copy, ranAt,
                    actor.username());
        }
        long tReplaced = System.nanoTime();
        List<UnitScorecard> stored = new ArrayList<>(cards.size());
        for (Scorecard c : cards) {
            Evaluated ref = refs.get(c.unit());
            stored.add(new UnitScorecard(ref.id(), ref.code(), ref.name(), ref.region(), c.total(), c.coverage(),
                    c.rank(), c.tier(), c.indicators().stream()
                    .map(i -> new UnitScorecard.Line(i.code(), i.value(), i.score(), i.weight(), i.contribution(),
                            i.peerMedian(), i.why())).toList()));
        }
        evaluations.insertScorecards(hospitalId, id, stored);
        long tScorecards = System.nanoTime();
        Map<Long, MeasureTotals> frozen = new LinkedHashMap<>();
        for (Scorecard c : cards) {
            frozen.put(refs.get(c.unit()).id(), MeasureTotals.of(units.totals().get(c.unit())));
        }
        evaluations.insertMeasureTotals(hospitalId, id, frozen);
        long t3 = System.nanoTime();
        LOG.info("evaluation {} ({} {}, {} units): measures read in {} ms, scored in {} ms, stored in {} ms (draft "
                        + "made or emptied {} ms, scorecards {} ms, measure totals {} ms)", id, period, type,
                cards.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                (tReplaced - t2) / 1_000_000, (tScorecards - tReplaced) / 1_000_000, (t3 - tScorecards) / 1_000_000);
        Map<String, Object> details = AuditLog.details("period", period.toString(), "unitType", type.name(),
                "version", version, "schemeVersion", scheme.version(), "units", cards.size(),
                "rerun", latest.isPresent() && !latest.get().published());
        audit.record(hospitalId, actor.username(), "EVALUATION_RUN", "evaluation " + id, details);
        return evaluations.find(hospitalId, id).orElseThrow();
    }

    /** A unit as an evaluation scores it: its id in its own registry (channel or unit), code, name and region. */
    record Evaluated(long id, String code, String name, String region) {
    }

    /** The units evaluated now for a unit type, by code, with their measures over a period. */
    record Units(Map<String, Evaluated> refs, Map<String, org.meridian.indicator.MeasureTotals> totals) {
    }

    /**
     * The units of the unit type evaluable now (PILOT, ACTIVE, PROBATION) and their measures over the period, what
     * {@link #run} and the what-if score. Channels: the event measures from the intake's daily rollups (a channel
     * without events: every measure 0). Departments and institutions: the statistics they reported in the period's
     * months, each aggregated as its measure says (none reported: missing); departments also get the event measures
     * of the events that name them in {@code attributes.department} (none: 0). Every unit gets the period's
     * {@code days}.
     */
    Units units(long hospitalId, UnitType type, Period period) {
        Actor system = Actor.system(hospitalId, "evaluation");
        BigDecimal days = BigDecimal.valueOf(ChronoUnit.DAYS.between(period.firstDay(), period.lastDay()) + 1);
        Map<String, org.meridian.indicator.MeasureTotals> byCode = new LinkedHashMap<>();
        Map<String, Evaluated> refs = new LinkedHashMap<>();
        if (type.kind() == UnitKind.CHANNEL) {
            Map<Long, Map<Measure, BigDecimal>> totals = intake.totals(hospitalId, period.firstDay(),
                    period.lastDay());
            for (ChannelRef c : channels.evaluable(system, type)) {
                byCode.put(c.code(), new org.meridian.indicator.MeasureTotals(totals.getOrDefault(c.id(), Map.of()),
                        Map.of(), days));
                refs.put(c.code(), new Evaluated(c.id(), c.code(), c.name(), c.region()));
            }
            return new Units(refs, byCode);
        }
        List<UnitRef> evaluable = unitRegistry.evaluable(system, type);
        Map<Long, Map<String, BigDecimal>> reported = aggregatedStatistics(system, period);
        Map<String, Map<Measure, BigDecimal>> events = type.kind() == UnitKind.DEPARTMENT
                ? intake.departmentTotals(hospitalId, period.firstDay(), period.lastDay()) : Map.of();
        for (UnitRef u : evaluable) {
            byCode.put(u.code(), new org.meridian.indicator.MeasureTotals(events.getOrDefault(u.code(), Map.of()),
                    reported.getOrDefault(u.id(), Map.of()), days));
            refs.put(u.code(), new Evaluated(u.id(), u.code(), u.name(), null));
        }
        return new Units(refs, byCode);
    }

    /**
     * Every unit's statistics over the period's months, each measure aggregated as the catalogue says; a measure
     * without a value in any month of the period is absent (missing). Values of measures no longer in the catalogue
     * are left out.
     */
    private Map<Long, Map<String, BigDecimal>> aggregatedStatistics(Actor system, Period period) {
        return statistics.aggregated(system, java.time.YearMonth.from(period.firstDay()),
                java.time.YearMonth.from(period.lastDay()));
    }

    /**
     * Publishes (freezes) a draft.
     *
     * @throws EvaluationConflictException when it is already published
     */
    @Transactional
    public Evaluation publish(Actor actor, long id) {
        long hospitalId = actor.hospitalId();
        Evaluation e = evaluations.lock(hospitalId, id).orElseThrow(() -> new EvaluationNotFoundException(id));
        if (e.published()) {
            throw new EvaluationConflictException("Evaluation " + id + " (" + e.period() + " " + e.unitType() + " v"
                    + e.version() + ") is already published; run it again to start a new version.");
        }
        evaluations.publish(hospitalId, id, clock.instant().truncatedTo(ChronoUnit.MICROS), actor.username());
        Map<String, Object> details = AuditLog.details("period", e.period().toString(), "unitType", e.unitType().name(),
                "version", e.version(),
                "status", AuditLog.change(EvaluationStatus.DRAFT.name(), EvaluationStatus.PUBLISHED.name()));
        audit.record(hospitalId, actor.username(), "EVALUATION_PUBLISHED", "evaluation " + id, details);
        events.publishEvent(new EvaluationPublished(hospitalId, id, e.period(), e.unitType(), e.version()));
        return evaluations.find(hospitalId, id).orElseThrow();
    }

    /**
     * Asks the channel registry, for every channel of a published evaluation whose evaluated tier (not UNRATED)
     * differs from its current tier, to change it: upgrades and first tiers apply at once, downgrades wait for a
     * hospital manager's approval. A channel whose same downgrade is already pending is left alone, so applying
     * twice asks nothing twice.
     *
     * @throws EvaluationConflictException when the evaluation is a draft
     */
    @Transactional
    public List<TierOutcome> applyTiers(Actor actor, long id) {
        long hospitalId = actor.hospitalId();
        Evaluation e = evaluations.lock(hospitalId, id).orElseThrow(() -> new EvaluationNotFoundException(id));
        if (!e.published()) {
            throw new EvaluationConflictException("Evaluation " + id + " is a draft: publish it before applying its "
                    + "tiers.");
        }
        if (e.unitType().kind() != UnitKind.CHANNEL) {
            throw new EvaluationConflictException("Evaluation " + id + " scores " + e.unitType()
                    + " units: tiers are applied to channels only.");
        }
        Set<String> known = new java.util.HashSet<>(tierCatalogue.tiers(actor).stream().map(Tier::code).toList());
        List<TierOutcome> outcomes = new ArrayList<>();
        for (UnitScorecard card : evaluations.scorecards(hospitalId, id, null, 0, Integer.MAX_VALUE).items()) {
            outcomes.add(applyTier(actor, e, card, known));
        }
        Map<String, Object> details = AuditLog.details("period", e.period().toString(), "unitType", e.unitType().name(),
                "version", e.version());
        Map<String, Long> counts = new LinkedHashMap<>();
        outcomes.forEach(o -> counts.merge(o.outcome().name(), 1L, Long::sum));
        details.put("outcomes", counts);
        audit.record(hospitalId, actor.username(), "EVALUATION_TIERS_APPLIED", "evaluation " + id, details);
        return outcomes;
    }

    private TierOutcome applyTier(Actor actor, Evaluation e, UnitScorecard card, Set<String> known) {
        ChannelRef ch = channels.find(actor, card.channelId()).orElseThrow();
        String to = card.tier();
        TierOutcome.Outcome skip = null;
        if (org.meridian.indicator.scoring.TierPolicy.UNRATED.equals(to)) {
            skip = TierOutcome.Outcome.UNRATED;
        } else if (ch.status() == ChannelStatus.TERMINATED) {
            skip = TierOutcome.Outcome.TERMINATED;
        } else if (to.equals(ch.tier())) {
            skip = TierOutcome.Outcome.SAME;
        } else if (!known.contains(to)) {
            skip = TierOutcome.Outcome.UNKNOWN_TIER;
        } else if (tierChanges.history(actor, ch.id()).stream()
                .anyMatch(c -> c.pending() && c.toTier().equals(to))) {
            skip = TierOutcome.Outcome.ALREADY_PENDING;
        }
        if (skip != null) {
            return new TierOutcome(ch.code(), ch.tier(), to, skip, null);
        }
        String reason = messages.getMessage("evaluation.tierReason", new Object[] {e.period().toString(),
                e.version(), Scorecard.round(card.total()).toPlainString(), to}, LocaleContextHolder.getLocale());
        TierChange change = tierChanges.request(actor, ch.id(), to, reason, TierChangeSource.EVALUATION,
                "evaluation " + e.id());
        return new TierOutcome(ch.code(), ch.tier(), to,
                change.pending() ? TierOutcome.Outcome.PENDING : TierOutcome.Outcome.APPLIED, change.id());
    }
}
