package org.meridian.shared.problem;

import java.util.List;

/**
 * The server lacks something only an operator can provide, so it cannot do this now (HTTP 503): a font the PDF
 * needs, a service it depends on. The caller did nothing wrong; the detail says what is missing.
 */
public non-sealed class UnavailableException extends MeridianException {

    public UnavailableException(String module, String kind, String messageKey, List<Object> args, String logMessage) {
        super(module, kind, messageKey, args, logMessage);
    }
}
