package org.meridian.insight.change;

import java.util.List;

/**
 * A sentence or a piece of one, as a message key of the insight bundle and its arguments, so that it is written in
 * the reader's language (zh-CN or English) from the same numbers. An argument that is itself a {@code Phrase} (a
 * month, an amount with its unit, a measure's name) is written first; numbers come already formatted as text.
 */
public record Phrase(String key, List<Object> args) {

    public Phrase {
        args = List.copyOf(args);
    }

    public static Phrase of(String key, Object... args) {
        return new Phrase(key, List.of(args));
    }
}
