package org.meridian.evaluation;

import java.util.List;
import java.util.Optional;

import org.meridian.indicator.WhatIfComparison;

/**
 * What publishing a draft would change in the evaluation itself (发布前预览): the version in force it replaces, if any,
 * and every channel whose total, rank or tier would move against it, or that is evaluated in only one of the two. A
 * channel's rank may move although nothing of its own changed: ranks (and PEER_RANK scores) are relative to the
 * other channels.
 *
 * @param draft     the draft to publish
 * @param replaced  the newest published version of the same period and unit type; empty for a first publication
 * @param moved     the channels that move, in the draft's rank order (all of them for a first publication)
 * @param unchanged how many channels keep their total, rank and tier
 */
public record PublicationPreview(Evaluation draft, Optional<Evaluation> replaced, List<PeriodComparison.Row> moved,
                                 int unchanged) {

    public PublicationPreview {
        moved = List.copyOf(moved);
    }

    static PublicationPreview of(Evaluation draft, Optional<Evaluation> replaced, PeriodComparison comparison) {
        List<PeriodComparison.Row> moved = comparison.rows().stream().filter(PublicationPreview::moves).toList();
        return new PublicationPreview(draft, replaced, moved, comparison.rows().size() - moved.size());
    }

    /** True when the channel's total (as shown, 2 decimals), rank or tier differ, or one side is missing. */
    static boolean moves(PeriodComparison.Row row) {
        UnitScorecard a = row.first();
        UnitScorecard b = row.second();
        if (a == null || b == null) {
            return true;
        }
        return !java.util.Objects.equals(shown(a.total()), shown(b.total()))
                || !java.util.Objects.equals(a.rank(), b.rank())
                || !java.util.Objects.equals(a.tier(), b.tier());
    }

    private static java.math.BigDecimal shown(java.math.BigDecimal total) {
        return total == null ? null : total.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** The number of channels whose tier would change. */
    public long tierChanges() {
        return moved.stream().filter(r -> r.movement().tier() == WhatIfComparison.TierMove.UP
                || r.movement().tier() == WhatIfComparison.TierMove.DOWN).count();
    }
}
