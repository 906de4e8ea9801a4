package org.meridian.evaluation.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationMatrix;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.Matrix;
import org.meridian.evaluation.EvaluationRuns;
import org.meridian.evaluation.EvaluationStatus;
import org.meridian.evaluation.TierOutcome;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.evaluation.web.EvaluationParams;
import org.meridian.indicator.scoring.Dimension;
import org.meridian.indicator.scoring.DimensionScores;
import org.meridian.indicator.scoring.Quadrant;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;
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
    private final EvaluationMatrix matrices;

    EvaluationApi(EvaluationRuns runs, EvaluationResults results, EvaluationMatrix matrices) {
        this.runs = runs;
        this.results = results;
        this.matrices = matrices;
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

    /** A dimension's score and coverage, unrounded (network.md §2). */
    record DimensionView(Dimension dimension, BigDecimal score, BigDecimal coverage) {
    }

    /**
     * {@code unit} is the scored unit's code (a channel's, a department's or an institution's), {@code channel} the
     * same for a channel and null otherwise; {@code dimensions}, {@code performance} and {@code brand} are unrounded;
     * the other fields as api.md says.
     */
    record ScorecardView(String unit, String channel, BigDecimal total, BigDecimal coverage, Integer rank,
                         String tier, List<IndicatorView> indicators, List<DimensionView> dimensions,
                         BigDecimal performance, BigDecimal brand) {

        static ScorecardView of(UnitScorecard c, SchemeSnapshot scheme) {
            DimensionScores d = c.dimensionScores(scheme);
            return new ScorecardView(c.channel(),
                    scheme.unitType().kind() == org.meridian.shared.UnitKind.CHANNEL ? c.channel() : null,
                    c.roundedTotal(), four(c.coverage()), c.rank(), c.tier(),
                    c.indicators().stream().map(l -> new IndicatorView(l.code(), four(l.value()), four(l.score()),
                            l.weight(), four(l.peerMedian()))).toList(),
                    d.dimensions().stream().map(s -> new DimensionView(s.dimension(), s.score(), s.coverage()))
                            .toList(), d.performance(), d.brand());
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
        List<Problem> problems = new ArrayList<>();
        Optional<Period> p = EvaluationParams.periodFilter(period, problems);
        Optional<UnitType> t = EvaluationParams.unitTypeFilter(unitType, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("evaluation", problems);
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
        Paged<UnitScorecard> cards = results.scorecards(actor, id, page, size);
        SchemeSnapshot scheme = results.scheme(actor, id);
        return cards.map(c -> ScorecardView.of(c, scheme));
    }

    record ThresholdsView(BigDecimal performance, BigDecimal brand) {
    }

    record MatrixUnitView(String unit, BigDecimal performance, BigDecimal brand, Quadrant quadrant,
                          Quadrant previousQuadrant) {
    }

    /** Thresholds as in force (the hospital's or the medians); performance and brand unrounded (network.md §5). */
    record MatrixView(ThresholdsView thresholds, List<MatrixUnitView> units) {

        static MatrixView of(Matrix m) {
            return new MatrixView(new ThresholdsView(m.performance(), m.brand()), m.units().stream()
                    .map(u -> new MatrixUnitView(u.unit(), u.performance(), u.brand(), u.quadrant(),
                            u.previousQuadrant())).toList());
        }
    }

    @GetMapping("/{id}/matrix")
    @PreAuthorize("hasRole('ANALYST')")
    MatrixView matrix(Actor actor, @PathVariable long id) {
        return MatrixView.of(matrices.matrix(actor, id));
    }
}
