package org.meridian.channel;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request that contradicts the registry's state (409): a code already taken, a tier change that is
 * no longer pending.
 */
public class ChannelConflictException extends ErrorResponseException {

    public ChannelConflictException(String detail) {
        super(HttpStatus.CONFLICT, ChannelNotFoundException.problem(HttpStatus.CONFLICT, "Conflict", detail), null);
    }
}
