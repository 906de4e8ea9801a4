package org.meridian.incentive.rules;

import java.util.List;
import java.util.Optional;

import org.meridian.shared.Period;
import org.meridian.shared.problem.Problem;

/** A period as a person types it or a client sends it, read where requests are read ({@code web/}, {@code api/}). */
public final class PeriodText {

    private PeriodText() {
    }

    /**
     * The period written {@code 2026-09}, {@code 2026-Q3}, {@code 2026-H2} or {@code 2026} (surrounding spaces
     * ignored); anything else is empty and adds a problem for {@code field} to {@code problems}.
     */
    public static Optional<Period> read(String text, String field, List<Problem> problems) {
        Optional<Period> period = Period.parse(text == null ? null : text.strip());
        if (period.isEmpty()) {
            problems.add(IncentiveProblem.of(field, "incentive.v.period", text));
        }
        return period;
    }
}
