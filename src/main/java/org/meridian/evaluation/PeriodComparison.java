package org.meridian.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.indicator.WhatIfComparison;
import org.meridian.indicator.scoring.SchemeSnapshot;

/**
 * Two evaluations of one unit type side by side (两期对比), typically two periods: every channel's total, rank and
 * tier in each, with the movement from the first to the second. A channel evaluated in only one of them has the
 * other side empty.
 *
 * @param rows in the second evaluation's rank order (then the first's, then by code)
 */
public record PeriodComparison(Evaluation first, SchemeSnapshot firstScheme, Evaluation second,
                               SchemeSnapshot secondScheme, List<Row> rows) {

    public PeriodComparison {
        rows = List.copyOf(rows);
    }

    /**
     * One channel in both evaluations; either scorecard may be null.
     *
     * @param movement from the first to the second (rank places gained, tier direction, total change)
     */
    public record Row(String channel, String name, UnitScorecard first, UnitScorecard second,
                      WhatIfComparison.Movement movement) {
    }

    static PeriodComparison of(Evaluation first, SchemeSnapshot firstScheme, List<UnitScorecard> firstCards,
                               Evaluation second, SchemeSnapshot secondScheme, List<UnitScorecard> secondCards) {
        Map<String, UnitScorecard[]> byChannel = new LinkedHashMap<>();
        secondCards.forEach(c -> byChannel.computeIfAbsent(c.channel(), k -> new UnitScorecard[2])[1] = c);
        firstCards.forEach(c -> byChannel.computeIfAbsent(c.channel(), k -> new UnitScorecard[2])[0] = c);
        List<Row> rows = new ArrayList<>();
        byChannel.forEach((code, pair) -> {
            UnitScorecard a = pair[0];
            UnitScorecard b = pair[1];
            WhatIfComparison.Movement move = a == null || b == null
                    ? new WhatIfComparison.Movement(null, WhatIfComparison.TierMove.NONE, null)
                    : WhatIfComparison.movement(side(a), side(b), firstScheme.tiers(), secondScheme.tiers());
            rows.add(new Row(code, (b != null ? b : a).channelName(), a, b, move));
        });
        rows.sort(Comparator.comparing((Row r) -> r.second() == null ? null : r.second().rank(),
                        Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
                .thenComparing(r -> r.first() == null ? null : r.first().rank(),
                        Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
                .thenComparing(Row::channel));
        return new PeriodComparison(first, firstScheme, second, secondScheme, rows);
    }

    private static WhatIfComparison.Side side(UnitScorecard c) {
        return new WhatIfComparison.Side(c.total(), c.rank(), c.tier());
    }

    public Optional<Row> row(String channel) {
        return rows.stream().filter(r -> r.channel().equals(channel)).findFirst();
    }

    public long tierChanges() {
        return rows.stream().filter(r -> r.movement().tier() == WhatIfComparison.TierMove.UP
                || r.movement().tier() == WhatIfComparison.TierMove.DOWN).count();
    }

    /** The difference second − first, null when either is null. */
    public static BigDecimal difference(BigDecimal first, BigDecimal second) {
        return first == null || second == null ? null : second.subtract(first);
    }
}
