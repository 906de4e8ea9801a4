package org.meridian.channel;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No channel with that code or id in the caller's hospital (404); other hospitals' channels never show. */
public class ChannelNotFoundException extends ErrorResponseException {

    public ChannelNotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "Not Found", detail), null);
    }

    static ChannelNotFoundException code(String code) {
        return new ChannelNotFoundException("No channel with code '" + code + "' in your hospital.");
    }

    static ChannelNotFoundException id(long id) {
        return new ChannelNotFoundException("No channel " + id + " in your hospital.");
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }
}
