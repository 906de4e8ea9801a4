package org.meridian.shared.web;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.MeridianException;
import org.meridian.shared.problem.NotFoundException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.problem.UnavailableException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one answer to every failure a caller should read (docs/adr/0006-errors.md).
 * <ul>
 *   <li>An API request (a path under {@code /api/}, or a request that does not accept {@code text/html}) gets RFC
 *   9457 problem details: for a {@link MeridianException} {@code type} is its URN
 *   ({@code urn:meridian:<module>:<kind>}), {@code title} the category's title ({@code <module>.problem.title.<category>}
 *   if the module has one, else {@code problem.title.<category>}), {@code detail} its message, and for
 *   {@link InvalidInputException} {@code errors: [{field, message}]}, all in the caller's language: zh-CN unless
 *   {@code ?lang=en} or the cookie asks otherwise, or English unless asked on a controller marked
 *   {@link EnglishByDefault}. Spring's own failures ({@link ErrorResponseException}, a missing parameter, a
 *   mistyped path variable…) are answered exactly as Spring Boot's problem details handler answers them.</li>
 *   <li>A browser (a non-API path accepting {@code text/html}) gets the error page {@code error.html} in the user's
 *   language with the status kept (400, 403, 404, 409…), never JSON.</li>
 * </ul>
 * A page controller that has a page of its own for one of these failures names it with {@link ProblemPage} (the
 * channel registry's "not found" page); the advice then answers its requests with that page.
 * Ordered before Spring Boot's advice, so that browsers never see Spring's JSON.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class ProblemAdvice {

    private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemAdvice.class);

    private final MessageSource messages;
    private final ObjectProvider<ResponseEntityExceptionHandler> spring;

    ProblemAdvice(MessageSource messages, ObjectProvider<ResponseEntityExceptionHandler> spring) {
        this.messages = messages;
        this.spring = spring;
    }

    @ExceptionHandler(MeridianException.class)
    Object meridian(MeridianException e, HttpServletRequest request) {
        HttpStatus status = status(e);
        ModelAndView own = ownPage(e, status, request);
        if (own != null) {
            return own;
        }
        if (isBrowser(request)) {
            return page(status, message(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
        }
        Locale locale = locale(request);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, message(e.messageKey(), e.args(), locale));
        p.setType(URI.create(e.typeUrn()));
        p.setTitle(title(e.module(), category(e), locale));
        if (e instanceof InvalidInputException invalid) {
            p.setProperty("errors", invalid.problems().stream().map(pr -> error(pr, locale)).toList());
        }
        e.details().forEach(p::setProperty);
        return problem(p);
    }

    /** Bean Validation ({@code @Valid}) on an API body: every field's problem; on pages as Spring answers it. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    Object beanValidation(MethodArgumentNotValidException e, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        if (!controllerHas(request, RestController.class)) {
            return spring(e, request, response);
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError f : e.getBindingResult().getFieldErrors()) {
            errors.add(error(f.getField(), messages.getMessage(f, locale)));
        }
        e.getBindingResult().getGlobalErrors().forEach(g ->
                errors.add(error(g.getObjectName(), messages.getMessage(g, locale))));
        return badRequest(errors, locale);
    }

    /**
     * A body that is not JSON of the expected shape: 400 with one problem of the field {@code body}; the parser's own
     * message is not repeated (it names classes and may echo the input).
     */
    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    Object unreadable(org.springframework.http.converter.HttpMessageNotReadableException e,
                      HttpServletRequest request) {
        if (isBrowser(request)) {
            return page(HttpStatus.BAD_REQUEST, null);
        }
        Locale locale = locale(request);
        return badRequest(List.of(error("body", message("problem.unreadableBody", List.of(), locale))), locale);
    }

    /**
     * Two requests raced to create the same thing (a unique key both wanted): the later one changes nothing and is
     * told to reload, 409, instead of a server error.
     */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    Object raced(org.springframework.dao.DuplicateKeyException e, HttpServletRequest request) {
        log.info("Concurrent change refused on {} {}: {}", request.getMethod(), request.getRequestURI(),
                e.getMostSpecificCause().getClass().getSimpleName());
        if (isBrowser(request)) {
            return page(HttpStatus.CONFLICT, message("problem.concurrent", List.of(), LocaleContextHolder.getLocale()));
        }
        Locale locale = locale(request);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                message("problem.concurrent", List.of(), locale));
        p.setTitle(messages.getMessage("problem.title.conflict", null, "Conflict", locale));
        return problem(p);
    }

    /**
     * Spring's failures: a module's {@link ErrorResponseException} (not yet a {@link MeridianException}), a
     * {@code ResponseStatusException}, an unknown path, a missing or mistyped parameter. Browsers get the page;
     * the API gets exactly what Spring Boot's problem details handler answers.
     */
    @ExceptionHandler({ErrorResponseException.class, NoResourceFoundException.class, TypeMismatchException.class,
            MissingServletRequestParameterException.class, HttpRequestMethodNotSupportedException.class})
    Object spring(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (isBrowser(request)) {
            HttpStatusCode status = e instanceof ErrorResponse r ? r.getStatusCode() : HttpStatus.BAD_REQUEST;
            return page(status, null);
        }
        ResponseEntityExceptionHandler handler = spring.getIfAvailable();
        if (handler == null) {
            throw e;
        }
        return handler.handleException(e, new ServletWebRequest(request, response));
    }

    /**
     * Whatever else went wrong: logged with its stack, and answered without its message (which may hold SQL or
     * data) — problem details with status 500 for the API, the error page for a browser; never Spring's default
     * body. Spring MVC's own failures keep Spring's answer; Spring Security's refusals are left to Spring Security,
     * and an exception annotated with its {@code @ResponseStatus} keeps that status.
     */
    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException
                || AnnotatedElementUtils.hasAnnotation(e.getClass(),
                        org.springframework.web.bind.annotation.ResponseStatus.class)) {
            // Spring Security answers its own refusals; an exception that names its status keeps it
            throw e;
        }
        ResponseEntityExceptionHandler handler = spring.getIfAvailable();
        if (handler != null) {
            ResponseEntity<Object> answered = null;
            try {
                answered = handler.handleException(e, new ServletWebRequest(request, response));
            } catch (Exception notSpringMvcs) {
                // not one of Spring MVC's own failures: answered below
            }
            if (answered != null) {
                return isBrowser(request) ? page(answered.getStatusCode(), null) : answered;
            }
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        if (isBrowser(request)) {
            return page(HttpStatus.INTERNAL_SERVER_ERROR, null);
        }
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                messages.getMessage("problem.unexpected", null, "Something went wrong on our side.", locale));
        p.setTitle(messages.getMessage("problem.title.unexpected", null, "Server error", locale));
        p.setType(URI.create("urn:meridian:unexpected"));
        return problem(p);
    }

    /**
     * A request from a browser: not under {@code /api/} and explicitly accepting HTML ({@code *}{@code /*} alone is
     * a program's).
     */
    static boolean isBrowser(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/fhir/")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        if (!StringUtils.hasText(accept)) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(m -> !m.isWildcardType() && m.isCompatibleWith(MediaType.TEXT_HTML));
        } catch (IllegalArgumentException bad) {
            return false;
        }
    }

    private static HttpStatus status(MeridianException e) {
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof RefusedException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof UnavailableException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.BAD_REQUEST;
    }

    /**
     * {@code not-found}, {@code refused}, {@code conflict}, {@code unavailable} or {@code invalid}: the last part of
     * the title's key.
     */
    static String category(MeridianException e) {
        return switch (status(e)) {
            case NOT_FOUND -> "not-found";
            case FORBIDDEN -> "refused";
            case CONFLICT -> "conflict";
            case SERVICE_UNAVAILABLE -> "unavailable";
            default -> "invalid";
        };
    }

    private String title(String module, String category, Locale locale) {
        String generic = messages.getMessage("problem.title." + category, null, category, locale);
        return messages.getMessage(module + ".problem.title." + category, null, generic, locale);
    }

    private static Locale locale(HttpServletRequest request) {
        return controllerHas(request, EnglishByDefault.class)
                ? CallerLanguage.englishUnlessAsked(request) : LocaleContextHolder.getLocale();
    }

    /** Whether the controller that handled the request carries the annotation. */
    private static boolean controllerHas(HttpServletRequest request, Class<? extends Annotation> annotation) {
        return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod h
                && AnnotatedElementUtils.hasAnnotation(h.getBeanType(), annotation);
    }

    private String message(String key, List<Object> args, Locale locale) {
        return messages.getMessage(key, args.toArray(), key, locale);
    }

    private Map<String, String> error(Problem p, Locale locale) {
        return error(p.path(), message(p.messageKey(), p.args(), locale));
    }

    private static Map<String, String> error(String field, String message) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("field", field);
        m.put("message", message);
        return m;
    }

    private ResponseEntity<ProblemDetail> badRequest(List<Map<String, String>> errors, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Bad Request");
        problem.setDetail(messages.getMessage("problem.invalid", new Object[] {errors.size()},
                "The request has " + errors.size() + " problem(s).", locale));
        problem.setProperty("errors", errors);
        return problem(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(PROBLEM_JSON).body(p);
    }

    /**
     * The module's own page for this failure, when the controller that handled the request names one with
     * {@link ProblemPage} (for every request of that page controller, as its own handler once answered); else null.
     */
    private ModelAndView ownPage(MeridianException e, HttpStatus status, HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod h)) {
            return null;
        }
        for (ProblemPage p : AnnotatedElementUtils.findMergedRepeatableAnnotations(h.getBeanType(),
                ProblemPage.class)) {
            if (p.value().isInstance(e)) {
                ModelAndView page = new ModelAndView(p.view());
                page.setStatus(status);
                page.addObject("status", status.value());
                page.addObject("detail", message(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
                page.addAllObjects(e.details());
                if (!p.activeNav().isEmpty()) {
                    page.addObject("activeNav", p.activeNav());
                }
                return page;
            }
        }
        return null;
    }

    /** The error page in the user's language, with the status kept. */
    private static ModelAndView page(HttpStatusCode status, String detail) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        if (detail != null) {
            page.addObject("detail", detail);
        }
        return page;
    }
}
