package org.meridian.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money in Meridian: Chinese yuan (CNY, 人民币) as {@link BigDecimal}, rounded half-up to the fen (分, 0.01).
 * Amounts are computed exactly and rounded once, where a result is booked (in incentives: at the end of each
 * statement line, docs/incentives.md); a sum of booked amounts needs no further rounding.
 */
public final class Money {

    /** The currency of every amount. */
    public static final String CURRENCY = "CNY";
    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {
    }

    /** Rounds half-up to 0.01: 12.345 → 12.35, 12.344 → 12.34, −12.345 → −12.35. */
    public static BigDecimal fen(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** True when the amount has no more than two decimals (is a whole number of fen). */
    public static boolean isWholeFen(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= 2;
    }
}
