package org.meridian.shared.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No account with this id in the caller's hospital (accounts of other hospitals are never visible). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AccountNotFound extends RuntimeException {

    public AccountNotFound(long userId) {
        super("no account " + userId + " in this hospital");
    }
}
