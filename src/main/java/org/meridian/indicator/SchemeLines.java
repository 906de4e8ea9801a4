package org.meridian.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.meridian.indicator.scoring.SchemeDraft;

/** Short ways to write the lines of a scheme draft in code (the demo schemes, the default unit schemes). */
final class SchemeLines {

    private SchemeLines() {
    }

    /** {@code LINEAR {zero, full}} with the given weight. */
    static SchemeDraft.Item linear(String code, int weight, double zero, double full) {
        return new SchemeDraft.Item(code, BigDecimal.valueOf(weight),
                new SchemeDraft.Scoring("LINEAR", plain(zero), plain(full), null));
    }

    /** {@code PEER_RANK} with the given weight. */
    static SchemeDraft.Item peer(String code, int weight) {
        return new SchemeDraft.Item(code, BigDecimal.valueOf(weight),
                new SchemeDraft.Scoring("PEER_RANK", null, null, null));
    }

    /** {@code BANDS} from [threshold, score] pairs, best first. */
    static SchemeDraft.Item bands(String code, int weight, int[][] pairs) {
        List<List<BigDecimal>> bands = new ArrayList<>();
        for (int[] p : pairs) {
            bands.add(List.of(BigDecimal.valueOf(p[0]), BigDecimal.valueOf(p[1])));
        }
        return new SchemeDraft.Item(code, BigDecimal.valueOf(weight),
                new SchemeDraft.Scoring("BANDS", null, null, bands));
    }

    /** Tiers A ≥ 85, B ≥ 70, C ≥ 55 (engine.md's defaults). */
    static List<SchemeDraft.Tier> defaultTiers() {
        return List.of(tier("A", 85), tier("B", 70), tier("C", 55));
    }

    private static SchemeDraft.Tier tier(String tier, int min) {
        return new SchemeDraft.Tier(tier, BigDecimal.valueOf(min));
    }

    private static BigDecimal plain(double v) {
        return new BigDecimal(BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
    }
}
