package org.meridian.intake;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.meridian.shared.files.CellTooLongException;
import org.meridian.shared.files.FileLimits;
import org.meridian.shared.files.FileRefusedException;
import org.meridian.shared.files.SheetDates;
import org.meridian.shared.files.TextEncoding;
import org.meridian.shared.files.Workbooks;

/**
 * An import file read row by row: CSV (UTF-8, UTF-16 with BOM or GB18030, {@link TextEncoding#detect}) or XLSX (first
 * sheet, a date-formatted number cell read as the local date-time it shows, {@link SheetDates}), header first.
 * Rows come one at a time, so memory does not grow with the file. Blank rows are skipped; each row keeps
 * its 1-based data row number (the row below the header is 1). What is read is bounded by {@link FileLimits}: a cell
 * over the limit rejects its row (with the reason, the row's other cells kept for the report), a workbook whose
 * structure is hostile ({@link Workbooks#check}) or a header cell over the limit makes the file unreadable.
 */
abstract class EventFile implements Closeable {

    /** The formats an import can have. */
    enum Format { CSV, XLSX }

    /** A data row and its 1-based number. */
    record NumberedRow(int index, RawEvent event) {
    }

    /** The next non-blank data row, or null at the end. */
    abstract NumberedRow next();

    /** The encoding of a CSV file; null for a workbook. */
    TextEncoding encoding() {
        return null;
    }

    static Format detect(String fileName, Path file) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return Format.XLSX;
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return Format.CSV;
        }
        if (name.endsWith(".xls")) {
            throw new ImportFileException("XLS (Excel 97–2003) files are not supported; save the sheet as XLSX or CSV UTF-8");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' ? Format.XLSX : Format.CSV;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EventFile open(Format format, Path file, FileLimits limits) {
        return open(format, file, limits, null);
    }

    /** Opens the file; a CSV file in {@code encoding}, or in the one detected in it when that is null. */
    static EventFile open(Format format, Path file, FileLimits limits, TextEncoding encoding) {
        return format == Format.CSV ? new Csv(file, limits, encoding) : new Xlsx(file, limits);
    }

    static ImportFileException headerTooLong(CellTooLongException e) {
        return new ImportFileException("the header's " + e.getMessage());
    }

    static final class Csv extends EventFile {
        private final CsvRows rows;
        private final ImportColumns columns;
        private int index;

        Csv(Path file, FileLimits limits, TextEncoding encoding) {
            try {
                rows = encoding == null ? CsvRows.open(() -> Files.newInputStream(file), limits)
                        : new CsvRows(Files.newInputStream(file), encoding, limits);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> header;
            try {
                do {
                    header = rows.next();
                } while (header != null && isComment(header));
            } catch (CellTooLongException e) {
                throw headerTooLong(e);
            }
            if (header == null) {
                throw new ImportFileException("the file is empty: it needs a header row");
            }
            columns = new ImportColumns(header);
        }

        @Override
        NumberedRow next() {
            while (true) {
                List<String> cells;
                try {
                    cells = rows.next();
                } catch (CellTooLongException e) {
                    index++;
                    return new NumberedRow(index, columns.toEvent(e.cells(), e.getMessage()));
                }
                if (cells == null) {
                    return null;
                }
                index++;
                if (!ImportColumns.blank(cells)) {
                    return new NumberedRow(index, columns.toEvent(cells));
                }
            }
        }

        /** A line before the header whose first cell starts with {@code #} (the template's notes on the columns). */
        private static boolean isComment(List<String> record) {
            return !record.isEmpty() && record.get(0) != null && record.get(0).stripLeading().startsWith("#");
        }

        @Override
        TextEncoding encoding() {
            return rows.encoding();
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }

    static final class Xlsx extends EventFile {
        private final ReadableWorkbook workbook;
        private final Stream<Row> stream;
        private final Iterator<Row> rows;
        private final ImportColumns columns;
        private final int headerRow;
        private final FileLimits limits;

        Xlsx(Path file, FileLimits limits) {
            this.limits = limits;
            try {
                Workbooks.check(file, limits);
            } catch (FileRefusedException e) {
                throw new ImportFileException(e.getMessage());
            }
            try {
                // the cells' formats tell a date from a number; a workbook without a styles part has none, and
                // fastexcel refuses to read formats it cannot find, so such a workbook is read without them
                workbook = new ReadableWorkbook(file.toFile(), Workbooks.declaresStyles(file)
                        ? new ReadingOptions(true, false) : ReadingOptions.DEFAULT_READING_OPTIONS);
                stream = workbook.getFirstSheet().openStream();
                rows = stream.iterator();
            } catch (Exception e) {
                throw new ImportFileException("the file is not an XLSX workbook (" + e.getClass().getSimpleName()
                        + "); upload an .xlsx saved by Excel/WPS or a CSV UTF-8 file");
            }
            Row header = nextRow();
            if (header == null) {
                throw new ImportFileException("the first sheet is empty: it needs a header row");
            }
            headerRow = header.getRowNum();
            List<Object> names = cells(header);
            if (tooLong(names) > 0) {
                throw headerTooLong(new CellTooLongException(tooLong(names), List.of(), limits));
            }
            columns = new ImportColumns(names.stream().map(c -> c == null ? null : c.toString()).toList());
        }

        private Row nextRow() {
            try {
                return rows.hasNext() ? rows.next() : null;
            } catch (RuntimeException e) {
                throw new ImportFileException("the workbook cannot be read (" + e.getMessage() + ")");
            }
        }

        @Override
        NumberedRow next() {
            while (true) {
                Row row = nextRow();
                if (row == null) {
                    return null;
                }
                List<Object> cells = cells(row);
                int tooLong = tooLong(cells);
                if (tooLong > 0) {
                    String reason = CellTooLongException.reason(tooLong, limits);
                    return new NumberedRow(row.getRowNum() - headerRow, columns.toEvent(
                            cells.stream().map(c -> c instanceof TooLong ? null : c).toList(), reason));
                }
                if (!ImportColumns.blank(cells)) {
                    return new NumberedRow(row.getRowNum() - headerRow, columns.toEvent(cells));
                }
            }
        }

        /** The 1-based column of the first cell over the limit, or 0. */
        private static int tooLong(List<Object> cells) {
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i) instanceof TooLong) {
                    return i + 1;
                }
            }
            return 0;
        }

        /** Stands for a cell over the limit. */
        private enum TooLong { CELL }

        private List<Object> cells(Row row) {
            List<Object> values = values(row, limits);
            List<Object> cells = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i) instanceof BigDecimal n ? number(row.getCell(i), n) : values.get(i);
                cells.add(v instanceof String text && limits.tooLong(text) ? TooLong.CELL : v);
            }
            return cells;
        }

        /** A number cell as an exact decimal, or, when its format shows a date, the local date-time it shows. */
        private Object number(Cell cell, BigDecimal n) {
            if (SheetDates.isDate(cell.getDataFormatId(), cell.getDataFormatString())) {
                String date = SheetDates.text(n, workbook.isDate1904(), cell.getDataFormatId(), cell.getDataFormatString());
                if (date != null) {
                    return date;
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            stream.close();
            workbook.close();
        }
    }

    /**
     * A workbook row's values: a number cell as a decimal, an empty one as null, any other as its text (however
     * long). A row with more cells than {@link FileLimits#maxColumns()} makes the file unreadable, naming the row.
     */
    static List<Object> values(Row row, FileLimits limits) {
        if (row.getCellCount() > limits.maxColumns()) {
            throw new ImportFileException("row " + row.getRowNum() + " of the sheet has more than "
                    + limits.maxColumns() + " cells (the most one row may have)");
        }
        List<Object> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            cells.add(cell == null ? null : switch (cell.getType()) {
                case NUMBER -> (BigDecimal) cell.getValue();
                case EMPTY -> null;
                default -> cell.getText();
            });
        }
        return cells;
    }
}
