package org.meridian.efficiency.method;

import java.util.ArrayList;
import java.util.List;

import org.meridian.efficiency.method.Envelopment.Returns;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * The DEA-Malmquist productivity index (全要素生产率指数) between consecutive periods, with the decomposition of Färe,
 * Grosskopf, Norris and Zhang (1994, <i>American Economic Review</i> 84(1)) in the conventions of Coelli's DEAP 2.1
 * (CEPA Working Paper 96/08, §2.5).
 *
 * <p>D<sup>a</sup>(b) is the CCR score (θ, or 1/φ output oriented) of a unit's period-b data against the frontier of
 * every unit's period-a data; it can exceed 1 when a and b differ. V<sup>a</sup>(a) is the BCC score in the same
 * orientation. For periods t and t + 1:
 * <ul>
 *   <li>effch = D<sup>t+1</sup>(t+1) / D<sup>t</sup>(t) (technical efficiency change, 技术效率变化)</li>
 *   <li>techch = [D<sup>t</sup>(t+1)/D<sup>t+1</sup>(t+1) · D<sup>t</sup>(t)/D<sup>t+1</sup>(t)]<sup>1/2</sup>
 *       (technological change, 技术进步)</li>
 *   <li>pech = V<sup>t+1</sup>(t+1) / V<sup>t</sup>(t) (pure technical efficiency change, 纯技术效率变化)</li>
 *   <li>sech = effch / pech (scale efficiency change, 规模效率变化)</li>
 *   <li>tfpch = effch × techch (total factor productivity change; above 1 is growth)</li>
 * </ul>
 * Means are geometric: per transition over the units, per unit over the transitions, and overall over every unit and
 * transition (which equals the geometric mean of the transitions' means, as DEAP prints it).
 *
 * <p>Every value must be positive (a zero can leave a cross-period program without a solution); every period has the
 * same units, inputs and outputs; at least 2 periods and 2 units.
 */
public final class Malmquist {

    /** Periods at most; units × periods is bounded by {@link DeaData#MAX_UNITS} × 5. */
    public static final int MAX_PERIODS = 30;

    private Malmquist() {
    }

    /** The five indices of one unit (or a mean) for one transition. */
    public record Change(double effch, double techch, double pech, double sech, double tfpch) {
    }

    /** From period {@code from} to {@code from + 1} (0-based): each unit's change and their geometric mean. */
    public record Transition(int from, int to, List<Change> units, Change mean) {
    }

    /**
     * @param transitions one per consecutive pair of periods
     * @param unitMeans   each unit's geometric mean over the transitions
     * @param mean        the geometric mean over every unit and transition
     */
    public record Result(Orientation orientation, List<Transition> transitions, List<Change> unitMeans, Change mean,
            List<Problem> warnings) {
    }

    /** One period's matrices as the client sent them. */
    public record Period(List<List<Double>> inputs, List<List<Double>> outputs) {
    }

    /**
     * Checks every period (listing every problem) and computes the index.
     *
     * @throws InvalidInputException (module {@code efficiency}) on bad input
     */
    public static Result evaluate(List<Period> periods, Orientation orientation) {
        List<Problem> problems = new ArrayList<>();
        List<DeaData> data = new ArrayList<>();
        if (periods == null || periods.size() < 2) {
            problems.add(Problem.of("periods", "efficiency.method.tooFewPeriods", periods == null ? 0 : periods.size()));
        } else if (periods.size() > MAX_PERIODS) {
            problems.add(Problem.of("periods", "efficiency.method.tooManyPeriods", periods.size(), MAX_PERIODS));
        } else {
            for (int t = 0; t < periods.size(); t++) {
                Period p = periods.get(t);
                String prefix = "periods[" + t + "].";
                data.add(p == null ? null : DeaData.read(prefix, p.inputs(), p.outputs(), true, problems));
                if (p == null) {
                    problems.add(Problem.of("periods[" + t + "]", "efficiency.method.required"));
                }
            }
            DeaData first = data.get(0);
            for (int t = 1; t < data.size() && first != null; t++) {
                DeaData d = data.get(t);
                if (d != null && (d.units() != first.units() || d.inputCount() != first.inputCount()
                        || d.outputCount() != first.outputCount())) {
                    problems.add(Problem.of("periods[" + t + "]", "efficiency.method.periodShape", t,
                            d.units(), d.inputCount(), d.outputCount(),
                            first.units(), first.inputCount(), first.outputCount()));
                }
            }
            if (first != null && (long) first.units() * periods.size() > 5L * DeaData.MAX_UNITS) {
                problems.add(Problem.of("periods", "efficiency.method.tooManyUnitPeriods",
                        first.units() * periods.size(), 5 * DeaData.MAX_UNITS));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("efficiency", problems);
        }
        return compute(data, orientation);
    }

    static Result compute(List<DeaData> periods, Orientation orientation) {
        int periodCount = periods.size();
        double[][][] xs = new double[periodCount][][];
        double[][][] ys = new double[periodCount][][];
        for (int t = 0; t < periodCount; t++) {
            xs[t] = periods.get(t).inputs();
            ys[t] = periods.get(t).outputs();
        }
        // one common scale for all periods: cross-period scores compare data of different periods
        double[] xScale = DeaData.means(xs);
        double[] yScale = DeaData.means(ys);
        for (int t = 0; t < periodCount; t++) {
            xs[t] = DeaData.scaled(xs[t], xScale);
            ys[t] = DeaData.scaled(ys[t], yScale);
        }
        int n = xs[0].length;
        boolean input = orientation == Orientation.INPUT;
        double[][] crs = new double[periodCount][n];
        double[][] vrs = new double[periodCount][n];
        for (int t = 0; t < periodCount; t++) {
            for (int k = 0; k < n; k++) {
                crs[t][k] = own(xs[t], ys[t], k, orientation, Returns.CONSTANT);
                vrs[t][k] = own(xs[t], ys[t], k, orientation, Returns.VARIABLE);
            }
        }
        List<Transition> transitions = new ArrayList<>();
        double[][] logSums = new double[n][5];
        double[] overall = new double[5];
        for (int t = 0; t + 1 < periodCount; t++) {
            List<Change> changes = new ArrayList<>(n);
            double[] logs = new double[5];
            for (int k = 0; k < n; k++) {
                double laterOnEarlier = Dea.score(Envelopment.radial(xs[t], ys[t], xs[t + 1][k], ys[t + 1][k],
                        orientation, Returns.CONSTANT, -1), input);
                double earlierOnLater = Dea.score(Envelopment.radial(xs[t + 1], ys[t + 1], xs[t][k], ys[t][k],
                        orientation, Returns.CONSTANT, -1), input);
                double effch = crs[t + 1][k] / crs[t][k];
                double techch = Math.sqrt(laterOnEarlier / crs[t + 1][k] * (crs[t][k] / earlierOnLater));
                double pech = vrs[t + 1][k] / vrs[t][k];
                Change c = new Change(effch, techch, pech, effch / pech, effch * techch);
                changes.add(c);
                double[] l = logs(c);
                for (int i = 0; i < 5; i++) {
                    logs[i] += l[i];
                    logSums[k][i] += l[i];
                    overall[i] += l[i];
                }
            }
            transitions.add(new Transition(t, t + 1, List.copyOf(changes), geometric(logs, n)));
        }
        List<Change> unitMeans = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            unitMeans.add(geometric(logSums[k], periodCount - 1));
        }
        List<Problem> warnings = new ArrayList<>();
        int measures = xs[0][0].length + ys[0][0].length;
        if (n < measures) {
            warnings.add(Problem.of("periods", "efficiency.warning.fewUnits", n, measures));
        }
        return new Result(orientation, List.copyOf(transitions), List.copyOf(unitMeans),
                geometric(overall, n * (periodCount - 1)), List.copyOf(warnings));
    }

    private static double own(double[][] x, double[][] y, int k, Orientation orientation, Returns returns) {
        boolean input = orientation == Orientation.INPUT;
        double radial = Envelopment.radial(x, y, x[k], y[k], orientation, returns, -1);
        double score = Dea.score(radial, input);
        return score >= 1 - Dea.TOLERANCE ? 1 : score;
    }

    private static double[] logs(Change c) {
        return new double[] {Math.log(c.effch()), Math.log(c.techch()), Math.log(c.pech()), Math.log(c.sech()),
                Math.log(c.tfpch())};
    }

    private static Change geometric(double[] logSums, int count) {
        return new Change(Math.exp(logSums[0] / count), Math.exp(logSums[1] / count), Math.exp(logSums[2] / count),
                Math.exp(logSums[3] / count), Math.exp(logSums[4] / count));
    }
}
