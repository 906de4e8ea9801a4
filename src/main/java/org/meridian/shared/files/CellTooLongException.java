package org.meridian.shared.files;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One cell holds more characters than {@link FileLimits#maxCellChars()}: its row is rejected with this reason, and a
 * reader that raises it has read past the row, so the file can be read on. The message is the English sentence the
 * row's report keeps: {@code column 3 holds more than 32,767 characters, the most one cell may hold}.
 */
public class CellTooLongException extends RuntimeException {

    private final int column;
    private final List<String> cells;

    /**
     * @param column the first long cell's 1-based column
     * @param cells  the row's cells as read, each long one null (so a report can still name the row by its other cells)
     */
    public CellTooLongException(int column, List<String> cells, FileLimits limits) {
        super(reason(column, limits));
        this.column = column;
        this.cells = Collections.unmodifiableList(new ArrayList<>(cells));
    }

    public int column() {
        return column;
    }

    /** The row's cells, each one over the limit null. */
    public List<String> cells() {
        return cells;
    }

    /** The sentence for a cell over the limit in the 1-based {@code column}. */
    public static String reason(int column, FileLimits limits) {
        return "column " + column + " holds more than " + FileLimits.grouped(limits.maxCellChars())
                + " characters, the most one cell may hold";
    }
}
