package org.meridian.efficiency.method;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The envelopment linear programs of DEA, solved with Meridian's own {@link Simplex} (the formulation and the
 * tolerance evidence are in docs/adr/0008-dea-with-simplex.md; Commons Math still supplies the constraint types).
 *
 * <p>Reference units are the rows of {@code x} (inputs) and {@code y} (outputs); the evaluated point {@code (x0, y0)}
 * need not be one of them (Malmquist evaluates one period's data against another period's frontier; super-efficiency
 * leaves the unit out of its own reference set). The data handed in should already be scaled so that each column has
 * mean 1: θ, φ and λ do not change under such scaling, and the simplex works on numbers of similar size.
 *
 * <p>Phase 1 (radial), input orientation: min θ subject to Σ<sub>j</sub> λ<sub>j</sub> x<sub>ij</sub> ≤ θ x<sub>i0</sub>,
 * Σ<sub>j</sub> λ<sub>j</sub> y<sub>rj</sub> ≥ y<sub>r0</sub>, λ ≥ 0; output orientation: max φ subject to
 * Σ λ<sub>j</sub> x<sub>ij</sub> ≤ x<sub>i0</sub>, Σ λ<sub>j</sub> y<sub>rj</sub> ≥ φ y<sub>r0</sub>. Returns to scale
 * add Σλ = 1 (variable, BCC) or Σλ ≤ 1 (non-increasing, for the returns-to-scale test).
 *
 * <p>Phase 2 (max slack), with θ* or φ* fixed: max Σ w<sub>i</sub> s<sup>−</sup><sub>i</sub> + Σ w<sub>r</sub>
 * s<sup>+</sup><sub>r</sub> subject to Σ λ x<sub>ij</sub> + s<sup>−</sup><sub>i</sub> = θ* x<sub>i0</sub> (or x<sub>i0</sub>),
 * Σ λ y<sub>rj</sub> − s<sup>+</sup><sub>r</sub> = y<sub>r0</sub> (or φ* y<sub>r0</sub>), where the weights w are the
 * column scales, so that the sum maximised is that of the slacks in the data's own units (Cooper, Seiford and Tone,
 * <i>Data Envelopment Analysis</i>, 2nd ed., 2007, §3.3).
 */
final class Envelopment {

    /** Returns to scale of the reference technology. */
    enum Returns {
        CONSTANT, VARIABLE, NON_INCREASING
    }

    /** λ, input slacks and output slacks of phase 2, in the scaled units. */
    record Slacks(double[] lambda, double[] inputSlacks, double[] outputSlacks) {
    }

    private Envelopment() {
    }

    /**
     * Phase 1: θ* (input orientation) or φ* (output orientation) of {@code (x0, y0)} against the reference units,
     * leaving out unit {@code exclude} (−1: none). Null when the program is infeasible or unbounded (only possible
     * when a unit is left out, or when the point is not one of the reference units).
     */
    static Double radial(double[][] x, double[][] y, double[] x0, double[] y0, Orientation orientation, Returns returns,
            int exclude) {
        int n = x.length;
        int m = x0.length;
        int s = y0.length;
        int vars = n + 1;
        List<LinearConstraint> constraints = new ArrayList<>(m + s + 1);
        boolean input = orientation == Orientation.INPUT;
        for (int i = 0; i < m; i++) {
            double[] c = new double[vars];
            for (int j = 0; j < n; j++) {
                c[j + 1] = j == exclude ? 0 : x[j][i];
            }
            if (input) {
                c[0] = -x0[i];
                constraints.add(new LinearConstraint(c, Relationship.LEQ, 0));
            } else {
                constraints.add(new LinearConstraint(c, Relationship.LEQ, x0[i]));
            }
        }
        for (int r = 0; r < s; r++) {
            double[] c = new double[vars];
            for (int j = 0; j < n; j++) {
                c[j + 1] = j == exclude ? 0 : y[j][r];
            }
            if (input) {
                constraints.add(new LinearConstraint(c, Relationship.GEQ, y0[r]));
            } else {
                c[0] = -y0[r];
                constraints.add(new LinearConstraint(c, Relationship.GEQ, 0));
            }
        }
        addReturns(constraints, returns, vars, 1, n, exclude);
        double[] objective = new double[vars];
        objective[0] = 1;
        PointValuePair solution = solve(objective, constraints, input ? GoalType.MINIMIZE : GoalType.MAXIMIZE);
        return solution == null ? null : solution.getPoint()[0];
    }

    /**
     * Phase 2: the largest (weighted) sum of slacks with the radial value fixed. If rounding in phase 1 left the fixed
     * value a hair outside the feasible set, it is loosened by 1e-12, then 1e-10 (relative) and solved again.
     */
    static Slacks slacks(double[][] x, double[][] y, double[] x0, double[] y0, Orientation orientation, Returns returns,
            double radial, double[] inputWeights, double[] outputWeights) {
        for (double loosen : new double[] {0, 1e-12, 1e-10, 1e-8}) {
            double value = orientation == Orientation.INPUT ? radial * (1 + loosen) : radial * (1 - loosen);
            Slacks found = slacksAt(x, y, x0, y0, orientation, returns, value, inputWeights, outputWeights);
            if (found != null) {
                return found;
            }
        }
        throw new IllegalStateException("the max-slack program stays infeasible at the radial optimum " + radial);
    }

    private static Slacks slacksAt(double[][] x, double[][] y, double[] x0, double[] y0, Orientation orientation,
            Returns returns, double radial, double[] inputWeights, double[] outputWeights) {
        int n = x.length;
        int m = x0.length;
        int s = y0.length;
        int vars = n + m + s;
        boolean input = orientation == Orientation.INPUT;
        List<LinearConstraint> constraints = new ArrayList<>(m + s + 1);
        for (int i = 0; i < m; i++) {
            double[] c = new double[vars];
            for (int j = 0; j < n; j++) {
                c[j] = x[j][i];
            }
            c[n + i] = 1;
            constraints.add(new LinearConstraint(c, Relationship.EQ, input ? radial * x0[i] : x0[i]));
        }
        for (int r = 0; r < s; r++) {
            double[] c = new double[vars];
            for (int j = 0; j < n; j++) {
                c[j] = y[j][r];
            }
            c[n + m + r] = -1;
            constraints.add(new LinearConstraint(c, Relationship.EQ, input ? y0[r] : radial * y0[r]));
        }
        addReturns(constraints, returns, vars, 0, n, -1);
        double[] objective = new double[vars];
        for (int i = 0; i < m; i++) {
            objective[n + i] = inputWeights[i];
        }
        for (int r = 0; r < s; r++) {
            objective[n + m + r] = outputWeights[r];
        }
        PointValuePair solution = solve(objective, constraints, GoalType.MAXIMIZE);
        if (solution == null) {
            return null;
        }
        double[] p = solution.getPoint();
        double[] lambda = new double[n];
        System.arraycopy(p, 0, lambda, 0, n);
        double[] sMinus = new double[m];
        System.arraycopy(p, n, sMinus, 0, m);
        double[] sPlus = new double[s];
        System.arraycopy(p, n + m, sPlus, 0, s);
        return new Slacks(lambda, sMinus, sPlus);
    }

    private static void addReturns(List<LinearConstraint> constraints, Returns returns, int vars, int offset, int n,
            int exclude) {
        if (returns == Returns.CONSTANT) {
            return;
        }
        double[] c = new double[vars];
        for (int j = 0; j < n; j++) {
            c[offset + j] = j == exclude ? 0 : 1;
        }
        constraints.add(new LinearConstraint(c, returns == Returns.VARIABLE ? Relationship.EQ : Relationship.LEQ, 1));
    }

    /** Solves with {@link Simplex}; null when infeasible or unbounded. */
    private static PointValuePair solve(double[] objective, List<LinearConstraint> constraints, GoalType goal) {
        int rows = constraints.size();
        double[][] a = new double[rows][];
        Simplex.Relation[] relations = new Simplex.Relation[rows];
        double[] b = new double[rows];
        for (int i = 0; i < rows; i++) {
            LinearConstraint c = constraints.get(i);
            a[i] = c.getCoefficients().toArray();
            relations[i] = switch (c.getRelationship()) {
                case LEQ -> Simplex.Relation.LEQ;
                case GEQ -> Simplex.Relation.GEQ;
                case EQ -> Simplex.Relation.EQ;
            };
            b[i] = c.getValue();
        }
        double[] x = Simplex.solve(objective, a, relations, b, goal == GoalType.MAXIMIZE);
        if (x == null) {
            return null;
        }
        double value = 0;
        for (int j = 0; j < x.length; j++) {
            value += objective[j] * x[j];
        }
        return new PointValuePair(x, value);
    }
}
