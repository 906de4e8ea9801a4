package org.meridian.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * A statistic measure as a client or a form submitted it, not yet checked. {@link #check()} lists every problem at
 * once: code (a lower-case letter, then lower-case letters, digits and _, at most 40, so that formulas can name it),
 * nameZh (required, at most 100), nameEn (at most 100), unit (required, at most 20) and aggregation
 * ({@code SUM}, {@code AVERAGE} or {@code LAST}). A code that is a built-in measure is the catalogue's to refuse.
 */
public record NewStatisticMeasure(String code, String nameZh, String nameEn, String unit, String aggregation) {

    public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public StatisticMeasure check() {
        List<Problem> p = new ArrayList<>();
        String c = trim(code);
        if (c == null) {
            p.add(Problem.of("code", "indicator.error.required"));
        } else if (!CODE.matcher(c).matches()) {
            p.add(Problem.of("code", "indicator.measure.error.codeFormat"));
        }
        String zh = text(p, "nameZh", nameZh, 100, true);
        String en = text(p, "nameEn", nameEn, 100, false);
        String u = text(p, "unit", unit, 20, true);
        Aggregation a = null;
        String ag = trim(aggregation);
        if (ag == null) {
            p.add(Problem.of("aggregation", "indicator.error.required"));
        } else {
            try {
                a = Aggregation.valueOf(ag.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                p.add(Problem.of("aggregation", "indicator.measure.error.aggregation", ag));
            }
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException("indicator", p);
        }
        return new StatisticMeasure(c, zh, en, u, a);
    }

    private static String text(List<Problem> p, String field, String value, int max, boolean required) {
        String v = trim(value);
        if (v == null) {
            if (required) {
                p.add(Problem.of(field, "indicator.error.required"));
            }
            return null;
        }
        if (v.length() > max) {
            p.add(Problem.of(field, "indicator.error.tooLong", max));
            return null;
        }
        return v;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
