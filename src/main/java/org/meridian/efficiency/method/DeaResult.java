package org.meridian.efficiency.method;

import java.util.List;

import org.meridian.shared.problem.Problem;

/**
 * A DEA evaluation: one result per unit in input order, and warnings that do not stop it (fewer units than inputs plus
 * outputs: DEA then discriminates poorly).
 */
public record DeaResult(DeaModel model, Orientation orientation, boolean superEfficiency, List<DeaUnit> units,
        List<Problem> warnings) {
}
