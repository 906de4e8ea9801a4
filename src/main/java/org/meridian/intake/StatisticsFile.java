package org.meridian.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.meridian.shared.files.CellTooLongException;
import org.meridian.shared.files.FileLimits;

/**
 * A statistics CSV file (UTF-8, optionally with a byte-order mark): a header naming the columns {@code unit},
 * {@code month}, {@code measure}, {@code value} and optionally {@code reason}, in any order, then one statistic per
 * line. A value cell holds a decimal ({@code 1234}, {@code -5.5}); anything else reaches the row's check as text. A
 * file whose header lacks a column, repeats one or names another is unreadable as a whole
 * ({@link ImportFileException}); so is one with more than {@value #MAX_ROWS} rows, and one with a cell longer than
 * {@link FileLimits#maxCellChars()} (the reason names its row and column).
 */
public final class StatisticsFile {

    public static final int MAX_ROWS = 100_000;
    /** The header of the downloadable template, and of the files this reads. */
    public static final List<String> COLUMNS = List.of("unit", "month", "measure", "value", "reason");
    private static final List<String> REQUIRED = COLUMNS.subList(0, 4);
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private StatisticsFile() {
    }

    /** The rows of the file, in order; the first data row is row 1. */
    public static List<RawStatistic> read(InputStream in, FileLimits limits) {
        try (CsvRows csv = new CsvRows(in, limits)) {
            List<String> header = next(csv);
            if (header == null) {
                throw new ImportFileException("the file is empty: expected the header " + String.join(",", REQUIRED)
                        + "[,reason]");
            }
            Map<String, Integer> at = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip().toLowerCase(Locale.ROOT);
                if (!COLUMNS.contains(name)) {
                    throw new ImportFileException("unknown column '" + header.get(i).strip()
                            + "' in the header; the columns are " + String.join(", ", COLUMNS));
                }
                if (at.put(name, i) != null) {
                    throw new ImportFileException("the column '" + name + "' appears twice in the header");
                }
            }
            for (String r : REQUIRED) {
                if (!at.containsKey(r)) {
                    throw new ImportFileException("the header lacks the column '" + r + "'; it needs "
                            + String.join(", ", REQUIRED) + " and may have reason");
                }
            }
            List<RawStatistic> rows = new ArrayList<>();
            List<String> r;
            while ((r = next(csv)) != null) {
                if (r.size() == 1 && r.get(0).isBlank()) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new ImportFileException("the file has more than " + MAX_ROWS + " rows; split it");
                }
                String value = cell(r, at.get("value"));
                boolean number = value != null && DECIMAL.matcher(value.strip()).matches();
                rows.add(new RawStatistic(cell(r, at.get("unit")), cell(r, at.get("month")),
                        cell(r, at.get("measure")), number ? new BigDecimal(value.strip()) : null,
                        number ? null : value, at.containsKey("reason") ? cell(r, at.get("reason")) : null));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template: the header and one example row. */
    public static String template() {
        return String.join(",", COLUMNS) + "\nDEP-001,2026-12,discharges,1234,\n";
    }

    private static String cell(List<String> row, int i) {
        return i < row.size() ? row.get(i) : null;
    }

    /** The next record; a cell over the limit makes the file unreadable, naming its line. */
    private static List<String> next(CsvRows csv) {
        try {
            return csv.next();
        } catch (CellTooLongException e) {
            throw new ImportFileException("line " + csv.recordLine() + ": " + e.getMessage());
        }
    }
}
