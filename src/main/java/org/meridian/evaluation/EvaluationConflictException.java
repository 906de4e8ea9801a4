package org.meridian.evaluation;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request the evaluation's state does not allow (409): a unit type without a scheme, publishing what is
 * already published, applying the tiers of a draft.
 */
public class EvaluationConflictException extends ErrorResponseException {

    public EvaluationConflictException(String detail) {
        super(HttpStatus.CONFLICT, EvaluationNotFoundException.problem(HttpStatus.CONFLICT, "Conflict", detail), null);
    }
}
