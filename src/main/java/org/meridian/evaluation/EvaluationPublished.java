package org.meridian.evaluation;

import org.meridian.shared.Period;
import org.meridian.shared.UnitType;

/**
 * An evaluation was published (发布): its scorecards are final for that version. Incentives and channel
 * feedback can react to it; {@link EvaluationResults#allScorecards} reads the results.
 */
public record EvaluationPublished(long hospitalId, long evaluationId, Period period, UnitType unitType,
                                  int version) {
}
