package org.meridian.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * Thresholds a hospital sets for the performance–brand matrix of a unit type: each a number from 0 to 100 with at
 * most 2 decimals (the precision the values are compared at), or null to take the median of the units.
 */
public record MatrixThresholdsSet(BigDecimal performance, BigDecimal brand) {

    /**
     * Reads the two fields as typed (blank = the median).
     *
     * @throws InvalidInputException naming every bad field ({@code performance}, {@code brand})
     */
    public static MatrixThresholdsSet parse(String performance, String brand) {
        List<Problem> problems = new ArrayList<>();
        BigDecimal p = read("performance", performance, problems);
        BigDecimal b = read("brand", brand, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("evaluation", problems);
        }
        return new MatrixThresholdsSet(p, b);
    }

    private static BigDecimal read(String field, String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BigDecimal v;
        try {
            v = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            problems.add(Problem.of(field, "evaluation.matrix.error.notNumber", text.strip()));
            return null;
        }
        if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0 || v.stripTrailingZeros().scale() > 2) {
            problems.add(Problem.of(field, "evaluation.matrix.error.range", text.strip()));
            return null;
        }
        return v;
    }
}
