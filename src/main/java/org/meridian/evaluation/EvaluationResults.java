package org.meridian.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.web.Paged;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluation results (考核结果): the evaluations, their scorecards (rank, tier and every indicator's value, score and
 * "why"), the scheme each used, comparisons of two evaluations and a channel's trend over published periods. Every
 * query takes the {@link Actor} and answers only what {@link EvaluationVisibility} lets it see; an evaluation it may
 * not see is not found. Making and publishing evaluations is {@link EvaluationRuns}.
 */
@Service
public class EvaluationResults {

    private final Evaluations evaluations;
    private final JsonMapper json;

    EvaluationResults(Evaluations evaluations, JsonMapper json) {
        this.evaluations = evaluations;
        this.json = json;
    }

    /** The evaluation if the actor may see it. */
    public Optional<Evaluation> find(Actor actor, long id) {
        return evaluations.find(actor.hospitalId(), id).filter(e -> EvaluationVisibility.sees(actor, e));
    }

    /** @throws EvaluationNotFoundException when there is none the actor may see */
    public Evaluation get(Actor actor, long id) {
        return find(actor, id).orElseThrow(() -> new EvaluationNotFoundException(id));
    }

    /** The evaluations the actor may see, newest period first, optionally of one period and unit type. */
    public Paged<Evaluation> search(Actor actor, Period period, UnitType unitType, int page, int size) {
        Paged.check(page, size);
        return evaluations.search(actor.hospitalId(), period, unitType, !EvaluationVisibility.seesAll(actor), page,
                size);
    }

    /**
     * For each of these hospitals, its evaluation that {@link #search} as Meridian (every evaluation, the newest first)
     * lists first among its first {@code among} that is published; by hospital id, a hospital without one left out.
     * For Meridian reading many hospitals at once on a reader's behalf (the region's pages): one query for all.
     */
    public Map<Long, Evaluation> firstPublishedOfEach(Actor actor, java.util.Collection<Long> hospitalIds, int among) {
        if (!actor.isSystem()) {
            throw new IllegalArgumentException("only Meridian itself reads many hospitals' evaluations at once");
        }
        Paged.check(0, among);
        return evaluations.firstPublishedOfEach(hospitalIds, among);
    }

    /**
     * An evaluation's scorecards in rank order, unranked last. A channel user gets only its own channel's, and only
     * of a published evaluation (a draft is not found).
     */
    public Paged<UnitScorecard> scorecards(Actor actor, long id, int page, int size) {
        Paged.check(page, size);
        get(actor, id);
        return evaluations.scorecards(actor.hospitalId(), id, EvaluationVisibility.channelScope(actor), page, size);
    }

    /** Every scorecard of an evaluation the actor may see, in rank order (for the ranking page and its export). */
    public List<UnitScorecard> allScorecards(Actor actor, long id) {
        get(actor, id);
        return evaluations.scorecards(actor.hospitalId(), id, EvaluationVisibility.channelScope(actor), 0,
                Integer.MAX_VALUE).items();
    }

    /**
     * Every scorecard of an evaluation the actor may see, in rank order, WITHOUT its indicator lines
     * ({@link UnitScorecard#indicators()} is empty): for lists and figures that need only the totals, ranks and tiers
     * (a workbench's best and worst, the explained changes' mean, the region's standings). Reading and decoding the
     * lines' explanations was most of the workbench's time (docs/benchmarks.md).
     */
    public List<UnitScorecard> ranking(Actor actor, long id) {
        get(actor, id);
        return evaluations.ranking(actor.hospitalId(), id, EvaluationVisibility.channelScope(actor));
    }

    /**
     * The measure totals each scorecard of an evaluation was scored from, frozen when it ran (published: for good),
     * by channel code; for a channel's own user only its own channel's. A scorecard of an evaluation run before
     * measure totals were stored (2026-12-04) is left out: its totals are not known any more (docs/evaluations.md).
     */
    public Map<String, MeasureTotals> measureTotals(Actor actor, long id) {
        get(actor, id);
        return evaluations.measureTotals(actor.hospitalId(), id, EvaluationVisibility.channelScope(actor));
    }

    /** One unit's scorecard in an evaluation (a channel's, a department's…) by the unit's code, if the actor may see it. */
    public Optional<UnitScorecard> scorecard(Actor actor, long id, String unitCode) {
        get(actor, id);
        return evaluations.scoredUnit(actor.hospitalId(), id, unitCode)
                .filter(unitId -> EvaluationVisibility.seesChannel(actor, unitId))
                .flatMap(unitId -> evaluations.scorecards(actor.hospitalId(), id, unitId, 0, 1).items().stream()
                        .findFirst());
    }

    /** The scheme exactly as the evaluation used it. */
    public SchemeSnapshot scheme(Actor actor, long id) {
        get(actor, id);
        return json.readValue(evaluations.scheme(actor.hospitalId(), id), SchemeCopy.class).snapshot();
    }

    /** Code → name (English or Chinese) of the indicators of the evaluation's scheme, in the scheme's order. */
    public java.util.Map<String, String> indicatorNames(Actor actor, long id, boolean english) {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        scheme(actor, id).items().forEach(i -> names.put(i.indicator().code(),
                english ? i.indicator().nameEn() : i.indicator().nameZh()));
        return names;
    }

    /** Code → unit (English or Chinese, as the catalogue writes it: %, 人次) of the indicators of the evaluation's scheme. */
    public java.util.Map<String, String> indicatorUnits(Actor actor, long id, boolean english) {
        java.util.Map<String, String> units = new java.util.LinkedHashMap<>();
        scheme(actor, id).items().forEach(i -> units.put(i.indicator().code(),
                english ? i.indicator().unitEn() : i.indicator().unitZh()));
        return units;
    }

    /**
     * The evaluation of (period, unit type) that a comparison starts from, if the actor may see one: its newest
     * published version, else (for those who see drafts) its newest version.
     */
    public Optional<Evaluation> inForce(Actor actor, Period period, UnitType unitType) {
        List<Evaluation> versions = search(actor, period, unitType, 0, 100).items();
        return versions.stream().filter(Evaluation::published).findFirst().or(() -> versions.stream().findFirst());
    }

    /**
     * Two evaluations of one unit type side by side (两期对比), usually two periods: every channel's total, rank
     * and tier in each and how it moved from the first to the second. Both must be visible to the actor; a channel
     * user gets only its own channel's row.
     *
     * @throws EvaluationConflictException when they are of different unit types
     */
    public PeriodComparison compare(Actor actor, long firstId, long secondId) {
        Evaluation first = get(actor, firstId);
        Evaluation second = get(actor, secondId);
        if (first.unitType() != second.unitType()) {
            throw new EvaluationConflictException("Evaluations " + firstId + " (" + first.unitType() + ") and "
                    + secondId + " (" + second.unitType() + ") are of different unit types and cannot be compared.");
        }
        return PeriodComparison.of(first, scheme(actor, firstId), allScorecards(actor, firstId), second,
                scheme(actor, secondId), allScorecards(actor, secondId));
    }

    /**
     * What publishing this draft would change in the evaluation (发布前预览): the newest published version of its
     * period and unit type that it would replace, and every channel whose total, rank or tier would move against it.
     * For a first publication, or an evaluation already published, nothing is compared.
     */
    public PublicationPreview publicationPreview(Actor actor, long id) {
        Evaluation draft = get(actor, id);
        Optional<Evaluation> replaced = search(actor, draft.period(), draft.unitType(), 0, 100).items().stream()
                .filter(Evaluation::published).filter(e -> e.id() != draft.id()).findFirst();
        if (draft.published() || replaced.isEmpty()) {
            return new PublicationPreview(draft, replaced, List.of(), 0);
        }
        return PublicationPreview.of(draft, replaced, compare(actor, replaced.get().id(), id));
    }

    /** The drafts not yet published, oldest run first; empty for an actor who does not see drafts. */
    public List<Evaluation> drafts(Actor actor) {
        return EvaluationVisibility.seesAll(actor) ? evaluations.drafts(actor.hospitalId()) : List.of();
    }

    /**
     * For a channel's own user: the newest published evaluation that scored its channel, if any (none for anyone
     * not bound to a channel).
     */
    public Optional<Evaluation> latestOwn(Actor actor) {
        if (actor.channelId() == null) {
            return Optional.empty();
        }
        return evaluations.latestPublishedWith(actor.hospitalId(), actor.channelId()).flatMap(id -> find(actor, id));
    }

    /**
     * A channel's totals in the published evaluations of its unit type over periods of the same kind as
     * {@code like} (months with months, quarters with quarters), oldest first; the newest version per period.
     * Empty for a channel whose results the actor may not see.
     */
    public List<TrendPoint> trend(Actor actor, long channelId, UnitType unitType, Period like) {
        if (!EvaluationVisibility.seesChannel(actor, channelId)) {
            return List.of();
        }
        return evaluations.publishedTotals(actor.hospitalId(), channelId, unitType).stream()
                .filter(p -> p.period().kind() == like.kind()).toList();
    }

    /**
     * A channel's results in every published evaluation of its unit type, periods of every kind together (months,
     * quarters…), by period (first day, then the shorter period first); the newest version per period. Empty for a
     * channel whose results the actor may not see.
     */
    public List<TrendPoint> publishedResults(Actor actor, long channelId, UnitType unitType) {
        if (!EvaluationVisibility.seesChannel(actor, channelId)) {
            return List.of();
        }
        return evaluations.publishedTotals(actor.hospitalId(), channelId, unitType);
    }
}
