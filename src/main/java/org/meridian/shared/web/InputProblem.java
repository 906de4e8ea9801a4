package org.meridian.shared.web;

import java.util.List;

/**
 * One problem with one field of a request or form: the field's name as the client sent it, a message
 * key of the bundles and its arguments. API answers resolve it to {@code {field, message}}; forms show
 * the message beside the field.
 */
public record InputProblem(String field, String messageKey, List<Object> args) {

    public InputProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static InputProblem of(String field, String messageKey, Object... args) {
        return new InputProblem(field, messageKey, List.of(args));
    }
}
