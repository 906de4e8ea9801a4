package org.meridian.appeal.api;

import java.net.URI;
import java.util.Locale;

import org.meridian.appeal.AppealNotFoundException;
import org.meridian.appeal.AppealRefusedException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The appeal API's refusals as problem details in the caller's language (docs/appeals.md, Language): zh-CN unless
 * the caller asks for English with {@code ?lang=en} or the {@code meridian-lang} cookie, as every Meridian API outside
 * api.md. The detail is the same sentence the pages show, with status names as the bundles name them (审核中, Under
 * review), never the raw {@code UNDER_REVIEW}; {@code type} names the kind of refusal for programs.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = AppealProblems.class)
class AppealProblems {

    private static final String REFUSED = "appeal.refused.";

    private final MessageSource messages;

    AppealProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(AppealRefusedException.class)
    ProblemDetail refused(AppealRefusedException e, Locale locale) {
        boolean forbidden = e.getStatusCode().value() == HttpStatus.FORBIDDEN.value();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.message(messages, locale));
        p.setTitle(messages.getMessage(forbidden ? "appeal.problem.forbidden" : "appeal.problem.conflict", null,
                locale));
        String key = e.messageKey();
        p.setType(URI.create("urn:meridian:appeal:" + (key.startsWith(REFUSED) ? key.substring(REFUSED.length()) : key)));
        return p;
    }

    @ExceptionHandler(AppealNotFoundException.class)
    ProblemDetail notFound(AppealNotFoundException e, Locale locale) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage(e.messageKey(), new Object[] {String.valueOf(e.id())}, locale));
        p.setTitle(messages.getMessage("appeal.problem.notFound", null, locale));
        return p;
    }
}
