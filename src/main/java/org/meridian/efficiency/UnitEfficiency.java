package org.meridian.efficiency;

import java.util.List;

import org.meridian.efficiency.method.EfficiencyStatus;
import org.meridian.efficiency.method.ReturnsToScale;

/**
 * One unit's data and result in an efficiency run (methods.md §5). Technical efficiency (综合技术效率, the CCR score)
 * is pure technical efficiency (纯技术效率, the BCC score) times scale efficiency (规模效率), whatever the run's model.
 *
 * @param position      0-based place of the unit in the run (peers name units by it)
 * @param inputs        the unit's period values of the run's inputs, in their order
 * @param outputs       the same for the outputs
 * @param efficiency    the score, or with super-efficiency the Andersen–Petersen value (above 1 for efficient units);
 *                      null when that program is infeasible
 * @param score         θ or 1/φ of the run's model, in (0, 1]
 * @param radial        θ* (input orientation) or φ* (output)
 * @param technical     the CCR score
 * @param pureTechnical the BCC score
 * @param scale         technical / pure technical
 * @param peers         the frontier units this one is projected onto, with λ
 * @param rank          1-based super-efficiency rank; null without super-efficiency or when infeasible
 */
public record UnitEfficiency(int position, long unitId, String unitCode, String unitName, double[] inputs,
        double[] outputs, Double efficiency, double score, double radial, double technical, double pureTechnical,
        double scale, ReturnsToScale returnsToScale, EfficiencyStatus status, double[] inputSlacks,
        double[] outputSlacks, double[] inputTargets, double[] outputTargets, List<RunPeer> peers, boolean infeasible,
        Integer rank) {

    /** A peer (参照单元) by its position in the run, with its weight λ. */
    public record RunPeer(int position, double lambda) {
    }
}
