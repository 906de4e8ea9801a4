package org.meridian.shared.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest of single values in a row (AES-256-GCM): each value is stored as a fresh 12-byte nonce followed
 * by the ciphertext and its 16-byte tag. The {@code context} of a value (its purpose, hospital, row and column) is
 * bound in as associated data, so a value copied to another hospital's row or another column does not decrypt. The key
 * is a setting (32 bytes in Base64) or, when that is empty, 32 random bytes generated on first start into a file of
 * the data directory, readable only by its owner ({@link SecretKeyFile}); the backup carries such files.
 */
public final class FieldCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String what;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param configured the setting's value (32 bytes in Base64), or blank to use (and on first start generate)
     *                   {@code file}
     * @param what       what the key protects, for the log and errors, e.g. {@code referral encryption key}
     */
    public FieldCipher(String configured, Path file, String what) {
        byte[] material = configured != null && !configured.isBlank()
                ? Base64.getDecoder().decode(configured.strip()) : SecretKeyFile.readOrCreate(file, what);
        if (material.length != 32) {
            throw new IllegalStateException("the " + what + " must be 32 bytes (Base64), not " + material.length);
        }
        this.key = new SecretKeySpec(material, "AES");
        this.what = what;
    }

    /** The value encrypted for {@code context}; null for null. */
    public byte[] seal(String context, byte[] plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The value that {@link #seal} stored for the same {@code context}; null for null. */
    public byte[] open(String context, byte[] stored) {
        if (stored == null) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored value does not decrypt with the " + what, e);
        }
    }
}
