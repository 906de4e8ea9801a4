package org.meridian.shared.security;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.meridian.shared.NamedValues;
import org.meridian.shared.web.CallerLanguage;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 of the API's security filter chain as RFC 9457 problem details, never a login page or an HTML error:
 * the same shape as the rest of the API ({@code ProblemAdvice}), with {@code type}
 * {@code urn:meridian:security:<kind>} (kinds {@code unauthenticated}, {@code locked}, {@code bad-credentials},
 * {@code forbidden}, {@code hospital}). The filter chain answers before Spring MVC resolves a locale, so the texts are
 * in the language the caller asks for ({@code ?lang=}, the cookie, {@code Accept-Language}) and English otherwise, as
 * they always were.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final String KEY = "problem.security.";

    private final JsonMapper json;
    private final MessageSource messages;

    ProblemResponses(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Meridian\", Bearer");
        String kind = e instanceof LockedException ? "locked"
                : request.getHeader("Authorization") == null ? "unauthenticated" : "bad-credentials";
        write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated", kind);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "forbidden");
    }

    /**
     * Writes the problem: {@code title} from {@code problem.security.<titleKind>.title}, {@code detail} from
     * {@code problem.security.<kind>} with {@code args}.
     */
    void write(HttpServletRequest request, HttpServletResponse response, int status, String titleKind, String kind,
               Object... args) throws IOException {
        Locale locale = CallerLanguage.englishUnlessAsked(request);
        Map<String, Object> body = NamedValues.of("type", "urn:meridian:security:" + kind,
                "title", messages.getMessage(KEY + titleKind + ".title", null, locale), "status", status,
                "detail", messages.getMessage(KEY + kind, args, locale), "instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
