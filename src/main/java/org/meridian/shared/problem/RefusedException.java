package org.meridian.shared.problem;

import java.util.List;

/**
 * The caller may not do this (HTTP 403): a role that does not allow it, another channel's object, or the second pair
 * of eyes being the first ({@link FourEyes}).
 */
public non-sealed class RefusedException extends MeridianException {

    public RefusedException(String module, String kind, String messageKey, List<Object> args, String logMessage) {
        super(module, kind, messageKey, args, logMessage);
    }
}
