package org.meridian.shared.db;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's binary {@code COPY} format (PostgreSQL documentation, "COPY", section "Binary Format";
 * the per-type layouts are those of each type's {@code send}/{@code recv} functions). The server then reads
 * every value as it stores it, without parsing text: no timestamp, date, numeric or CSV parsing per row, which
 * was most of what a batch of events cost PostgreSQL beside the row itself.
 *
 * <p>The buffer grows as rows are added and starts with the header ({@link #HEADER_LENGTH} bytes). A caller sends
 * the header, any slices of whole rows of {@link #bytes()} (between two values of {@link #length()} taken at row
 * starts) and then {@link #TRAILER}.
 */
public final class BinaryCopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** The signature, the flags and the header extension length: where the first row starts. */
    public static final int HEADER_LENGTH = SIGNATURE.length + 8;
    /** The end of the data: a field count of -1. */
    public static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch for timestamps and dates. */
    private static final Instant PG_EPOCH = Instant.parse("2000-01-01T00:00:00Z");
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    private static final short NUMERIC_POSITIVE = 0x0000;
    private static final short NUMERIC_NEGATIVE = 0x4000;
    private static final byte JSONB_VERSION = 1;

    private byte[] buffer;
    private int length;

    public BinaryCopyRows(int expectedBytes) {
        buffer = new byte[Math.max(64, expectedBytes)];
        put(SIGNATURE);
        int32(0); // flags: no OIDs
        int32(0); // no header extension
    }

    /** Starts a row of {@code fields} values; exactly that many must follow. */
    public BinaryCopyRows row(int fields) {
        int16(fields);
        return this;
    }

    public BinaryCopyRows nullValue() {
        int32(-1);
        return this;
    }

    public BinaryCopyRows int8(long value) {
        int32(8);
        int64(value);
        return this;
    }

    public BinaryCopyRows int4(int value) {
        int32(4);
        int32(value);
        return this;
    }

    /** uuid: its 16 bytes, most significant first. */
    public BinaryCopyRows uuid(java.util.UUID value) {
        if (value == null) {
            return nullValue();
        }
        int32(16);
        int64(value.getMostSignificantBits());
        int64(value.getLeastSignificantBits());
        return this;
    }

    /** boolean: one byte, 1 for true. */
    public BinaryCopyRows bool(boolean value) {
        int32(1);
        ensure(1);
        buffer[length++] = (byte) (value ? 1 : 0);
        return this;
    }

    public BinaryCopyRows int4OrNull(Integer value) {
        return value == null ? nullValue() : int4(value);
    }

    public BinaryCopyRows int8OrNull(Long value) {
        return value == null ? nullValue() : int8(value);
    }

    /** text, varchar or char(n): the UTF-8 bytes (the connection's client encoding is UTF-8). */
    public BinaryCopyRows text(String value) {
        if (value == null) {
            return nullValue();
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int32(bytes.length);
        put(bytes);
        return this;
    }

    /**
     * text from characters still being written (a reused {@link StringBuilder}): encoded to UTF-8 straight into the
     * rows, without an intermediate {@link String} or byte array; an unpaired surrogate becomes {@code ?}, as
     * {@link String#getBytes} makes it.
     */
    public BinaryCopyRows text(CharSequence value) {
        return value == null ? nullValue() : utf8(-1, value);
    }

    /** A field of UTF-8 bytes encoded straight from the characters, after a first byte {@code lead} unless -1. */
    private BinaryCopyRows utf8(int lead, CharSequence value) {
        int n = value.length();
        ensure(5 + n * 3);
        int lengthAt = length;
        length += 4;
        int start = length;
        byte[] b = buffer;
        int at = length;
        if (lead >= 0) {
            b[at++] = (byte) lead;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                b[at++] = (byte) c;
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                b[at++] = (byte) (0xF0 | (cp >> 18));
                b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                b[at++] = '?';
            } else {
                b[at++] = (byte) (0xE0 | (c >> 12));
                b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        length = at;
        int bytes = at - start;
        b[lengthAt] = (byte) (bytes >>> 24);
        b[lengthAt + 1] = (byte) (bytes >>> 16);
        b[lengthAt + 2] = (byte) (bytes >>> 8);
        b[lengthAt + 3] = (byte) bytes;
        return this;
    }

    /** timestamptz: microseconds since 2000-01-01 UTC (the instant must already be whole microseconds). */
    public BinaryCopyRows timestamptz(Instant value) {
        int32(8);
        int64(ChronoUnit.MICROS.between(PG_EPOCH, value));
        return this;
    }

    /** date: days since 2000-01-01. */
    public BinaryCopyRows date(LocalDate value) {
        int32(4);
        int32(Math.toIntExact(value.toEpochDay() - PG_EPOCH_DAY));
        return this;
    }

    /**
     * numeric: base-10,000 digits with the weight of the first, a sign and the display scale, exactly the value
     * and scale of the {@link BigDecimal} (10.50 stays 10.50, as when the driver sends it as text).
     */
    public BinaryCopyRows numeric(BigDecimal value) {
        if (value == null) {
            return nullValue();
        }
        int scale = Math.max(value.scale(), 0);
        // the unscaled digits with the decimal point moved right to a multiple of 4 digits
        int paddedScale = (scale + 3) / 4 * 4;
        BigInteger digits = value.setScale(paddedScale).unscaledValue().abs();
        short[] groups = new short[8];
        int count = 0;
        // the low groups by BigInteger division while the digits do not fit a long, the rest by long arithmetic
        // (most values fit a long from the start; a BigInteger division per group cost more than the rest of a line)
        while (digits.bitLength() >= 63) {
            BigInteger[] qr = digits.divideAndRemainder(TEN_THOUSAND);
            if (count == groups.length) {
                groups = Arrays.copyOf(groups, count * 2);
            }
            groups[count++] = qr[1].shortValue(); // least significant first
            digits = qr[0];
        }
        long rest = digits.longValue();
        while (rest != 0) {
            if (count == groups.length) {
                groups = Arrays.copyOf(groups, count * 2);
            }
            groups[count++] = (short) (rest % 10_000);
            rest /= 10_000;
        }
        int weight = count - 1 - paddedScale / 4;
        int low = 0; // trailing zero groups are not sent
        while (low < count && groups[low] == 0) {
            low++;
        }
        int ndigits = count - low;
        int32(8 + 2 * ndigits);
        int16(ndigits);
        int16(ndigits == 0 ? 0 : weight);
        int16(value.signum() < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE);
        int16(scale);
        for (int i = count - 1; i >= low; i--) {
            int16(groups[i]);
        }
        return this;
    }

    /**
     * Sends every row added so far with one binary {@code COPY} ({@code copySql} names the table and its columns in
     * the rows' order, {@code ... FROM STDIN (FORMAT binary)}) on the transaction's connection of {@code template}:
     * the rows are part of the surrounding transaction, and the table's constraints apply as to an INSERT.
     */
    public void copy(org.springframework.jdbc.core.JdbcTemplate template, String copySql) {
        try (Streamed copy = new Streamed(template, copySql, Integer.MAX_VALUE, this)) {
            copy.finish();
        }
    }

    /** json: the JSON text as it is (stored unparsed, checked only for being JSON). */
    public BinaryCopyRows json(String json) {
        return text(json);
    }

    /** json from characters still being written, as {@link #text(CharSequence)}. */
    public BinaryCopyRows json(CharSequence json) {
        return text(json);
    }

    /**
     * Starts a binary {@code COPY} ({@code copySql} as for {@link #copy}) that is sent while its rows are still
     * being made: whenever the rows added reach {@code flushAt} bytes, they go to the server, which stores them
     * while the caller makes the next ones, and the buffer is reused. Rows are added through
     * {@link Streamed#row(int)}; {@link Streamed#finish()} sends the rest and ends the copy; closing without
     * finishing cancels it (nothing is stored).
     */
    public static Streamed stream(org.springframework.jdbc.core.JdbcTemplate template, String copySql, int flushAt) {
        return new Streamed(template, copySql, flushAt, new BinaryCopyRows(flushAt + flushAt / 4));
    }

    /** A binary {@code COPY} in progress on the transaction's connection (see {@link #stream}). */
    public static final class Streamed implements AutoCloseable {

        private final org.springframework.jdbc.core.JdbcTemplate template;
        private final String copySql;
        private final int flushAt;
        private final javax.sql.DataSource dataSource;
        private final java.sql.Connection connection;
        private final org.postgresql.copy.CopyIn in;
        private final BinaryCopyRows rows;

        private Streamed(org.springframework.jdbc.core.JdbcTemplate template, String copySql, int flushAt,
                         BinaryCopyRows rows) {
            this.template = template;
            this.copySql = copySql;
            this.flushAt = flushAt;
            this.rows = rows;
            this.dataSource = template.getDataSource();
            this.connection = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource);
            try {
                this.in = connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(copySql);
            } catch (java.sql.SQLException e) {
                org.springframework.jdbc.datasource.DataSourceUtils.releaseConnection(connection, dataSource);
                throw translated(e);
            }
        }

        /** Starts a row of {@code fields} values (sending the rows before it when they fill the buffer). */
        public BinaryCopyRows row(int fields) {
            if (rows.length >= flushAt) {
                send();
            }
            return rows.row(fields);
        }

        /** Sends the remaining rows and ends the copy: the rows are then stored in the surrounding transaction. */
        public void finish() {
            try {
                send();
                in.writeToCopy(TRAILER, 0, TRAILER.length);
                in.endCopy();
            } catch (java.sql.SQLException e) {
                throw translated(e);
            }
        }

        private void send() {
            try {
                in.writeToCopy(rows.buffer, 0, rows.length);
            } catch (java.sql.SQLException e) {
                throw translated(e);
            }
            rows.length = 0;
        }

        /** The copy's failure as Spring's data access exception, as a {@code JdbcTemplate} would throw it. */
        private RuntimeException translated(java.sql.SQLException e) {
            RuntimeException translated = template.getExceptionTranslator().translate(copySql, null, e);
            return translated != null ? translated
                    : new org.springframework.jdbc.UncategorizedSQLException(copySql, copySql, e);
        }

        @Override
        public void close() {
            try {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            } catch (java.sql.SQLException e) {
                throw translated(e);
            } finally {
                org.springframework.jdbc.datasource.DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }

    /** jsonb from characters still being written: the version byte and the text, as {@link #text(CharSequence)}. */
    public BinaryCopyRows jsonb(CharSequence json) {
        return json == null ? nullValue() : utf8(JSONB_VERSION, json);
    }

    /** jsonb: a version byte and the JSON text. */
    public BinaryCopyRows jsonb(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int32(bytes.length + 1);
        ensure(1);
        buffer[length++] = JSONB_VERSION;
        put(bytes);
        return this;
    }

    public byte[] bytes() {
        return buffer;
    }

    public int length() {
        return length;
    }

    private void int16(int v) {
        ensure(2);
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    private void int32(int v) {
        ensure(4);
        buffer[length++] = (byte) (v >>> 24);
        buffer[length++] = (byte) (v >>> 16);
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    private void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
