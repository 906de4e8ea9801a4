package org.meridian.insight.method;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The rank-sum ratio method (秩和比法, RSR; 田凤调, 1988). Input: n units (rows) × m indicators, a direction per
 * indicator, optional positive weights (renormalised to sum 1).
 * <p>
 * Ranks: {@link Ranking#INTEGER} (default) ranks each column ascending so that a larger rank is better (a benefit
 * column's smallest value gets 1, a cost column's largest), ties sharing their average rank;
 * {@link Ranking#NON_INTEGER} uses R = 1 + (n − 1)(x − min)/(max − min), reversed for cost columns.
 * RSR_i = Σ_j R_ij / (m·n), or Σ_j w_j R_ij / n with weights. Distribution: RSR sorted ascending; every distinct value
 * gets p = (the average of the positions its ties occupy)/n, the largest value p = 1 − 1/(4n); Probit = 5 + Φ⁻¹(p).
 * Ordinary least squares RSR = a + b·Probit over every unit ({@link Regression#ALL_ROWS}, default) or one point per
 * distinct RSR ({@link Regression#DISTINCT_GROUPS}); {@code fitted} = a + b·Probit per unit. Grades by Probit
 * cut-points (3 grades: 4, 6; 4 grades: 3.72, 5, 6.28; 5 grades: 3.52, 4.48, 5.52, 6.48); grade 1 is the lowest and a
 * Probit on a cut-point goes to the upper grade.
 * <p>
 * Edge cases: a constant column gives every unit the average rank (n + 1)/2 (INTEGER through the tie rule,
 * NON_INTEGER by definition here). When all RSR values are equal there is no regression: rejected. Fewer than two
 * rows, ragged rows, non-finite values, missing directions and non-positive weights are rejected with every problem
 * listed. RSR values within 1e-12 count as equal.
 */
public final class RankSumRatio {

    private static final double SAME = 1e-12;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private RankSumRatio() {
    }

    public enum Ranking {
        INTEGER,
        NON_INTEGER
    }

    public enum Regression {
        ALL_ROWS,
        DISTINCT_GROUPS
    }

    public record Result(double[] rsr, double[] probit, double intercept, double slope, double[] fitted,
                         int[] grades) {
    }

    /** The Probit cut-points for 3, 4 or 5 grades. */
    static double[] cutPoints(int grades) {
        return switch (grades) {
            case 3 -> new double[] {4, 6};
            case 4 -> new double[] {3.72, 5, 6.28};
            case 5 -> new double[] {3.52, 4.48, 5.52, 6.48};
            default -> throw new IllegalArgumentException("grades must be 3, 4 or 5");
        };
    }

    public static Result evaluate(double[][] x, List<Direction> directions, double[] weights, Ranking ranking,
                                  Regression regression, Integer grades) {
        Inputs in = new Inputs();
        if (!in.matrix(x, "matrix", 2)) {
            in.check();
        }
        int n = x.length;
        int m = x[0].length;
        if (directions == null) {
            in.add("directions", "insight.value.missing");
        }
        Direction[] dir = in.directions(directions, m, "directions");
        double[] w = in.weights(weights, m, "weights", false);
        int g = grades == null ? 3 : grades;
        if (g < 3 || g > 5) {
            in.add("grades", "insight.rsr.grades");
        }
        in.check();

        double[][] r = new double[n][m];
        for (int j = 0; j < m; j++) {
            double[] col = new double[n];
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                col[i] = dir[j] == Direction.COST ? -x[i][j] : x[i][j];
                min = Math.min(min, col[i]);
                max = Math.max(max, col[i]);
            }
            double[] ranks = ranking == Ranking.NON_INTEGER ? null : Ranks.averageAscending(col);
            for (int i = 0; i < n; i++) {
                if (ranks != null) {
                    r[i][j] = ranks[i];
                } else {
                    r[i][j] = max == min ? (n + 1) / 2.0 : 1 + (n - 1) * (col[i] - min) / (max - min);
                }
            }
        }
        double[] rsr = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += w == null ? r[i][j] / (m * (double) n) : w[j] * r[i][j] / n;
            }
            rsr[i] = s;
        }

        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(rsr[a], rsr[b]));
        if (rsr[order[n - 1]] - rsr[order[0]] <= SAME) {
            in.add("matrix", "insight.rsr.allEqual").check();
        }
        double[] probit = new double[n];
        int[] group = new int[n];
        int groups = 0;
        int k = 0;
        while (k < n) {
            int end = k;
            while (end + 1 < n && rsr[order[end + 1]] - rsr[order[k]] <= SAME) {
                end++;
            }
            boolean largest = end == n - 1;
            double p = largest ? 1 - 1 / (4.0 * n) : ((k + 1 + end + 1) / 2.0) / n;
            double pr = 5 + STANDARD_NORMAL.inverseCumulativeProbability(p);
            for (int t = k; t <= end; t++) {
                probit[order[t]] = pr;
                group[order[t]] = groups;
            }
            groups++;
            k = end + 1;
        }

        double[] px;
        double[] py;
        if (regression == Regression.DISTINCT_GROUPS) {
            px = new double[groups];
            py = new double[groups];
            for (int i = 0; i < n; i++) {
                px[group[i]] = probit[i];
                py[group[i]] = rsr[i];
            }
        } else {
            px = probit;
            py = rsr;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < px.length; i++) {
            mx += px[i] / px.length;
            my += py[i] / py.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < px.length; i++) {
            sxy += (px[i] - mx) * (py[i] - my);
            sxx += (px[i] - mx) * (px[i] - mx);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;

        double[] cuts = cutPoints(g);
        double[] fitted = new double[n];
        int[] grade = new int[n];
        for (int i = 0; i < n; i++) {
            fitted[i] = intercept + slope * probit[i];
            int gi = 1;
            for (double c : cuts) {
                if (probit[i] >= c) {
                    gi++;
                }
            }
            grade[i] = gi;
        }
        return new Result(rsr, probit, intercept, slope, fitted, grade);
    }
}
