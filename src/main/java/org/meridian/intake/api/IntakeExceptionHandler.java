package org.meridian.intake.api;

import org.meridian.intake.EventAlreadyVoidedException;
import org.meridian.intake.EventNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The intake module's exceptions as problem details. */
@RestControllerAdvice(basePackageClasses = IntakeExceptionHandler.class)
class IntakeExceptionHandler {

    @ExceptionHandler(EventNotFoundException.class)
    ProblemDetail notFound(EventNotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Event not found");
        return p;
    }

    @ExceptionHandler(EventAlreadyVoidedException.class)
    ProblemDetail alreadyVoided(EventAlreadyVoidedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Event already voided");
        return p;
    }
}
