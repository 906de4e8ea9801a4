package org.meridian.incentive.rules;

import java.math.BigDecimal;

/**
 * A score band (分数段) of a rate table: totals from {@code from} (inclusive) to {@code to} (exclusive;
 * null means "and above") earn {@code rate}.
 */
public record ScoreBand(BigDecimal from, BigDecimal to, BigDecimal rate) {

    public boolean contains(BigDecimal total) {
        return total.compareTo(from) >= 0 && (to == null || total.compareTo(to) < 0);
    }

    @Override
    public String toString() {
        return "[" + from.toPlainString() + ", " + (to == null ? "∞" : to.toPlainString()) + ")";
    }
}
