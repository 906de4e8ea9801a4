package org.meridian.intake.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A 400 problem with the offending fields listed as {@code errors: [{field, message}]}. */
final class IntakeProblem {

    private IntakeProblem() {
    }

    static ErrorResponseException badRequest(String title, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(title);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
