package org.meridian.shared.problem;

import java.util.List;

/**
 * The object's state does not allow this now (HTTP 409): a step out of order, a passed deadline, a code already
 * taken, a superseded version.
 */
public non-sealed class ConflictException extends MeridianException {

    public ConflictException(String module, String kind, String messageKey, List<Object> args, String logMessage) {
        super(module, kind, messageKey, args, logMessage);
    }
}
