package org.meridian.allocation.method;

import java.util.List;

import org.meridian.shared.problem.Problem;

/** Reading the number lists of a request, every problem with its path ({@code values[3]}). */
final class Vectors {

    static final int MAX_LENGTH = 100_000;
    static final double MAX_VALUE = 1e15;

    private Vectors() {
    }

    /**
     * A finite list of numbers ≥ 0 (> 0 when {@code positive}) of at most {@link #MAX_LENGTH}; null (with problems
     * added) when missing or wrong.
     */
    static double[] read(String path, List<Double> list, boolean positive, List<Problem> problems) {
        if (list == null || list.isEmpty()) {
            problems.add(Problem.of(path, "allocation.method.required"));
            return null;
        }
        if (list.size() > MAX_LENGTH) {
            problems.add(Problem.of(path, "allocation.method.tooMany", list.size(), MAX_LENGTH));
            return null;
        }
        double[] out = new double[list.size()];
        boolean ok = true;
        for (int i = 0; i < out.length; i++) {
            Double v = list.get(i);
            String cell = path + "[" + i + "]";
            if (v == null || !Double.isFinite(v)) {
                problems.add(Problem.of(cell, "allocation.method.notANumber"));
                ok = false;
            } else if (v < 0 || (positive && v == 0)) {
                problems.add(Problem.of(cell, positive ? "allocation.method.notPositive" : "allocation.method.negative",
                        v));
                ok = false;
            } else if (v > MAX_VALUE) {
                problems.add(Problem.of(cell, "allocation.method.tooLarge", v, MAX_VALUE));
                ok = false;
            } else {
                out[i] = v;
            }
        }
        return ok ? out : null;
    }

    /** A problem when a list given has another length than the first ({@code n} < 0: unknown, nothing to compare). */
    static void sameLength(String path, double[] values, int n, List<Problem> problems) {
        if (values != null && n >= 0 && values.length != n) {
            problems.add(Problem.of(path, "allocation.method.length", values.length, n));
        }
    }

    /** The named constant (case-insensitive), the default when absent, or a problem listing the choices. */
    static <E extends Enum<E>> E choice(String path, String value, Class<E> type, E absent, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        problems.add(Problem.of(path, "allocation.method.unknown", value,
                String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
        return absent;
    }
}
