package org.meridian.efficiency.method;

/**
 * A dense two-phase tableau simplex for the envelopment programs of DEA: few rows (inputs + outputs + at most one
 * returns-to-scale row) and many columns (one λ per reference unit). Variables are non-negative; each row is
 * {@code a·x ≤ b}, {@code ≥ b} or {@code = b}.
 *
 * <p>Method (Dantzig, <i>Linear Programming and Extensions</i>, 1963; as in Chvátal, <i>Linear Programming</i>,
 * 1983, ch. 2–3 and 8): rows are first turned to b ≥ 0; a ≤ row gets a slack, which starts in the basis; a ≥ row a
 * surplus and an artificial, an = row an artificial. Phase 1 minimises the sum of the artificials (above
 * {@link #TOLERANCE} × (1 + Σb) at its end: infeasible); artificials still basic at level zero are pivoted out on any
 * other column, or their row is redundant and stays inert. Phase 2 optimises the objective over the columns that are
 * not artificial. The entering column is the one with the most negative reduced cost (Dantzig's rule), the leaving row
 * the smallest ratio, ties to the lowest basic column; after {@link #DANTZIG_PIVOTS} pivots of a phase, Bland's rule
 * (lowest index entering and leaving), which cannot cycle. A column that would enter with no positive entry:
 * unbounded.
 *
 * <p>Why not Commons Math's {@code SimplexSolver}, which this replaces: it gives the same optima on DEA's programs
 * (the published examples of {@code DeaTest} and {@code MalmquistTest} pass with either), but its solution read-out
 * looks every column label up in a list, quadratic in the number of units, so that 1,000 units took about 20 CPU
 * seconds for CCR and BCC with super-efficiency (docs/benchmarks.md).
 */
final class Simplex {

    enum Relation {
        LEQ, GEQ, EQ
    }

    /** Reduced costs and pivots below this are zero; the data are scaled to column means of 1 before they come here. */
    static final double TOLERANCE = 1e-9;
    static final int DANTZIG_PIVOTS = 5_000;
    static final int MAX_PIVOTS = 100_000;

    private final int rows;
    private final int vars;
    private final int columns; // vars + slacks and surpluses + artificials; the right-hand side is column `columns`
    private final int firstArtificial;
    private final double[][] t; // rows + 1 rows: the constraints, then the objective (reduced costs; minimised)
    private final int[] basis;

    private Simplex(double[][] a, Relation[] given, double[] b) {
        rows = a.length;
        vars = a.length == 0 ? 0 : a[0].length;
        // rows with b < 0 are multiplied by −1 first, which turns ≤ into ≥ and back
        Relation[] relations = new Relation[rows];
        int extra = 0;
        int artificials = 0;
        for (int i = 0; i < rows; i++) {
            Relation r = given[i];
            if (b[i] < 0 && r != Relation.EQ) {
                r = r == Relation.LEQ ? Relation.GEQ : Relation.LEQ;
            }
            relations[i] = r;
            extra += r == Relation.EQ ? 0 : 1;
            artificials += r == Relation.LEQ ? 0 : 1;
        }
        firstArtificial = vars + extra;
        columns = firstArtificial + artificials;
        t = new double[rows + 1][columns + 1];
        basis = new int[rows];
        int slack = vars;
        int artificial = firstArtificial;
        for (int i = 0; i < rows; i++) {
            double sign = b[i] < 0 ? -1 : 1;
            for (int j = 0; j < vars; j++) {
                t[i][j] = sign * a[i][j];
            }
            t[i][columns] = sign * b[i];
            if (relations[i] == Relation.LEQ) {
                t[i][slack] = 1;
                basis[i] = slack++;
            } else {
                if (relations[i] == Relation.GEQ) {
                    t[i][slack++] = -1;
                }
                t[i][artificial] = 1;
                basis[i] = artificial++;
            }
        }
    }

    /**
     * Optimises {@code objective · x} subject to the rows; null when the program is infeasible or unbounded.
     *
     * @return the optimal x (length of the objective)
     * @throws IllegalStateException when even Bland's rule has not finished within {@link #MAX_PIVOTS}
     */
    static double[] solve(double[] objective, double[][] a, Relation[] relations, double[] b, boolean maximise) {
        Simplex s = new Simplex(a, relations, b);
        return s.run(objective, maximise);
    }

    private double[] run(double[] objective, boolean maximise) {
        double[] z = t[rows];
        if (firstArtificial < columns) {
            double sumB = 0;
            for (int i = 0; i < rows; i++) {
                if (basis[i] >= firstArtificial) {
                    for (int j = 0; j <= columns; j++) {
                        if (j < firstArtificial || j == columns) {
                            z[j] -= t[i][j];
                        }
                    }
                }
                sumB += t[i][columns];
            }
            if (!iterate(columns)) {
                throw new IllegalStateException("phase 1 of a bounded program found no optimum");
            }
            if (-z[columns] > TOLERANCE * (1 + sumB)) {
                return null;
            }
            for (int i = 0; i < rows; i++) {
                if (basis[i] >= firstArtificial) {
                    for (int j = 0; j < firstArtificial; j++) {
                        if (Math.abs(t[i][j]) > TOLERANCE) {
                            pivot(i, j);
                            break;
                        }
                    }
                }
            }
        }
        java.util.Arrays.fill(z, 0);
        for (int j = 0; j < vars; j++) {
            z[j] = maximise ? -objective[j] : objective[j];
        }
        for (int i = 0; i < rows; i++) {
            double c = z[basis[i]];
            if (c != 0) {
                for (int j = 0; j <= columns; j++) {
                    z[j] -= c * t[i][j];
                }
            }
        }
        if (!iterate(firstArtificial)) {
            return null;
        }
        double[] x = new double[vars];
        for (int i = 0; i < rows; i++) {
            if (basis[i] < vars) {
                x[basis[i]] = Math.max(0, t[i][columns]);
            }
        }
        return x;
    }

    /** Pivots until no column below {@code limit} improves; false when one is unbounded. */
    private boolean iterate(int limit) {
        double[] z = t[rows];
        for (int pivots = 0; ; pivots++) {
            if (pivots > MAX_PIVOTS) {
                throw new IllegalStateException("the simplex did not finish within " + MAX_PIVOTS + " pivots");
            }
            boolean bland = pivots >= DANTZIG_PIVOTS;
            int enter = -1;
            double best = -TOLERANCE;
            for (int j = 0; j < limit; j++) {
                if (z[j] < best) {
                    enter = j;
                    if (bland) {
                        break;
                    }
                    best = z[j];
                }
            }
            if (enter < 0) {
                return true;
            }
            int leave = -1;
            double ratio = Double.POSITIVE_INFINITY;
            for (int i = 0; i < rows; i++) {
                double p = t[i][enter];
                if (p > TOLERANCE) {
                    double r = t[i][columns] / p;
                    if (r < ratio - TOLERANCE || (r <= ratio + TOLERANCE && leave >= 0 && basis[i] < basis[leave])) {
                        ratio = Math.min(ratio, r);
                        leave = i;
                    }
                }
            }
            if (leave < 0) {
                return false;
            }
            pivot(leave, enter);
        }
    }

    private void pivot(int row, int column) {
        double[] p = t[row];
        double inverse = 1 / p[column];
        for (int j = 0; j <= columns; j++) {
            p[j] *= inverse;
        }
        p[column] = 1;
        for (int i = 0; i <= rows; i++) {
            if (i == row) {
                continue;
            }
            double[] r = t[i];
            double f = r[column];
            if (f != 0) {
                for (int j = 0; j <= columns; j++) {
                    r[j] -= f * p[j];
                }
                r[column] = 0;
            }
        }
        basis[row] = column;
    }
}
