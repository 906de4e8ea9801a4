package org.meridian.channel;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Nobody approves or rejects their own tier change request (403, four-eyes rule). */
public class SelfApprovalException extends ErrorResponseException {

    public SelfApprovalException() {
        super(HttpStatus.FORBIDDEN, ChannelNotFoundException.problem(HttpStatus.FORBIDDEN, "Forbidden",
                "A tier change must be decided by someone other than the person who requested it."), null);
    }
}
