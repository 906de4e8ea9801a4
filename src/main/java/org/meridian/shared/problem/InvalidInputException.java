package org.meridian.shared.problem;

import java.util.List;

/**
 * Bad input with every problem found, never only the first (HTTP 400, an {@code errors} array of
 * {@code {field, message}}).
 */
public non-sealed class InvalidInputException extends MeridianException {

    private final List<Problem> problems;

    /** The problems, summed up as "the request has N problem(s)" ({@code problem.invalid}); kind {@code invalid-input}. */
    public InvalidInputException(String module, List<Problem> problems) {
        this(module, "invalid-input", "problem.invalid", List.of(problems.size()), problems,
                "invalid input: " + problems);
    }

    public InvalidInputException(String module, Problem problem) {
        this(module, List.of(problem));
    }

    /**
     * A module's own kind and summary sentence for the problem details' {@code detail}, e.g. an unreadable file
     * ({@code kind} {@code unreadable-file}) whose one problem says what is wrong with it.
     */
    protected InvalidInputException(String module, String kind, String messageKey, List<Object> args,
                                    List<Problem> problems, String logMessage) {
        super(module, kind, messageKey, args, logMessage);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
