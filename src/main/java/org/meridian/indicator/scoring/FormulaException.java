package org.meridian.indicator.scoring;

/**
 * A formula that cannot be saved: bad syntax or an unknown measure. Names the 1-based character
 * {@link #position()} and the offending {@link #token()} so the person typing it can find the spot.
 */
public final class FormulaException extends IllegalArgumentException {

    /** What is wrong; also the suffix of the message key {@code indicator.formula.error.<kind>}. */
    public enum Kind { EMPTY, TOO_LONG, UNEXPECTED_CHARACTER, MALFORMED_NUMBER, UNKNOWN_MEASURE, UNEXPECTED_TOKEN,
        UNEXPECTED_END }

    private final Kind kind;
    private final int position;
    private final String token;

    FormulaException(Kind kind, int position, String token, String message) {
        super(message);
        this.kind = kind;
        this.position = position;
        this.token = token;
    }

    public Kind kind() {
        return kind;
    }

    /** 1-based position of the offending character or token in the formula text. */
    public int position() {
        return position;
    }

    /** The offending token as written (empty at the end of the text). */
    public String token() {
        return token;
    }
}
