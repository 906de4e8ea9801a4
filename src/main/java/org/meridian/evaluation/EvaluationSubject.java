package org.meridian.evaluation;

import java.util.Objects;

import org.meridian.shared.Period;
import org.meridian.shared.UnitType;

/**
 * What one evaluation evaluates (考核对象): the channels of one unit type over one period. Pages and the API read it
 * from text ({@code evaluation.web.EvaluationParams}); a facade takes it only as this value.
 */
public record EvaluationSubject(Period period, UnitType unitType) {

    public EvaluationSubject {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(unitType, "unitType");
    }
}
