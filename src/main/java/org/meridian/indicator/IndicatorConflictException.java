package org.meridian.indicator;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request that contradicts what is stored (409): an indicator code already taken, a scheme saved meanwhile. */
public class IndicatorConflictException extends ErrorResponseException {

    public IndicatorConflictException(String detail) {
        super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "Conflict", detail), null);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }
}
