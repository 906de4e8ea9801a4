package org.meridian.rectification;

import java.util.List;

import org.meridian.shared.problem.ConflictException;

/**
 * A step the plan's state does not allow (409, {@code urn:meridian:rectification:<kind>}): a draft evaluation, a
 * channel that does not qualify, a second live plan, a change to a closed plan, a status out of order. The kind is
 * the last part of its message key {@code rectification.refused.<kind>}.
 */
public class RectificationRefusedException extends ConflictException {

    private static final String REFUSED = "rectification.refused.";

    RectificationRefusedException(String logMessage, String messageKey, Object... args) {
        super(RectificationWorkflow.MODULE, messageKey.substring(REFUSED.length()), messageKey, List.of(args),
                logMessage);
    }
}
