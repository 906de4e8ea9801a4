package org.meridian.shared.security;

import java.io.ByteArrayOutputStream;

/**
 * Base32 of RFC 4648 §6 (alphabet {@code A–Z 2–7}, padding {@code =}): the form in which authenticator apps take a
 * TOTP secret. Encoding takes 5 bytes (40 bits) at a time to 8 characters of 5 bits each, the last group padded to 8
 * characters with {@code =}; {@link #encodeUnpadded} leaves the padding off, as {@code otpauth://} URIs do.
 * Decoding ignores case, spaces, hyphens and the padding, and refuses any other character.
 */
final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    /** The bytes in Base32 with padding; empty for no bytes. */
    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(encodeUnpadded(bytes));
        while (out.length() % 8 != 0) {
            out.append('=');
        }
        return out.toString();
    }

    /** The bytes in Base32 without the trailing {@code =}. */
    static String encodeUnpadded(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /**
     * The bytes of a Base32 text; bits left over after the last whole byte are dropped.
     *
     * @throws IllegalArgumentException on a character outside the alphabet
     */
    static byte[] decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toUpperCase(text.charAt(i));
            if (c == '=' || c == ' ' || c == '-') {
                continue;
            }
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not a Base32 character at " + i);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    /** The text in groups of four characters with a space between, for typing a secret by hand. */
    static String grouped(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(text, i, Math.min(i + 4, text.length()));
        }
        return out.toString();
    }
}
