package org.meridian.incentive.rules;

import java.util.List;

/**
 * Why a statement line has its amount, as a message key of {@code i18n/incentive.properties} with its
 * arguments, so that the same line reads in Chinese or English.
 */
public record Explanation(String key, List<String> args) {

    public Explanation {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an explanation needs a message key");
        }
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Explanation of(String key, Object... args) {
        return new Explanation(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
