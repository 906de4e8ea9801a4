package org.meridian.intake;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

import org.meridian.shared.files.CellTooLongException;
import org.meridian.shared.files.FileLimits;
import org.meridian.shared.files.TextEncoding;
import org.springframework.core.io.InputStreamSource;

/**
 * Streams the records of an RFC 4180 CSV file in the {@link TextEncoding} it was written in (UTF-8 with or without
 * BOM, UTF-16 with BOM, GB18030 as Chinese Excel writes it; {@link #open} finds out which): comma-separated, fields
 * optionally in double quotes, {@code ""} for a quote inside quotes, line breaks allowed inside quotes.
 * Reads one character at a time through a byte buffer, so memory does not grow with the file. A broken quote
 * or invalid UTF-8 stops reading with an {@link ImportFileException} naming the line, and so does a record of more
 * than {@link FileLimits#maxColumns()} fields. A field longer than {@link FileLimits#maxCellChars()} is not kept:
 * the record is read to its end and refused with a {@link CellTooLongException}, after which the next record can be
 * read.
 */
public final class CsvRows implements Closeable {

    private final InputStream in;
    private final TextEncoding encoding;
    /** Decodes any encoding but UTF-8 (which {@link #decode()} reads by hand); null for UTF-8. */
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private final CharBuffer chars = CharBuffer.allocate(8192).flip();
    private boolean endOfBytes;
    private boolean invalid;
    private final FileLimits limits;
    private int pendingLowSurrogate = -1;
    private int line = 1;
    private int recordLine;
    private int pushedBack = -2;
    private boolean started;
    private boolean fieldOver;
    private int tooLong;

    /** Reads {@code in} as UTF-8 (with or without BOM). */
    public CsvRows(InputStream in, FileLimits limits) {
        this(in, TextEncoding.UTF_8, limits);
    }

    /** Reads {@code in} in {@code encoding}; bytes that are not valid in it stop reading, naming the line. */
    public CsvRows(InputStream in, TextEncoding encoding, FileLimits limits) {
        this.in = new BufferedInputStream(in, 65536);
        this.encoding = encoding;
        this.decoder = encoding == TextEncoding.UTF_8 ? null : encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        this.limits = limits;
    }

    /**
     * Opens the file {@code source} gives, in the encoding {@link TextEncoding#detect} finds in it (the source is
     * opened twice: once to detect, once to read).
     */
    public static CsvRows open(InputStreamSource source, FileLimits limits) {
        TextEncoding encoding;
        try (InputStream in = source.getInputStream()) {
            encoding = TextEncoding.detect(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new CsvRows(source.getInputStream(), encoding, limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The encoding the file is read in. */
    public TextEncoding encoding() {
        return encoding;
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
            return decoder == null ? decode() : decodeOther();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One character decoded by the charset's decoder. The characters before an invalid byte sequence are all
     * returned first, so the error names the line the sequence is on.
     */
    private int decodeOther() throws IOException {
        while (!chars.hasRemaining()) {
            if (invalid) {
                throw notText();
            }
            if (endOfBytes && !bytes.hasRemaining()) {
                return -1;
            }
            if (!endOfBytes) {
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    endOfBytes = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            chars.clear();
            java.nio.charset.CoderResult result = decoder.decode(bytes, chars, endOfBytes);
            if (result.isError()) {
                invalid = true;
            } else if (endOfBytes && !bytes.hasRemaining()) {
                decoder.flush(chars);
            }
            chars.flip();
        }
        return chars.get();
    }

    private ImportFileException notText() {
        return new ImportFileException("line " + line + (encoding == TextEncoding.GB18030
                ? ": the file is neither UTF-8 nor GB18030 (GBK) text; save it as CSV UTF-8 (or as CSV from Chinese Excel)"
                : ": the file starts with a " + encoding.label() + " byte-order mark but is not " + encoding.label()
                + " text; save it as CSV UTF-8"));
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
