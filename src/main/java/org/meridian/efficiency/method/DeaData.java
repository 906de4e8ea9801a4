package org.meridian.efficiency.method;

import java.util.ArrayList;
import java.util.List;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * Inputs and outputs of n units (rows), checked: a rectangular, finite, non-negative matrix of at least 2 units, every
 * unit with a positive input and a positive output, no input or output that is zero for every unit. Zeros elsewhere are
 * allowed: every standard envelopment program stays feasible because the unit itself is in its reference set.
 *
 * @param inputs  x, n × m
 * @param outputs y, n × s
 */
public record DeaData(double[][] inputs, double[][] outputs) {

    /** The calculator's limit: n LPs with n + 1 columns each grow as n²; 2,000 units take seconds. */
    public static final int MAX_UNITS = 2_000;
    /** Inputs plus outputs at most. */
    public static final int MAX_MEASURES = 40;
    static final double MAX_VALUE = 1e15;

    public int units() {
        return inputs.length;
    }

    public int inputCount() {
        return inputs[0].length;
    }

    public int outputCount() {
        return outputs[0].length;
    }

    /**
     * Reads and checks the matrices as a client sent them (rows = units), listing every problem at once.
     *
     * @param positive true where the model needs every value above 0 (Malmquist)
     * @throws InvalidInputException (module {@code efficiency}) with every problem found
     */
    public static DeaData of(List<List<Double>> inputs, List<List<Double>> outputs, boolean positive) {
        List<Problem> problems = new ArrayList<>();
        DeaData data = read("", inputs, outputs, positive, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("efficiency", problems);
        }
        return data;
    }

    /** As {@link #of}, adding the problems under {@code prefix} (e.g. {@code periods[1].}); null if any. */
    public static DeaData read(String prefix, List<List<Double>> inputs, List<List<Double>> outputs, boolean positive,
            List<Problem> problems) {
        int before = problems.size();
        double[][] x = matrix(prefix + "inputs", inputs, positive, problems);
        double[][] y = matrix(prefix + "outputs", outputs, positive, problems);
        if (x == null || y == null || problems.size() > before) {
            return null;
        }
        if (x.length != y.length) {
            problems.add(Problem.of(prefix + "outputs", "efficiency.method.rowsDiffer", y.length, x.length));
            return null;
        }
        if (x.length < 2) {
            problems.add(Problem.of(prefix + "inputs", "efficiency.method.tooFewUnits", x.length));
        }
        if (x.length > MAX_UNITS) {
            problems.add(Problem.of(prefix + "inputs", "efficiency.method.tooManyUnits", x.length, MAX_UNITS));
        }
        if (x[0].length + y[0].length > MAX_MEASURES) {
            problems.add(Problem.of(prefix + "inputs", "efficiency.method.tooManyMeasures",
                    x[0].length + y[0].length, MAX_MEASURES));
        }
        for (int j = 0; j < x.length; j++) {
            if (allZero(x[j])) {
                problems.add(Problem.of(prefix + "inputs[" + j + "]", "efficiency.method.unitWithoutInput", j));
            }
            if (allZero(y[j])) {
                problems.add(Problem.of(prefix + "outputs[" + j + "]", "efficiency.method.unitWithoutOutput", j));
            }
        }
        zeroColumns(prefix + "inputs", x, "efficiency.method.inputAlwaysZero", problems);
        zeroColumns(prefix + "outputs", y, "efficiency.method.outputAlwaysZero", problems);
        return problems.size() > before ? null : new DeaData(x, y);
    }

    private static double[][] matrix(String path, List<List<Double>> rows, boolean positive, List<Problem> problems) {
        if (rows == null || rows.isEmpty()) {
            problems.add(Problem.of(path, "efficiency.method.required"));
            return null;
        }
        if (rows.size() > MAX_UNITS) {
            problems.add(Problem.of(path, "efficiency.method.tooManyUnits", rows.size(), MAX_UNITS));
            return null;
        }
        int width = rows.get(0) == null ? 0 : rows.get(0).size();
        if (width == 0) {
            problems.add(Problem.of(path + "[0]", "efficiency.method.emptyRow"));
            return null;
        }
        if (width > MAX_MEASURES) {
            problems.add(Problem.of(path, "efficiency.method.tooManyMeasures", width, MAX_MEASURES));
            return null;
        }
        double[][] m = new double[rows.size()][width];
        boolean ok = true;
        for (int j = 0; j < rows.size(); j++) {
            List<Double> row = rows.get(j);
            int size = row == null ? 0 : row.size();
            if (size != width) {
                problems.add(Problem.of(path + "[" + j + "]", "efficiency.method.ragged", j, size, width));
                ok = false;
                continue;
            }
            for (int i = 0; i < width; i++) {
                Double v = row.get(i);
                String cell = path + "[" + j + "][" + i + "]";
                if (v == null || !Double.isFinite(v)) {
                    problems.add(Problem.of(cell, "efficiency.method.notANumber"));
                    ok = false;
                } else if (v < 0 || (positive && v == 0)) {
                    problems.add(Problem.of(cell, positive ? "efficiency.method.notPositive"
                            : "efficiency.method.negative", v));
                    ok = false;
                } else if (v > MAX_VALUE) {
                    problems.add(Problem.of(cell, "efficiency.method.tooLarge", v, MAX_VALUE));
                    ok = false;
                } else {
                    m[j][i] = v;
                }
            }
        }
        return ok ? m : null;
    }

    private static boolean allZero(double[] row) {
        for (double v : row) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private static void zeroColumns(String path, double[][] m, String key, List<Problem> problems) {
        for (int i = 0; i < m[0].length; i++) {
            boolean zero = true;
            for (double[] row : m) {
                zero &= row[i] == 0;
            }
            if (zero) {
                problems.add(Problem.of(path, key, i));
            }
        }
    }

    /** Column means (all > 0 for checked data): the scale that makes every column's mean 1. */
    static double[] means(double[][]... blocks) {
        int width = blocks[0][0].length;
        double[] sum = new double[width];
        int count = 0;
        for (double[][] block : blocks) {
            for (double[] row : block) {
                for (int i = 0; i < width; i++) {
                    sum[i] += row[i];
                }
                count++;
            }
        }
        for (int i = 0; i < width; i++) {
            sum[i] /= count;
        }
        return sum;
    }

    static double[][] scaled(double[][] m, double[] scale) {
        double[][] out = new double[m.length][];
        for (int j = 0; j < m.length; j++) {
            out[j] = new double[m[j].length];
            for (int i = 0; i < m[j].length; i++) {
                out[j][i] = m[j][i] / scale[i];
            }
        }
        return out;
    }
}
