package org.meridian.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.meridian.indicator.scoring.Dimension;
import org.meridian.indicator.scoring.SchemeDraft;

/** Short ways to write the lines of a scheme draft: in code (the demo schemes) or as a table (the default unit schemes). */
final class SchemeLines {

    /** A dimension's head ({@code QUALITY 35:}) or an indicator ({@code CMI 6 peer}, {@code BED_OCCUPANCY 5 75→93}). */
    private static final Pattern TABLE_PART = Pattern.compile(
            "([A-Z_]+) (\\d+):|([A-Z0-9_]+) (\\d+) (?:peer|(-?[0-9.]+)→(-?[0-9.]+))");

    private SchemeLines() {
    }

    /**
     * The lines of a scheme written as a table, one dimension after the other: the dimension's name and its share of
     * the weights ({@code QUALITY 35:}), then its indicators, each with its weight and its scoring, {@code zero→full}
     * for LINEAR or {@code peer} for PEER_RANK, separated by commas or line ends:
     * {@code QUALITY 35: LEVEL4_SURGERY_SHARE 8 5→40, …}. The name is a {@link Dimension}'s and the weights of a
     * dimension must add up to its share.
     *
     * @throws IllegalArgumentException for text that is not such a table, or a dimension whose weights do not add up
     */
    static List<SchemeDraft.Item> table(String text) {
        List<SchemeDraft.Item> items = new ArrayList<>();
        Matcher m = TABLE_PART.matcher(text);
        String dimension = null;
        int share = 0;
        int sum = 0;
        int at = 0;
        while (m.find()) {
            if (!text.substring(at, m.start()).matches("[\\s,]*")) {
                throw new IllegalArgumentException("not a scheme line: " + text.substring(at, m.start()).strip());
            }
            at = m.end();
            if (m.group(1) != null) {
                checkShare(dimension, share, sum);
                dimension = Dimension.valueOf(m.group(1)).name();
                share = Integer.parseInt(m.group(2));
                sum = 0;
            } else {
                if (dimension == null) {
                    throw new IllegalArgumentException("an indicator before its dimension: " + m.group());
                }
                int weight = Integer.parseInt(m.group(4));
                sum += weight;
                items.add(m.group(5) == null ? peer(m.group(3), weight)
                        : linear(m.group(3), weight, Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6))));
            }
        }
        if (!text.substring(at).isBlank() || items.isEmpty()) {
            throw new IllegalArgumentException("not a scheme table: " + text.substring(at).strip());
        }
        checkShare(dimension, share, sum);
        return List.copyOf(items);
    }

    private static void checkShare(String dimension, int share, int sum) {
        if (dimension != null && share != sum) {
            throw new IllegalArgumentException("the weights of " + dimension + " add up to " + sum + ", not " + share);
        }
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
