package org.meridian.allocation.method;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The driver of an allocation (分配依据) as a weighted mix of parts measured on different scales — a performance
 * total (0–100), a brand index (0–100), a DEA efficiency score (0–1), forecast demand (cases).
 *
 * <p><b>Formula.</b> Each part k is first turned into the units' shares of it, s<sub>ik</sub> = v<sub>ik</sub> /
 * Σ<sub>j</sub> v<sub>jk</sub>, so that its scale drops out; the driver of unit i is the weighted mean of its shares,
 * d<sub>i</sub> = Σ<sub>k</sub> w<sub>k</sub> s<sub>ik</sub> / Σ<sub>k</sub> w<sub>k</sub>. The drivers add up to 1,
 * and with one part they are that part's shares (an allocation in proportion to the performance totals, say).
 * Parts with weight 0 are left out. Worked example (docs/allocation.md): performance 80, 60, 60 → shares .4, .3, .3;
 * brand 50, 30, 20 → .5, .3, .2; efficiency 1, .5, .5 → .5, .25, .25; weights .5, .25, .25 →
 * d = (.45, .2875, .2625).
 *
 * <p><b>Edge cases.</b> The caller checks them and names the units: a missing or negative value of a weighted part,
 * a part that is 0 for every unit (no shares), every weight 0. Here they are programming errors
 * ({@link IllegalArgumentException}). Decimal arithmetic with 34 significant digits.
 */
public final class WeightedDriver {

    private static final MathContext MC = MathContext.DECIMAL128;

    private WeightedDriver() {
    }

    /** One part of the driver: its weight and every unit's value, in unit order. */
    public record Part(BigDecimal weight, List<BigDecimal> values) {
    }

    /**
     * @param drivers each unit's driver d<sub>i</sub> (they add up to 1)
     * @param shares  per part (in the order given, weight-0 parts included as null), each unit's share of it
     */
    public record Result(List<BigDecimal> drivers, List<List<BigDecimal>> shares) {
    }

    public static Result combine(int units, List<Part> parts) {
        BigDecimal weights = BigDecimal.ZERO;
        for (Part p : parts) {
            if (p.weight().signum() < 0) {
                throw new IllegalArgumentException("negative weight");
            }
            weights = weights.add(p.weight());
        }
        if (weights.signum() == 0) {
            throw new IllegalArgumentException("every weight is 0");
        }
        BigDecimal[] d = new BigDecimal[units];
        java.util.Arrays.fill(d, BigDecimal.ZERO);
        List<List<BigDecimal>> shares = new ArrayList<>();
        for (Part p : parts) {
            if (p.weight().signum() == 0) {
                shares.add(null);
                continue;
            }
            if (p.values().size() != units) {
                throw new IllegalArgumentException("a part has " + p.values().size() + " values for " + units);
            }
            BigDecimal total = BigDecimal.ZERO;
            for (BigDecimal v : p.values()) {
                if (v == null || v.signum() < 0) {
                    throw new IllegalArgumentException("a value is missing or negative");
                }
                total = total.add(v);
            }
            if (total.signum() == 0) {
                throw new IllegalArgumentException("a part is 0 for every unit");
            }
            List<BigDecimal> s = new ArrayList<>(units);
            BigDecimal w = p.weight().divide(weights, MC);
            for (int i = 0; i < units; i++) {
                BigDecimal share = p.values().get(i).divide(total, MC);
                s.add(share);
                d[i] = d[i].add(w.multiply(share, MC), MC);
            }
            shares.add(List.copyOf(s));
        }
        return new Result(List.of(d), java.util.Collections.unmodifiableList(shares));
    }
}
