package org.meridian.insight.change;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sentences of an explained change (变动解读), built from its numbers only, as {@link Phrase}s of the insight
 * bundle ({@code insight.change.*}) with the numbers filled in:
 * <ul>
 * <li>the month has no data: that, and nothing else;</li>
 * <li>the base month has no data: the month's value and that there is no comparison (no "increase", no per cent);</li>
 * <li>no change: the value and "the same as" the base month;</li>
 * <li>a change: up or down by how much, with the per cent of the base when the base is positive (a change from 0 or
 *     from a negative revenue has no meaningful ratio: the base value is said instead);</li>
 * <li>then, for the hospital, which channel contributed most: all of it when it is the only one; its share when it
 *     moved the same way as the total and not more; that the others offset part of it when it moved more than the
 *     total; that it went against the total when the others together moved the other way and more; and, when the
 *     total did not move but channels did, that they offset each other.</li>
 * </ul>
 * Counts are whole numbers with thousands separators, revenue in whole yuan, scores with at most two decimals; a minus
 * is the typographic "−". A change that rounds to 0 at that precision is written without a sign.
 */
public final class ChangeSentences {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ChangeSentences() {
    }

    static List<Phrase> of(ChangeMeasure m, ChangeBasis basis, YearMonth month, BigDecimal current, BigDecimal base,
                           BigDecimal change, BigDecimal percent, List<Contribution> contributors, boolean forHospital) {
        Phrase when = month(month);
        Phrase what = Phrase.of("insight.change.measure." + m.name());
        Phrase against = Phrase.of("insight.change.basis." + basis.name());
        List<Phrase> out = new ArrayList<>();
        if (current == null) {
            out.add(Phrase.of("insight.change.lead.NO_DATA", when, what));
            return out;
        }
        if (base == null) {
            out.add(Phrase.of("insight.change.lead.NO_BASE", when, what, amount(m, current), against));
            return out;
        }
        int sign = rounded(m, change).signum();
        if (sign == 0) {
            out.add(Phrase.of("insight.change.lead.FLAT", when, what, amount(m, current), against));
        } else if (percent != null) {
            out.add(Phrase.of("insight.change.lead." + (sign > 0 ? "UP" : "DOWN"), when, what, amount(m, current),
                    against, amount(m, change.abs()), plain(percent.abs())));
        } else {
            out.add(Phrase.of("insight.change.lead." + (sign > 0 ? "UP_FROM" : "DOWN_FROM"), when, what,
                    amount(m, current), against, amount(m, change.abs()), amount(m, base)));
        }
        if (forHospital && !contributors.isEmpty() && rounded(m, contributors.get(0).change()).signum() != 0) {
            Contribution top = contributors.get(0);
            Phrase moved = signedAmount(m, top.change());
            if (sign == 0) {
                out.add(Phrase.of("insight.change.driver.OFFSET", contributors.size(), top.channelName(), moved));
            } else if (contributors.size() == 1) {
                out.add(Phrase.of("insight.change.driver.ONLY", top.channelName(), moved));
            } else if (top.change().signum() != sign) {
                out.add(Phrase.of("insight.change.driver.AGAINST", top.channelName(), moved));
            } else if (top.change().abs().compareTo(change.abs()) > 0) {
                out.add(Phrase.of("insight.change.driver.OFFSET_PART", top.channelName(), moved));
            } else {
                out.add(Phrase.of("insight.change.driver.SHARE", top.channelName(), moved, plain(top.share())));
            }
        }
        return out;
    }

    /**
     * The sentences of a channel's total between two published evaluations: the total and how it moved (in points, no
     * per cent), then the indicator that moved it most ({@code moves} largest first), or that the indicators offset
     * each other when the total did not move. No evaluation this month or in the base month: that, and no comparison.
     */
    static List<Phrase> ofTotal(String channel, ChangeBasis basis, YearMonth month, BigDecimal current,
                                BigDecimal base, BigDecimal change, List<IndicatorMove> moves) {
        ChangeMeasure m = ChangeMeasure.AVERAGE_TOTAL;
        Phrase when = month(month);
        Phrase against = Phrase.of("insight.change.basis." + basis.name());
        List<Phrase> out = new ArrayList<>();
        if (current == null) {
            out.add(Phrase.of("insight.change.total.NO_DATA", when, channel));
            return out;
        }
        if (base == null) {
            out.add(Phrase.of("insight.change.total.NO_BASE", when, channel, amount(m, current), against));
            return out;
        }
        int sign = rounded(m, change).signum();
        out.add(sign == 0 ? Phrase.of("insight.change.total.FLAT", when, channel, amount(m, current), against)
                : Phrase.of("insight.change.total." + (sign > 0 ? "UP" : "DOWN"), when, channel, amount(m, current),
                against, amount(m, change.abs())));
        if (!moves.isEmpty() && rounded(m, moves.get(0).change()).signum() != 0) {
            IndicatorMove top = moves.get(0);
            Phrase name = Phrase.of("insight.change.name", top.nameZh(), top.nameEn());
            out.add(Phrase.of(sign == 0 ? "insight.change.indicator.OFFSET" : "insight.change.indicator.LARGEST",
                    name, signedAmount(m, top.change())));
        }
        return out;
    }

    /** A month: "2026 年 12 月", "December 2026". */
    public static Phrase month(YearMonth month) {
        return Phrase.of("insight.change.month", month.getYear(), month.getMonthValue(),
                month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    }

    /** An amount of the measure with its unit: "1,234 例", "56,789 元", "82.5 分". */
    public static Phrase amount(ChangeMeasure m, BigDecimal v) {
        return Phrase.of("insight.change.amount." + m.name(), number(m, v));
    }

    /** A signed amount: "+12 例", "−3 例", "+1.25 分"; 0 without a sign. */
    public static Phrase signedAmount(ChangeMeasure m, BigDecimal v) {
        String n = number(m, v.abs());
        return Phrase.of("insight.change.amount." + m.name(),
                n.matches("[0.,]+") ? n : v.signum() > 0 ? "+" + n : v.signum() < 0 ? "−" + n : n);
    }

    /**
     * A figure as people read it, half up, thousands separated, "−" for a minus: counts and yuan whole, scores with
     * at most two decimals.
     */
    public static String number(ChangeMeasure m, BigDecimal v) {
        DecimalFormat f = new DecimalFormat(m.summed() ? "#,##0" : "#,##0.##",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        String s = f.format(v);
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    /** The value at the precision it is written with (so that a change written as 0 is said to be none). */
    static BigDecimal rounded(ChangeMeasure m, BigDecimal v) {
        return v.setScale(m.summed() ? 0 : 2, RoundingMode.HALF_UP);
    }

    /** A per cent already rounded to one decimal: "12.5". */
    public static String plain(BigDecimal v) {
        return v.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** (part / whole) × 100 with one decimal, half up; null when the whole is 0. */
    static BigDecimal percentOf(BigDecimal part, BigDecimal whole) {
        return whole == null || whole.signum() == 0 ? null
                : part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
    }
}
