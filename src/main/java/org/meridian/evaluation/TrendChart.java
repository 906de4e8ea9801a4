package org.meridian.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.meridian.indicator.scoring.Scorecard;
import org.meridian.shared.NamedValues;

/**
 * The ECharts option of a unit's total score over its published periods (总分趋势), drawn alike on the scorecard page
 * and on a channel user's workbench: a line on the 0–100 scale, each total with 2 decimals as a score card shows it,
 * every total in the tooltip. A point is labelled only where a label can be read: every point while there are at most
 * {@value #LABELLED_EACH_UP_TO} (at 375 px the plot is some 290 px wide, so six labels such as "51.70" stand about
 * 48 px apart; twelve would overlap), else only the latest, which is the period the page is about. A period without a
 * total is a gap in the line.
 */
public final class TrendChart {

    /** The most points that are each labelled with their total; with more, only the latest is. */
    public static final int LABELLED_EACH_UP_TO = 6;

    private TrendChart() {
    }

    /** The option for these points, oldest first, the line named {@code seriesName} (in the reader's language). */
    public static Map<String, Object> option(List<TrendPoint> points, String seriesName) {
        Map<String, Object> option = NamedValues.of("tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 40, "right", 16, "top", 20, "bottom", 30));
        option.put("xAxis", Map.of("type", "category", "data", points.stream().map(p -> p.period().toString()).toList()));
        option.put("yAxis", Map.of("type", "value", "min", 0, "max", 100));
        boolean labelEach = points.size() <= LABELLED_EACH_UP_TO;
        List<Object> data = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Object total = points.get(i).total() == null ? "-" : Scorecard.round(points.get(i).total());
            data.add(NamedValues.of("value", total, "label", Map.of("show", labelEach || i == points.size() - 1)));
        }
        // every point's symbol, not ECharts' "auto" choice, which drops some of them where points are close
        option.put("series", List.of(NamedValues.of("type", "line", "name", seriesName, "symbolSize", 6,
                "showAllSymbol", true, "data", data)));
        return option;
    }
}
