package org.meridian.feedback;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Not found (404) in the caller's hospital, or not visible to the caller: answered alike, revealing nothing. */
public class SuggestionRuleNotFoundException extends ErrorResponseException {

    public SuggestionRuleNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, problem("There is no suggestion rule " + id + " in your hospital."), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        p.setTitle("Not Found");
        return p;
    }
}
