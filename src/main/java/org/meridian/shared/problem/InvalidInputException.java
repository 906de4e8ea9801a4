package org.meridian.shared.problem;

import java.util.List;

/**
 * Bad input with every problem found, never only the first (HTTP 400, an {@code errors} array of
 * {@code {field, message}}).
 */
public non-sealed class InvalidInputException extends MeridianException {

    private final List<Problem> problems;

    public InvalidInputException(String module, List<Problem> problems) {
        super(module, "invalid-input", "problem.invalid", List.of(problems.size()), "invalid input: " + problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
