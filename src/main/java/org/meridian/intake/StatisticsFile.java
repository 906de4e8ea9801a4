package org.meridian.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.meridian.shared.files.CellTooLongException;
import org.meridian.shared.files.FileLimits;
import org.meridian.shared.files.FileRefusedException;
import org.meridian.shared.files.TextEncoding;
import org.meridian.shared.files.Workbooks;
import org.meridian.shared.web.InputNumbers;
import org.springframework.core.io.InputStreamSource;

/**
 * A statistics file, CSV (UTF-8 with or without a byte-order mark, UTF-16 with one, or GB18030 as Chinese Excel saves
 * it) or XLSX (its first sheet): a header naming the
 * columns {@code unit}, {@code month}, {@code measure}, {@code value} and optionally {@code reason}, in any order,
 * then one statistic per line. A value cell holds a decimal ({@code 1234}, {@code -5.5}; in XLSX also a number cell);
 * anything else reaches the row's check as text. In XLSX a month typed into Excel often becomes a date: a date cell
 * (a whole day number) in the month column is read as that day's month, so {@code 2026-12} typed and turned into
 * 2026-12-01 still reads {@code 2026-12}. Blank rows are skipped and not counted. A file whose header lacks a column,
 * repeats one or names another is unreadable as a whole ({@link ImportFileException}); so is one with more than
 * {@value #MAX_ROWS} rows, one with a cell longer than {@link FileLimits#maxCellChars()} (the reason names its row and
 * column), an old XLS workbook, and a workbook that {@link Workbooks#check} refuses.
 */
public final class StatisticsFile {

    public static final int MAX_ROWS = 100_000;
    /** The header of the downloadable template, and of the files this reads. */
    public static final List<String> COLUMNS = List.of("unit", "month", "measure", "value", "reason");
    private static final List<String> REQUIRED = COLUMNS.subList(0, 4);
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private StatisticsFile() {
    }

    /**
     * The rows of a file, in order (the first data row is row 1), and the encoding a CSV file was read in (null for a
     * workbook, whose text has no encoding to choose).
     */
    public record Read(List<RawStatistic> rows, TextEncoding encoding) {
    }

    /**
     * Reads a CSV or XLSX file. The file is XLSX when its name ends in {@code .xlsx} or its content begins as a zip
     * archive does ({@code PK}); a name ending in {@code .xls} is refused.
     */
    public static Read read(InputStreamSource file, String fileName, FileLimits limits) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xls")) {
            throw new ImportFileException("XLS (Excel 97–2003) files are not supported; save the sheet as XLSX or "
                    + "CSV UTF-8");
        }
        try {
            byte[] head;
            try (InputStream in = file.getInputStream()) {
                head = in.readNBytes(4);
            }
            boolean zip = head.length == 4 && head[0] == 'P' && head[1] == 'K';
            if (name.endsWith(".xlsx") || zip) {
                try (InputStream in = file.getInputStream()) {
                    return new Read(readXlsx(in.readAllBytes(), limits), null);
                }
            }
            return read(file, limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when an upload to the event imports is a statistics file: its header (a CSV's first record, a workbook's
     * first non-blank row) names the column {@code measure} and no {@code eventId} (any case), which an event file
     * always has. A file whose header cannot be read is not recognised here, so the event import reports why; a
     * workbook is first checked as every workbook is ({@link Workbooks#check}).
     */
    public static boolean recognises(String fileName, Path file, FileLimits limits) {
        List<String> header;
        try {
            header = EventFile.detect(fileName, file) == EventFile.Format.XLSX ? xlsxHeader(file, limits)
                    : csvHeader(file, limits);
        } catch (RuntimeException e) {
            return false;
        }
        if (header == null) {
            return false;
        }
        List<String> names = header.stream().map(c -> c == null ? "" : c.strip().toLowerCase(Locale.ROOT)).toList();
        return names.contains("measure") && !names.contains("eventid");
    }

    private static List<String> csvHeader(Path file, FileLimits limits) {
        try (CsvRows csv = CsvRows.open(() -> Files.newInputStream(file), limits)) {
            return csv.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> xlsxHeader(Path file, FileLimits limits) {
        Workbooks.check(file, limits);
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
             Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            for (Iterator<Row> it = sheet.iterator(); it.hasNext(); ) {
                List<Object> cells = EventFile.values(it.next(), limits);
                if (!ImportColumns.blank(cells)) {
                    return cells.stream().map(c -> c == null ? "" : c.toString()).toList();
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a CSV file in the encoding {@link CsvRows#open} finds in it (UTF-8, UTF-16 with a byte-order mark, or
     * GB18030 as Chinese Excel saves CSV).
     */
    public static Read read(InputStreamSource file, FileLimits limits) {
        try (CsvRows csv = CsvRows.open(file, limits)) {
            List<String> header = next(csv);
            if (header == null) {
                throw empty();
            }
            Map<String, Integer> at = columns(header);
            List<RawStatistic> rows = new ArrayList<>();
            List<String> r;
            while ((r = next(csv)) != null) {
                if (r.size() == 1 && r.get(0).isBlank()) {
                    continue;
                }
                add(rows, at, new ArrayList<Object>(r));
            }
            return new Read(rows, csv.encoding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of an XLSX workbook's first sheet, read as {@link #read(InputStreamSource, FileLimits)} reads a CSV. */
    static List<RawStatistic> readXlsx(byte[] content, FileLimits limits) {
        try {
            Workbooks.check(content, limits);
        } catch (FileRefusedException e) {
            throw new ImportFileException(e.getMessage());
        }
        ReadableWorkbook workbook;
        Stream<Row> sheet;
        try {
            workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
            sheet = workbook.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            throw new ImportFileException("the file is not an XLSX workbook (" + e.getClass().getSimpleName()
                    + "); upload an .xlsx saved by Excel/WPS or a CSV UTF-8 file");
        }
        try (workbook; sheet) {
            Iterator<Row> it = sheet.iterator();
            Map<String, Integer> at = null;
            int monthColumn = -1;
            List<RawStatistic> rows = new ArrayList<>();
            while (true) {
                Row row;
                try {
                    row = it.hasNext() ? it.next() : null;
                } catch (RuntimeException e) {
                    throw new ImportFileException("the workbook cannot be read (" + e.getMessage() + ")");
                }
                if (row == null) {
                    break;
                }
                List<Object> cells = cells(row, monthColumn, limits);
                if (cells.stream().allMatch(c -> c == null || c.toString().isBlank())) {
                    continue;
                }
                if (at == null) {
                    at = columns(cells.stream().map(c -> c == null ? "" : c.toString()).toList());
                    monthColumn = at.get("month");
                    continue;
                }
                add(rows, at, cells);
            }
            if (at == null) {
                throw empty();
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template as CSV: the header and one example row. */
    public static String template() {
        return String.join(",", COLUMNS) + "\n" + String.join(",", EXAMPLE) + "\n";
    }

    /**
     * The template as an XLSX workbook: the header and the example row, every cell text (so that Excel keeps the
     * month as typed), and the columns wide enough to read.
     */
    public static byte[] templateXlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Meridian", "1.0");
            Worksheet ws = wb.newWorksheet("statistics");
            for (int c = 0; c < COLUMNS.size(); c++) {
                ws.value(0, c, COLUMNS.get(c));
                ws.style(0, c).bold().set();
                ws.value(1, c, EXAMPLE.get(c));
                ws.width(c, c == COLUMNS.size() - 1 ? 30 : 14);
            }
            ws.range(1, 0, 1000, COLUMNS.size() - 1).style().format("@").set();
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The example row of both templates. */
    private static final List<String> EXAMPLE = List.of("DEP-001", "2026-12", "discharges", "1234", "");

    private static ImportFileException empty() {
        return new ImportFileException("the file is empty: expected the header " + String.join(",", REQUIRED)
                + "[,reason]");
    }

    /** Where each column is, from the header; an unknown, repeated or missing column makes the file unreadable. */
    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty() && i == header.size() - 1) {
                continue; // a trailing empty cell
            }
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
        return at;
    }

    /** One data row (text cells, or numbers from a workbook) as a statistic. */
    private static void add(List<RawStatistic> rows, Map<String, Integer> at, List<Object> r) {
        if (rows.size() == MAX_ROWS) {
            throw new ImportFileException("the file has more than " + MAX_ROWS + " rows; split it");
        }
        Object v = cell(r, at.get("value"));
        BigDecimal number = v instanceof BigDecimal d ? d
                : v != null && DECIMAL.matcher(v.toString().strip()).matches() ? new BigDecimal(v.toString().strip())
                : null;
        rows.add(new RawStatistic(text(r, at.get("unit")), text(r, at.get("month")), text(r, at.get("measure")),
                number, number != null || v == null ? null : v.toString(),
                at.containsKey("reason") ? text(r, at.get("reason")) : null));
    }

    private static Object cell(List<Object> row, int i) {
        return i < row.size() ? row.get(i) : null;
    }

    /** A cell as text; a number as written ({@code 101}, not {@code 101.0}). */
    private static String text(List<Object> row, int i) {
        Object c = cell(row, i);
        return c == null ? null : c instanceof BigDecimal d ? InputNumbers.asText(d.stripTrailingZeros()) : c.toString();
    }

    /**
     * A workbook row's cells ({@link EventFile#values}), in the month column a whole day number as its month. A
     * cell longer than the limit makes the file unreadable, naming the row.
     */
    private static List<Object> cells(Row row, int monthColumn, FileLimits limits) {
        List<Object> cells = new ArrayList<>(EventFile.values(row, limits));
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value instanceof String text && limits.tooLong(text)) {
                throw new ImportFileException("row " + row.getRowNum() + ": "
                        + CellTooLongException.reason(i + 1, limits));
            }
            if (i == monthColumn && value instanceof BigDecimal days) {
                cells.set(i, month(days));
            }
        }
        return cells;
    }

    /**
     * A number in the month column: Excel keeps a date as the days since 1899-12-30, so a whole number from 1 (1900)
     * to 2958465 (9999-12-31) is that day's month; anything else stays a number (and fails the month's check).
     */
    private static Object month(BigDecimal days) {
        if (days.signum() > 0 && days.stripTrailingZeros().scale() <= 0
                && days.compareTo(BigDecimal.valueOf(2_958_465)) <= 0) {
            return YearMonth.from(LocalDate.of(1899, 12, 30).plusDays(days.longValue())).toString();
        }
        return days;
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
