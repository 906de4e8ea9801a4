package org.meridian.shared.backup;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encryption of a backup file: AES-256-GCM under a key derived from a passphrase, in chunks, so that a backup of
 * any size is written and read as a stream (one GCM message over the whole file would have to be held in memory to
 * be checked before a byte of it is used).
 *
 * <p>The file: a header ({@value #MAGIC}, format byte 1, the PBKDF2 iteration count as a 4-byte integer, a 16-byte
 * random salt), then chunks of at most {@value #CHUNK} plain bytes, each written as its cipher text's length (4
 * bytes), a flag (1 for the last chunk, else 0) and the cipher text with its 16-byte tag. The key is
 * PBKDF2-HMAC-SHA-256 of the passphrase and salt with {@value #ITERATIONS} iterations (OWASP Password Storage Cheat
 * Sheet, 2023). A chunk's nonce is its number (8 bytes, big-endian) followed by 4 zero bytes, and its associated
 * data is the header and the flag: so chunks cannot be reordered, dropped, moved to another file or made the last
 * one unnoticed, and a file that ends without a last chunk is refused as cut short. This is the "STREAM"
 * construction of Hoang, Reyhanitabar, Rogaway and Vizár, "Online Authenticated-Encryption and its Nonce-Reuse
 * Misuse-Resistance" (CRYPTO 2015); a nonce never repeats under one key because every file has its own salt.
 */
final class BackupCipher {

    static final String MAGIC = "MERIDIAN-BACKUP\n";
    static final int ITERATIONS = 600_000;
    static final int CHUNK = 1 << 16;
    private static final int SALT_BYTES = 16;
    private static final int TAG_BITS = 128;
    private static final byte FORMAT = 1;

    private BackupCipher() {
    }

    /** A stream that encrypts what is written to it into {@code out}; closing it writes the last chunk. */
    static OutputStream encrypting(OutputStream out, char[] passphrase) throws IOException {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        byte[] header = header(ITERATIONS, salt);
        out.write(header);
        return new Encrypting(new DataOutputStream(out), key(passphrase, salt, ITERATIONS), header);
    }

    /**
     * A stream of the plain bytes of the backup read from {@code in}.
     *
     * @throws BackupException when the file is not a Meridian backup; a wrong passphrase or a changed or cut file
     *                         is found at the first chunk that does not check, as a {@link BackupException} thrown
     *                         by {@code read}
     */
    static InputStream decrypting(InputStream in, char[] passphrase) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length()];
        try {
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC.getBytes(StandardCharsets.US_ASCII)) || data.readByte() != FORMAT) {
                throw new BackupException("this file is not a Meridian backup (or one of a later format)");
            }
            int iterations = data.readInt();
            if (iterations < 1 || iterations > 100_000_000) {
                throw new BackupException("this file is not a Meridian backup: its header is damaged");
            }
            byte[] salt = new byte[SALT_BYTES];
            data.readFully(salt);
            return new Decrypting(data, key(passphrase, salt, iterations), header(iterations, salt));
        } catch (EOFException e) {
            throw new BackupException("this file is not a Meridian backup: it is too short");
        }
    }

    private static byte[] header(int iterations, byte[] salt) {
        return ByteBuffer.allocate(MAGIC.length() + 1 + 4 + SALT_BYTES)
                .put(MAGIC.getBytes(StandardCharsets.US_ASCII)).put(FORMAT).putInt(iterations).put(salt).array();
    }

    private static SecretKeySpec key(char[] passphrase, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2-HMAC-SHA-256 is not available", e);
        }
    }

    private static Cipher cipher(int mode, SecretKeySpec key, long chunk, byte[] header, boolean last) {
        try {
            byte[] nonce = ByteBuffer.allocate(12).putLong(chunk).putInt(0).array();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(new byte[] {last ? (byte) 1 : (byte) 0});
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static final class Encrypting extends OutputStream {
        private final DataOutputStream out;
        private final SecretKeySpec key;
        private final byte[] header;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK);
        private long chunk;
        private boolean closed;

        Encrypting(DataOutputStream out, SecretKeySpec key, byte[] header) {
            this.out = out;
            this.key = key;
            this.header = header;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                // a full chunk is sealed only when more follows, so that the last one can carry the flag
                if (buffer.size() == CHUNK) {
                    seal(false);
                }
                int n = Math.min(len, CHUNK - buffer.size());
                buffer.write(b, off, n);
                off += n;
                len -= n;
            }
        }

        private void seal(boolean last) throws IOException {
            try {
                byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, chunk++, header, last).doFinal(buffer.toByteArray());
                out.writeInt(sealed.length);
                out.writeByte(last ? 1 : 0);
                out.write(sealed);
                buffer.reset();
            } catch (GeneralSecurityException e) {
                throw new IOException("could not encrypt the backup", e);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            seal(true);
            out.close();
        }
    }

    private static final class Decrypting extends InputStream {
        private final DataInputStream in;
        private final SecretKeySpec key;
        private final byte[] header;
        private byte[] plain = new byte[0];
        private int position;
        private long chunk;
        private boolean last;

        Decrypting(DataInputStream in, SecretKeySpec key, byte[] header) {
            this.in = in;
            this.key = key;
            this.header = header;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (position == plain.length) {
                if (last) {
                    return -1;
                }
                next();
            }
            int n = Math.min(len, plain.length - position);
            System.arraycopy(plain, position, b, off, n);
            position += n;
            return n;
        }

        private void next() throws IOException {
            int length;
            byte flag;
            byte[] sealed;
            try {
                length = in.readInt();
                flag = in.readByte();
                if (length < 16 || length > CHUNK + 16 || (flag != 0 && flag != 1)) {
                    throw new BackupException("the backup file is damaged (chunk " + chunk + ")");
                }
                sealed = new byte[length];
                in.readFully(sealed);
            } catch (EOFException e) {
                throw new BackupException("the backup file is cut short: it ends before its last part");
            }
            try {
                plain = cipher(Cipher.DECRYPT_MODE, key, chunk, header, flag == 1).doFinal(sealed);
            } catch (AEADBadTagException e) {
                throw new BackupException(chunk == 0
                        ? "wrong passphrase, or the backup file was changed"
                        : "the backup file was changed or damaged (part " + chunk + " does not check)");
            } catch (GeneralSecurityException e) {
                throw new IOException("could not decrypt the backup", e);
            }
            chunk++;
            position = 0;
            last = flag == 1;
            if (last && in.read() >= 0) {
                throw new BackupException("the backup file has bytes after its last part");
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
