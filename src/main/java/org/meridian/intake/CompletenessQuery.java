package org.meridian.intake;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * What the completeness page asks for: a department or institution type, a window of months (at most
 * {@value #MAX_MONTHS}, none after the hospital's current month), optionally one measure, a text to find units by
 * code or name, whether to show only the units with gaps, and a page of {@value #SIZE} units.
 */
public record CompletenessQuery(UnitType type, YearMonth from, YearMonth to, String measure, String text,
                                boolean onlyGaps, int page) {

    public static final int MAX_MONTHS = 24;
    public static final int SIZE = 20;
    /** The window when none is given: the six months up to the one before the current (still being reported). */
    static final int DEFAULT_MONTHS = 6;

    public CompletenessQuery {
        if (type == null || type.kind() == UnitKind.CHANNEL || from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a department or institution type and a window of months");
        }
        measure = measure == null || measure.isBlank() ? null : measure.strip();
        text = text == null || text.isBlank() ? null : text.strip();
        page = Math.max(page, 0);
    }

    public int size() {
        return SIZE;
    }

    /** The months of the window, oldest first. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /**
     * Reads the page's parameters; blank ones take their defaults (the first department type, the six months before
     * {@code current}). Every problem at once: an unknown or channel type, a month not {@code YYYY-MM} or after
     * {@code current}, a window backwards or longer than {@value #MAX_MONTHS} months.
     */
    public static CompletenessQuery parse(String type, String from, String to, String measure, String text,
                                          boolean onlyGaps, int page, YearMonth current) {
        List<Problem> problems = new ArrayList<>();
        UnitType t = UnitType.CLINICAL;
        if (type != null && !type.isBlank()) {
            try {
                t = UnitType.valueOf(type.strip().toUpperCase(Locale.ROOT));
                if (t.kind() == UnitKind.CHANNEL) {
                    problems.add(Problem.of("type", "intake.completeness.error.type", type.strip()));
                }
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of("type", "intake.completeness.error.type", type.strip()));
            }
        }
        YearMonth last = month("to", to, current, problems);
        YearMonth end = last == null ? current.minusMonths(1) : last;
        YearMonth first = month("from", from, current, problems);
        YearMonth start = first == null ? end.minusMonths(DEFAULT_MONTHS - 1) : first;
        if (problems.isEmpty() && end.isBefore(start)) {
            problems.add(Problem.of("to", "intake.completeness.error.order"));
        } else if (problems.isEmpty() && start.plusMonths(MAX_MONTHS - 1).isBefore(end)) {
            problems.add(Problem.of("from", "intake.completeness.error.window", MAX_MONTHS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("intake", problems);
        }
        return new CompletenessQuery(t, start, end, measure, text, onlyGaps, page);
    }

    private static YearMonth month(String field, String value, YearMonth current, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (!v.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM", v, 0);
            }
            YearMonth m = YearMonth.parse(v);
            if (m.isAfter(current)) {
                problems.add(Problem.of(field, "intake.completeness.error.future", v, current.toString()));
                return null;
            }
            return m;
        } catch (DateTimeParseException e) {
            problems.add(Problem.of(field, "intake.completeness.error.month", v));
            return null;
        }
    }
}
