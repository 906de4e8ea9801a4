package org.meridian.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Figures with the precision a person reads on pages and reports (exact values stay in the API and exports):
 * a rate (unit {@code %} or {@code ‰}) with one decimal, a score with at most two, money in 万元 with two and in 元
 * without decimals, anything else with at most two; rounded half up, trailing zeros of the last two kinds dropped
 * ("15", not "15.00"). Null shows as "—"; a minus is the typographic "−".
 */
public final class Figures {

    private Figures() {
    }

    /** An indicator's value in its unit (the unit as the catalogue writes it, Chinese or English). */
    public static String value(BigDecimal v, String unit) {
        if (v == null) {
            return "—";
        }
        String u = unit == null ? "" : unit.strip();
        if (u.equals("%") || u.equals("‰")) {
            return text(v.setScale(1, RoundingMode.HALF_UP));
        }
        if (u.equals("元") || u.equalsIgnoreCase("CNY") || u.equalsIgnoreCase("yuan")) {
            return text(v.setScale(0, RoundingMode.HALF_UP));
        }
        return upTo2(v);
    }

    /**
     * A rate in per cent with one decimal and its sign ("54.5 %"), rounded once from the rate's counts
     * ({@link Rate#percent()}); "—" when there is none.
     */
    public static String percent(Rate rate) {
        return rate == null ? "—" : text(rate.percent()) + " %";
    }

    /** part of whole in per cent with one decimal ("54.5 %"), rounded once; "—" when whole is 0. */
    public static String percent(long part, long whole) {
        return percent(Rate.orNull(part, whole));
    }

    /** A score (0–100) or a total. */
    public static String score(BigDecimal v) {
        return v == null ? "—" : upTo2(v);
    }

    /**
     * A scorecard's total (总分) or its change, as the product shows a total everywhere: rounded half up to exactly two
     * decimals ("51.70", "−1.08"), so that a total and its change read alike.
     */
    public static String total(BigDecimal v) {
        return v == null ? "—" : text(v.setScale(2, RoundingMode.HALF_UP));
    }

    private static String upTo2(BigDecimal v) {
        return text(v.setScale(Math.min(Math.max(v.scale(), 0), 2), RoundingMode.HALF_UP).stripTrailingZeros());
    }

    private static String text(BigDecimal r) {
        String s = (r.signum() == 0 ? BigDecimal.ZERO.setScale(Math.max(r.scale(), 0)) : r).toPlainString();
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }
}
