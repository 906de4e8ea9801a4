package org.meridian.indicator.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.meridian.shared.UnitType;

/**
 * A scheme (考核方案, engine.md §4) exactly as saved in one version: the indicators of one unit type with their
 * definitions (formula, direction…) copied in, weights, scoring rules and tier thresholds. Immutable and
 * self-contained, so an evaluation can keep the copy it used while the scheme and the catalogue move on.
 *
 * @param version 1 for the first scheme of the unit type, +1 for every change
 */
public record SchemeSnapshot(UnitType unitType, int version, Instant savedAt, String savedBy,
                             List<SchemeItem> items, TierPolicy tiers) {

    public SchemeSnapshot {
        Objects.requireNonNull(unitType, "unitType");
        Objects.requireNonNull(tiers, "tiers");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new InvalidSchemeException(List.of(ScoringProblem.of("indicators", "noIndicators")));
        }
        Set<String> codes = new HashSet<>();
        for (SchemeItem i : items) {
            if (!codes.add(i.code())) {
                throw new InvalidSchemeException(List.of(ScoringProblem.of("indicators", "indicatorTwice", i.code())));
            }
        }
    }

    /** Σ weight over every indicator of the scheme (the denominator of coverage). */
    public BigDecimal totalWeight() {
        return items.stream().map(SchemeItem::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Optional<SchemeItem> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
