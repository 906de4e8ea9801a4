package org.meridian.indicator.scoring;

import java.util.List;

import org.meridian.shared.problem.Problem;

/**
 * The scoring engine's problems as the shared {@link Problem}: a field path as in the scheme's JSON (e.g.
 * {@code indicators[1].scoring.zero}) and the message key {@code indicator.problem.<code>} with its arguments.
 */
public final class ScoringProblem {

    private ScoringProblem() {
    }

    public static Problem of(String field, String code, Object... args) {
        return new Problem(field, "indicator.problem." + code, List.of(args));
    }

    /**
     * The same problem under a parent path: {@code zero} under {@code indicators[0].scoring} is
     * {@code indicators[0].scoring.zero}, {@code [2]} under {@code bands} is {@code bands[2]}.
     */
    public static Problem under(Problem problem, String prefix) {
        String f = problem.path();
        String path = f.isEmpty() ? prefix : f.startsWith("[") ? prefix + f : prefix + "." + f;
        return new Problem(path, problem.messageKey(), problem.args());
    }
}
