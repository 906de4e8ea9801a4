package org.meridian.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A rate or share kept as its two counts (重复检查率 = repeats / records, a member's share of an alliance's records,
 * 下转占比 …), so that every figure made of it is rounded once, half up, from the exact quotient and never from
 * another rounded figure.
 * <ul>
 * <li>{@link #fraction()}: part / whole from 0 to 1 with {@value #SCALE} decimals, for APIs and workbooks;</li>
 * <li>{@link #percent()}: 100 · part / whole with one decimal, for pages.</li>
 * </ul>
 * Rounding twice is what this prevents: 6 of 11 is 54.5454… %, so 54.5 %; a fraction first rounded to 4 decimals
 * (0.5455) would show 54.6 %. Two rates compare exactly (a/b against c/d as a·d against c·b). A rate needs a whole
 * above 0 (there is no rate of nothing: callers show "—") and a part of at least 0; the part may exceed the whole.
 */
public record Rate(BigDecimal part, BigDecimal whole) implements Comparable<Rate> {

    /** Decimals of {@link #fraction()}. */
    public static final int SCALE = 6;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Rate {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(whole, "whole");
        if (whole.signum() <= 0 || part.signum() < 0) {
            throw new IllegalArgumentException("a rate needs a whole above 0 and a part of at least 0, not "
                    + part.toPlainString() + " of " + whole.toPlainString());
        }
    }

    /** part of whole, counted. */
    public static Rate of(long part, long whole) {
        return new Rate(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    /** part of whole, or null when whole is 0 (no rate to show). */
    public static Rate orNull(long part, long whole) {
        return whole == 0 ? null : of(part, whole);
    }

    /** part / whole, half up to {@value #SCALE} decimals. */
    public BigDecimal fraction() {
        return part.divide(whole, SCALE, RoundingMode.HALF_UP);
    }

    /** 100 · part / whole, half up to one decimal: a per cent rounded once from the counts. */
    public BigDecimal percent() {
        return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
    }

    /** The fraction of a rate that may be absent (null stays null). */
    public static BigDecimal fraction(Rate rate) {
        return rate == null ? null : rate.fraction();
    }

    @Override
    public int compareTo(Rate o) {
        return part.multiply(o.whole).compareTo(o.part.multiply(whole));
    }
}
