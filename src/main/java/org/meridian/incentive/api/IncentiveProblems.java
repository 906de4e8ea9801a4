package org.meridian.incentive.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.incentive.Explanations;
import org.meridian.incentive.rules.InvalidIncentiveException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The incentive API's invalid input not yet moved onto {@code org.meridian.shared.problem} (issue 11): 400 with an
 * {@code errors} array of {@code {field, message}}, its texts localised from the rule's violations. Refusals (403,
 * {@code WorkflowForbidden}), state conflicts (409, {@code WorkflowRefusal}) and what does not exist (404,
 * {@link org.meridian.incentive.IncentiveNotFound}) are shared problems, answered by the shared advice.
 */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = IncentiveProblems.class)
class IncentiveProblems {

    private final Explanations texts;

    IncentiveProblems(Explanations texts) {
        this.texts = texts;
    }

    @ExceptionHandler(InvalidIncentiveException.class)
    ProblemDetail invalid(InvalidIncentiveException e, Locale locale) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                texts.message("incentive.problem.invalid.detail", locale, e.violations().size()));
        p.setTitle(texts.message("incentive.problem.invalid", locale));
        p.setProperty("errors", e.violations().stream()
                .map(v -> Map.of("field", v.field(), "message", texts.violation(v, locale))).toList());
        return p;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, Locale locale) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                texts.message("incentive.problem.unreadable", locale));
        p.setTitle(texts.message("incentive.problem.invalid", locale));
        String cause = e.getMostSpecificCause().getMessage();
        String first = cause == null ? "unreadable body" : cause.lines().findFirst().orElse(cause);
        p.setProperty("errors", List.of(Map.of("field", "body", "message", first)));
        return p;
    }

    /** Two requests raced for the same statement or line number; the later one changes nothing. */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ProblemDetail raced(org.springframework.dao.DuplicateKeyException e, Locale locale) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                texts.message("incentive.refusal.concurrent", locale));
        p.setTitle(texts.message("incentive.problem.state", locale));
        return p;
    }
}
