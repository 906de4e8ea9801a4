package org.meridian.shared.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-time passwords (动态口令) as authenticator apps compute them.
 * <p>
 * HOTP (RFC 4226 §5): {@code HOTP(K, C) = Truncate(HMAC(K, C)) mod 10^digits}, where {@code C} is the 8-byte big-endian
 * counter and {@code Truncate} takes the 31 bits starting at the byte whose offset is the low 4 bits of the HMAC's
 * last byte. TOTP (RFC 6238 §4) is HOTP with the counter {@code T = floor(unix seconds / 30)}, the time step.
 * <p>
 * Meridian uses TOTP with HMAC-SHA1, 30-second steps and 6 digits (what every authenticator app reads from an
 * {@code otpauth://} URI by default), and accepts the code of the current step and of one step either side (clocks
 * of phones drift; RFC 6238 §5.2 recommends at most one step of delay). A code is accepted only for a step later than
 * the last step accepted for the same secret, so a code seen over someone's shoulder cannot be used again (§5.2).
 * Codes are compared in constant time. Before 1970 there is no step: a negative time is refused.
 */
final class OneTimePassword {

    static final long STEP_SECONDS = 30;
    static final int DIGITS = 6;
    /** Steps accepted either side of the current one. */
    static final int TOLERANCE = 1;
    /** The secret's length: 160 bits, the HMAC-SHA1 output length RFC 4226 §4 recommends (R6). */
    static final int SECRET_BYTES = 20;

    /** The HMAC that HOTP is computed with. Meridian uses SHA1; the others are RFC 6238's variants. */
    enum Algorithm {
        SHA1("HmacSHA1"), SHA256("HmacSHA256"), SHA512("HmacSHA512");

        private final String jca;

        Algorithm(String jca) {
            this.jca = jca;
        }
    }

    private OneTimePassword() {
    }

    /** RFC 4226's HOTP value of {@code counter}, as a number below {@code 10^digits}. */
    static int hotp(byte[] key, long counter, int digits, Algorithm algorithm) {
        if (digits < 6 || digits > 9) {
            throw new IllegalArgumentException("HOTP has 6 to 9 digits, not " + digits);
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(algorithm.jca);
            mac.init(new SecretKeySpec(key, algorithm.jca));
            byte[] message = new byte[8];
            for (int i = 7; i >= 0; i--) {
                message[i] = (byte) (counter & 0xff);
                counter >>>= 8;
            }
            hash = mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.jca + " is not available", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        return binary % (int) Math.pow(10, digits);
    }

    /** The HOTP value as the app shows it: {@code digits} digits with leading zeros. */
    static String hotpText(byte[] key, long counter, int digits, Algorithm algorithm) {
        String value = Integer.toString(hotp(key, counter, digits, algorithm));
        return "0".repeat(digits - value.length()) + value;
    }

    /** RFC 6238's time step {@code T} of an instant (30-second steps from the Unix epoch). */
    static long step(Instant at) {
        if (at.getEpochSecond() < 0) {
            throw new IllegalArgumentException("no time step before 1970: " + at);
        }
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code an authenticator app shows at {@code at} (SHA1, 30 s, 6 digits). */
    static String totp(byte[] key, Instant at) {
        return hotpText(key, step(at), DIGITS, Algorithm.SHA1);
    }

    /**
     * The step whose code {@code code} is, among the current step at {@code now} and {@link #TOLERANCE} steps either
     * side, when it is later than {@code lastUsedStep}; empty when the code matches no such step (wrong, too old, too
     * far ahead, or already used). A code of anything but exactly {@link #DIGITS} digits matches nothing.
     */
    static OptionalLong verify(byte[] key, String code, Instant now, long lastUsedStep) {
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long current = step(now);
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        OptionalLong found = OptionalLong.empty();
        for (long s = current - TOLERANCE; s <= current + TOLERANCE; s++) {
            byte[] expected = hotpText(key, s, DIGITS, Algorithm.SHA1).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given) && s > lastUsedStep && found.isEmpty()) {
                found = OptionalLong.of(s);
            }
        }
        return found;
    }
}
