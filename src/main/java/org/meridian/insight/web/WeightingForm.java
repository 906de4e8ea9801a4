package org.meridian.insight.web;

import java.util.ArrayList;
import java.util.List;

import org.meridian.indicator.SaatyScale;
import org.meridian.indicator.WeightMethod;
import org.meridian.indicator.WeightingInputs;
import org.meridian.shared.Period;
import org.meridian.shared.problem.Problem;

/**
 * The weighting assistant's form: one judgement per pair of indicators (i &lt; j, in the order (0,1), (0,2), …,
 * (1,2), …), each a value of Saaty's scale ({@code 3}: the first is moderately more important, {@code 1/3}: the second
 * is); the reciprocals of the matrix are filled in from them. Also the method, α and the published period.
 */
public class WeightingForm {

    private List<String> judgements = new ArrayList<>();
    private String method = WeightMethod.AHP.name();
    private String alpha = "0.5";
    private String period;

    public List<String> getJudgements() {
        return judgements;
    }

    public void setJudgements(List<String> judgements) {
        this.judgements = judgements;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getAlpha() {
        return alpha;
    }

    public void setAlpha(String alpha) {
        this.alpha = alpha;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    /** Every judgement "1" (all equally important) for n indicators. */
    static WeightingForm equal(int n) {
        WeightingForm f = new WeightingForm();
        for (int k = 0; k < n * (n - 1) / 2; k++) {
            f.judgements.add("1");
        }
        return f;
    }

    /** The pair (i, j) of the k-th judgement among n indicators. */
    static int[] pair(int n, int k) {
        int i = 0;
        int left = k;
        while (left >= n - 1 - i) {
            left -= n - 1 - i;
            i++;
        }
        return new int[] {i, i + 1 + left};
    }

    /** The inputs this form describes for the given indicators, or every problem of its fields. */
    WeightingInputs.Parsed inputs(List<String> codes) {
        int n = codes.size();
        List<Problem> problems = new ArrayList<>();
        List<List<Double>> matrix = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Double> row = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                row.add(i == j ? 1.0 : null);
            }
            matrix.add(row);
        }
        int expected = n * (n - 1) / 2;
        if (judgements == null || judgements.size() != expected) {
            problems.add(Problem.of("judgements", "insight.weighting.judgementCount", expected));
        } else {
            for (int k = 0; k < expected; k++) {
                int[] p = pair(n, k);
                var v = SaatyScale.parse(judgements.get(k));
                if (v.isEmpty()) {
                    problems.add(Problem.of("judgements[" + k + "]", "insight.weighting.judgement"));
                    continue;
                }
                matrix.get(p[0]).set(p[1], v.get());
                matrix.get(p[1]).set(p[0], 1 / v.get());
            }
        }
        WeightMethod m = null;
        try {
            m = WeightMethod.valueOf(method == null ? "" : method.strip());
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of("method", "insight.weighting.method"));
        }
        Double a = null;
        if (alpha != null && !alpha.isBlank()) {
            try {
                a = Double.valueOf(alpha.strip());
                if (!(a >= 0 && a <= 1)) {
                    problems.add(Problem.of("alpha", "insight.probability.closedRange"));
                }
            } catch (NumberFormatException e) {
                problems.add(Problem.of("alpha", "insight.number.notNumber"));
            }
        }
        Period p = period == null || period.isBlank() ? null : Period.parse(period.strip()).orElse(null);
        if (p == null && period != null && !period.isBlank()) {
            problems.add(Problem.of("period", "insight.weighting.period"));
        }
        return new WeightingInputs.Parsed(problems.isEmpty() ? new WeightingInputs(m, codes, matrix, a, p) : null,
                problems);
    }
}
