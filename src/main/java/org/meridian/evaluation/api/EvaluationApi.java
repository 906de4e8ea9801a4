package org.meridian.evaluation.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.EvaluationRuns;
import org.meridian.evaluation.EvaluationStatus;
import org.meridian.evaluation.TierOutcome;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.evaluation.web.EvaluationParams;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.web.InputProblem;
import org.meridian.shared.web.InvalidInputException;
import org.meridian.shared.web.Paged;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evaluations (api.md, Evaluations). Running, publishing and applying tiers need CHANNEL_MANAGER; reading needs
 * ANALYST, or CHANNEL_USER, who sees only published evaluations and only its own channel's scorecard. In the
 * JSON, a total is rounded half-up to 2 decimals; value, score, peer median and coverage half-up to 4 decimals
 * (docs/evaluations.md).
 */
@RestController
@RequestMapping("/api/v1/evaluations")
class EvaluationApi {

    private final EvaluationRuns runs;
    private final EvaluationResults results;

    EvaluationApi(EvaluationRuns runs, EvaluationResults results) {
        this.runs = runs;
        this.results = results;
    }

    record RunRequest(String period, String unitType) {
    }

    record EvaluationView(long id, String period, UnitType unitType, EvaluationStatus status, int version,
                          Instant ranAt, String ranBy, Instant publishedAt, String publishedBy, int schemeVersion,
                          int units) {

        static EvaluationView of(Evaluation e) {
            return new EvaluationView(e.id(), e.period().toString(), e.unitType(), e.status(), e.version(), e.ranAt(),
                    e.ranBy(), e.publishedAt(), e.publishedBy(), e.schemeVersion(), e.units());
        }
    }

    record IndicatorView(String code, BigDecimal value, BigDecimal score, BigDecimal weight, BigDecimal peerMedian) {
    }

    record ScorecardView(String channel, BigDecimal total, BigDecimal coverage, Integer rank, String tier,
                         List<IndicatorView> indicators) {

        static ScorecardView of(UnitScorecard c) {
            return new ScorecardView(c.channel(), c.roundedTotal(), four(c.coverage()), c.rank(), c.tier(),
                    c.indicators().stream().map(l -> new IndicatorView(l.code(), four(l.value()), four(l.score()),
                            l.weight(), four(l.peerMedian()))).toList());
        }
    }

    /** Half-up to 4 decimals, without trailing zeros (81.25, 65, 1). */
    static BigDecimal four(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal r = v.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    @PostMapping
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    EvaluationView run(Actor actor, @RequestBody(required = false) RunRequest body) {
        RunRequest b = body == null ? new RunRequest(null, null) : body;
        return EvaluationView.of(runs.run(actor, EvaluationParams.subject(b.period(), b.unitType())));
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    EvaluationView publish(Actor actor, @PathVariable long id) {
        return EvaluationView.of(runs.publish(actor, id));
    }

    @PostMapping("/{id}/apply-tiers")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    List<TierOutcome> applyTiers(Actor actor, @PathVariable long id) {
        return runs.applyTiers(actor, id);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ANALYST', 'CHANNEL_USER')")
    Paged<EvaluationView> list(Actor actor, @RequestParam(required = false) String period,
                               @RequestParam(required = false) String unitType,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size) {
        List<InputProblem> problems = new ArrayList<>();
        Optional<Period> p = EvaluationParams.periodFilter(period, problems);
        Optional<UnitType> t = EvaluationParams.unitTypeFilter(unitType, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return results.search(actor, p.orElse(null), t.orElse(null), page, size)
                .map(EvaluationView::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ANALYST', 'CHANNEL_USER')")
    EvaluationView one(Actor actor, @PathVariable long id) {
        return EvaluationView.of(results.get(actor, id));
    }

    @GetMapping("/{id}/scorecards")
    @PreAuthorize("hasAnyRole('ANALYST', 'CHANNEL_USER')")
    Paged<ScorecardView> scorecards(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size) {
        return results.scorecards(actor, id, page, size).map(ScorecardView::of);
    }
}
