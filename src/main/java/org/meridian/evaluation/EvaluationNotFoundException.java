package org.meridian.evaluation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No such evaluation in the caller's hospital, or none the caller may see (404). */
public class EvaluationNotFoundException extends ErrorResponseException {

    public EvaluationNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "Not Found",
                "No evaluation " + id + " in your hospital."), null);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }
}
