package org.meridian.shared.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The pages act in the hospital chosen with {@link HospitalChooser} and kept in the session: each page request checks
 * again that the person may still act there (a revoked grant or a lost hospital role takes them back to their own
 * hospital at the next click) and, if so, scopes this request to it. The session itself keeps the person as they
 * signed in. My account ({@code /account}) is always the person's own account in their own hospital.
 */
final class ChosenHospital extends OncePerRequestFilter {

    private final HospitalChooser chooser;

    ChosenHospital(HospitalChooser chooser) {
        this.chooser = chooser;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/account") || path.startsWith("/account/") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.startsWith("/img/") || path.startsWith("/webjars/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && session.getAttribute(HospitalChooser.SESSION_ATTRIBUTE) instanceof Long chosen
                && auth != null && auth.getPrincipal() instanceof MeridianUser user
                && chosen != user.hospitalId()) {
            if (chooser.mayActIn(user, chosen)) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                var acting = UsernamePasswordAuthenticationToken.authenticated(user.actingIn(chosen), null,
                        auth.getAuthorities());
                acting.setDetails(auth.getDetails());
                context.setAuthentication(acting);
                SecurityContextHolder.setContext(context);
            } else {
                session.removeAttribute(HospitalChooser.SESSION_ATTRIBUTE);
            }
        }
        chain.doFilter(request, response);
    }
}
