package org.meridian.shared.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deployment's secret key kept in a file of the data directory (the pseudonymisation key, the referral contacts'
 * encryption key): 32 random bytes in Base64, generated on first start with POSIX permissions {@code rw-------}
 * and read on every later start. Such a key must be backed up with the database.
 */
public final class SecretKeyFile {

    private static final Logger log = LoggerFactory.getLogger(SecretKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretKeyFile() {
    }

    /**
     * The key bytes in the file, generating the file first when there is none.
     *
     * @param what the key's name for the log and errors, e.g. {@code pseudonymisation key}
     */
    public static byte[] readOrCreate(Path file, String what) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    createOwnerOnly(file);
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
                    log.info("Generated a new {} in {}; back it up with the database", what, file);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: read theirs below
                }
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return Base64.getDecoder().decode(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the " + what + " " + file, e);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.setPosixFilePermissions(file, OWNER_ONLY); // the umask may have narrowed or widened nothing else
        } else {
            Files.createFile(file);
        }
    }
}
