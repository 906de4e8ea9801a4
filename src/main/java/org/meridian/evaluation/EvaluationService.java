package org.meridian.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelRegistry;
import org.meridian.channel.ChannelStatus;
import org.meridian.channel.Tier;
import org.meridian.channel.TierChange;
import org.meridian.channel.TierChangeSource;
import org.meridian.indicator.Measure;
import org.meridian.indicator.Schemes;
import org.meridian.indicator.scoring.Scorecard;
import org.meridian.indicator.scoring.ScorecardEngine;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.intake.IntakeService;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.web.InputProblem;
import org.meridian.shared.web.InvalidInputException;
import org.meridian.shared.web.Paged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluations (考核评估, engine.md §5): the one way into the evaluation module.
 * <ul>
 * <li>{@link #run} scores every evaluable channel (PILOT, ACTIVE, PROBATION) of a unit type in a period against
 *     the scheme in force, from the intake's daily rollups, with the scoring engine of the indicator module; a
 *     channel without events has measures of 0. It re-runs the draft of (period, unit type), or starts the next
 *     version when the latest one is published.</li>
 * <li>{@link #publish} freezes a draft: later events and scheme changes never alter it; it is announced as
 *     {@link EvaluationPublished}.</li>
 * <li>{@link #applyTiers} sends a published evaluation's tiers to the channel registry as recommendations:
 *     upgrades apply at once, downgrades wait for a hospital manager.</li>
 * </ul>
 * Every call names the hospital; runs, publications and tier requests are audited. Role checks belong to the
 * callers; what a {@link Role#CHANNEL_USER} may see is decided here ({@link #visibleTo}).
 */
@Service
public class EvaluationService {

    private static final Set<Role> SEES_ALL = EnumSet.of(Role.ADMIN, Role.HOSPITAL_MANAGER, Role.CHANNEL_MANAGER,
            Role.ANALYST);

    private final Evaluations evaluations;
    private final Schemes schemes;
    private final ChannelRegistry channels;
    private final IntakeService intake;
    private final AuditLog audit;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    EvaluationService(Evaluations evaluations, Schemes schemes, ChannelRegistry channels, IntakeService intake,
                      AuditLog audit, JsonMapper json, MessageSource messages, Clock clock,
                      ApplicationEventPublisher events) {
        this.events = events;
        this.evaluations = evaluations;
        this.schemes = schemes;
        this.channels = channels;
        this.intake = intake;
        this.audit = audit;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    /** What is evaluated: a period and a unit type. */
    public record Subject(Period period, UnitType unitType) {
    }

    /**
     * Reads a period ({@code 2026-09}, {@code 2026-Q3}, {@code 2026-H2}, {@code 2026}) and a unit type.
     *
     * @throws InvalidInputException listing both fields' problems
     */
    public static Subject subject(String period, String unitType) {
        List<InputProblem> problems = new ArrayList<>();
        Period p = period(period, problems);
        UnitType t = unitType(unitType, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Subject(p, t);
    }

    /** A period filter: empty text is no filter, anything else must be a period. */
    public static Optional<Period> periodFilter(String text, List<InputProblem> problems) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.ofNullable(period(text, problems));
    }

    /** A unit type filter: empty text is no filter, anything else must be a unit type. */
    public static Optional<UnitType> unitTypeFilter(String text, List<InputProblem> problems) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.ofNullable(unitType(text, problems));
    }

    private static Period period(String text, List<InputProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(InputProblem.of("period", "evaluation.error.required"));
            return null;
        }
        Optional<Period> p = Period.parse(text.strip());
        if (p.isEmpty()) {
            problems.add(InputProblem.of("period", "evaluation.error.period", text));
        }
        return p.orElse(null);
    }

    private static UnitType unitType(String text, List<InputProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(InputProblem.of("unitType", "evaluation.error.required"));
            return null;
        }
        try {
            return UnitType.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(InputProblem.of("unitType", "evaluation.error.unitType", text));
            return null;
        }
    }

    /**
     * Runs the evaluation of (period, unit type): re-runs its draft, or starts a new draft version when there is
     * none or the latest version is published (which stays as it was).
     *
     * @param actor who runs it (a username, or {@code system} for a scheduled run)
     * @throws EvaluationConflictException when the unit type has no scheme
     */
    @Transactional
    public Evaluation run(long hospitalId, String actor, Subject subject) {
        Period period = subject.period();
        UnitType type = subject.unitType();
        evaluations.lockSubject(hospitalId, period, type);
        SchemeSnapshot scheme = schemes.current(hospitalId, type).orElseThrow(() -> new EvaluationConflictException(
                "There is no scheme for unit type " + type + " yet: save one (PUT /api/v1/schemes/" + type
                        + ") before running an evaluation."));
        Units units = units(hospitalId, type, period);
        Map<String, ChannelRef> refs = units.refs();
        List<Scorecard> cards = ScorecardEngine.score(scheme, units.totals());
        String copy = json.writeValueAsString(SchemeCopy.of(scheme));
        var ranAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Evaluation> latest = evaluations.latest(hospitalId, period, type);
        long id;
        int version;
        if (latest.isPresent() && !latest.get().published()) {
            id = latest.get().id();
            version = latest.get().version();
            evaluations.rerun(hospitalId, id, scheme.version(), copy, ranAt, actor);
        } else {
            version = latest.map(e -> e.version() + 1).orElse(1);
            id = evaluations.insert(hospitalId, period, type, version, scheme.version(), copy, ranAt, actor);
        }
        List<UnitScorecard> stored = new ArrayList<>(cards.size());
        for (Scorecard c : cards) {
            ChannelRef ref = refs.get(c.unit());
            stored.add(new UnitScorecard(ref.id(), ref.code(), ref.name(), ref.region(), c.total(), c.coverage(),
                    c.rank(), c.tier(), c.indicators().stream()
                    .map(i -> new UnitScorecard.Line(i.code(), i.value(), i.score(), i.weight(), i.contribution(),
                            i.peerMedian(), i.why())).toList()));
        }
        evaluations.insertScorecards(hospitalId, id, stored);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("period", period.toString());
        details.put("unitType", type.name());
        details.put("version", version);
        details.put("schemeVersion", scheme.version());
        details.put("units", cards.size());
        details.put("rerun", latest.isPresent() && !latest.get().published());
        audit.record(hospitalId, actor, "EVALUATION_RUN", "evaluation " + id, details);
        return evaluations.find(hospitalId, id).orElseThrow();
    }

    /** The channels evaluated now for a unit type, by code, with their measure totals over a period. */
    record Units(Map<String, ChannelRef> refs, Map<String, Map<Measure, BigDecimal>> totals) {
    }

    /**
     * The channels of the unit type evaluable now (PILOT, ACTIVE, PROBATION) and their measure totals over the
     * period from the intake's daily rollups (a channel without events: every measure 0). What {@link #run} and
     * the what-if score.
     */
    Units units(long hospitalId, UnitType type, Period period) {
        List<ChannelRef> evaluable = channels.evaluable(hospitalId, type);
        Map<Long, Map<Measure, BigDecimal>> totals = intake.totals(hospitalId, period.firstDay(), period.lastDay());
        Map<String, Map<Measure, BigDecimal>> byCode = new LinkedHashMap<>();
        Map<String, ChannelRef> refs = new LinkedHashMap<>();
        for (ChannelRef c : evaluable) {
            byCode.put(c.code(), totals.getOrDefault(c.id(), Map.of()));
            refs.put(c.code(), c);
        }
        return new Units(refs, byCode);
    }

    /**
     * Publishes (freezes) a draft.
     *
     * @throws EvaluationConflictException when it is already published
     */
    @Transactional
    public Evaluation publish(long hospitalId, String actor, long id) {
        Evaluation e = evaluations.lock(hospitalId, id).orElseThrow(() -> new EvaluationNotFoundException(id));
        if (e.published()) {
            throw new EvaluationConflictException("Evaluation " + id + " (" + e.period() + " " + e.unitType() + " v"
                    + e.version() + ") is already published; run it again to start a new version.");
        }
        evaluations.publish(hospitalId, id, clock.instant().truncatedTo(ChronoUnit.MICROS), actor);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("period", e.period().toString());
        details.put("unitType", e.unitType().name());
        details.put("version", e.version());
        details.put("status", AuditLog.change(EvaluationStatus.DRAFT.name(), EvaluationStatus.PUBLISHED.name()));
        audit.record(hospitalId, actor, "EVALUATION_PUBLISHED", "evaluation " + id, details);
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
    public List<TierOutcome> applyTiers(long hospitalId, String actor, long id) {
        Evaluation e = evaluations.lock(hospitalId, id).orElseThrow(() -> new EvaluationNotFoundException(id));
        if (!e.published()) {
            throw new EvaluationConflictException("Evaluation " + id + " is a draft: publish it before applying its "
                    + "tiers.");
        }
        Set<String> known = new java.util.HashSet<>(channels.tiers(hospitalId).stream().map(Tier::code).toList());
        List<TierOutcome> outcomes = new ArrayList<>();
        for (UnitScorecard card : evaluations.scorecards(hospitalId, id, null, 0, Integer.MAX_VALUE).items()) {
            outcomes.add(applyTier(hospitalId, e, card, known));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("period", e.period().toString());
        details.put("unitType", e.unitType().name());
        details.put("version", e.version());
        Map<String, Long> counts = new LinkedHashMap<>();
        outcomes.forEach(o -> counts.merge(o.outcome().name(), 1L, Long::sum));
        details.put("outcomes", counts);
        audit.record(hospitalId, actor, "EVALUATION_TIERS_APPLIED", "evaluation " + id, details);
        return outcomes;
    }

    private TierOutcome applyTier(long hospitalId, Evaluation e, UnitScorecard card, Set<String> known) {
        ChannelRef ch = channels.find(hospitalId, card.channelId()).orElseThrow();
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
        } else if (channels.tierHistory(hospitalId, ch.id()).stream()
                .anyMatch(c -> c.pending() && c.toTier().equals(to))) {
            skip = TierOutcome.Outcome.ALREADY_PENDING;
        }
        if (skip != null) {
            return new TierOutcome(ch.code(), ch.tier(), to, skip, null);
        }
        String reason = messages.getMessage("evaluation.tierReason", new Object[] {e.period().toString(),
                e.version(), Scorecard.round(card.total()).toPlainString(), to}, LocaleContextHolder.getLocale());
        TierChange change = channels.requestTierChange(hospitalId, ch.id(), to, reason, TierChangeSource.EVALUATION,
                "evaluation " + e.id());
        return new TierOutcome(ch.code(), ch.tier(), to,
                change.pending() ? TierOutcome.Outcome.PENDING : TierOutcome.Outcome.APPLIED, change.id());
    }

    // ---- reading -------------------------------------------------------------------------------

    /** Whether the user sees every evaluation of the hospital (ANALYST and above) or only published ones. */
    public static boolean seesAll(MeridianUser user) {
        return user.roles().stream().anyMatch(SEES_ALL::contains);
    }

    /**
     * The evaluation if the user may see it: everyone from ANALYST up sees every evaluation of the hospital; a
     * CHANNEL_USER only published ones.
     */
    public Optional<Evaluation> visibleTo(MeridianUser user, long id) {
        return evaluations.find(user.hospitalId(), id).filter(e -> seesAll(user) || e.published());
    }

    public Evaluation get(MeridianUser user, long id) {
        return visibleTo(user, id).orElseThrow(() -> new EvaluationNotFoundException(id));
    }

    /** The evaluations the user may see, newest period first, optionally of one period and unit type. */
    public Paged<Evaluation> search(MeridianUser user, Period period, UnitType unitType, int page, int size) {
        Paged.check(page, size);
        return evaluations.search(user.hospitalId(), period, unitType, !seesAll(user), page, size);
    }

    /**
     * An evaluation's scorecards in rank order, unranked last. A CHANNEL_USER gets only its own channel's, and only
     * of a published evaluation (a draft is not found).
     */
    public Paged<UnitScorecard> scorecards(MeridianUser user, long id, int page, int size) {
        Paged.check(page, size);
        get(user, id);
        Long only = seesAll(user) ? null : Optional.ofNullable(user.channelId()).orElse(-1L);
        return evaluations.scorecards(user.hospitalId(), id, only, page, size);
    }

    /** Every scorecard of an evaluation the user may see, in rank order (for the ranking page and its export). */
    public List<UnitScorecard> allScorecards(MeridianUser user, long id) {
        get(user, id);
        Long only = seesAll(user) ? null : Optional.ofNullable(user.channelId()).orElse(-1L);
        return evaluations.scorecards(user.hospitalId(), id, only, 0, Integer.MAX_VALUE).items();
    }

    /** One channel's scorecard in an evaluation, if the user may see it. */
    public Optional<UnitScorecard> scorecard(MeridianUser user, long id, String channelCode) {
        get(user, id);
        return channels.findByCode(user.hospitalId(), channelCode)
                .filter(c -> seesAll(user) || Long.valueOf(c.id()).equals(user.channelId()))
                .flatMap(c -> evaluations.scorecards(user.hospitalId(), id, c.id(), 0, 1).items().stream().findFirst());
    }

    /** The scheme exactly as the evaluation used it. */
    public SchemeSnapshot scheme(MeridianUser user, long id) {
        get(user, id);
        return json.readValue(evaluations.scheme(user.hospitalId(), id), SchemeCopy.class).snapshot();
    }

    /**
     * The evaluation of (period, unit type) that a comparison starts from, if the user may see one: its newest
     * published version, else (for those who see drafts) its newest version.
     */
    public Optional<Evaluation> inForce(MeridianUser user, Period period, UnitType unitType) {
        List<Evaluation> versions = search(user, period, unitType, 0, 100).items();
        return versions.stream().filter(Evaluation::published).findFirst().or(() -> versions.stream().findFirst());
    }

    /**
     * Two evaluations of one unit type side by side (两期对比), usually two periods: every channel's total, rank
     * and tier in each and how it moved from the first to the second. Both must be visible to the user; a
     * CHANNEL_USER gets only its own channel's row.
     *
     * @throws EvaluationConflictException when they are of different unit types
     */
    public PeriodComparison compare(MeridianUser user, long firstId, long secondId) {
        Evaluation first = get(user, firstId);
        Evaluation second = get(user, secondId);
        if (first.unitType() != second.unitType()) {
            throw new EvaluationConflictException("Evaluations " + firstId + " (" + first.unitType() + ") and "
                    + secondId + " (" + second.unitType() + ") are of different unit types and cannot be compared.");
        }
        return PeriodComparison.of(first, scheme(user, firstId), allScorecards(user, firstId), second,
                scheme(user, secondId), allScorecards(user, secondId));
    }

    /**
     * A channel's totals in the published evaluations of its unit type over periods of the same kind as
     * {@code like} (months with months, quarters with quarters), oldest first; the newest version per period.
     */
    public List<TrendPoint> trend(MeridianUser user, long channelId, UnitType unitType, Period like) {
        if (!seesAll(user) && !Long.valueOf(channelId).equals(user.channelId())) {
            return List.of();
        }
        return evaluations.publishedTotals(user.hospitalId(), channelId, unitType).stream()
                .filter(p -> p.period().kind() == like.kind()).toList();
    }
}
