package org.meridian.shared.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;


/**
 * A secret key for pseudonymising patient ids (假名化) with HMAC-SHA-256, and the hashing itself: the configured key
 * (at least {@value #MIN_KEY_LENGTH} characters) or, when none is configured, 32 random bytes generated on first
 * start into a file of the data directory, readable only by its owner. Losing the key breaks the link between
 * patients of old and new data; it must be backed up with the database. The hospital's key (intake) and the
 * region's key (exam records) are two instances, each with its own setting and file.
 */
public final class PseudonymKey {

    public static final int MIN_KEY_LENGTH = 32;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /**
     * @param configured the configured key, or blank to use (and on first start generate) {@code file}
     * @param setting    the environment variable that configures it, named in the error on a short key
     * @param file       where a generated key is kept
     */
    public PseudonymKey(String configured, String setting, Path file) {
        byte[] material;
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < MIN_KEY_LENGTH) {
                throw new IllegalStateException(setting + " must have at least " + MIN_KEY_LENGTH + " characters");
            }
            material = configured.getBytes(StandardCharsets.UTF_8);
        } else {
            material = SecretKeyFile.readOrCreate(file, "pseudonymisation key");
        }
        this.key = new SecretKeySpec(material, "HmacSHA256");
    }

    /** The keyed hash (64 hex digits) of a patient id; null for null. */
    public String pseudonym(String patientId) {
        if (patientId == null) {
            return null;
        }
        return HexFormat.of().formatHex(macs.get().doFinal(patientId.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The keyed hash of a patient id truncated to its first 128 bits, as a {@link java.util.UUID} (PostgreSQL's
     * {@code uuid}: 16 bytes compared byte by byte); null for null. Truncating an HMAC to half its output is what
     * RFC 2104 (§5) allows and RFC 4868 does with HMAC-SHA-256-128; two of a billion patients share one by chance
     * with a probability near 10^-21. Its hex digits are the first 32 of {@link #pseudonym}'s.
     */
    public java.util.UUID pseudonym128(String patientId) {
        if (patientId == null) {
            return null;
        }
        byte[] mac = macs.get().doFinal(patientId.getBytes(StandardCharsets.UTF_8));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(mac);
        return new java.util.UUID(b.getLong(), b.getLong());
    }

    /** A Mac is not thread-safe and costly to look up; each thread keeps one (doFinal resets it for the next id). */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
