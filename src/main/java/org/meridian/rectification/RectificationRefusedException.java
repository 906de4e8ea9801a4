package org.meridian.rectification;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A step the plan's state does not allow (409: a draft evaluation, a channel that does not qualify, a second live
 * plan, a change to a closed plan, a status out of order) or the caller may not take (403). {@code messageKey} and
 * {@code args} say the same for pages.
 */
public class RectificationRefusedException extends ErrorResponseException {

    private final String messageKey;
    private final List<Object> args;

    RectificationRefusedException(HttpStatus status, String detail, String messageKey, Object... args) {
        super(status, RectificationNotFoundException.problem(status,
                status == HttpStatus.FORBIDDEN ? "Forbidden" : "Conflict", detail), null);
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    static RectificationRefusedException conflict(String detail, String messageKey, Object... args) {
        return new RectificationRefusedException(HttpStatus.CONFLICT, detail, messageKey, args);
    }

    static RectificationRefusedException forbidden(String detail, String messageKey, Object... args) {
        return new RectificationRefusedException(HttpStatus.FORBIDDEN, detail, messageKey, args);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> args() {
        return args;
    }
}
