package org.meridian.incentive.rules;

import java.util.List;

/**
 * One reason why an incentive rule, a statement or a request is refused.
 *
 * @param field   where the problem is, as a path into the rule definition (e.g. {@code scoreBands[1]})
 * @param message the reason, in English, complete enough to act on (logs, and the fallback text)
 * @param key     the message key of {@code i18n/incentive.properties} that says the same in the reader's language,
 *                with {@code args}; null when the message has no translation yet
 */
public record Violation(String field, String message, String key, List<String> args) {

    public Violation {
        if (field == null || field.isBlank() || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a violation needs a field and a message");
        }
        args = args == null ? List.of() : List.copyOf(args);
    }

    public Violation(String field, String message) {
        this(field, message, null, null);
    }

    /** A violation with its message key and arguments, for the reader's language. */
    public static Violation keyed(String field, String message, String key, Object... args) {
        return new Violation(field, message, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The same problem under another field (e.g. {@code result.channelCode} in a request body). */
    public Violation at(String otherField) {
        return new Violation(otherField, message, key, args);
    }
}
