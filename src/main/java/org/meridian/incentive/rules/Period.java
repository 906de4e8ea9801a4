package org.meridian.incentive.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period of engine.md §1: a month {@code 2026-09}, a quarter {@code 2026-Q3}, a half year
 * {@code 2026-H2} or a year {@code 2026}; the local dates from {@link #start()} to {@link #end()}.
 */
public record Period(Kind kind, int year, int index) implements Comparable<Period> {

    /** Month, quarter (季度), half year (半年) or year (年度). */
    public enum Kind {
        MONTH(12), QUARTER(4), HALF_YEAR(2), YEAR(1);

        final int perYear;

        Kind(int perYear) {
            this.perYear = perYear;
        }
    }

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(?:(\\d{2})|Q([1-4])|H([12])))?");

    public Period {
        if (kind == null || year < 1900 || year > 9999 || index < 1 || index > kind.perYear) {
            throw new IllegalArgumentException("not a period: " + kind + " " + year + " " + index);
        }
    }

    /** Parses {@code 2026-09}, {@code 2026-Q3}, {@code 2026-H2} or {@code 2026}. */
    public static Period parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new InvalidIncentiveException(Violation.keyed("period",
                    "'" + text + "' is not a period; use 2026-09, 2026-Q3, 2026-H2 or 2026", "incentive.v.period", text));
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new InvalidIncentiveException(Violation.keyed("period", "'" + text + "' has no month " + month,
                        "incentive.v.period", text));
            }
            return new Period(Kind.MONTH, year, month);
        }
        if (m.group(3) != null) {
            return new Period(Kind.QUARTER, year, Integer.parseInt(m.group(3)));
        }
        if (m.group(4) != null) {
            return new Period(Kind.HALF_YEAR, year, Integer.parseInt(m.group(4)));
        }
        return new Period(Kind.YEAR, year, 1);
    }

    public LocalDate start() {
        int months = 12 / kind.perYear;
        return LocalDate.of(year, (index - 1) * months + 1, 1);
    }

    public LocalDate end() {
        int months = 12 / kind.perYear;
        return YearMonth.of(year, index * months).atEndOfMonth();
    }

    /** The period of the same kind that follows this one (2026-Q4 → 2027-Q1). */
    public Period next() {
        return index == kind.perYear ? new Period(kind, year + 1, 1) : new Period(kind, year, index + 1);
    }

    @Override
    public int compareTo(Period o) {
        int c = start().compareTo(o.start());
        return c != 0 ? c : end().compareTo(o.end());
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> "%d-%02d".formatted(year, index);
            case QUARTER -> year + "-Q" + index;
            case HALF_YEAR -> year + "-H" + index;
            case YEAR -> Integer.toString(year);
        };
    }
}
