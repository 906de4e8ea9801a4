package org.meridian.referral;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.meridian.shared.security.SecretKeyFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encryption at rest of what a channel typed about a patient (AES-256-GCM): each text is stored as a fresh 12-byte
 * nonce followed by the ciphertext and its 16-byte tag; the hospital and the field are bound in as associated data,
 * so a value copied to another hospital's row or another column does not decrypt. The key is
 * {@code MERIDIAN_REFERRAL_KEY} (32 bytes in Base64) or, when unset, 32 random bytes generated on first start into
 * {@code <data dir>/referral.key}, readable only by its owner, like the pseudonymisation key. Back it up with the
 * database: without it the stored contacts cannot be read (they are deleted after the retention period anyway).
 */
@Component
class ContactCipher {

    static final String KEY_FILE = "referral.key";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    ContactCipher(@Value("${meridian.referral.key:}") String configuredKey,
                  @Value("${meridian.data-dir}") Path dataDir) {
        byte[] material = configuredKey != null && !configuredKey.isBlank()
                ? Base64.getDecoder().decode(configuredKey.strip()) : SecretKeyFile.readOrCreate(dataDir.resolve(KEY_FILE), "referral encryption key");
        if (material.length != 32) {
            throw new IllegalStateException("the referral key must be 32 bytes (Base64), not " + material.length);
        }
        this.key = new SecretKeySpec(material, "AES");
    }

    /** The text encrypted; null for null. */
    byte[] encrypt(long hospitalId, String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(hospitalId, field));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The text of what {@link #encrypt} stored for the same hospital and field; null for null. */
    String decrypt(long hospitalId, String field, byte[] stored) {
        if (stored == null) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(aad(hospitalId, field));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored referral contact does not decrypt with this key", e);
        }
    }

    private static byte[] aad(long hospitalId, String field) {
        return ("meridian-referral:" + hospitalId + ":" + field).getBytes(StandardCharsets.UTF_8);
    }
}
