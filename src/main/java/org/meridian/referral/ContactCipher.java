package org.meridian.referral;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.meridian.shared.security.FieldCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encryption at rest of what a channel typed about a patient (AES-256-GCM, {@link FieldCipher}); the hospital and the
 * field are bound in as associated data, so a value copied to another hospital's row or another column does not
 * decrypt. The key is {@code MERIDIAN_REFERRAL_KEY} (32 bytes in Base64) or, when unset, 32 random bytes generated on
 * first start into {@code <data dir>/referral.key}, readable only by its owner, like the pseudonymisation key. Back it
 * up with the database: without it the stored contacts cannot be read (they are deleted after the retention period
 * anyway).
 */
@Component
class ContactCipher {

    static final String KEY_FILE = "referral.key";

    private final FieldCipher cipher;

    ContactCipher(@Value("${meridian.referral.key:}") String configuredKey,
                  @Value("${meridian.data-dir}") Path dataDir) {
        this.cipher = new FieldCipher(configuredKey, dataDir.resolve(KEY_FILE), "referral encryption key");
    }

    /** The text encrypted; null for null. */
    byte[] encrypt(long hospitalId, String field, String text) {
        return text == null ? null : cipher.seal(aad(hospitalId, field), text.getBytes(StandardCharsets.UTF_8));
    }

    /** The text of what {@link #encrypt} stored for the same hospital and field; null for null. */
    String decrypt(long hospitalId, String field, byte[] stored) {
        return stored == null ? null : new String(cipher.open(aad(hospitalId, field), stored), StandardCharsets.UTF_8);
    }

    private static String aad(long hospitalId, String field) {
        return "meridian-referral:" + hospitalId + ":" + field;
    }
}
