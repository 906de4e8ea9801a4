package org.meridian.rectification;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No such plan or action in the caller's hospital, or none the caller may see (404). */
public class RectificationNotFoundException extends ErrorResponseException {

    public RectificationNotFoundException(String what) {
        super(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "Not Found", "No " + what + " that you may see."),
                null);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }
}
