package org.meridian.shared.problem;

import java.util.List;

/**
 * One problem with one field of a request, a form or a file row: where it is ({@code path}, as the client named
 * it, e.g. {@code items[2].weight} or {@code occurredAt}), a message key of the bundles and its arguments. The API
 * answers it as {@code {field, message}} in the caller's language; a form shows the message beside the field.
 * Plain Java, so numeric and domain code without Spring may use it too.
 */
public record Problem(String path, String messageKey, List<Object> args) {

    public Problem {
        if (path == null || messageKey == null || messageKey.isBlank()) {
            throw new IllegalArgumentException("a problem needs a path and a message key");
        }
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Problem of(String path, String messageKey, Object... args) {
        return new Problem(path, messageKey, List.of(args));
    }

    /** The same problem under a parent path: {@code of("weight", …).under("items[2]")} is {@code items[2].weight}. */
    public Problem under(String parent) {
        return new Problem(path.isEmpty() ? parent : parent + "." + path, messageKey, args);
    }
}
