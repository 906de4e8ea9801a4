package org.meridian.incentive.rules;

import java.util.List;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/** An incentive rule or request breaks its invariants: every problem found, answered as shared problems (400). */
public final class InvalidIncentiveException extends InvalidInputException {

    public InvalidIncentiveException(List<Problem> problems) {
        super("incentive", problems);
    }

    public InvalidIncentiveException(Problem problem) {
        this(List.of(problem));
    }
}
