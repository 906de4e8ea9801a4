package org.meridian.intake;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.meridian.shared.files.CellTooLongException;
import org.meridian.shared.files.FileLimits;

/**
 * Streams the records of an RFC 4180 CSV file in UTF-8 (with or without BOM): comma-separated, fields
 * optionally in double quotes, {@code ""} for a quote inside quotes, line breaks allowed inside quotes.
 * Reads one character at a time through a byte buffer, so memory does not grow with the file. A broken quote
 * or invalid UTF-8 stops reading with an {@link ImportFileException} naming the line, and so does a record of more
 * than {@link FileLimits#maxColumns()} fields. A field longer than {@link FileLimits#maxCellChars()} is not kept:
 * the record is read to its end and refused with a {@link CellTooLongException}, after which the next record can be
 * read.
 */
public final class CsvRows implements Closeable {

    private final InputStream in;
    private final FileLimits limits;
    private int pendingLowSurrogate = -1;
    private int line = 1;
    private int recordLine;
    private int pushedBack = -2;
    private boolean started;
    private boolean fieldOver;
    private int tooLong;

    public CsvRows(InputStream in, FileLimits limits) {
        this.in = new BufferedInputStream(in, 65536);
        this.limits = limits;
    }

    /** The physical line on which the last record returned by {@link #next()} started. */
    public int recordLine() {
        return recordLine;
    }

    /**
     * The next record's fields, or null at the end of the file.
     *
     * @throws CellTooLongException when a field of the record is too long (the record has been read past)
     */
    public List<String> next() {
        int c = read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        fieldOver = false;
        tooLong = 0;
        while (true) {
            if (c == '"') {
                if (!field.isEmpty() || quoted) {
                    throw new ImportFileException("line " + line + ": a double quote inside a field that is not"
                            + " quoted (quote the whole field and double the quote: \"a \"\"b\"\" c\")");
                }
                quoted = true;
                int quoteLine = line;
                while (true) {
                    c = read();
                    if (c == -1) {
                        throw new ImportFileException("line " + quoteLine + ": a quoted field is never closed");
                    }
                    if (c == '"') {
                        c = read();
                        if (c != '"') {
                            break;
                        }
                    } else if (c == '\n') {
                        line++;
                    }
                    append(field, c);
                }
                if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    throw new ImportFileException("line " + line + ": text after the closing quote of a field");
                }
                continue;
            }
            if (c == ',') {
                add(fields, field);
                field.setLength(0);
                quoted = false;
                c = read();
                continue;
            }
            if (c == '\r') {
                int n = read();
                if (n != '\n') {
                    pushedBack = n;
                }
                c = '\n';
            }
            if (c == '\n' || c == -1) {
                add(fields, field);
                if (c == '\n') {
                    line++;
                }
                if (tooLong > 0) {
                    throw new CellTooLongException(tooLong, fields, limits);
                }
                return fields;
            }
            append(field, c);
            c = read();
        }
    }

    /** Appends a character unless the field is full (the rest of a full field is read but not kept). */
    private void append(StringBuilder field, int c) {
        if (field.length() < limits.maxCellChars()) {
            field.append((char) c);
        } else {
            fieldOver = true;
        }
    }

    /** Ends a field: its text, or null for a field over the limit (the first such column is remembered). */
    private void add(List<String> fields, StringBuilder field) {
        if (fields.size() == limits.maxColumns()) {
            throw new ImportFileException("line " + line + ": a record of more than " + limits.maxColumns()
                    + " fields (the most one row may have)");
        }
        if (fieldOver && tooLong == 0) {
            tooLong = fields.size() + 1;
        }
        fields.add(fieldOver ? null : field.toString());
        fieldOver = false;
        field.setLength(0);
    }

    private int read() {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (pendingLowSurrogate >= 0) {
            int c = pendingLowSurrogate;
            pendingLowSurrogate = -1;
            return c;
        }
        try {
            return decode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One character decoded from strict UTF-8 (RFC 3629: no overlong forms, no surrogates, at most
     * U+10FFFF), decoded here rather than by a Reader so that an invalid byte is reported on its own line.
     */
    private int decode() throws IOException {
        int b = in.read();
        if (b < 0x80) {
            return b; // ASCII or -1 at the end
        }
        int length;
        int min;
        int max = 0xBF;
        int codePoint;
        if (b >= 0xC2 && b <= 0xDF) {
            length = 1;
            codePoint = b & 0x1F;
            min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 2;
            codePoint = b & 0x0F;
            min = b == 0xE0 ? 0xA0 : 0x80;
            max = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 3;
            codePoint = b & 0x07;
            min = b == 0xF0 ? 0x90 : 0x80;
            max = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw notUtf8();
        }
        for (int i = 0; i < length; i++) {
            int next = in.read();
            if (next < (i == 0 ? min : 0x80) || next > (i == 0 ? max : 0xBF)) {
                throw notUtf8();
            }
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        if (codePoint >= 0x10000) {
            pendingLowSurrogate = Character.lowSurrogate(codePoint);
            return Character.highSurrogate(codePoint);
        }
        return codePoint;
    }

    private ImportFileException notUtf8() {
        return new ImportFileException("line " + line + ": the file is not valid UTF-8; save it as CSV UTF-8");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
