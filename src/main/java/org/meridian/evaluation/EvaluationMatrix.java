package org.meridian.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.indicator.scoring.DimensionScores;
import org.meridian.indicator.scoring.PerformanceBrandMatrix;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The performance–brand matrix (绩效–品牌矩阵) of an evaluation, and the thresholds a hospital may fix for it per
 * unit type. Reading needs an actor who sees every scorecard ({@link EvaluationVisibility#seesAll}: the matrix
 * compares units with each other); anyone else gets "not found". Setting thresholds needs CHANNEL_MANAGER.
 * The placing itself is {@link PerformanceBrandMatrix}.
 */
@Service
public class EvaluationMatrix {

    private final EvaluationResults results;
    private final Evaluations evaluations;
    private final MatrixThresholds thresholds;
    private final AuditLog audit;
    private final Clock clock;

    EvaluationMatrix(EvaluationResults results, Evaluations evaluations, MatrixThresholds thresholds, AuditLog audit,
                     Clock clock) {
        this.results = results;
        this.evaluations = evaluations;
        this.thresholds = thresholds;
        this.audit = audit;
        this.clock = clock;
    }

    /** @throws EvaluationNotFoundException when the actor may not see the evaluation or every unit of it */
    @Transactional(readOnly = true)
    public Matrix matrix(Actor actor, long id) {
        if (!EvaluationVisibility.seesAll(actor)) {
            throw new EvaluationNotFoundException(id);
        }
        Evaluation evaluation = results.get(actor, id);
        PerformanceBrandMatrix.Thresholds set = thresholds.find(actor.hospitalId(), evaluation.unitType())
                .orElse(null);
        Placed now = place(actor, evaluation, set);
        Optional<Evaluation> previous = evaluations.latestPublished(actor.hospitalId(),
                evaluation.period().previous(), evaluation.unitType());
        Map<String, PerformanceBrandMatrix.Placed> before = new HashMap<>();
        if (!now.result().units().isEmpty()) { // a scheme without brand places no one: nothing to compare
            previous.ifPresent(p -> place(actor, p, set).result().units().forEach(u -> before.put(u.unit(), u)));
        }
        List<Matrix.Unit> units = new ArrayList<>();
        for (PerformanceBrandMatrix.Placed u : now.result().units()) {
            PerformanceBrandMatrix.Placed b = before.get(u.unit());
            units.add(new Matrix.Unit(u.unit(), now.names().get(u.unit()), u.performance(), u.brand(), u.quadrant(),
                    b == null ? null : b.quadrant(), b == null ? null : b.performance(), b == null ? null : b.brand()));
        }
        PerformanceBrandMatrix.Thresholds t = now.result().thresholds();
        return new Matrix(evaluation, previous.orElse(null), t.performance(), t.brand(),
                set == null ? null : set.performance(), set == null ? null : set.brand(), units);
    }

    /**
     * Fixes the thresholds of a unit type's matrices (a null axis goes back to the median). Audited as
     * {@code MATRIX_THRESHOLDS_SET}.
     */
    @Transactional
    public void setThresholds(Actor actor, UnitType unitType, MatrixThresholdsSet set) {
        RefusedException.unless(actor.isSystem() || actor.has(Role.CHANNEL_MANAGER), "evaluation", "matrix-thresholds",
                "evaluation.matrix.error.refused", actor.username() + " may not set matrix thresholds");
        Optional<PerformanceBrandMatrix.Thresholds> old = thresholds.find(actor.hospitalId(), unitType);
        thresholds.save(actor.hospitalId(), unitType, set.performance(), set.brand(), actor.username(),
                clock.instant());
        Map<String, Object> details = AuditLog.details(
                "performance", AuditLog.change(old.map(PerformanceBrandMatrix.Thresholds::performance)
                        .orElse(null), set.performance()),
                "brand", AuditLog.change(old.map(PerformanceBrandMatrix.Thresholds::brand).orElse(null),
                        set.brand()));
        audit.record(actor.hospitalId(), actor.username(), "MATRIX_THRESHOLDS_SET", "unitType " + unitType.name(),
                details);
    }

    private record Placed(PerformanceBrandMatrix.Result result, Map<String, String> names) {
    }

    private Placed place(Actor actor, Evaluation evaluation, PerformanceBrandMatrix.Thresholds set) {
        SchemeSnapshot scheme = results.scheme(actor, evaluation.id());
        List<PerformanceBrandMatrix.Point> points = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (UnitScorecard c : results.allScorecards(actor, evaluation.id())) {
            DimensionScores d = c.dimensionScores(scheme);
            points.add(new PerformanceBrandMatrix.Point(c.channel(), d.performance(), d.brand()));
            names.put(c.channel(), c.channelName());
        }
        return new Placed(PerformanceBrandMatrix.place(points, set), names);
    }
}
