package org.meridian.allocation.method;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * How evenly a resource (beds, doctors, money) is spread over units or regions (公平性): the Gini coefficient, the
 * Theil indices T and L with their between/within-group decomposition, and agglomeration (集聚度).
 *
 * <p><b>Shares.</b> s<sub>i</sub> = x<sub>i</sub>/Σx is unit i's share of the resource; p<sub>i</sub> its share of
 * the population ({@code populations}), of the area ({@code areas} with basis {@code AREA}), or 1/n when neither is
 * given (each value is one person).
 *
 * <p><b>Gini.</b> Without populations or areas, the individual form G = ΣΣ|x<sub>i</sub> − x<sub>j</sub>|/(2n²μ),
 * computed in O(n log n) as Σ<sub>k</sub> (2k − n − 1) x<sub>(k)</sub> / (n Σx) over the values sorted ascending.
 * With weights, the grouped (Lorenz) form: groups sorted by resource per head (per km²) ascending, X and Y the
 * cumulative population and resource shares, G = 1 − Σ<sub>k</sub> (X<sub>k</sub> − X<sub>k−1</sub>)(Y<sub>k</sub> +
 * Y<sub>k−1</sub>) (Brown's formula: the trapezoid rule under the Lorenz curve).
 * One unit, or all units with the same resource per head: 0.
 *
 * <p><b>Theil</b> (Theil 1967): T = Σ s<sub>i</sub> ln(s<sub>i</sub>/p<sub>i</sub>) (weighted by resource shares),
 * L = Σ p<sub>i</sub> ln(p<sub>i</sub>/s<sub>i</sub>) (by population shares, the mean log deviation). With groups g
 * (S<sub>g</sub>, P<sub>g</sub> the group's shares): between T = Σ S<sub>g</sub> ln(S<sub>g</sub>/P<sub>g</sub>),
 * within T = Σ<sub>g</sub> Σ<sub>i∈g</sub> s<sub>i</sub> ln((s<sub>i</sub>/S<sub>g</sub>)/(p<sub>i</sub>/P<sub>g</sub>));
 * between L = Σ P<sub>g</sub> ln(P<sub>g</sub>/S<sub>g</sub>), within L = Σ<sub>g</sub> Σ<sub>i∈g</sub> p<sub>i</sub>
 * ln((p<sub>i</sub>/P<sub>g</sub>)/(s<sub>i</sub>/S<sub>g</sub>)); total = between + within. Without groups between is
 * 0 and within the total. 0·ln 0 = 0, so a zero value is fine for T; it makes L infinite, answered as null with a note.
 *
 * <p><b>Agglomeration</b> (with areas): HRAD<sub>i</sub> = (x<sub>i</sub>/Σx)/(A<sub>i</sub>/ΣA), the resource's
 * density relative to the whole; with populations also PAD<sub>i</sub> = (P<sub>i</sub>/ΣP)/(A<sub>i</sub>/ΣA) and
 * HRAD/PAD, above 1 where the resource is denser than the people it serves.
 *
 * <p>Values must be ≥ 0 with a positive total; populations and areas > 0.
 */
public final class Inequality {

    private Inequality() {
    }

    /** What p<sub>i</sub> is when both populations and areas are given. */
    public enum Basis {
        POPULATION, AREA
    }

    /** A between- or within-group part; {@code l} null when L is infinite. */
    public record Part(double t, Double l) {
    }

    /** A point of the Lorenz curve: cumulative population (or area) share and cumulative resource share. */
    public record LorenzPoint(double population, double resource) {
    }

    /**
     * @param lorenz     from (0, 0) to (1, 1), units sorted by resource per head
     * @param hrad       per unit, only with areas
     * @param pad        per unit, only with populations and areas
     * @param hradPerPad per unit, only with populations and areas
     * @param notes      e.g. why L is null
     */
    public record Result(double gini, double theilT, Double theilL, Part between, Part within,
            List<LorenzPoint> lorenz, double[] hrad, double[] pad, double[] hradPerPad, List<Problem> notes) {
    }

    /**
     * Checks the input (every problem at once) and measures.
     *
     * @param basis  {@code POPULATION} (default) or {@code AREA}
     * @param groups a group label per unit, or null
     * @throws InvalidInputException (module {@code allocation}) on bad input
     */
    public static Result measure(List<Double> values, List<Double> populations, List<Double> areas, String basis,
            List<String> groups) {
        List<Problem> problems = new ArrayList<>();
        double[] x = Vectors.read("values", values, false, problems);
        int n = values == null || values.isEmpty() ? -1 : values.size();
        double[] pop = populations == null ? null : Vectors.read("populations", populations, true, problems);
        double[] area = areas == null ? null : Vectors.read("areas", areas, true, problems);
        Vectors.sameLength("populations", pop, n, problems);
        Vectors.sameLength("areas", area, n, problems);
        Basis b = Vectors.choice("basis", basis, Basis.class, Basis.POPULATION, problems);
        if (b == Basis.AREA && areas == null) {
            problems.add(Problem.of("areas", "allocation.method.areasForBasis"));
        }
        if (groups != null) {
            if (n >= 0 && groups.size() != n) {
                problems.add(Problem.of("groups", "allocation.method.length", groups.size(), n));
            }
            for (int i = 0; i < groups.size(); i++) {
                if (groups.get(i) == null || groups.get(i).isBlank()) {
                    problems.add(Problem.of("groups[" + i + "]", "allocation.method.groupMissing"));
                }
            }
        }
        if (x != null && Arrays.stream(x).sum() <= 0) {
            problems.add(Problem.of("values", "allocation.method.zeroTotal"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("allocation", problems);
        }
        double[] weights = b == Basis.AREA ? area : pop;
        return measure(x, weights, pop, area, groups);
    }

    static Result measure(double[] x, double[] weights, double[] pop, double[] area, List<String> groups) {
        int n = x.length;
        double total = Arrays.stream(x).sum();
        double[] s = new double[n];
        double[] p = new double[n];
        double weightTotal = weights == null ? n : Arrays.stream(weights).sum();
        for (int i = 0; i < n; i++) {
            s[i] = x[i] / total;
            p[i] = (weights == null ? 1 : weights[i]) / weightTotal;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // by resource per head ascending: s_i/p_i orders as x_i/w_i
        Arrays.sort(order, Comparator.comparingDouble(i -> s[i] / p[i]));
        List<LorenzPoint> lorenz = new ArrayList<>(n + 1);
        lorenz.add(new LorenzPoint(0, 0));
        double gini;
        double cumX = 0;
        double cumY = 0;
        if (weights == null) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += (2.0 * (k + 1) - n - 1) * x[order[k]];
            }
            gini = sum / (n * total);
            for (int k = 0; k < n; k++) {
                cumY += s[order[k]];
                lorenz.add(new LorenzPoint((k + 1.0) / n, cumY));
            }
        } else {
            double area2 = 0;
            for (int k = 0; k < n; k++) {
                double prevX = cumX;
                double prevY = cumY;
                cumX += p[order[k]];
                cumY += s[order[k]];
                area2 += (cumX - prevX) * (cumY + prevY);
                lorenz.add(new LorenzPoint(cumX, cumY));
            }
            gini = 1 - area2;
        }
        gini = Math.max(0, gini);
        // the last point is (1, 1) up to rounding: say so exactly
        lorenz.set(n, new LorenzPoint(1, 1));

        boolean anyZero = Arrays.stream(x).anyMatch(v -> v == 0);
        double theilT = 0;
        double theilL = 0;
        for (int i = 0; i < n; i++) {
            theilT += xlogxy(s[i], p[i]);
            if (!anyZero) {
                theilL += p[i] * Math.log(p[i] / s[i]);
            }
        }
        Part between;
        Part within;
        if (groups == null) {
            between = new Part(0, anyZero ? null : 0.0);
            within = new Part(theilT, anyZero ? null : theilL);
        } else {
            Map<String, double[]> shares = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                double[] g = shares.computeIfAbsent(groups.get(i), k -> new double[2]);
                g[0] += s[i];
                g[1] += p[i];
            }
            double betweenT = 0;
            double betweenL = 0;
            for (double[] g : shares.values()) {
                betweenT += xlogxy(g[0], g[1]);
                if (!anyZero) {
                    betweenL += g[1] * Math.log(g[1] / g[0]);
                }
            }
            double withinT = 0;
            double withinL = 0;
            for (int i = 0; i < n; i++) {
                double[] g = shares.get(groups.get(i));
                if (s[i] > 0) {
                    withinT += s[i] * Math.log((s[i] / g[0]) / (p[i] / g[1]));
                }
                if (!anyZero) {
                    withinL += p[i] * Math.log((p[i] / g[1]) / (s[i] / g[0]));
                }
            }
            between = new Part(betweenT, anyZero ? null : betweenL);
            within = new Part(withinT, anyZero ? null : withinL);
        }
        List<Problem> notes = new ArrayList<>();
        if (anyZero) {
            notes.add(Problem.of("theilL", "allocation.note.theilLInfinite"));
        }
        double[] hrad = null;
        double[] pad = null;
        double[] ratio = null;
        if (area != null) {
            double areaTotal = Arrays.stream(area).sum();
            hrad = new double[n];
            for (int i = 0; i < n; i++) {
                hrad[i] = s[i] / (area[i] / areaTotal);
            }
            if (pop != null) {
                double popTotal = Arrays.stream(pop).sum();
                pad = new double[n];
                ratio = new double[n];
                for (int i = 0; i < n; i++) {
                    pad[i] = (pop[i] / popTotal) / (area[i] / areaTotal);
                    ratio[i] = hrad[i] / pad[i];
                }
            }
        }
        return new Result(gini, theilT, anyZero ? null : theilL, between, within, List.copyOf(lorenz), hrad, pad,
                ratio, List.copyOf(notes));
    }

    /** a·ln(a/b) with 0·ln 0 = 0. */
    private static double xlogxy(double a, double b) {
        return a == 0 ? 0 : a * Math.log(a / b);
    }
}
