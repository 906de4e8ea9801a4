package org.meridian.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.meridian.shared.Figures;
import org.meridian.indicator.scoring.Formula;

/**
 * A report's numbers as shown on the page and in the PDF, in one language: the total with 2 decimals, everything
 * else with at most 4 (half-up), a missing number as "—", the coverage as a percentage.
 */
public record ReportSheet(String total, String rank, String tier, boolean unrated, String coverage, List<Row> rows,
                          List<TrendRow> trend, List<Row> strongest, List<Row> weakest, List<String> suggestions,
                          List<DimensionRow> dimensions, String performance, String brand, String quadrant,
                          int smallBelow) {

    /** One dimension: its code (for the bundle's name), score with 2 decimals and coverage as a percentage. */
    public record DimensionRow(String dimension, String score, String coverage) {
    }

    /** Whether the report shows its dimensions: more than one, or a brand index (not for a plain channel scheme). */
    public boolean showDimensions() {
        return dimensions.size() > 1 || !"—".equals(brand);
    }

    /** Where an indicator's score stands against the peers' median score. */
    public enum Standing {
        ABOVE, LEVEL, BELOW, NO_DATA
    }

    /**
     * One indicator row; {@code sample} is the n behind a rate of counts (null otherwise), {@code small} whether it is
     * below the small-sample threshold (样本量小).
     */
    public record Row(String code, String name, String unit, String value, String score, String weight,
                      String peerMedianValue, String peerMedianScore, String gap, Standing standing, Long sample,
                      boolean small) {
    }

    /** One period of the trend. */
    public record TrendRow(String period, String total, String rank, String tier) {
    }

    /**
     * @param smallBelow a rate from fewer answers than this is marked 样本量小, as on the scorecard (0: never)
     */
    public static ReportSheet of(ReportContent c, boolean english, int smallBelow) {
        List<Row> rows = c.lines().stream().map(l -> row(l, english, smallBelow)).toList();
        List<Row> strongest = c.strongest().stream().map(code -> rows.stream().filter(r -> r.code().equals(code))
                .findFirst().orElseThrow()).toList();
        List<Row> weakest = c.weakest().stream().map(code -> rows.stream().filter(r -> r.code().equals(code))
                .findFirst().orElseThrow()).toList();
        List<TrendRow> trend = c.trend().stream().map(p -> new TrendRow(p.period(), total(p.total()),
                p.rank() == null ? "—" : p.rank().toString(), p.tier())).toList();
        return new ReportSheet(total(c.total()), c.rank() == null ? "—" : c.rank() + " / " + c.units(), c.tier(),
                "UNRATED".equals(c.tier()), percent(c.coverage()), rows, trend, strongest, weakest,
                c.suggestions().stream().map(s -> s.text(english)).toList(),
                c.dimensions().stream().map(d -> new DimensionRow(d.dimension(), total(d.score()),
                        percent(d.coverage()))).toList(), total(c.performance()), total(c.brand()), c.quadrant(),
                smallBelow);
    }

    private static Row row(ReportContent.Line l, boolean english, int smallBelow) {
        // the gap as shown (one decimal) decides the standing, as it decides the strengths and "to improve" lists
        BigDecimal gap = ReportBuilder.shownGap(l);
        Standing standing = gap == null ? Standing.NO_DATA
                : gap.signum() > 0 ? Standing.ABOVE : gap.signum() < 0 ? Standing.BELOW : Standing.LEVEL;
        String gapText = gap == null ? "—" : (gap.signum() > 0 ? "+" : "") + Formula.show(gap);
        String unit = l.unit(english);
        return new Row(l.code(), l.name(english), unit, Figures.value(l.value(), unit), Figures.score(l.score()),
                Formula.show(l.weight()), Figures.value(l.peerMedianValue(), unit), Figures.score(l.peerMedianScore()),
                gapText, standing, l.sample(), l.sample() != null && l.sample() < smallBelow);
    }

    static String total(BigDecimal total) {
        return total == null ? "—" : total.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String percent(BigDecimal share) {
        return share == null ? "—" : Formula.show(share.multiply(BigDecimal.valueOf(100))
                .setScale(1, RoundingMode.HALF_UP)) + "%";
    }
}
