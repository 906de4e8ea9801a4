package org.meridian.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The few bytes of the tar format (POSIX ustar, with GNU's and POSIX's long names) that an image saved as a tar needs:
 * walk its entries and its layers' entries, and copy it with one small entry's content replaced. Entries are 512-byte
 * headers followed by their content in 512-byte blocks; two zero blocks end the archive.
 */
final class ImageTar {

    private static final int BLOCK = 512;

    private ImageTar() {
    }

    /** Sees each entry: its name and its content, which it may read or leave. */
    interface Visitor {
        void entry(String name, InputStream content) throws IOException;
    }

    /**
     * One entry of a layer: its path, its type ({@code '0'} file, {@code '5'} folder, {@code '2'} symbolic link,
     * {@code '1'} hard link), the target of a link, and its permission bits.
     */
    record Entry(String name, char type, String link, int mode) {
    }

    /** Sees each entry with its type, link and mode. */
    interface EntryVisitor {
        void entry(Entry entry, InputStream content) throws IOException;
    }

    static void read(InputStream in, Visitor visitor) throws IOException {
        readEntries(in, (entry, content) -> visitor.entry(entry.name(), content));
    }

    /**
     * Walks the entries, with the long names and link targets that GNU tar ({@code ././@LongLink}, types L and K)
     * and POSIX tar (an extended header, type x, with {@code path} and {@code linkpath}) keep in an entry before the
     * one they belong to.
     */
    static void readEntries(InputStream in, EntryVisitor visitor) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null;
        String longLink = null;
        while (readBlock(in, header) && !isZero(header)) {
            long size = size(header);
            char type = (char) header[156];
            if (type == 'L' || type == 'K' || type == 'x') {
                String value = new String(readContent(in, size), StandardCharsets.UTF_8);
                if (type == 'L') {
                    longName = value.replaceFirst("\\u0000+$", "");
                } else if (type == 'K') {
                    longLink = value.replaceFirst("\\u0000+$", "");
                } else {
                    longName = paxValue(value, "path", longName);
                    longLink = paxValue(value, "linkpath", longLink);
                }
                continue;
            }
            String name = longName != null ? longName : name(header);
            String link = longLink != null ? longLink : field(header, 157, 100);
            longName = null;
            longLink = null;
            String octalMode = field(header, 100, 8).strip();
            int mode = octalMode.isEmpty() ? 0 : Integer.parseInt(octalMode, 8);
            Bounded content = new Bounded(in, size);
            visitor.entry(new Entry(name, type == 0 ? '0' : type, link, mode), content);
            in.skipNBytes(content.left + padding(size));
        }
    }

    /** The value of {@code key} in the records ({@code "<length> <key>=<value>\\n"}) of a POSIX extended header. */
    private static String paxValue(String records, String key, String otherwise) {
        for (String record : records.split("\\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith(key + "=", space + 1)) {
                return record.substring(space + 2 + key.length());
            }
        }
        return otherwise;
    }

    /** One entry's content: reads stop at its end. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long left;

        Bounded(InputStream in, long size) {
            this.in = in;
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            if (left == 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left == 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, left));
            if (read > 0) {
                left -= read;
            }
            return read;
        }

        @Override
        public void close() {
            // the archive stays open
        }
    }

    /** Copies the archive, replacing the content of the entry {@code name} by what {@code change} makes of it. */
    static void copy(InputStream in, OutputStream out, String name, UnaryOperator<byte[]> change) throws IOException {
        byte[] header = new byte[BLOCK];
        byte[] buffer = new byte[BLOCK];
        while (readBlock(in, header) && !isZero(header)) {
            long size = size(header);
            if (name(header).equals(name)) {
                byte[] content = change.apply(readContent(in, size));
                writeSize(header, content.length);
                out.write(header);
                out.write(content);
                out.write(new byte[padding(content.length)]);
                continue;
            }
            out.write(header);
            for (long blocks = (size + BLOCK - 1) / BLOCK; blocks > 0; blocks--) {
                if (!readBlock(in, buffer)) {
                    throw new IOException("tar cut short in " + name(header));
                }
                out.write(buffer);
            }
        }
        out.write(new byte[2 * BLOCK]);
    }

    private static String name(byte[] header) {
        String name = field(header, 0, 100);
        String prefix = field(header, 345, 155);
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long size(byte[] header) {
        String octal = field(header, 124, 12).strip();
        return octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
    }

    private static void writeSize(byte[] header, long size) {
        byte[] octal = String.format("%011o", size).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(octal, 0, header, 124, 11);
        header[135] = 0;
        Arrays.fill(header, 148, 156, (byte) ' '); // the checksum counts its own field as spaces
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        byte[] checksum = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(checksum, 0, header, 148, 6);
        header[154] = 0;
        header[155] = ' ';
    }

    private static int padding(long size) {
        return (int) ((BLOCK - size % BLOCK) % BLOCK);
    }

    private static byte[] readContent(InputStream in, long size) throws IOException {
        if (size > 64L << 20) {
            throw new IOException("entry too large to read: " + size + " bytes");
        }
        byte[] content = in.readNBytes((int) size);
        if (content.length != size) {
            throw new IOException("tar cut short");
        }
        in.skipNBytes(padding(size));
        return content;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, BLOCK);
        if (read == 0) {
            return false;
        }
        if (read != BLOCK) {
            throw new IOException("tar cut short");
        }
        return true;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
