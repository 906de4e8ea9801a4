package org.meridian.shared;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * A constant named in a request (a list's status filter, a plan's next status): the text trimmed and read without
 * regard to case. One way for every module to read them (docs/development.md, "Duplicates"); what a text that names
 * no constant means is the caller's: a problem of the field (the API's filters), or every status (a page's filter
 * from a hand-edited address).
 */
public final class Enums {

    private Enums() {
    }

    /**
     * The constant of {@code type} that {@code text} names; null for a missing or blank text; for any other text,
     * what {@code unknown} gives: thrown when it is an exception, else null (supply {@code () -> null}).
     */
    public static <E extends Enum<E>> E named(Class<E> type, String text,
                                              Supplier<? extends RuntimeException> unknown) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            RuntimeException problem = unknown.get();
            if (problem != null) {
                throw problem;
            }
            return null;
        }
    }

    /** As {@link #named}, but a missing or blank text is unknown too. */
    public static <E extends Enum<E>> E required(Class<E> type, String text,
                                                 Supplier<? extends RuntimeException> unknown) {
        E e = named(type, text, unknown);
        if (e == null) {
            RuntimeException problem = unknown.get();
            if (problem != null) {
                throw problem;
            }
        }
        return e;
    }
}
