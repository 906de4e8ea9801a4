package org.meridian.allocation.method;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * Bounded proportional allocation (按需求比例分配，设上下限): share a budget among units in proportion to a driver
 * (demand, performance, …) with floors, caps and a pace of change, exact to the fen.
 *
 * <p><b>Rule.</b> x<sub>i</sub> = clamp(λ·d<sub>i</sub>, floor<sub>i</sub>, cap<sub>i</sub>) with the smallest λ ≥ 0
 * for which Σx = budget. Σx(λ) is continuous, piecewise linear and non-decreasing, with breakpoints at
 * floor<sub>i</sub>/d<sub>i</sub> and cap<sub>i</sub>/d<sub>i</sub>; a sweep over the sorted breakpoints finds the
 * segment and solves it, in decimal arithmetic with 34 significant digits. Feasible iff Σfloor ≤ budget ≤
 * Σ<sub>d&gt;0</sub> cap + Σ<sub>d=0</sub> floor (a unit without demand stays at its floor); otherwise the bound that is
 * broken is named. A missing floor is 0, a missing cap unbounded.
 *
 * <p><b>Pace of change.</b> With {@code previous} amounts and {@code maxChange} m (a fraction, e.g. 0.1), the floor is
 * max(floor<sub>i</sub>, previous<sub>i</sub>·(1 − m)) and the cap min(cap<sub>i</sub>, previous<sub>i</sub>·(1 + m)).
 *
 * <p><b>Rounding.</b> Money ({@code CNY}) to the fen, {@code WHOLE} units (beds, posts) to whole units, by the largest
 * remainder (Hamilton) method: every amount is rounded down, and the units left over go one each to the largest
 * remainders (equal remainders: the lower index first), so the parts add up to the budget exactly. A unit exactly at
 * a bound has no remainder and is never moved; a bound that is itself not a whole fen (e.g. previous × 0.9) may be
 * crossed by less than one fen. A budget with a fraction of a fen (of a unit) is refused.
 */
public final class BoundedAllocation {

    private static final MathContext MC = MathContext.DECIMAL128;

    private BoundedAllocation() {
    }

    /** What is shared: money to the fen, or whole units. */
    public enum Unit {
        CNY(new BigDecimal("0.01")), WHOLE(BigDecimal.ONE);

        final BigDecimal step;

        Unit(BigDecimal step) {
            this.step = step;
        }
    }

    /**
     * @param allocations each unit's amount, rounded; they add up to the budget exactly
     * @param lambda      the smallest λ with Σ clamp(λ·d, floor, cap) = budget, before rounding
     * @param floors      the floors applied (with the pace of change)
     * @param caps        the caps applied, null where unbounded
     */
    public record Result(List<BigDecimal> allocations, BigDecimal lambda, List<BigDecimal> floors,
            List<BigDecimal> caps) {
    }

    /**
     * Checks the request (every problem at once) and allocates.
     *
     * @param unit {@code CNY} (default) or {@code WHOLE}
     * @throws InvalidInputException (module {@code allocation}) on bad input or when the bounds leave no solution
     */
    public static Result allocate(BigDecimal budget, List<BigDecimal> demand, List<BigDecimal> floors,
            List<BigDecimal> caps, List<BigDecimal> previous, BigDecimal maxChange, String unit) {
        List<Problem> problems = new ArrayList<>();
        Unit u = Vectors.choice("unit", unit, Unit.class, Unit.CNY, problems);
        if (budget == null) {
            problems.add(Problem.of("budget", "allocation.method.required"));
        } else if (budget.signum() < 0) {
            problems.add(Problem.of("budget", "allocation.method.negative", budget));
        } else if (budget.compareTo(BigDecimal.valueOf(Vectors.MAX_VALUE)) > 0) {
            problems.add(Problem.of("budget", "allocation.method.tooLarge", budget, Vectors.MAX_VALUE));
        } else if (budget.remainder(u.step).signum() != 0) {
            problems.add(Problem.of("budget", u == Unit.CNY ? "allocation.allocate.budgetFen"
                    : "allocation.allocate.budgetWhole", budget));
        }
        BigDecimal[] d = read("demand", demand, -1, problems);
        int n = d == null ? -1 : d.length;
        BigDecimal[] f = floors == null ? null : read("floors", floors, n, problems);
        BigDecimal[] c = caps == null ? null : read("caps", caps, n, problems);
        BigDecimal[] prev = previous == null ? null : read("previous", previous, n, problems);
        if (maxChange != null) {
            if (maxChange.signum() < 0) {
                problems.add(Problem.of("maxChange", "allocation.method.negative", maxChange));
            }
            if (previous == null) {
                problems.add(Problem.of("previous", "allocation.allocate.previousForMaxChange"));
            }
        }
        if (d != null && Arrays.stream(d).allMatch(v -> v.signum() == 0)) {
            problems.add(Problem.of("demand", "allocation.allocate.allZero"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("allocation", problems);
        }
        BigDecimal[] lo = new BigDecimal[n];
        BigDecimal[] hi = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            lo[i] = f == null ? BigDecimal.ZERO : f[i];
            hi[i] = c == null ? null : c[i];
            if (maxChange != null) {
                lo[i] = lo[i].max(prev[i].multiply(BigDecimal.ONE.subtract(maxChange)));
                BigDecimal up = prev[i].multiply(BigDecimal.ONE.add(maxChange));
                hi[i] = hi[i] == null ? up : hi[i].min(up);
            }
            if (hi[i] != null && lo[i].compareTo(hi[i]) > 0) {
                problems.add(Problem.of((f != null && f[i].compareTo(hi[i]) > 0) ? "floors[" + i + "]"
                        : "maxChange", "allocation.allocate.floorAboveCap", i, plain(lo[i]), plain(hi[i])));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("allocation", problems);
        }
        BigDecimal lowest = BigDecimal.ZERO;
        BigDecimal highest = BigDecimal.ZERO;
        boolean unbounded = false;
        for (int i = 0; i < n; i++) {
            lowest = lowest.add(lo[i]);
            if (d[i].signum() == 0) {
                highest = highest.add(lo[i]);
            } else if (hi[i] == null) {
                unbounded = true;
            } else {
                highest = highest.add(hi[i]);
            }
        }
        boolean paced = maxChange != null;
        if (lowest.compareTo(budget) > 0) {
            problems.add(Problem.of(paced ? "maxChange" : "floors",
                    paced ? "allocation.allocate.floorsAboveBudgetPaced" : "allocation.allocate.floorsAboveBudget",
                    plain(lowest), plain(budget)));
        }
        if (!unbounded && highest.compareTo(budget) < 0) {
            problems.add(Problem.of(paced ? "maxChange" : "caps",
                    paced ? "allocation.allocate.capsBelowBudgetPaced" : "allocation.allocate.capsBelowBudget",
                    plain(highest), plain(budget)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("allocation", problems);
        }
        BigDecimal[] exact = new BigDecimal[n];
        BigDecimal lambda = guided(budget, d, lo, hi, exact);
        if (lambda == null) {
            lambda = lambda(budget, d, lo, hi);
            for (int i = 0; i < n; i++) {
                exact[i] = clamp(lambda.multiply(d[i], MC), lo[i], hi[i]);
            }
        }
        List<BigDecimal> rounded = round(budget, exact, u);
        List<BigDecimal> capsOut = new ArrayList<>(n);
        for (BigDecimal h : hi) {
            capsOut.add(h == null ? null : h.stripTrailingZeros());
        }
        return new Result(rounded, lambda.round(new MathContext(17)).stripTrailingZeros(),
                Arrays.stream(lo).map(BigDecimal::stripTrailingZeros).toList(),
                Collections.unmodifiableList(capsOut));
    }

    /**
     * The smallest λ, found the quick way, or null: the sweep of {@link #lambda} done in floating point (a sort of
     * doubles instead of decimals; for 10,000 units most of the time went into sorting and dividing decimals) only to
     * guess which units end at their floor, which at their cap and which follow λ; then λ is solved exactly in
     * decimals for that guess, λ = (budget − Σ floors of the first − Σ caps of the second) / Σ demand of the third,
     * and the guess is checked exactly for every unit: floor ≥ λ·d, cap ≤ λ·d, and floor &lt; λ·d ≤ cap for those
     * following λ (strictly above the floor: then Σx rises at λ and no smaller λ reaches the budget). When the check
     * fails (breakpoints too close for doubles to order, or nobody follows λ), null: the exact sweep decides.
     * The exact amounts (clamped λ·d) are written into {@code exact}.
     */
    static BigDecimal guided(BigDecimal budget, BigDecimal[] d, BigDecimal[] lo, BigDecimal[] hi, BigDecimal[] exact) {
        int n = d.length;
        double[] at = new double[2 * n];
        double[] change = new double[2 * n];
        int events = 0;
        double sum = 0;
        double slope = 0;
        for (int i = 0; i < n; i++) {
            double floor = lo[i].doubleValue();
            sum += floor;
            double demand = d[i].doubleValue();
            if (demand == 0) {
                continue;
            }
            if (floor == 0) {
                slope += demand;
            } else {
                at[events] = floor / demand;
                change[events++] = demand;
            }
            if (hi[i] != null) {
                at[events] = hi[i].doubleValue() / demand;
                change[events++] = -demand;
            }
        }
        double target = budget.doubleValue();
        if (sum >= target) {
            return null; // λ = 0 or very near it: the exact sweep
        }
        Integer[] order = new Integer[events];
        for (int k = 0; k < events; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(at[a], at[b]));
        double guess = Double.NaN;
        double from = 0;
        for (int k = 0; k <= events; k++) {
            double next = k < events ? at[order[k]] : Double.POSITIVE_INFINITY;
            if (slope > 0 && sum + slope * (next - from) >= target) {
                guess = from + (target - sum) / slope;
                break;
            }
            if (k == events) {
                return null;
            }
            sum += slope * (next - from);
            from = next;
            slope += change[order[k]];
        }
        // which units the guess puts at the floor (−1), at the cap (+1) or on λ (0)
        byte[] side = new byte[n];
        BigDecimal fixed = BigDecimal.ZERO;
        BigDecimal following = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            double x = guess * d[i].doubleValue();
            if (d[i].signum() == 0 || x <= lo[i].doubleValue()) {
                side[i] = -1;
                fixed = fixed.add(lo[i]);
            } else if (hi[i] != null && x >= hi[i].doubleValue()) {
                side[i] = 1;
                fixed = fixed.add(hi[i]);
            } else {
                following = following.add(d[i]);
            }
        }
        if (following.signum() == 0) {
            return null;
        }
        BigDecimal lambda = budget.subtract(fixed).divide(following, MC);
        for (int i = 0; i < n; i++) {
            BigDecimal x = lambda.multiply(d[i], MC);
            boolean agrees = switch (side[i]) {
                case -1 -> x.compareTo(lo[i]) <= 0;
                case 1 -> x.compareTo(hi[i]) >= 0;
                default -> x.compareTo(lo[i]) > 0 && (hi[i] == null || x.compareTo(hi[i]) <= 0);
            };
            if (!agrees) {
                return null;
            }
            exact[i] = side[i] < 0 ? lo[i] : side[i] > 0 ? hi[i] : x;
        }
        return lambda;
    }

    /** The smallest λ ≥ 0 with Σ clamp(λ·d, lo, hi) = budget, for a feasible budget. */
    static BigDecimal lambda(BigDecimal budget, BigDecimal[] d, BigDecimal[] lo, BigDecimal[] hi) {
        int n = d.length;
        // events: at lo/d a unit starts to follow λ (slope += d), at hi/d it stops (slope −= d)
        List<BigDecimal[]> events = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO; // Σx at λ = 0: every unit at its floor
        BigDecimal slope = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            sum = sum.add(lo[i]);
            if (d[i].signum() == 0) {
                continue;
            }
            BigDecimal start = lo[i].divide(d[i], MC);
            if (start.signum() == 0) {
                slope = slope.add(d[i]);
            } else {
                events.add(new BigDecimal[] {start, d[i]});
            }
            if (hi[i] != null) {
                events.add(new BigDecimal[] {hi[i].divide(d[i], MC), d[i].negate()});
            }
        }
        if (sum.compareTo(budget) >= 0) {
            return BigDecimal.ZERO;
        }
        events.sort(Comparator.comparing(e -> e[0]));
        BigDecimal at = BigDecimal.ZERO;
        int k = 0;
        while (true) {
            BigDecimal next = k < events.size() ? events.get(k)[0] : null;
            if (slope.signum() > 0) {
                // Σx at the next breakpoint, exactly; one division only on the segment that reaches the budget
                BigDecimal atNext = next == null ? null : sum.add(slope.multiply(next.subtract(at)));
                int reached = atNext == null ? 1 : atNext.compareTo(budget);
                if (reached == 0) {
                    return next;
                }
                if (reached > 0) {
                    return budget.subtract(sum).divide(slope, MC).add(at);
                }
                sum = atNext;
            } else if (next == null) {
                throw new IllegalStateException("no λ reaches the budget; feasibility was checked before");
            }
            at = next;
            while (k < events.size() && events.get(k)[0].compareTo(at) == 0) {
                slope = slope.add(events.get(k)[1]);
                k++;
            }
        }
    }

    private static BigDecimal clamp(BigDecimal v, BigDecimal lo, BigDecimal hi) {
        BigDecimal out = v.max(lo);
        return hi == null ? out : out.min(hi);
    }

    /** Largest remainder: floor to the step, then one step each to the largest remainders (ties: lower index). */
    static List<BigDecimal> round(BigDecimal budget, BigDecimal[] exact, Unit unit) {
        int n = exact.length;
        long[] steps = new long[n];
        BigDecimal[] remainder = new BigDecimal[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal inSteps = exact[i].movePointRight(unit.step.scale()); // ÷ 0.01 or ÷ 1, exactly
            BigDecimal floor = inSteps.setScale(0, RoundingMode.FLOOR);
            steps[i] = floor.longValueExact();
            remainder[i] = inSteps.subtract(floor);
            sum += steps[i];
        }
        long left = budget.movePointRight(unit.step.scale()).longValueExact() - sum;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // largest remainder first, equal remainders by index; compared as doubles first (a decimal's nearest double
        // keeps the order, never reverses it), exactly only where the doubles are equal
        double[] rough = new double[n];
        for (int i = 0; i < n; i++) {
            rough[i] = remainder[i].doubleValue();
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(rough[b], rough[a]);
            if (c == 0) {
                c = remainder[b].compareTo(remainder[a]);
            }
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int k = 0; k < left; k++) {
            steps[order[k % n]]++;
        }
        List<BigDecimal> out = new ArrayList<>(n);
        int scale = unit == Unit.CNY ? 2 : 0;
        for (int i = 0; i < n; i++) {
            out.add(BigDecimal.valueOf(steps[i]).multiply(unit.step).setScale(scale, RoundingMode.UNNECESSARY));
        }
        return List.copyOf(out);
    }

    /** Amounts ≥ 0, as many as {@code n} when it is known (≥ 0); null (with problems added) when wrong. */
    private static BigDecimal[] read(String path, List<BigDecimal> list, int n, List<Problem> problems) {
        if (list == null || list.isEmpty()) {
            problems.add(Problem.of(path, "allocation.method.required"));
            return null;
        }
        if (list.size() > Vectors.MAX_LENGTH) {
            problems.add(Problem.of(path, "allocation.method.tooMany", list.size(), Vectors.MAX_LENGTH));
            return null;
        }
        if (n >= 0 && list.size() != n) {
            problems.add(Problem.of(path, "allocation.method.length", list.size(), n));
            return null;
        }
        BigDecimal[] out = new BigDecimal[list.size()];
        boolean ok = true;
        BigDecimal max = BigDecimal.valueOf(Vectors.MAX_VALUE);
        for (int i = 0; i < out.length; i++) {
            BigDecimal v = list.get(i);
            String cell = path + "[" + i + "]";
            if (v == null) {
                problems.add(Problem.of(cell, "allocation.method.notANumber"));
                ok = false;
            } else if (v.signum() < 0) {
                problems.add(Problem.of(cell, "allocation.method.negative", v));
                ok = false;
            } else if (v.compareTo(max) > 0) {
                problems.add(Problem.of(cell, "allocation.method.tooLarge", v, Vectors.MAX_VALUE));
                ok = false;
            } else {
                out[i] = v;
            }
        }
        return ok ? out : null;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
