package org.meridian.intake;

import java.nio.file.Path;

import org.meridian.shared.security.PseudonymKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Pseudonymisation (假名化) of patient ids: only HMAC-SHA-256 under this deployment's secret key is stored,
 * so the same patient links across events while the clear id never reaches the database. The key is
 * {@code MERIDIAN_PSEUDONYM_KEY} (at least 32 characters) or, when unset, a random key generated on first
 * start into {@code <data dir>/pseudonym.key}, readable only by its owner ({@link PseudonymKey}). Losing the key
 * breaks the link between patients of old and new events; it must be backed up with the database.
 */
@Component
class Pseudonymiser {

    static final String KEY_FILE = "pseudonym.key";

    private final PseudonymKey key;

    Pseudonymiser(@Value("${meridian.pseudonym-key:}") String configuredKey,
                  @Value("${meridian.data-dir}") Path dataDir) {
        this.key = new PseudonymKey(configuredKey, "MERIDIAN_PSEUDONYM_KEY", dataDir.resolve(KEY_FILE));
    }

    /** The keyed hash (64 hex digits) of a patient id; null for null. */
    String pseudonym(String patientId) {
        return key.pseudonym(patientId);
    }
}
