package org.meridian.shared.problem;

import java.util.List;

/**
 * What the caller asked for does not exist in the caller's hospital (or the caller may not know it exists: another
 * hospital's or another channel's object answers the same). HTTP 404.
 */
public non-sealed class NotFoundException extends MeridianException {

    /**
     * @param module     e.g. {@code appeal}
     * @param what       the thing, e.g. {@code appeal}, {@code evaluation}; the type URN is
     *                   {@code urn:meridian:<module>:<what>-not-found}
     * @param id         the identifier asked for, shown in the message
     * @param messageKey e.g. {@code appeal.notFound}, given the id as argument {0}
     */
    public NotFoundException(String module, String what, Object id, String messageKey) {
        super(module, what + "-not-found", messageKey, List.of(String.valueOf(id)),
                what + " " + id + " not found");
    }

    /** For a thing named by more than one value, e.g. a scheme's unit type and version. */
    protected NotFoundException(String module, String what, String messageKey, List<Object> args, String logMessage) {
        super(module, what + "-not-found", messageKey, args, logMessage);
    }
}
