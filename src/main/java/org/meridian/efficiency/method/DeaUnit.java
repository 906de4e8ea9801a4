package org.meridian.efficiency.method;

import java.util.List;

/**
 * One unit's result.
 *
 * @param unit            0-based position in the input
 * @param efficiency      the score, or with super-efficiency the Andersen–Petersen value (above 1 for efficient
 *                        units); null when the super-efficiency program is infeasible
 * @param score           θ (input orientation) or 1/φ (output), in (0, 1]; with super-efficiency the same number as
 *                        {@code efficiency}
 * @param radial          θ* or φ* of the standard model
 * @param status          from the standard model's score and slacks
 * @param inputSlacks     s⁻ in the inputs' own units (phase 2)
 * @param outputSlacks    s⁺ in the outputs' own units
 * @param inputTargets    projected inputs: θ*x − s⁻ (input orientation) or x − s⁻ (output)
 * @param outputTargets   projected outputs: y + s⁺ (input orientation) or φ*y + s⁺ (output)
 * @param peers           units with λ > 1e-9 in the phase-2 solution (λ may be non-unique for weakly efficient units)
 * @param infeasible      the super-efficiency program has no solution (only under super-efficiency)
 * @param scaleEfficiency CCR score / BCC score (规模效率)
 * @param returnsToScale  by the non-increasing-returns test
 * @param rank            1-based super-efficiency rank (equal values share the better rank); null without
 *                        super-efficiency and for infeasible units
 */
public record DeaUnit(int unit, Double efficiency, Double score, double radial, EfficiencyStatus status,
        double[] inputSlacks, double[] outputSlacks, double[] inputTargets, double[] outputTargets, List<Peer> peers,
        boolean infeasible, double scaleEfficiency, ReturnsToScale returnsToScale, Integer rank) {
}
