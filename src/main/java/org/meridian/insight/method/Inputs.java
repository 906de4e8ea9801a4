package org.meridian.insight.method;

import java.util.ArrayList;
import java.util.List;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * Collects every problem of one method's input, with the path the caller used ({@code matrix[1][2]}), and throws
 * them all at once. Message keys live in {@code i18n/insight.properties}.
 */
public final class Inputs {

    /** The module named in the problem type URN. */
    public static final String MODULE = "insight";

    private final List<Problem> problems = new ArrayList<>();

    public Inputs add(String path, String messageKey, Object... args) {
        problems.add(Problem.of(path, messageKey, args));
        return this;
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Throws an {@link InvalidInputException} with every problem collected, if there is any. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(MODULE, problems);
        }
    }

    /**
     * Checks a rectangular matrix of finite numbers with at least {@code minRows} rows and one column; returns false
     * (with the problems added) when it is not one.
     */
    boolean matrix(double[][] m, String path, int minRows) {
        if (m == null || m.length == 0) {
            add(path, "insight.matrix.empty");
            return false;
        }
        boolean fine = true;
        int cols = m[0] == null ? 0 : m[0].length;
        if (cols == 0) {
            add(path + "[0]", "insight.matrix.emptyRow");
            return false;
        }
        for (int i = 0; i < m.length; i++) {
            if (m[i] == null || m[i].length != cols) {
                add(path + "[" + i + "]", "insight.matrix.ragged", cols);
                fine = false;
                continue;
            }
            for (int j = 0; j < cols; j++) {
                if (!Double.isFinite(m[i][j])) {
                    add(path + "[" + i + "][" + j + "]", "insight.number.notFinite");
                    fine = false;
                }
            }
        }
        if (m.length < minRows) {
            add(path, "insight.matrix.tooFewRows", minRows);
            fine = false;
        }
        return fine;
    }

    /** Checks a list of one direction per column (absent means all {@code BENEFIT}). */
    Direction[] directions(List<Direction> given, int columns, String path) {
        Direction[] d = new Direction[columns];
        java.util.Arrays.fill(d, Direction.BENEFIT);
        if (given == null) {
            return d;
        }
        if (given.size() != columns) {
            add(path, "insight.directions.count", columns);
            return d;
        }
        for (int j = 0; j < columns; j++) {
            if (given.get(j) == null) {
                add(path + "[" + j + "]", "insight.value.missing");
            } else {
                d[j] = given.get(j);
            }
        }
        return d;
    }

    /** Checks positive weights, one per column, and returns them renormalised to sum 1 (null when absent). */
    double[] weights(double[] given, int columns, String path, boolean required) {
        if (given == null) {
            if (required) {
                add(path, "insight.value.missing");
            }
            return null;
        }
        if (given.length != columns) {
            add(path, "insight.weights.count", columns);
            return null;
        }
        double sum = 0;
        boolean fine = true;
        for (int j = 0; j < given.length; j++) {
            if (!Double.isFinite(given[j]) || given[j] <= 0) {
                add(path + "[" + j + "]", "insight.weights.notPositive");
                fine = false;
            } else {
                sum += given[j];
            }
        }
        if (!fine) {
            return null;
        }
        double[] w = new double[given.length];
        for (int j = 0; j < w.length; j++) {
            w[j] = given[j] / sum;
        }
        return w;
    }

    /** A probability strictly between 0 and 1 (a confidence level, a significance level). */
    double probability(Double given, double fallback, String path) {
        if (given == null) {
            return fallback;
        }
        if (!(given > 0 && given < 1)) {
            add(path, "insight.probability.range");
            return fallback;
        }
        return given;
    }
}
