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

    /** One part's values and what it contributed: {@code change = current − base}. */
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
        parts.sort(Comparator.<Part<K>, BigDecimal>comparing(p -> p.change().abs()).reversed()
                .thenComparing(p -> -p.change().signum()));
        return parts;
    }

    /** The sum of the contributions, which is the change of the total. */
    public static <K> BigDecimal total(List<Part<K>> parts) {
        return parts.stream().map(Part::change).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
