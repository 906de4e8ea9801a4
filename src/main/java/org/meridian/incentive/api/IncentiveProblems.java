package org.meridian.incentive.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.incentive.Explanations;
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

    @ExceptionHandler(IncentiveNotFound.class)
    ProblemDetail notFound(IncentiveNotFound e, Locale locale) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                texts.message("incentive.problem.notFound." + e.what(), locale, String.valueOf(e.id())));
        p.setTitle(texts.message("incentive.problem.notFound", locale));
        return p;
    }

    /**
     * The detail is the refusal in the reader's language ({@code incentive.refusal.<code>}); {@code reason} keeps the
     * specific English sentence (which statement, which state) for logs and support.
     */
    @ExceptionHandler(WorkflowRefusal.class)
    ProblemDetail refused(WorkflowRefusal e, Locale locale) {
        boolean forbidden = "four-eyes".equals(e.code()) || "role".equals(e.code());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(forbidden ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT,
                texts.message("incentive.refusal." + e.code(), locale));
        p.setTitle(texts.message(forbidden ? "incentive.problem.forbidden" : "incentive.problem.state", locale));
        p.setType(URI.create("urn:meridian:incentive:" + e.code()));
        p.setProperty("reason", e.getMessage());
        return p;
    }
}
