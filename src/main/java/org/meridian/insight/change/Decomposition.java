package org.meridian.insight.change;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decomposition of a change of a sum into the parts that contributed it (变动分解): when a total is the sum of its
 * parts, T = Σ xᵢ, its change from a base period to the current one is ΔT = Σ (xᵢ − bᵢ), so part i contributed
 * exactly cᵢ = xᵢ − bᵢ, where a part absent from a period counts 0 there (a channel that started this month
 * contributes all of its value, one that stopped contributes minus all of its base).
 * <p>The contributions are ordered by their absolute value, largest first (ties: the increase first, then the order
 * in which the parts were given), and add up to the change of the total exactly (BigDecimal, nothing rounded).
 * Empty input gives no parts; a part whose value did not change (or that is absent from both) is left out, since it
 * contributed nothing.
 */
public final class Decomposition {

    private Decomposition() {
    }

    /**
     * One part's values and what it contributed: {@code change = current − base} for a sum; for a mean see
     * {@link #ofMean} (there a value is null where the part is absent).
     */
    public record Part<K>(K key, BigDecimal current, BigDecimal base, BigDecimal change) {
    }

    /**
     * The parts of the change from {@code base} to {@code current}, largest absolute contribution first; the keys of
     * {@code current} come first in their order, then those only in {@code base}.
     */
    public static <K> List<Part<K>> of(Map<K, BigDecimal> current, Map<K, BigDecimal> base) {
        Set<K> keys = new LinkedHashSet<>(current.keySet());
        keys.addAll(base.keySet());
        List<Part<K>> parts = new ArrayList<>();
        for (K k : keys) {
            BigDecimal x = current.getOrDefault(k, BigDecimal.ZERO);
            BigDecimal b = base.getOrDefault(k, BigDecimal.ZERO);
            BigDecimal c = x.subtract(b);
            if (c.signum() != 0) {
                parts.add(new Part<>(k, x, b, c));
            }
        }
        sort(parts);
        return parts;
    }

    /** Digits kept by the division of {@link #ofMean}. */
    public static final java.math.MathContext PRECISION = java.math.MathContext.DECIMAL64;

    /**
     * The parts of the change of a mean, from the mean b̄ of the n_b parts of the base to the mean x̄ of the n parts
     * now (n ≥ 1): a part in both contributes (xᵢ − bᵢ) / n, a part only now (xᵢ − b̄) / n (it lifts the mean by
     * what it lies above the old one), a part only in the base −(bᵢ − b̄) / n. They add up to x̄ − b̄:
     * n·Σ = Σ_now x − Σ_both b − Σ_gone b − b̄(|new| − |gone|) = n·x̄ − b̄(n_b + |new| − |gone|) = n·x̄ − n·b̄.
     * So a part that did not change contributes 0 whoever else came or went. Divisions keep {@link #PRECISION};
     * the sum equals the change to that precision. Ordered and left out as {@link #of}. Empty now: no parts.
     */
    public static <K> List<Part<K>> ofMean(Map<K, BigDecimal> current, Map<K, BigDecimal> base) {
        if (current.isEmpty() || base.isEmpty()) {
            return List.of();
        }
        BigDecimal n = BigDecimal.valueOf(current.size());
        BigDecimal baseMean = base.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(base.size()), PRECISION);
        Set<K> keys = new LinkedHashSet<>(current.keySet());
        keys.addAll(base.keySet());
        List<Part<K>> parts = new ArrayList<>();
        for (K k : keys) {
            BigDecimal x = current.get(k);
            BigDecimal b = base.get(k);
            BigDecimal moved = x != null && b != null ? x.subtract(b) : x != null ? x.subtract(baseMean)
                    : baseMean.subtract(b);
            BigDecimal c = moved.divide(n, PRECISION);
            if (c.signum() != 0) {
                parts.add(new Part<>(k, x, b, c));
            }
        }
        sort(parts);
        return parts;
    }

    private static <K> void sort(List<Part<K>> parts) {
        parts.sort(Comparator.<Part<K>, BigDecimal>comparing(p -> p.change().abs()).reversed()
                .thenComparing(p -> -p.change().signum()));
    }

    /** The sum of the contributions, which is the change of the total. */
    public static <K> BigDecimal total(List<Part<K>> parts) {
        return parts.stream().map(Part::change).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
