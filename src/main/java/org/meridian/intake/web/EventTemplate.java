package org.meridian.intake.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

/**
 * The event import template (导入模板), as CSV and as XLSX: the header of the import with a note on every column, and
 * one example row that imports as it is (a REFERRAL of the hospital's first channel, yesterday at 10:00 in the
 * hospital's time zone, written without offset). In the CSV file the notes are lines before the header starting with
 * {@code #}, which the import skips; in the workbook they are comments on the header cells, and the example's time is
 * a date-time cell, as Excel saves a typed date.
 */
final class EventTemplate {

    /** The columns: the seven of the import and one attribute, to show that further columns become attributes. */
    static final List<String> COLUMNS = List.of("eventId", "type", "channel", "occurredAt", "referralId", "patientId",
            "value", "department");
    static final String EXAMPLE_EVENT = "EXAMPLE-1";

    private final MessageSource messages;
    private final Locale locale;
    private final String channelCode;
    private final LocalDateTime occurredAt;

    EventTemplate(MessageSource messages, Locale locale, String channelCode, LocalDateTime occurredAt) {
        this.messages = messages;
        this.locale = locale;
        this.channelCode = channelCode;
        this.occurredAt = occurredAt;
    }

    /** The note on one column, in the reader's language. */
    String note(String column) {
        return messages.getMessage("imports.column." + column, null, locale);
    }

    /** The example row's cells as text (the time without offset). */
    List<String> example() {
        return List.of(EXAMPLE_EVENT, "REFERRAL", channelCode,
                occurredAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")), "EXAMPLE-R1", "P-EXAMPLE", "",
                messages.getMessage("imports.example.department", null, locale));
    }

    /** UTF-8 with a byte-order mark, so that Excel opens the Chinese notes correctly. */
    byte[] csv() {
        StringBuilder b = new StringBuilder("\uFEFF");
        b.append("# ").append(messages.getMessage("imports.template.intro", null, locale)).append("\r\n");
        for (String c : COLUMNS) {
            b.append("# ").append(c).append(": ").append(note(c).replace("\"", "'")).append("\r\n");
        }
        b.append(String.join(",", COLUMNS)).append("\r\n");
        b.append(String.join(",", example())).append("\r\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    void xlsx(OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Meridian", "1.0");
        Worksheet ws = wb.newWorksheet(messages.getMessage("imports.template.sheet", null, locale));
        List<String> example = new ArrayList<>(example());
        for (int c = 0; c < COLUMNS.size(); c++) {
            ws.value(0, c, COLUMNS.get(c));
            ws.comment(0, c, note(COLUMNS.get(c)));
            ws.width(c, c == 3 ? 20 : 14);
            if (c == 3) {
                ws.value(1, c, occurredAt);
                ws.style(1, c).format("yyyy-mm-dd hh:mm:ss").set();
            } else if (!example.get(c).isEmpty()) {
                ws.value(1, c, example.get(c));
            }
        }
        ws.range(0, 0, 0, COLUMNS.size() - 1).style().bold().set();
        wb.finish();
    }
}
