package org.meridian.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The encoding of a text file people send (CSV): what Excel and WPS write. A byte-order mark decides first (UTF-8,
 * UTF-16 little or big endian); without one, a file that is valid UTF-8 throughout (RFC 3629: no overlong forms, no
 * surrogates, at most U+10FFFF) is UTF-8, and any other is read as GB18030 — the encoding Chinese Excel writes for
 * "CSV (逗号分隔)", a superset of GBK and GB2312. A file that is not valid GB18030 either is refused by the reader,
 * naming the line (GB18030 leaves few byte sequences undefined, e.g. a lone 0x80 or 0xFF, or a lead byte followed by a
 * line break). A short GB18030 text can happen to be valid UTF-8 as well; it is then read as UTF-8, which is why every
 * import says which encoding it used.
 */
public enum TextEncoding {

    UTF_8("UTF-8", StandardCharsets.UTF_8),
    UTF_16LE("UTF-16LE", StandardCharsets.UTF_16LE),
    UTF_16BE("UTF-16BE", StandardCharsets.UTF_16BE),
    GB18030("GB18030", Charset.forName("GB18030"));

    private final String label;
    private final Charset charset;

    TextEncoding(String label, Charset charset) {
        this.label = label;
        this.charset = charset;
    }

    /** The name shown to people and kept with an import ({@code UTF-8}, {@code GB18030}). */
    public String label() {
        return label;
    }

    public Charset charset() {
        return charset;
    }

    /** The encoding named by {@link #label()}, or null for null or an unknown label. */
    public static TextEncoding labelled(String label) {
        for (TextEncoding e : values()) {
            if (e.label.equals(label)) {
                return e;
            }
        }
        return null;
    }

    /**
     * Reads the stream (to its end when it is UTF-8 without a mark, else only until the answer is known) and answers
     * its encoding. The stream is not closed.
     */
    public static TextEncoding detect(InputStream in) throws IOException {
        byte[] buffer = new byte[65536];
        int n = in.readNBytes(buffer, 0, buffer.length);
        if (n >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
            return UTF_8;
        }
        if (n >= 2 && (buffer[0] & 0xFF) == 0xFF && (buffer[1] & 0xFF) == 0xFE) {
            return UTF_16LE;
        }
        if (n >= 2 && (buffer[0] & 0xFF) == 0xFE && (buffer[1] & 0xFF) == 0xFF) {
            return UTF_16BE;
        }
        Utf8Check check = new Utf8Check();
        while (n > 0) {
            if (!check.valid(buffer, n)) {
                return GB18030;
            }
            n = in.readNBytes(buffer, 0, buffer.length);
        }
        return check.complete() ? UTF_8 : GB18030;
    }

    /** Checks UTF-8 across buffers: how many continuation bytes are still due and their allowed first range. */
    private static final class Utf8Check {
        private int due;
        private int min = 0x80;
        private int max = 0xBF;

        boolean valid(byte[] bytes, int n) {
            for (int i = 0; i < n; i++) {
                int b = bytes[i] & 0xFF;
                if (due > 0) {
                    if (b < min || b > max) {
                        return false;
                    }
                    due--;
                    min = 0x80;
                    max = 0xBF;
                    continue;
                }
                if (b < 0x80) {
                    continue;
                }
                if (b >= 0xC2 && b <= 0xDF) {
                    due = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    due = 2;
                    min = b == 0xE0 ? 0xA0 : 0x80;
                    max = b == 0xED ? 0x9F : 0xBF;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    due = 3;
                    min = b == 0xF0 ? 0x90 : 0x80;
                    max = b == 0xF4 ? 0x8F : 0xBF;
                } else {
                    return false;
                }
            }
            return true;
        }

        boolean complete() {
            return due == 0;
        }
    }
}
