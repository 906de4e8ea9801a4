package org.meridian.evaluation;

import java.time.Instant;

import org.meridian.shared.Period;
import org.meridian.shared.UnitType;

/**
 * One version of the evaluation (考核评估) of a hospital's units of one type in one period.
 *
 * @param version       1 for the first run of (period, unit type); a run after publishing makes the next version
 * @param schemeVersion the version of the scheme (考核方案) this evaluation used, copied into it
 * @param units         how many units were scored
 */
public record Evaluation(long id, Period period, UnitType unitType, int version, EvaluationStatus status,
                         int schemeVersion, Instant ranAt, String ranBy, Instant publishedAt, String publishedBy,
                         int units) {

    public boolean published() {
        return status == EvaluationStatus.PUBLISHED;
    }
}
