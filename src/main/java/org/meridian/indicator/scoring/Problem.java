package org.meridian.indicator.scoring;

import java.util.List;

/**
 * One problem with submitted content, for the API's {@code errors} array and for messages beside form fields.
 *
 * @param field   the path of the field as in the API's JSON, e.g. {@code indicators[1].scoring.zero}
 * @param code    the kind of problem; the message key is {@code indicator.problem.<code>}
 * @param args    the values the message names (an indicator code, a position…)
 * @param message the problem in English, as the API answers it
 */
public record Problem(String field, String code, List<Object> args, String message) {

    public Problem {
        args = List.copyOf(args);
    }

    public static Problem of(String field, String code, String message, Object... args) {
        return new Problem(field, code, List.of(args), message);
    }

    /** The same problem under a parent path, e.g. {@code zero} → {@code indicators[0].scoring.zero}. */
    Problem under(String prefix) {
        String f = field.isEmpty() ? prefix : field.startsWith("[") ? prefix + field : prefix + "." + field;
        return new Problem(f, code, args, message);
    }
}
