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

    /**
     * The text made storable for keeping what a sender sent where the original cannot be stored (a rejected row's
     * values and reasons): every U+0000 shown as ␀ (U+2400), every unpaired surrogate as � (U+FFFD); null stays null.
     */
    public static String shown(String text) {
        if (isStorable(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                out.append('\u2400');
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
