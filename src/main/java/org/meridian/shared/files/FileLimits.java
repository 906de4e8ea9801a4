package org.meridian.shared.files;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * How much Meridian reads from one file (docs/security.md, Files). A cell (of a CSV record or of a worksheet) holds at
 * most {@code maxCellChars} characters — 32,767 by default, the most Excel itself puts in a cell; a longer cell
 * rejects its row. A record or worksheet row has at most {@code maxColumns} cells, and an XLSX workbook unpacks to at
 * most {@code maxUnpackedBytes} in all, each part other than a worksheet (the shared-strings table above all, which a
 * reader keeps in memory) to at most {@code maxPartBytes}, and no single piece of text or markup in it is longer than
 * {@link #maxRunBytes()}; beyond these the file is refused as a whole, before any row is read.
 */
public record FileLimits(int maxCellChars, int maxColumns, long maxUnpackedBytes, long maxPartBytes) {

    /** The defaults of application.properties. */
    public static final FileLimits DEFAULT = new FileLimits(32_767, 1_000, 1L << 30, 64L << 20);

    public FileLimits {
        if (maxCellChars < 1 || maxCellChars > 1_000_000) {
            throw new IllegalArgumentException("meridian.files.max-cell-chars must be 1–1000000, not " + maxCellChars);
        }
        if (maxColumns < 1) {
            throw new IllegalArgumentException("meridian.files.max-columns must be 1 or more, not " + maxColumns);
        }
        if (maxPartBytes < 1 || maxUnpackedBytes < maxPartBytes) {
            throw new IllegalArgumentException("meridian.files.max-part-bytes must be positive and at most"
                    + " meridian.files.max-unpacked-bytes");
        }
    }

    /**
     * The longest piece of text or markup an XLSX part may hold in one run: 10 bytes per character of the longest cell
     * (the longest way XML writes one character is a reference such as {@code &#1114111;}) plus 1 KiB for the markup
     * around it. A longer run cannot be a cell Meridian would accept, and reading it whole would cost memory.
     */
    public long maxRunBytes() {
        return 10L * maxCellChars + 1024;
    }

    /** True when {@code text} is longer than a cell may be. */
    public boolean tooLong(CharSequence text) {
        return text != null && text.length() > maxCellChars;
    }

    /** {@code n} with grouped thousands, for the English reasons (32,767). */
    static String grouped(long n) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
    }
}
