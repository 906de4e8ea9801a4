package org.meridian.shared;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period (考核周期, engine.md §1): a month {@code 2026-09}, a quarter {@code 2026-Q3}, a half year
 * {@code 2026-H2} or a year {@code 2026}. A period is the set of local dates from {@link #firstDay()} to
 * {@link #lastDay()}, both included, in the hospital's time zone.
 *
 * @param kind  month, quarter, half year or year
 * @param year  1900–9999
 * @param index the month (1–12), quarter (1–4) or half (1–2) within the year; 1 for a year
 */
public record Period(Kind kind, int year, int index) implements Comparable<Period> {

    /** How long a period is, and how many of them make a year. */
    public enum Kind {
        MONTH(1, 12), QUARTER(3, 4), HALF(6, 2), YEAR(12, 1);

        private final int months;
        private final int perYear;

        Kind(int months, int perYear) {
            this.months = months;
            this.perYear = perYear;
        }

        public int months() {
            return months;
        }
    }

    private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-(?:(\\d{2})|Q(\\d)|H(\\d)))?");

    public Period {
        Objects.requireNonNull(kind, "kind");
        if (year < 1900 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " is outside 1900–9999");
        }
        if (index < 1 || index > kind.perYear) {
            throw new IllegalArgumentException(kind + " " + index + " is outside 1–" + kind.perYear);
        }
    }

    public static Period month(int year, int month) {
        return new Period(Kind.MONTH, year, month);
    }

    public static Period quarter(int year, int quarter) {
        return new Period(Kind.QUARTER, year, quarter);
    }

    public static Period half(int year, int half) {
        return new Period(Kind.HALF, year, half);
    }

    public static Period year(int year) {
        return new Period(Kind.YEAR, year, 1);
    }

    /** The period of this kind that contains the date. */
    public static Period containing(Kind kind, LocalDate date) {
        int month0 = date.getMonthValue() - 1;
        return new Period(kind, date.getYear(), month0 / kind.months + 1);
    }

    /**
     * Reads {@code 2026-09}, {@code 2026-Q3}, {@code 2026-H2} or {@code 2026}; anything else (a month 13,
     * a quarter 5, {@code abc}, surrounding spaces) is empty.
     */
    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        Kind kind;
        int index;
        if (m.group(2) != null) {
            kind = Kind.MONTH;
            index = Integer.parseInt(m.group(2));
        } else if (m.group(3) != null) {
            kind = Kind.QUARTER;
            index = Integer.parseInt(m.group(3));
        } else if (m.group(4) != null) {
            kind = Kind.HALF;
            index = Integer.parseInt(m.group(4));
        } else {
            kind = Kind.YEAR;
            index = 1;
        }
        if (year < 1900 || index < 1 || index > kind.perYear) {
            return Optional.empty();
        }
        return Optional.of(new Period(kind, year, index));
    }

    /** The first local date of the period. */
    public LocalDate firstDay() {
        return YearMonth.of(year, (index - 1) * kind.months + 1).atDay(1);
    }

    /** The last local date of the period (included). */
    public LocalDate lastDay() {
        return YearMonth.of(year, index * kind.months).atEndOfMonth();
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    /** The period of the same kind just before this one: 2026-01 → 2025-12, 2026-Q1 → 2025-Q4, 2026 → 2025. */
    public Period previous() {
        return index > 1 ? new Period(kind, year, index - 1) : new Period(kind, year - 1, kind.perYear);
    }

    /** The period of the same kind just after this one. */
    public Period next() {
        return index < kind.perYear ? new Period(kind, year, index + 1) : new Period(kind, year + 1, 1);
    }

    /** Periods compare by first day, then the shorter first. */
    @Override
    public int compareTo(Period o) {
        int c = firstDay().compareTo(o.firstDay());
        return c != 0 ? c : Integer.compare(kind.months, o.kind.months);
    }

    /** {@code 2026-09}, {@code 2026-Q3}, {@code 2026-H2}, {@code 2026}. */
    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> String.format("%04d-%02d", year, index);
            case QUARTER -> year + "-Q" + index;
            case HALF -> year + "-H" + index;
            case YEAR -> String.valueOf(year);
        };
    }
}
