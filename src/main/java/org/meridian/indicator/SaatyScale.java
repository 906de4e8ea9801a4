package org.meridian.indicator;

import java.util.List;
import java.util.Optional;

/**
 * Saaty's fundamental scale of pairwise comparison (Saaty, <i>The Analytic Hierarchy Process</i>, 1980, Table 1.1):
 * a judgement a_ij says how much more important indicator i is than j — 1 同等重要 (equal), 3 稍微重要 (moderate),
 * 5 明显重要 (strong), 7 强烈重要 (very strong), 9 极端重要 (extreme), the even numbers between two neighbours; its
 * reciprocal 1/a_ij is the same judgement read the other way round. Judgements are written as {@code 3} or {@code 1/3}.
 */
public final class SaatyScale {

    /** The seventeen judgements an editor offers, from "i extremely more important" to "j extremely more important". */
    public static final List<String> CHOICES = List.of("9", "8", "7", "6", "5", "4", "3", "2", "1", "1/2", "1/3", "1/4",
            "1/5", "1/6", "1/7", "1/8", "1/9");

    private SaatyScale() {
    }

    /**
     * Reads a judgement written as a positive number ({@code 3}, {@code 0.5}) or a fraction ({@code 1/3}); empty
     * when the text is none of these or not positive and finite.
     */
    public static Optional<Double> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            double v;
            int slash = t.indexOf('/');
            if (slash >= 0) {
                v = Double.parseDouble(t.substring(0, slash).strip()) / Double.parseDouble(t.substring(slash + 1).strip());
            } else {
                v = Double.parseDouble(t);
            }
            return Double.isFinite(v) && v > 0 ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A judgement as one writes it: {@code 3}, {@code 1/3}, or a number with up to three decimals off the scale. */
    public static String text(double v) {
        long whole = Math.round(v);
        if (v >= 1 && Math.abs(v - whole) < 1e-9) {
            return Long.toString(whole);
        }
        long inverse = Math.round(1 / v);
        if (v < 1 && Math.abs(1 / v - inverse) < 1e-9) {
            return "1/" + inverse;
        }
        return new java.math.BigDecimal(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    /** The strength 1..9 of the scale nearest to a judgement, read in the direction of the more important side. */
    public static int strength(double v) {
        double s = v >= 1 ? v : 1 / v;
        return (int) Math.max(1, Math.min(9, Math.round(s)));
    }

    /** Whether a judgement is one of the seventeen values of the scale. */
    public static boolean onScale(double v) {
        return CHOICES.contains(text(v));
    }
}
