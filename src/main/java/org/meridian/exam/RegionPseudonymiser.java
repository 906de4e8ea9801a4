package org.meridian.exam;

import java.nio.file.Path;

import org.meridian.shared.security.PseudonymKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Pseudonymisation of patient ids with the <b>region's</b> key, so that one patient's exam records match across the
 * hospitals of the region: HMAC-SHA-256 (its first 128 bits, stored as {@code uuid}) under {@code MERIDIAN_REGION_PSEUDONYM_KEY} (at least 32 characters) or, when
 * unset, a random key generated on first start into {@code <data dir>/region-pseudonym.key}, readable only by its
 * owner. It is another key than the hospital's (intake), so an event's pseudonym and an exam record's never match.
 * Back it up with the database: with another key the same patient gets another pseudonym.
 */
@Component
class RegionPseudonymiser {

    static final String KEY_FILE = "region-pseudonym.key";

    private final PseudonymKey key;

    RegionPseudonymiser(@Value("${meridian.region-pseudonym-key:}") String configuredKey,
                        @Value("${meridian.data-dir}") Path dataDir) {
        this.key = new PseudonymKey(configuredKey, "MERIDIAN_REGION_PSEUDONYM_KEY", dataDir.resolve(KEY_FILE));
    }

    /** The patient's pseudonym in the region: HMAC-SHA-256 under the region's key, its first 128 bits. */
    java.util.UUID pseudonym(String patientId) {
        return key.pseudonym128(patientId);
    }
}
