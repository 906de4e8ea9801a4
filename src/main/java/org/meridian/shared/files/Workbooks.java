package org.meridian.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Refuses an XLSX workbook whose structure is hostile before a reader opens it. An XLSX file is a zip of XML parts; a
 * few kilobytes can unpack to gigabytes, and the XLSX reader keeps the shared-strings table (and any one string of it)
 * in memory. So every part is unpacked here once, as a stream, counting as it goes: the whole to at most
 * {@link FileLimits#maxUnpackedBytes()}, each part other than a worksheet ({@code xl/worksheets/sheetN.xml}, which
 * readers stream row by row) to at most {@link FileLimits#maxPartBytes()}, and no run of text, tag, comment or CDATA
 * longer than {@link FileLimits#maxRunBytes()}. A part that declares a DTD, or two parts with one name, refuse the file
 * too. Counting reads the bytes Meridian would read, not the sizes the zip declares (an attacker writes those).
 */
public final class Workbooks {

    private static final Pattern WORKSHEET = Pattern.compile("xl/worksheets/sheet\\d+\\.xml");

    private Workbooks() {
    }

    /**
     * Checks the workbook in {@code file}.
     *
     * @throws FileRefusedException naming what is wrong, when the workbook must not be read
     */
    public static void check(Path file, FileLimits limits) {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            check(zip, limits);
        } catch (IOException e) {
            throw unreadable();
        }
    }

    /** Checks a workbook held in memory (as the XLSX reader reads one given as a stream). */
    public static void check(byte[] content, FileLimits limits) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            check(zip, limits);
        } catch (IOException e) {
            throw unreadable();
        }
    }

    /** The content type of a workbook's styles part, where its number formats (and so its date formats) live. */
    private static final String STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

    /**
     * Whether the workbook in {@code file} declares a styles part in its {@code [Content_Types].xml}. The part is
     * optional (ECMA-376 Part 1, 12.3.20): a workbook written without it (by small exporting programs, or by hand) has
     * no number formats, so every number cell shows as General and none is a date. Excel, WPS and LibreOffice always
     * write one. Call after {@link #check}, which bounds the size of the part read here.
     */
    public static boolean declaresStyles(Path file) {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            ZipArchiveEntry types = zip.getEntry("[Content_Types].xml");
            if (types == null) {
                return false;
            }
            try (InputStream in = zip.getInputStream(types)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(STYLES_TYPE);
            }
        } catch (IOException e) {
            throw unreadable();
        }
    }

    private static FileRefusedException unreadable() {
        return new FileRefusedException("the file is not an XLSX workbook that can be read; save it again as .xlsx"
                + " in Excel or WPS, or as CSV UTF-8");
    }

    private static void check(ZipFile zip, FileLimits limits) {
        try {
            long total = 0;
            Set<String> names = new HashSet<>();
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                if (!names.add(entry.getName())) {
                    throw new FileRefusedException("the workbook holds the part " + entry.getName() + " twice");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                boolean worksheet = WORKSHEET.matcher(entry.getName()).matches();
                long partLimit = worksheet ? limits.maxUnpackedBytes() : limits.maxPartBytes();
                try (InputStream in = zip.getInputStream(entry)) {
                    total += new PartScan(entry.getName(), limits, partLimit, limits.maxUnpackedBytes() - total).scan(in);
                }
            }
        } catch (FileRefusedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable();
        }
    }

    /**
     * One part read as a stream of bytes, each run (text between tags, a tag with its quoted attribute values, a
     * comment, a CDATA section, a processing instruction) measured in bytes.
     */
    private static final class PartScan {
        private final String name;
        private final FileLimits limits;
        private final long partLimit;
        private final long totalLeft;

        PartScan(String name, FileLimits limits, long partLimit, long totalLeft) {
            this.name = name;
            this.limits = limits;
            this.partLimit = partLimit;
            this.totalLeft = totalLeft;
        }

        private enum State { TEXT, TAG_START, TAG, QUOTED, COMMENT, CDATA, INSTRUCTION }

        /** Reads the part to its end; answers how many bytes it unpacked to. */
        long scan(InputStream in) throws IOException {
            byte[] buffer = new byte[65536];
            long size = 0;
            long run = 0;
            State state = State.TEXT;
            byte quote = 0;
            // the last three bytes, to find the ends of comments (-->), CDATA (]]>) and instructions (?>)
            int last1 = 0;
            int last2 = 0;
            StringBuilder opening = new StringBuilder();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                size += n;
                if (size > totalLeft) {
                    throw new FileRefusedException("the workbook unpacks to more than "
                            + FileLimits.grouped(limits.maxUnpackedBytes()) + " bytes; split it or send CSV UTF-8");
                }
                if (size > partLimit) {
                    throw new FileRefusedException("the part " + name + " of the workbook unpacks to more than "
                            + FileLimits.grouped(partLimit) + " bytes (a shared-strings table this big is not read);"
                            + " split the workbook or send CSV UTF-8");
                }
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    run++;
                    switch (state) {
                        case TEXT -> {
                            if (b == '<') {
                                run = 1;
                                state = State.TAG_START;
                                opening.setLength(0);
                            }
                        }
                        case TAG_START -> {
                            opening.append((char) (b & 0xFF));
                            String o = opening.toString();
                            if (o.charAt(0) == '?') {
                                state = State.INSTRUCTION;
                            } else if (o.charAt(0) != '!') {
                                state = State.TAG;
                                if (b == '>') {
                                    state = State.TEXT;
                                    run = 0;
                                } else if (b == '"' || b == '\'') {
                                    quote = b;
                                    state = State.QUOTED;
                                }
                            } else if (o.equals("!--")) {
                                state = State.COMMENT;
                            } else if (o.equals("![CDATA[")) {
                                state = State.CDATA;
                            } else if (!"!--".startsWith(o) && !"![CDATA[".startsWith(o)) {
                                throw new FileRefusedException("the part " + name
                                        + " of the workbook declares a document type, which workbooks never do");
                            }
                        }
                        case TAG -> {
                            if (b == '>') {
                                state = State.TEXT;
                                run = 0;
                            } else if (b == '"' || b == '\'') {
                                quote = b;
                                state = State.QUOTED;
                            }
                        }
                        case QUOTED -> {
                            if (b == quote) {
                                state = State.TAG;
                            }
                        }
                        case COMMENT -> {
                            if (b == '>' && last1 == '-' && last2 == '-') {
                                state = State.TEXT;
                                run = 0;
                            }
                        }
                        case CDATA -> {
                            if (b == '>' && last1 == ']' && last2 == ']') {
                                state = State.TEXT;
                                run = 0;
                            }
                        }
                        case INSTRUCTION -> {
                            if (b == '>' && last1 == '?') {
                                state = State.TEXT;
                                run = 0;
                            }
                        }
                    }
                    if (run > limits.maxRunBytes()) {
                        throw new FileRefusedException("the part " + name + " of the workbook holds a text or markup"
                                + " of more than " + FileLimits.grouped(limits.maxRunBytes()) + " bytes in one piece;"
                                + " a cell holds at most " + FileLimits.grouped(limits.maxCellChars()) + " characters");
                    }
                    last2 = last1;
                    last1 = b;
                }
            }
            return size;
        }
    }
}
