package org.meridian.shared.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The range every number that reaches Meridian from outside must lie in, whatever the field: below 10^15 in
 * magnitude (exact as a double) and, written in decimals, at most 10 digits after the point (trailing zeros do not
 * count). Fields with a narrower range of their own (event values, statistics, scores) check it besides. Held in one
 * place per way in, like {@link StorableText}: request parameters ({@link UnstorableParameters}) and request bodies
 * ({@link StorableBodies}). Before it, {@code 1e100000} was accepted, stored and written out as 100,001 digits
 * (issue 18, point 3).
 */
public final class InputNumbers {

    /** Digits a number may have before the decimal point. */
    public static final int MAX_INTEGER_DIGITS = 15;
    /** Digits a number may have after the decimal point. */
    public static final int MAX_FRACTION_DIGITS = 10;

    private static final double LIMIT = 1e15;
    /** A decimal number as a parameter may spell it, with a point or an exponent (plain digit strings are codes). */
    private static final Pattern DECIMAL = Pattern.compile("\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*");

    private InputNumbers() {
    }

    /**
     * Whether the number lies in the range, judged on precision and scale alone (so that {@code 1e100000} is never
     * expanded). Null and any other type count as in range.
     */
    public static boolean inRange(Object number) {
        if (number instanceof BigDecimal d) {
            return inRange(d);
        }
        if (number instanceof BigInteger i) {
            return i.bitLength() < 50 && i.abs().compareTo(BigInteger.TEN.pow(MAX_INTEGER_DIGITS)) < 0;
        }
        if (number instanceof Double || number instanceof Float) {
            double v = ((Number) number).doubleValue();
            return Double.isFinite(v) && Math.abs(v) < LIMIT;
        }
        return true;
    }

    static boolean inRange(BigDecimal d) {
        return fits(d, MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS);
    }

    /**
     * Whether the number has at most {@code integerDigits} digits before the decimal point and at most
     * {@code fractionDigits} after it (trailing zeros do not count), judged on precision and scale alone so that
     * {@code 1e100000} or {@code 1e-100000} is never written out. The one rule behind every narrower range (event
     * values, statistics, scheme numbers).
     */
    public static boolean fits(BigDecimal d, int integerDigits, int fractionDigits) {
        if (d.signum() == 0) {
            return true;
        }
        if ((long) d.precision() - d.scale() > integerDigits) {
            return false;
        }
        if (d.scale() <= fractionDigits) {
            return true;
        }
        // a scale far below the last allowed place is refused before stripTrailingZeros has to work through it
        return d.scale() - d.precision() < fractionDigits && d.stripTrailingZeros().scale() <= fractionDigits;
    }

    /**
     * A number that came where a text was expected (a JSON number as an eventId, a number cell in a text column) as that
     * text: written out in full when that takes at most 1,000 characters, else in scientific notation, so that
     * {@code 1e999999999} is never expanded to a billion digits (found by the fuzz tests of issue 18 point 15: an
     * {@code OutOfMemoryError} and a 500). The text is then judged as any other (too long for an id, for instance).
     */
    public static String asText(BigDecimal d) {
        return writable(d) ? d.toPlainString() : d.toString();
    }

    /**
     * Whether the number written out in full ({@code toPlainString}, and what a reader does that expands it) takes at
     * most 1,000 characters; judged on precision and scale alone.
     */
    public static boolean writable(BigDecimal d) {
        return (long) d.precision() + Math.abs((long) d.scale()) + 2 <= 1_000;
    }

    /** A number as a short text for a message: 1e100000 as 1E+100000, anything longer cut at 40 characters. */
    public static String shown(BigDecimal d) {
        String text = d.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "…";
    }

    /**
     * Whether a parameter's text, when it is a decimal number with a point or an exponent, lies in the range. Other
     * texts (words, codes, plain digit strings such as an identity card number) are not numbers to judge here.
     */
    public static boolean textInRange(String text) {
        if (text == null || text.length() > 2_000 || (text.indexOf('.') < 0 && text.indexOf('e') < 0
                && text.indexOf('E') < 0) || !DECIMAL.matcher(text).matches()) {
            return true;
        }
        try {
            return inRange(new BigDecimal(text.strip()));
        } catch (NumberFormatException exponentBeyondInt) {
            return false;
        }
    }
}
