package org.meridian.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Validation problems of every REST controller as RFC 9457 problem details (status 400) with an
 * {@code errors} array of {@code {field, message}} that lists every problem, whether found by a
 * module ({@link InvalidInputException}) or by Bean Validation ({@code @Valid}). Messages are in the
 * caller's language ({@code ?lang=en}; zh-CN by default).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice {

    private final MessageSource messages;

    ApiProblemAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (InputProblem p : e.problems()) {
            String message = messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(),
                    LocaleContextHolder.getLocale());
            errors.add(error(p.field(), message));
        }
        return badRequest(errors);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> beanValidation(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError f : e.getBindingResult().getFieldErrors()) {
            errors.add(error(f.getField(), messages.getMessage(f, LocaleContextHolder.getLocale())));
        }
        e.getBindingResult().getGlobalErrors().forEach(g ->
                errors.add(error(g.getObjectName(), messages.getMessage(g, LocaleContextHolder.getLocale()))));
        return badRequest(errors);
    }

    private static Map<String, String> error(String field, String message) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("field", field);
        m.put("message", message);
        return m;
    }

    private ResponseEntity<ProblemDetail> badRequest(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Bad Request");
        problem.setDetail(messages.getMessage("problem.invalid", new Object[] {errors.size()},
                "The request has " + errors.size() + " problem(s).", LocaleContextHolder.getLocale()));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
