package org.meridian.exam.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.intake.CsvRows;
import org.meridian.intake.ImportFileException;
import org.meridian.shared.files.CellTooLongException;
import org.meridian.shared.files.FileLimits;
import org.meridian.shared.files.TextEncoding;
import org.springframework.core.io.InputStreamSource;

/**
 * A CSV file (UTF-8, RFC 4180, optionally with a byte-order mark) whose header names its columns in any order: the
 * required ones must be there, optional ones may be, and any other column makes the file unreadable as a whole (400
 * on {@code file}). Each data row becomes a map of column → cell; blank lines are skipped. A cell longer than
 * {@link FileLimits#maxCellChars()} makes the file unreadable too, the reason naming its row and column.
 */
final class ExamCsv {

    static final int MAX_ROWS = 100_000;

    private ExamCsv() {
    }

    /** The rows of a file, each a map of column to cell, and the encoding it was read in. */
    record Read(List<Map<String, String>> rows, TextEncoding encoding) {
    }

    static Read read(InputStreamSource file, FileLimits limits, List<String> required, List<String> optional) {
        try (CsvRows csv = CsvRows.open(file, limits)) {
            List<String> header = next(csv);
            if (header == null) {
                throw new ImportFileException("the file is empty: expected the header " + String.join(",", required));
            }
            Map<String, Integer> at = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip();
                if (!required.contains(name) && !optional.contains(name)) {
                    throw new ImportFileException("unknown column '" + name + "' in the header; the columns are "
                            + String.join(", ", required) + (optional.isEmpty() ? "" : ", " + String.join(", ", optional)));
                }
                if (at.put(name, i) != null) {
                    throw new ImportFileException("the column '" + name + "' appears twice in the header");
                }
            }
            for (String r : required) {
                if (!at.containsKey(r)) {
                    throw new ImportFileException("the header lacks the column '" + r + "'; it needs "
                            + String.join(", ", required));
                }
            }
            List<Map<String, String>> rows = new ArrayList<>();
            List<String> r;
            while ((r = next(csv)) != null) {
                if (r.size() == 1 && r.get(0).isBlank()) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new ImportFileException("the file has more than " + MAX_ROWS + " rows; split it");
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (Map.Entry<String, Integer> e : at.entrySet()) {
                    row.put(e.getKey(), e.getValue() < r.size() ? r.get(e.getValue()) : null);
                }
                rows.add(row);
            }
            return new Read(rows, csv.encoding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
