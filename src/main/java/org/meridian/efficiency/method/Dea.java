package org.meridian.efficiency.method;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.meridian.efficiency.method.Envelopment.Returns;
import org.meridian.efficiency.method.Envelopment.Slacks;
import org.meridian.shared.problem.Problem;

/**
 * Data envelopment analysis (数据包络分析), envelopment form, of n units with m inputs and s outputs.
 *
 * <p><b>Models.</b> CCR (Charnes, Cooper and Rhodes 1978, constant returns) and BCC (Banker, Charnes and Cooper 1984,
 * variable returns: Σλ = 1), input oriented (min θ) or output oriented (max φ); {@code score} is θ or 1/φ, in (0, 1].
 * Phase 1 finds θ* or φ*, phase 2 maximises the sum of the slacks with it fixed (Cooper, Seiford and Tone, <i>Data
 * Envelopment Analysis</i>, 2nd ed., 2007, §3.3 and §4.3). A unit is {@code EFFICIENT} when its score is 1 and every
 * slack 0, {@code WEAKLY_EFFICIENT} when the score is 1 with a slack, otherwise {@code INEFFICIENT}; scores within 1e-9
 * of 1 count as 1, and slacks count as zero below 1e-9 times their column's mean (the tolerances are absolute on the
 * data scaled to column means of 1).
 *
 * <p><b>Scale.</b> Scale efficiency SE = score<sub>CCR</sub> / score<sub>BCC</sub> (= θ<sub>CCR</sub>/θ<sub>BCC</sub>
 * input oriented, φ<sub>BCC</sub>/φ<sub>CCR</sub> output oriented). Returns to scale by the non-increasing-returns
 * (NIRS, Σλ ≤ 1) test of Färe, Grosskopf and Lovell (1994), as DEAP 2.1 does: CRS when SE = 1, else DRS when the NIRS
 * score equals the BCC score, IRS otherwise.
 *
 * <p><b>Super-efficiency</b> (Andersen and Petersen 1993): the unit leaves its own reference set. Only units with
 * score 1 need the program (an inefficient unit is never in its own optimal reference set, so its value is its score);
 * efficient units get a value of 1 or more. Under BCC the program can be infeasible (input oriented: a unit with an
 * output no convex combination of the others reaches; output oriented: an input below all the others'); such a unit gets
 * {@code efficiency = null}, {@code infeasible = true} and no rank. Status, slacks, targets and peers stay those of the
 * standard model.
 *
 * <p><b>Degenerate input.</b> Fewer than 2 units is refused by {@link DeaData}; fewer units than inputs plus outputs
 * gives a warning (most units then come out efficient). Identical units are all efficient, each with non-unique λ.
 * Exact ties are kept: equal super-efficiency values share a rank.
 */
public final class Dea {

    static final double TOLERANCE = 1e-9;

    private Dea() {
    }

    public static DeaResult evaluate(DeaData data, DeaModel model, Orientation orientation, boolean superEfficiency) {
        double[] xScale = DeaData.means(data.inputs());
        double[] yScale = DeaData.means(data.outputs());
        double[][] x = DeaData.scaled(data.inputs(), xScale);
        double[][] y = DeaData.scaled(data.outputs(), yScale);
        int n = x.length;
        Returns returns = model == DeaModel.CCR ? Returns.CONSTANT : Returns.VARIABLE;
        boolean input = orientation == Orientation.INPUT;
        List<DeaUnit> units = new ArrayList<>(n);
        for (int o = 0; o < n; o++) {
            double ccr = Envelopment.radial(x, y, x[o], y[o], orientation, Returns.CONSTANT, -1);
            double bcc = Envelopment.radial(x, y, x[o], y[o], orientation, Returns.VARIABLE, -1);
            double radial = clampRadial(model == DeaModel.CCR ? ccr : bcc, input);
            double score = score(radial, input);
            Slacks slacks = Envelopment.slacks(x, y, x[o], y[o], orientation, returns, radial, xScale, yScale);
            double[] sMinus = raw(slacks.inputSlacks(), xScale);
            double[] sPlus = raw(slacks.outputSlacks(), yScale);
            boolean anySlack = any(sMinus) || any(sPlus);
            EfficiencyStatus status = score < 1 ? EfficiencyStatus.INEFFICIENT
                    : anySlack ? EfficiencyStatus.WEAKLY_EFFICIENT : EfficiencyStatus.EFFICIENT;
            double[] xo = data.inputs()[o];
            double[] yo = data.outputs()[o];
            double[] inputTargets = new double[xo.length];
            for (int i = 0; i < xo.length; i++) {
                inputTargets[i] = (input ? radial * xo[i] : xo[i]) - sMinus[i];
            }
            double[] outputTargets = new double[yo.length];
            for (int r = 0; r < yo.length; r++) {
                outputTargets[r] = (input ? yo[r] : radial * yo[r]) + sPlus[r];
            }
            List<Peer> peers = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (slacks.lambda()[j] > TOLERANCE) {
                    peers.add(new Peer(j, slacks.lambda()[j]));
                }
            }
            double scoreCcr = score(clampRadial(ccr, input), input);
            double scoreBcc = score(clampRadial(bcc, input), input);
            double scale = Math.min(1, scoreCcr / scoreBcc);
            ReturnsToScale rts;
            if (scale >= 1 - TOLERANCE) {
                scale = 1;
                rts = ReturnsToScale.CRS;
            } else {
                double nirs = Envelopment.radial(x, y, x[o], y[o], orientation, Returns.NON_INCREASING, -1);
                rts = Math.abs(score(clampRadial(nirs, input), input) - scoreBcc) <= TOLERANCE
                        ? ReturnsToScale.DRS : ReturnsToScale.IRS;
            }
            Double efficiency = score;
            boolean infeasible = false;
            if (superEfficiency && score == 1) {
                Double sup = Envelopment.radial(x, y, x[o], y[o], orientation, returns, o);
                if (sup == null || !(sup > 0)) {
                    efficiency = null;
                    infeasible = true;
                } else {
                    efficiency = Math.max(1, input ? sup : 1 / sup);
                }
            }
            units.add(new DeaUnit(o, efficiency, efficiency, radial, status, sMinus, sPlus, inputTargets,
                    outputTargets, List.copyOf(peers), infeasible, scale, rts, null));
        }
        if (superEfficiency) {
            units = ranked(units);
        }
        List<Problem> warnings = new ArrayList<>();
        int measures = data.inputCount() + data.outputCount();
        if (n < measures) {
            warnings.add(Problem.of("inputs", "efficiency.warning.fewUnits", n, measures));
        }
        return new DeaResult(model, orientation, superEfficiency, List.copyOf(units), List.copyOf(warnings));
    }

    /** θ above 1 or φ below 1 by rounding only: the unit itself is in the reference set, so 1 is the bound. */
    private static double clampRadial(double radial, boolean input) {
        if (input) {
            return radial >= 1 - TOLERANCE ? 1 : radial;
        }
        return radial <= 1 + TOLERANCE ? 1 : radial;
    }

    static double score(double radial, boolean input) {
        return input ? radial : 1 / radial;
    }

    private static double[] raw(double[] scaledSlacks, double[] scale) {
        double[] out = new double[scaledSlacks.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scaledSlacks[i] <= TOLERANCE ? 0 : scaledSlacks[i] * scale[i];
        }
        return out;
    }

    private static boolean any(double[] values) {
        for (double v : values) {
            if (v > 0) {
                return true;
            }
        }
        return false;
    }

    private static List<DeaUnit> ranked(List<DeaUnit> units) {
        List<DeaUnit> order = units.stream().filter(u -> u.efficiency() != null)
                .sorted(Comparator.comparingDouble(DeaUnit::efficiency).reversed()).toList();
        Integer[] ranks = new Integer[units.size()];
        for (int k = 0; k < order.size(); k++) {
            DeaUnit u = order.get(k);
            boolean tie = k > 0 && order.get(k - 1).efficiency() - u.efficiency() <= TOLERANCE;
            ranks[u.unit()] = tie ? ranks[order.get(k - 1).unit()] : k + 1;
        }
        List<DeaUnit> out = new ArrayList<>(units.size());
        for (DeaUnit u : units) {
            out.add(new DeaUnit(u.unit(), u.efficiency(), u.score(), u.radial(), u.status(), u.inputSlacks(),
                    u.outputSlacks(), u.inputTargets(), u.outputTargets(), u.peers(), u.infeasible(),
                    u.scaleEfficiency(), u.returnsToScale(), ranks[u.unit()]));
        }
        return out;
    }
}
