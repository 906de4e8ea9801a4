package org.meridian.shared.web;

import java.util.List;

/**
 * Bad input with every problem found, never only the first. {@code ProblemAdvice} answers it on the
 * API as 400 problem details with an {@code errors} array of {@code {field, message}}.
 *
 * @deprecated use {@link org.meridian.shared.problem.InvalidInputException}; kept only until the modules not yet
 *             moved (channel, evaluation, feedback, appeal, rectification) move. {@code ProblemAdvice} answers it
 *             as before.
 */
@Deprecated
public class InvalidInputException extends RuntimeException {

    private final List<InputProblem> problems;

    public InvalidInputException(List<InputProblem> problems) {
        super("invalid input: " + problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(InputProblem problem) {
        this(List.of(problem));
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
