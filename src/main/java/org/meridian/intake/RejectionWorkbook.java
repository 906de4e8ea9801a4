package org.meridian.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.meridian.shared.web.Paged;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The rejected rows of one import as an XLSX workbook (被拒行): one row per rejected data row with its row
 * number, the import columns with the values as the file gave them (the patient id is never kept, so that
 * column says so), every attribute column that any rejected row had, and every reason, one per line, in
 * the reader's language. Corrected rows can be pasted back into a new import file.
 */
@Component
public class RejectionWorkbook {

    /** The fixed import columns, in the order of api.md's header. */
    public static final List<String> COLUMNS = List.of("eventId", "type", "channel", "occurredAt", "referralId",
            "patientId", "value");

    private final IntakeQuality quality;
    private final RowMessages rowMessages;
    private final MessageSource messages;

    RejectionWorkbook(IntakeQuality quality, RowMessages rowMessages, MessageSource messages) {
        this.quality = quality;
        this.rowMessages = rowMessages;
        this.messages = messages;
    }

    /** Writes the workbook of an import of the hospital (callers check first that it exists: {@link IntakeQuality#importRun}). */
    public void write(long hospitalId, long importId, Locale locale, OutputStream out) throws IOException {
        List<IntakeQuality.Rejection> rows = new ArrayList<>();
        int page = 0;
        Paged<IntakeQuality.Rejection> part;
        do {
            part = quality.rejections(hospitalId, importId, page++, Paged.MAX_SIZE);
            rows.addAll(part.items());
        } while (part.hasNext());
        TreeSet<String> attributes = new TreeSet<>();
        rows.forEach(r -> r.values().keySet().stream().filter(k -> !COLUMNS.contains(k)).forEach(attributes::add));

        Workbook wb = new Workbook(out, "Meridian", "1.0");
        Worksheet ws = wb.newWorksheet(text("rejections.sheet", locale));
        List<String> header = new ArrayList<>();
        header.add(text("rejections.row", locale));
        header.addAll(COLUMNS);
        header.addAll(attributes);
        header.add(text("rejections.reasons", locale));
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
            ws.style(0, c).bold().fillColor("DFE9EE").set();
        }
        ws.freezePane(1, 1);
        int r = 1;
        String withheld = text("rejections.patientWithheld", locale);
        for (IntakeQuality.Rejection row : rows) {
            ws.value(r, 0, row.row());
            int c = 1;
            for (String column : COLUMNS) {
                String value = row.values().get(column);
                if (column.equals("patientId") && value != null) {
                    value = withheld;
                }
                if (value != null) {
                    ws.value(r, c, value);
                }
                c++;
            }
            for (String attribute : attributes) {
                String value = row.values().get(attribute);
                if (value != null) {
                    ws.value(r, c, value);
                }
                c++;
            }
            ws.value(r, c, String.join("\n", rowMessages.localise(row.reasons(), locale)));
            ws.style(r, c).wrapText(true).set();
            r++;
        }
        ws.width(0, 8);
        ws.width(1, 22);
        ws.width(4, 28);
        ws.width(header.size() - 1, 70);
        wb.finish();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
