package org.meridian.shared.security;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} with a personal access token. A token that is
 * unknown, revoked or expired, or whose owner is disabled, answers 401 at once.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final Accounts accounts;
    private final ProblemResponses problems;
    private final Clock clock;

    ApiTokenFilter(ApiTokens tokens, Accounts accounts, ProblemResponses problems, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)
                || SecurityContextHolder.getContext().getAuthentication() != null) { // e.g. the metrics token
            chain.doFilter(request, response);
            return;
        }
        Optional<MeridianUser> user = tokens.authenticate(header.substring(7).strip())
                .flatMap(owner -> accounts.loadById(owner[0], owner[1], clock.instant()))
                .filter(u -> u.isEnabled() && u.isAccountNonLocked());
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            problems.commence(request, response, new BadCredentialsException("invalid token"));
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
                user.get().getAuthorities());
        authentication.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
