package org.meridian.feedback;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Not found (404) in the caller's hospital, or not visible to the caller: answered alike, revealing nothing. */
public class FeedbackReportNotFoundException extends ErrorResponseException {

    public FeedbackReportNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, problem("There is no feedback report " + id + " in your hospital that you may "
                + "see."), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        p.setTitle("Not Found");
        return p;
    }
}
