package org.meridian.evaluation.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.indicator.scoring.Dimension;
import org.meridian.indicator.scoring.DimensionScores;
import org.meridian.indicator.scoring.IndicatorDefinition;
import org.meridian.indicator.scoring.Scorecard;
import org.meridian.indicator.scoring.SchemeItem;
import org.meridian.indicator.scoring.SchemeSnapshot;

/**
 * The ranking of an evaluation as an XLSX sheet: one row per channel in rank order with rank, code, name, region,
 * total (2 decimals), coverage, tier and the score of every indicator (4 decimals), then performance, brand index
 * and every dimension's score (2 decimals), as numbers Excel can sort.
 */
final class RankingWorkbook {

    private RankingWorkbook() {
    }

    static void write(OutputStream out, Evaluation e, SchemeSnapshot scheme, List<UnitScorecard> cards,
                      Function<String, String> text, Function<IndicatorDefinition, String> name) throws IOException {
        Workbook wb = new Workbook(out, "Meridian", "1.0");
        Worksheet ws = wb.newWorksheet(e.period() + " " + e.unitType().name());
        ws.value(0, 0, text.apply("evaluation.title") + " " + e.period() + " · " + text.apply("unitType."
                + e.unitType().name()) + " · v" + e.version() + " · " + text.apply("evaluation.status."
                + e.status().name()));
        String[] head = {"evaluation.col.rank", "evaluation.col.channel", "evaluation.col.name", "evaluation.col.region",
                "evaluation.col.total", "evaluation.col.coverage", "evaluation.col.tier"};
        int col = 0;
        for (String h : head) {
            ws.value(2, col++, text.apply(h));
        }
        for (SchemeItem item : scheme.items()) {
            ws.value(2, col++, name.apply(item.indicator()));
        }
        ws.value(2, col++, text.apply("evaluation.col.performance"));
        ws.value(2, col++, text.apply("evaluation.col.brand"));
        List<Dimension> dimensions = scheme.items().stream().map(i -> i.indicator().dimension()).distinct().toList();
        for (Dimension d : dimensions) {
            ws.value(2, col++, text.apply("indicator.dimension." + d.name()));
        }
        ws.style(2, 0).bold().set();
        int row = 3;
        for (UnitScorecard c : cards) {
            if (c.rank() != null) {
                ws.value(row, 0, c.rank());
            }
            ws.value(row, 1, c.channel());
            ws.value(row, 2, c.channelName());
            if (c.region() != null) {
                ws.value(row, 3, c.region());
            }
            if (c.total() != null) {
                ws.value(row, 4, c.roundedTotal());
            }
            ws.value(row, 5, c.coverage().setScale(4, RoundingMode.HALF_UP));
            ws.value(row, 6, c.tier());
            int k = 7;
            for (SchemeItem item : scheme.items()) {
                BigDecimal s = c.line(item.code()).score();
                if (s != null) {
                    ws.value(row, k, s.setScale(4, RoundingMode.HALF_UP));
                }
                k++;
            }
            DimensionScores d = c.dimensionScores(scheme);
            if (d.performance() != null) {
                ws.value(row, k, Scorecard.round(d.performance()));
            }
            k++;
            if (d.brand() != null) {
                ws.value(row, k, Scorecard.round(d.brand()));
            }
            k++;
            for (DimensionScores.DimensionScore x : d.dimensions()) {
                if (x.score() != null) {
                    ws.value(row, k, Scorecard.round(x.score()));
                }
                k++;
            }
            row++;
        }
        wb.finish();
    }
}
