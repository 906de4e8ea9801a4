package org.meridian.efficiency.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.meridian.efficiency.EfficiencyRun;
import org.meridian.efficiency.RunMeasure;
import org.meridian.efficiency.UnitEfficiency;

/**
 * A run as an XLSX sheet: a title line (period, unit type, model, orientation, status), then one row per unit with
 * its code and name, its data, technical, pure technical and scale efficiency, super-efficiency and rank when asked,
 * returns to scale, status, each target, the targets in words and the peers. Values are unrounded numbers Excel can
 * sort; the words are those of the page.
 */
final class RunWorkbook {

    private RunWorkbook() {
    }

    static void write(OutputStream out, EfficiencyRun run, List<UnitEfficiency> results,
            List<EfficiencyPages.Row> rows, Words words, Locale locale) throws IOException {
        Workbook wb = new Workbook(out, "Meridian", "1.0");
        Worksheet ws = wb.newWorksheet(run.period() + " " + run.unitType().name());
        ws.value(0, 0, words.text("efficiency.run.title") + " " + run.period() + " · "
                + words.text("unitType." + run.unitType().name()) + " · " + words.text("efficiency.model."
                + run.model().name()) + " · " + words.text("efficiency.orientation." + run.orientation().name())
                + " · " + words.text("efficiency.status." + run.status().name()));
        List<RunMeasure> measures = run.measures();
        int col = 0;
        ws.value(2, col++, words.text("efficiency.col.code"));
        ws.value(2, col++, words.text("efficiency.col.unit"));
        for (RunMeasure m : measures) {
            ws.value(2, col++, m.name(locale) + " (" + m.unit() + ")");
        }
        ws.value(2, col++, words.text("efficiency.col.technical"));
        ws.value(2, col++, words.text("efficiency.col.pureTechnical"));
        ws.value(2, col++, words.text("efficiency.col.scale"));
        if (run.superEfficiency()) {
            ws.value(2, col++, words.text("efficiency.col.superEfficiency"));
            ws.value(2, col++, words.text("efficiency.col.rank"));
        }
        ws.value(2, col++, words.text("efficiency.col.returnsToScale"));
        ws.value(2, col++, words.text("efficiency.col.status"));
        for (RunMeasure m : measures) {
            ws.value(2, col++, words.text("efficiency.col.target", m.name(locale)));
        }
        ws.value(2, col++, words.text("efficiency.col.targets"));
        ws.value(2, col, words.text("efficiency.col.peers"));
        ws.style(2, 0).bold().set();
        int row = 3;
        for (int k = 0; k < results.size(); k++) {
            UnitEfficiency u = results.get(k);
            EfficiencyPages.Row r = rows.get(k);
            int c = 0;
            ws.value(row, c++, u.unitCode());
            ws.value(row, c++, u.unitName());
            for (double v : u.inputs()) {
                ws.value(row, c++, v);
            }
            for (double v : u.outputs()) {
                ws.value(row, c++, v);
            }
            ws.value(row, c++, u.technical());
            ws.value(row, c++, u.pureTechnical());
            ws.value(row, c++, u.scale());
            if (run.superEfficiency()) {
                if (u.efficiency() != null) {
                    ws.value(row, c, u.efficiency());
                } else {
                    ws.value(row, c, words.text("efficiency.run.infeasible"));
                }
                c++;
                if (u.rank() != null) {
                    ws.value(row, c, u.rank());
                }
                c++;
            }
            ws.value(row, c++, r.returnsToScale());
            ws.value(row, c++, words.text("efficiency.status." + u.status().name()));
            for (double v : u.inputTargets()) {
                ws.value(row, c++, v);
            }
            for (double v : u.outputTargets()) {
                ws.value(row, c++, v);
            }
            ws.value(row, c++, r.targets());
            ws.value(row, c, r.peers());
            row++;
        }
        wb.finish();
    }
}
