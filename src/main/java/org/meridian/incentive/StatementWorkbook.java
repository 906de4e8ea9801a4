package org.meridian.incentive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.meridian.incentive.rules.StatementLine;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.stereotype.Component;

/**
 * A statement as an XLSX workbook for finance (财务): the head with its workflow, then one row per line
 * with rule, basis, rate and amount, then the total, which is the sum of the amounts above it.
 */
@Component
class StatementWorkbook {

    static final int FIRST_LINE_ROW = 15;
    static final int AMOUNT_COLUMN = 7;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Explanations texts;
    private final Hospitals hospitals;

    StatementWorkbook(Explanations texts, Hospitals hospitals) {
        this.texts = texts;
        this.hospitals = hospitals;
    }

    byte[] write(Statement statement, Locale locale) {
        ZoneId zone = hospitals.current().timeZone();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Meridian", "1.0");
            Worksheet ws = wb.newWorksheet(t("incentive.xlsx.sheet", locale));
            var h = statement.header();
            ws.value(0, 0, t("incentive.xlsx.title", locale) + " " + hospitals.current().name());
            ws.style(0, 0).bold().fontSize(14).set();
            String[][] head = {
                {"incentive.field.channel", h.channelCode()},
                {"incentive.field.unitType", t("unitType." + statement.result().unitType().name(), locale)},
                {"incentive.field.period", h.period()},
                {"incentive.field.sequence", h.sequence() + (h.corrects() == null ? ""
                        : " (" + t("incentive.field.corrects", locale) + " #" + h.corrects() + ")")},
                {"incentive.field.status", t("incentive.status." + h.status().name(), locale)},
                {"incentive.field.tier", statement.result().tier()},
                {"incentive.field.total", statement.result().total() == null ? "—"
                        : statement.result().roundedTotal().toPlainString()},
                {"incentive.field.rank", statement.result().rank() == null ? "—" : statement.result().rank().toString()},
                {"incentive.field.preparedBy", who(h.preparedBy(), h.preparedAt(), zone)},
                {"incentive.field.reviewedBy", who(h.reviewedBy(), h.reviewedAt(), zone)},
                {"incentive.field.approvedBy", who(h.approvedBy(), h.approvedAt(), zone)},
                {"incentive.field.paidBy", who(h.paidBy(), h.paidAt(), zone)},
                {"incentive.field.currency", "CNY"},
            };
            for (int i = 0; i < head.length; i++) {
                ws.value(1 + i, 0, t(head[i][0], locale));
                ws.style(1 + i, 0).bold().set();
                ws.value(1 + i, 1, head[i][1]);
            }
            String[] columns = {"incentive.line.no", "incentive.line.type", "incentive.line.rule",
                "incentive.line.version", "incentive.line.basisLabel", "incentive.line.basis", "incentive.line.rate",
                "incentive.line.amount", "incentive.line.quantity", "incentive.line.benefit",
                "incentive.line.explanation"};
            int headerRow = FIRST_LINE_ROW - 1;
            for (int c = 0; c < columns.length; c++) {
                ws.value(headerRow, c, t(columns[c], locale));
                ws.style(headerRow, c).bold().fillColor("DDE7F0").set();
            }
            int row = FIRST_LINE_ROW;
            for (StoredLine stored : statement.lines()) {
                StatementLine l = stored.line();
                ws.value(row, 0, stored.lineNo());
                ws.value(row, 1, t("incentive.type." + l.ruleType().name(), locale));
                ws.value(row, 2, l.ruleCode());
                if (l.ruleVersion() != null) {
                    ws.value(row, 3, l.ruleVersion());
                }
                ws.value(row, 4, l.basisLabel());
                if (l.basis() != null) {
                    ws.value(row, 5, l.basis());
                }
                if (l.rate() != null) {
                    ws.value(row, 6, l.rate());
                }
                ws.value(row, AMOUNT_COLUMN, l.amount());
                ws.style(row, AMOUNT_COLUMN).format("#,##0.00").set();
                if (l.quantity() != null) {
                    ws.value(row, 8, l.quantity());
                }
                ws.value(row, 9, l.benefit());
                ws.value(row, 10, texts.render(l.explanation(), locale));
                row++;
            }
            ws.value(row, 6, t("incentive.field.sum", locale));
            ws.style(row, 6).bold().set();
            ws.value(row, AMOUNT_COLUMN, statement.total());
            ws.style(row, AMOUNT_COLUMN).bold().format("#,##0.00").set();
            ws.width(0, 14);
            ws.width(2, 18);
            ws.width(7, 14);
            ws.width(9, 24);
            ws.width(10, 70);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String t(String key, Locale locale) {
        return texts.message(key, locale);
    }

    private static String who(String user, Instant at, ZoneId zone) {
        return user == null ? "—" : user + " " + TIME.format(at.atZone(zone));
    }
}
