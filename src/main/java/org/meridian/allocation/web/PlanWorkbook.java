package org.meridian.allocation.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.meridian.allocation.AllocationPlan;
import org.meridian.allocation.PlanShare;

/**
 * A plan as an XLSX sheet: a title line (name, resource, amount, period, status, who drafted and approved it), the
 * rule and bounds in words, one row per unit (code, name, tier, performance, brand index, efficiency, driver share,
 * previous amount, floor, cap, amount, change and why), then Gini and Theil before and after, each unit once and, when
 * the plan takes it, per head. Amounts are numbers
 * Excel can add up (they add up to the plan's amount exactly); the words are those of the page.
 */
final class PlanWorkbook {

    private PlanWorkbook() {
    }

    static void write(OutputStream out, AllocationPlan plan, List<AllocationPages.Row> rows,
            List<AllocationPages.EquityRow> equity, List<AllocationPages.EquityRow> perHead, String perHeadTitle,
            PlanWords words) throws IOException {
        Workbook wb = new Workbook(out, "Meridian", "1.0");
        Worksheet ws = wb.newWorksheet(words.text("allocation.sheet.name"));
        ws.value(0, 0, plan.name() + " · " + plan.resource() + " · " + words.amountWithUnit(plan, plan.amount())
                + " · " + plan.period() + " · " + words.text("allocation.status." + plan.status().name()));
        ws.value(1, 0, words.text("allocation.sheet.drafted", plan.draftedBy())
                + (plan.approved() ? " · " + words.text("allocation.sheet.approved", plan.approvedBy()) : ""));
        ws.value(2, 0, words.rule(plan));
        String[] heads = {"allocation.col.code", "allocation.col.unit", "allocation.col.tier",
                "allocation.col.performance", "allocation.col.brand", "allocation.col.efficiency",
                "allocation.col.driver", "allocation.col.previous", "allocation.col.floor", "allocation.col.cap",
                "allocation.col.amount", "allocation.col.change", "allocation.col.why"};
        for (int c = 0; c < heads.length; c++) {
            ws.value(4, c, words.text(heads[c]));
            ws.style(4, c).bold().set();
        }
        int row = 5;
        for (AllocationPages.Row r : rows) {
            PlanShare s = r.share();
            int c = 0;
            ws.value(row, c++, s.unitCode());
            ws.value(row, c++, s.unitName());
            ws.value(row, c++, s.tier());
            ws.value(row, c++, s.performance());
            ws.value(row, c++, s.brand());
            ws.value(row, c++, s.efficiency());
            ws.value(row, c++, s.driver());
            ws.value(row, c++, s.previousAmount());
            ws.value(row, c++, s.floor());
            ws.value(row, c++, s.cap());
            ws.value(row, c++, s.amount());
            ws.value(row, c++, r.change());
            ws.value(row, c, r.why());
            row++;
        }
        row++;
        ws.value(row, 1, words.text("allocation.equity.before"));
        ws.value(row, 2, words.text("allocation.equity.after"));
        ws.style(row, 1).bold().set();
        ws.style(row, 2).bold().set();
        row = equity(ws, row + 1, equity, words);
        if (perHead != null) {
            ws.value(++row, 0, perHeadTitle);
            ws.style(row, 0).bold().set();
            equity(ws, row + 1, perHead, words);
        }
        wb.finish();
    }

    /** Gini, Theil T and L before and after, one line each from {@code row}; the row after them. */
    private static int equity(Worksheet ws, int row, List<AllocationPages.EquityRow> rows, PlanWords words) {
        for (AllocationPages.EquityRow e : rows) {
            ws.value(row, 0, words.text("allocation.equity." + e.key()));
            ws.value(row, 1, e.before());
            ws.value(row, 2, e.after());
            row++;
        }
        return row;
    }
}
