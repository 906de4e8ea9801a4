package org.meridian.shared.web;

import java.util.List;

/**
 * One problem with one field of a request or form: the field's name as the client sent it, a message
 * key of the bundles and its arguments. API answers resolve it to {@code {field, message}}; forms show
 * the message beside the field.
 *
 * @deprecated use {@link org.meridian.shared.problem.Problem} (the same with {@code path} for {@code field}); kept
 *             only until the modules not yet moved (channel, evaluation, feedback, appeal, rectification) move.
 */
@Deprecated
public record InputProblem(String field, String messageKey, List<Object> args) {

    public InputProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static InputProblem of(String field, String messageKey, Object... args) {
        return new InputProblem(field, messageKey, List.of(args));
    }
}
