package org.meridian.insight.change;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * The month whose changes are explained: a whole month, so at the latest the month before the hospital's current
 * one (a month still running would read as a fall that is only missing days).
 */
public final class ChangeMonth {

    private ChangeMonth() {
    }

    /**
     * Reads {@code YYYY-MM} (field {@code month}); blank means {@code latest}. A month after {@code latest} or text
     * that is no month is a 400 naming the field.
     */
    public static YearMonth parse(String text, YearMonth latest) {
        if (text == null || text.isBlank()) {
            return latest;
        }
        YearMonth month;
        try {
            month = YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("insight", List.of(Problem.of("month", "insight.change.problem.month",
                    text.strip())));
        }
        if (month.isAfter(latest)) {
            throw new InvalidInputException("insight", List.of(Problem.of("month", "insight.change.problem.notWhole",
                    latest.toString())));
        }
        return month;
    }
}
