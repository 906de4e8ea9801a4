package org.meridian.intake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.meridian.shared.web.InputNumbers;

/**
 * The header of an import file (api.md, Events): the seven columns
 * {@code eventId,type,channel,occurredAt,referralId,patientId,value} in any order, every further column
 * taken as an attribute of that name. Turns one row of cells (text, or a number from a spreadsheet cell)
 * into a raw event.
 */
final class ImportColumns {

    static final List<String> REQUIRED = List.of("eventId", "type", "channel", "occurredAt", "referralId",
            "patientId", "value");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private final List<String> names;
    private final Map<String, Integer> positions = new LinkedHashMap<>();

    ImportColumns(List<String> header) {
        names = new ArrayList<>();
        Set<String> duplicates = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).strip();
            names.add(name);
            if (name.isEmpty()) {
                continue;
            }
            if (positions.putIfAbsent(name, i) != null) {
                duplicates.add(name);
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !positions.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new ImportFileException("the header lacks the column(s) " + String.join(", ", missing)
                    + "; it must name " + String.join(",", REQUIRED) + " (further columns become attributes)");
        }
        if (!duplicates.isEmpty()) {
            throw new ImportFileException("the header names a column more than once: " + String.join(", ", duplicates));
        }
    }

    /** True when every cell is empty (such rows are skipped). */
    static boolean blank(List<?> cells) {
        return cells.stream().allMatch(c -> c == null || c.toString().isBlank());
    }

    /** One data row as a raw event; cells are strings or, from a spreadsheet, numbers. */
    RawEvent toEvent(List<?> cells) {
        List<String> problems = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = i < names.size() ? names.get(i) : "";
            String text = text(cells.get(i));
            if (text == null) {
                continue;
            }
            if (name.isEmpty()) {
                problems.add("column " + (i + 1) + " has a value but no name in the header");
            } else if (!REQUIRED.contains(name)) {
                attributes.put(name, text);
            }
        }
        return new RawEvent(text(cell(cells, "eventId")), text(cell(cells, "type")), text(cell(cells, "channel")),
                text(cell(cells, "occurredAt")), text(cell(cells, "referralId")), text(cell(cells, "patientId")),
                value(cell(cells, "value")), attributes, problems);
    }

    /** A row refused by its reader (a cell over the limit), as a raw event that carries the reason. */
    RawEvent toEvent(List<?> cells, String problem) {
        RawEvent e = toEvent(cells);
        List<String> problems = new ArrayList<>(e.problems());
        problems.add(problem);
        return new RawEvent(e.eventId(), e.type(), e.channel(), e.occurredAt(), e.referralId(), e.patientId(),
                e.value(), e.attributes(), problems);
    }

    private Object cell(List<?> cells, String column) {
        int i = positions.get(column);
        return i < cells.size() ? cells.get(i) : null;
    }

    private static String text(Object cell) {
        if (cell == null) {
            return null;
        }
        String s = cell instanceof BigDecimal d ? InputNumbers.asText(d) : cell.toString();
        return s.isEmpty() ? null : s;
    }

    /** A number cell as is; a text cell when it is a plain decimal; otherwise the text in quotes (then rejected). */
    static Object value(Object cell) {
        if (cell == null || cell instanceof BigDecimal) {
            return cell;
        }
        String s = cell.toString().strip();
        if (s.isEmpty()) {
            return null;
        }
        return DECIMAL.matcher(s).matches() ? new BigDecimal(s) : "'" + s + "'";
    }
}
