package org.meridian.channel;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.meridian.shared.Actor;
import org.meridian.shared.web.Paged;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Exports the channels a search finds (every page of it) to XLSX, one row per channel, with the columns
 * of {@link ChannelImport#COLUMNS} captioned in the reader's language; types, levels and statuses as
 * captions. The file imports again unchanged (codes then collide, by design).
 */
@Service
public class ChannelExport {

    private final ChannelRegistry registry;
    private final ChannelImport format;
    private final MessageSource messages;

    ChannelExport(ChannelRegistry registry, ChannelImport format, MessageSource messages) {
        this.registry = registry;
        this.format = format;
        this.messages = messages;
    }

    public void write(Actor actor, ChannelQuery query, Locale locale, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Meridian", "1.0");
        Worksheet ws = wb.newWorksheet(messages.getMessage("channel.list.title", null, "channels", locale));
        List<String> columns = ChannelImport.COLUMNS;
        for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, format.caption(columns.get(c), locale));
            ws.style(0, c).bold().fillColor("DFE9EE").set();
        }
        ws.freezePane(0, 1);
        int row = 1;
        int page = 0;
        Paged<Channel> result;
        do {
            result = registry.search(actor, new ChannelQuery(query.q(), query.type(), query.tier(), query.status(),
                    query.region(), query.cooperationLevel(), query.contractEndsWithinDays(), query.sort(),
                    query.descending(), page++, Paged.MAX_SIZE));
            for (Channel ch : result.items()) {
                Object[] values = {ch.code(), ch.name(), caption("unitType.", ch.type(), locale),
                        caption("channel.level.", ch.cooperationLevel(), locale),
                        caption("channel.status.", ch.status(), locale), ch.tier(), ch.region(), ch.address(),
                        ch.contactName(), ch.contactPhone(),
                        ch.contractStart() == null ? null : ch.contractStart().toString(),
                        ch.contractEnd() == null ? null : ch.contractEnd().toString(), ch.contractRef(), ch.notes()};
                for (int c = 0; c < values.length; c++) {
                    if (values[c] != null) {
                        ws.value(row, c, values[c].toString());
                    }
                }
                row++;
            }
        } while (result.hasNext());
        ws.width(1, 30);
        ws.width(6, 26);
        ws.width(7, 30);
        wb.finish();
    }

    private String caption(String prefix, Enum<?> value, Locale locale) {
        return value == null ? null : messages.getMessage(prefix + value.name(), null, value.name(), locale);
    }
}
