package org.meridian.shared.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic sends the password alone, with no second step: an account that signs in with two-step verification
 * (required by its role, or enrolled) is refused it with 401 {@code urn:meridian:security:second-factor-basic}, which
 * says to use a personal access token. A token is made on My account after signing in with both steps, can be limited
 * in time and revoked on its own, so it stands for the second step; otherwise the password alone would open the API.
 */
final class BasicWithoutSecondFactor extends OncePerRequestFilter {

    private final TwoStepSignIn twoStep;
    private final ProblemResponses problems;

    BasicWithoutSecondFactor(TwoStepSignIn twoStep, ProblemResponses problems) {
        this.twoStep = twoStep;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6) && authentication != null
                && authentication.getPrincipal() instanceof MeridianUser user && twoStep.appliesTo(user)) {
            SecurityContextHolder.clearContext();
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated",
                    "second-factor-basic");
            return;
        }
        chain.doFilter(request, response);
    }
}
