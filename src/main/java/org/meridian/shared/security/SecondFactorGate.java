package org.meridian.shared.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second step of signing in with a form (two-step verification, {@link TwoStepSignIn}). A right password alone
 * leaves the session waiting: for a code ({@link #CODE}) when the person has an authenticator, or for enrolment
 * ({@link #ENROL}) when the role requires one and there is none. While it waits, every page but the code page
 * ({@code /login/code}) or the enrolment page ({@code /account/second-factor}), the sign-out and static files leads
 * there (htmx requests get {@code HX-Redirect}); nothing else of Meridian is shown or changed. The wait ends with a
 * right code or recovery code, or a confirmed enrolment; the session id is then changed (as at the password step).
 * <p>
 * Sessions made otherwise than by the sign-in form carry no wait, so this gate is only as good as the form being the
 * one way to get a session; the API keeps no session, and HTTP Basic is refused for accounts with a second step
 * ({@link BasicWithoutSecondFactor}).
 */
public final class SecondFactorGate extends OncePerRequestFilter {

    /** The session attribute that holds the wait. */
    static final String WAITING = SecondFactorGate.class.getName() + ".waiting";
    static final String CODE = "code";
    static final String ENROL = "enrol";
    public static final String CODE_PAGE = "/login/code";
    public static final String ENROL_PAGE = "/account/second-factor";

    private static final List<String> ALWAYS = List.of("/logout", "/css/", "/js/", "/img/", "/webjars/",
            "/favicon.ico", "/error");

    private static final SavedRequestAwareAuthenticationSuccessHandler PROCEED = proceed();

    private static SavedRequestAwareAuthenticationSuccessHandler proceed() {
        SavedRequestAwareAuthenticationSuccessHandler proceed = new SavedRequestAwareAuthenticationSuccessHandler();
        proceed.setDefaultTargetUrl("/");
        return proceed;
    }

    /** After the password: wait for the code or the enrolment, or go on as before when neither applies. */
    static AuthenticationSuccessHandler afterPassword(TwoStepSignIn twoStep) {
        return (request, response, authentication) ->
                afterFirstStep(request, response, authentication, twoStep, false);
    }

    /**
     * After the first step, the password or a sign-in through the hospital's OpenID Connect provider
     * ({@link SingleSignOnLogin}): wait for the code or the enrolment, or go on where the person was going when
     * neither applies or when the first step already counts as the second ({@code secondStepDone}).
     */
    static void afterFirstStep(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
                               TwoStepSignIn twoStep, boolean secondStepDone) throws IOException, ServletException {
        String wait = secondStepDone ? null : waitFor(twoStep, authentication);
        if (wait == null) {
            // a sign-in as someone else in a session that waited for another person's code
            request.getSession().removeAttribute(WAITING);
            PROCEED.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        request.getSession().setAttribute(WAITING, wait);
        response.sendRedirect(request.getContextPath() + (CODE.equals(wait) ? CODE_PAGE : ENROL_PAGE));
    }

    private static String waitFor(TwoStepSignIn twoStep, Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof MeridianUser user)) {
            return null;
        }
        if (twoStep.enrolled(user)) {
            return CODE;
        }
        return twoStep.required(user) ? ENROL : null;
    }

    /** Whether this session waits for a code. */
    public static boolean waitingForCode(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && CODE.equals(session.getAttribute(WAITING));
    }

    /**
     * Ends the wait after a right code or a confirmed enrolment, with a new session id; returns where the person was
     * going before signing in (the page saved by the sign-in), or {@code /}.
     */
    public static String passed(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(WAITING) == null) {
            return "/";
        }
        session.removeAttribute(WAITING);
        request.changeSessionId();
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        SavedRequest saved = cache.getRequest(request, response);
        cache.removeRequest(request, response);
        return saved == null ? "/" : saved.getRedirectUrl();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Object wait = session == null ? null : session.getAttribute(WAITING);
        if (wait == null) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String page = CODE.equals(wait) ? CODE_PAGE : ENROL_PAGE;
        if (path.equals(page) || path.startsWith(page + "/") || ALWAYS.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
            return;
        }
        String target = request.getContextPath() + page;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            response.sendRedirect(target);
        }
    }
}
