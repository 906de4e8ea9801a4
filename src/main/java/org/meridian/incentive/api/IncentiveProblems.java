package org.meridian.incentive.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.meridian.incentive.IncentiveNotFound;
import org.meridian.incentive.rules.InvalidIncentiveException;
import org.meridian.incentive.statements.WorkflowRefusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The incentive API's errors as RFC 9457 problem details: 400 with an {@code errors} array of
 * {@code {field, message}} for invalid input, 403 for a four-eyes or role refusal, 404 for what does
 * not exist in the caller's hospital, 409 for a step the statement's state does not allow.
 */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = IncentiveProblems.class)
class IncentiveProblems {

    @ExceptionHandler(InvalidIncentiveException.class)
    ProblemDetail invalid(InvalidIncentiveException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + e.violations().size() + " problem(s); see errors.");
        p.setTitle("Invalid input");
        p.setProperty("errors", e.violations().stream()
                .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
        return p;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not readable JSON of the expected shape.");
        p.setTitle("Invalid input");
        String cause = e.getMostSpecificCause().getMessage();
        String first = cause == null ? "unreadable body" : cause.lines().findFirst().orElse(cause);
        p.setProperty("errors", List.of(Map.of("field", "body", "message", first)));
        return p;
    }

    /** Two requests raced for the same statement or line number; the later one changes nothing. */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ProblemDetail raced(org.springframework.dao.DuplicateKeyException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone else changed this at the same moment; reload and try again.");
        p.setTitle("Not allowed in this state");
        return p;
    }

    @ExceptionHandler(IncentiveNotFound.class)
    ProblemDetail notFound(IncentiveNotFound e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Not found");
        return p;
    }

    @ExceptionHandler(WorkflowRefusal.class)
    ProblemDetail refused(WorkflowRefusal e) {
        boolean forbidden = "four-eyes".equals(e.code()) || "role".equals(e.code());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(forbidden ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT,
                e.getMessage());
        p.setTitle(forbidden ? "Not allowed for you" : "Not allowed in this state");
        p.setType(URI.create("urn:meridian:incentive:" + e.code()));
        return p;
    }
}
