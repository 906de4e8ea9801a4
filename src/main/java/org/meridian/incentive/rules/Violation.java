package org.meridian.incentive.rules;

/**
 * One reason why an incentive rule, a statement or a request is refused.
 *
 * @param field   where the problem is, as a path into the rule definition (e.g. {@code scoreBands[1]})
 * @param message the reason, in English, complete enough to act on
 */
public record Violation(String field, String message) {

    public Violation {
        if (field == null || field.isBlank() || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a violation needs a field and a message");
        }
    }
}
