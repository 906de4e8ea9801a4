package org.meridian.indicator;

import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;

/**
 * The weighting (赋权) of a scheme's indicators by AHP, entropy or both combined. The indicator module keeps the
 * inputs and results with the scheme version; the insight module, which owns the methods, computes them (so that
 * indicator never depends on insight, which depends on indicator).
 */
public interface SchemeWeighting {

    /**
     * The weights the inputs give, for the indicators of the inputs in their order.
     *
     * @throws org.meridian.shared.problem.InvalidInputException with every problem under {@code weighting.*}: a
     *         matrix that is not square, not reciprocal or not consistent (CR ≥ 0.10), an unknown indicator, a
     *         period without a published evaluation or without values, α outside [0, 1], a weight of 0
     */
    WeightingResult weigh(Actor actor, UnitType unitType, WeightingInputs inputs);
}
