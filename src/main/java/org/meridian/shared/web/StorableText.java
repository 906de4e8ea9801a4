package org.meridian.shared.web;

/**
 * Text PostgreSQL can store as it is: no U+0000 (NUL) and no unpaired UTF-16 surrogate. Every text that reaches
 * Meridian from outside is held to it in one place per way in: request parameters and multipart file names
 * ({@link UnstorableParameters}), request bodies ({@link StorableBodies}) and the rows of event
 * batches and files (intake's validator, which rejects the row, not the batch).
 */
public final class StorableText {

    private StorableText() {
    }

    /** Whether the text can be stored as it is (null counts as storable). */
    public static boolean isStorable(CharSequence text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
