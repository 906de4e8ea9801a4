package org.meridian.indicator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.meridian.shared.Period;
import org.meridian.shared.problem.Problem;

/**
 * What a person chose in the weighting assistant (赋权): the method, the indicators in the order of the
 * comparison matrix, the matrix itself (AHP and combined; a_ij = how much more important indicator i is than j),
 * α (combined: the share of the AHP weights) and the published period whose indicator values the entropy method
 * reads (entropy and combined). Kept with the scheme version the weights were saved in.
 */
public record WeightingInputs(WeightMethod method, List<String> codes, List<List<Double>> matrix, Double alpha,
                              Period period) {

    public WeightingInputs {
        codes = codes == null ? List.of() : List.copyOf(codes);
        matrix = matrix == null ? null : matrix.stream().map(r -> r == null ? null : List.copyOf(r)).toList();
    }

    /** The result of reading a form's fields: the inputs, or every problem under {@code weighting.*}. */
    public record Parsed(WeightingInputs inputs, List<Problem> problems) {
    }

    /**
     * Reads the assistant's fields as a form posts them: {@code codes} comma-separated, {@code matrix} rows
     * separated by {@code ;} and judgements by {@code ,} (each a number or a fraction such as {@code 1/3}). Shapes
     * (square, reciprocal) are the method's to judge; here only what cannot be read is a problem.
     */
    public static Parsed parse(String method, String codes, String matrix, String alpha, String period) {
        List<Problem> problems = new ArrayList<>();
        WeightMethod m = null;
        try {
            m = WeightMethod.valueOf(method == null ? "" : method.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of("weighting.method", "indicator.weighting.method", method == null ? "" : method));
        }
        List<String> codeList = codes == null || codes.isBlank() ? List.of()
                : Arrays.stream(codes.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (codeList.isEmpty()) {
            problems.add(Problem.of("weighting.codes", "indicator.weighting.noCodes"));
        }
        List<List<Double>> rows = null;
        if (matrix != null && !matrix.isBlank()) {
            rows = new ArrayList<>();
            String[] lines = matrix.split(";", -1);
            for (int i = 0; i < lines.length; i++) {
                List<Double> row = new ArrayList<>();
                String[] cells = lines[i].split(",", -1);
                for (int j = 0; j < cells.length; j++) {
                    Optional<Double> v = SaatyScale.parse(cells[j]);
                    if (v.isEmpty()) {
                        problems.add(Problem.of("weighting.matrix[" + i + "][" + j + "]", "indicator.weighting.judgement",
                                cells[j].strip()));
                    }
                    row.add(v.orElse(null));
                }
                rows.add(row);
            }
        }
        Double a = null;
        if (alpha != null && !alpha.isBlank()) {
            try {
                a = Double.valueOf(alpha.strip());
            } catch (NumberFormatException e) {
                problems.add(Problem.of("weighting.alpha", "indicator.weighting.alpha"));
            }
        }
        Period p = null;
        if (period != null && !period.isBlank()) {
            p = Period.parse(period.strip()).orElse(null);
            if (p == null) {
                problems.add(Problem.of("weighting.period", "indicator.weighting.period", period.strip()));
            }
        }
        return new Parsed(problems.isEmpty() ? new WeightingInputs(m, codeList, rows, a, p) : null, problems);
    }

    /** The same inputs with only what the method uses (no matrix for entropy, no α unless combined…). */
    public WeightingInputs relevant() {
        if (method == null) {
            return this;
        }
        return new WeightingInputs(method, codes, method.usesMatrix() ? matrix : null,
                method == WeightMethod.COMBINED ? alpha : null, method.usesPeriod() ? period : null);
    }

    /** The codes as a form field. */
    public String codesText() {
        return String.join(",", codes);
    }

    /** The matrix as a form field ({@code 1,3;1/3,1}), empty without one. */
    public String matrixText() {
        if (matrix == null) {
            return "";
        }
        return matrix.stream().map(r -> r == null ? "" : r.stream()
                        .map(v -> v == null ? "" : SaatyScale.text(v)).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
    }
}
