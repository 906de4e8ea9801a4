package org.meridian.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map of named values written down as names and values in turn ({@code NamedValues.of("period", p, "units", 12)}),
 * in that order, nulls kept: an API answer's JSON object, a chart's options, an audit entry's details
 * ({@code AuditLog.details}). The map is mutable, so a value only some cases have can be put after.
 */
public final class NamedValues {

    private NamedValues() {
    }

    /** @throws IllegalArgumentException for an odd count or a name that is not a string */
    public static Map<String, Object> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("named values come as names and values in turn");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String name)) {
                throw new IllegalArgumentException("a value's name is a string: " + namesAndValues[i]);
            }
            values.put(name, namesAndValues[i + 1]);
        }
        return values;
    }
}
