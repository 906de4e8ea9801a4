package org.meridian.evaluation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.meridian.evaluation.EvaluationSubject;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;

/**
 * Reads what the evaluation pages and API take as text — a period ({@code 2026-09}, {@code 2026-Q3},
 * {@code 2026-H2}, {@code 2026}) and a unit type — into typed values, naming every bad field. The facades take only
 * the typed values.
 */
public final class EvaluationParams {

    private EvaluationParams() {
    }

    /**
     * The subject of a run.
     *
     * @throws InvalidInputException listing both fields' problems
     */
    public static EvaluationSubject subject(String period, String unitType) {
        List<Problem> problems = new ArrayList<>();
        Period p = period(period, problems);
        UnitType t = unitType(unitType, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("evaluation", problems);
        }
        return new EvaluationSubject(p, t);
    }

    /** A period filter: empty text is no filter, anything else must be a period. */
    public static Optional<Period> periodFilter(String text, List<Problem> problems) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.ofNullable(period(text, problems));
    }

    /** A unit type filter: empty text is no filter, anything else must be a unit type. */
    public static Optional<UnitType> unitTypeFilter(String text, List<Problem> problems) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.ofNullable(unitType(text, problems));
    }

    private static Period period(String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(Problem.of("period", "evaluation.error.required"));
            return null;
        }
        Optional<Period> p = Period.parse(text.strip());
        if (p.isEmpty()) {
            problems.add(Problem.of("period", "evaluation.error.period", text));
        }
        return p.orElse(null);
    }

    private static UnitType unitType(String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(Problem.of("unitType", "evaluation.error.required"));
            return null;
        }
        try {
            return UnitType.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of("unitType", "evaluation.error.unitType", text));
            return null;
        }
    }
}
