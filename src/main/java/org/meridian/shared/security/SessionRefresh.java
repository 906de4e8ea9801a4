package org.meridian.shared.security;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in browser session in step with its account: on every page request the account is read
 * again, so a disabled (or deleted) account is signed out at once, and changed roles or name apply from
 * the next request on, not only after the next sign-in. A lock-out does not end an open session (failed
 * sign-ins by someone else must not be able to throw a person out).
 */
final class SessionRefresh extends OncePerRequestFilter {

    private final Accounts accounts;
    private final Clock clock;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionRefresh(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof MeridianUser user) {
            Optional<MeridianUser> fresh = accounts.loadById(user.hospitalId(), user.userId(), clock.instant());
            if (fresh.isEmpty() || !fresh.get().isEnabled()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                String target = request.getContextPath() + "/login?expired";
                if (request.getHeader("HX-Request") != null) {
                    response.setHeader("HX-Redirect", target);
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                } else {
                    response.sendRedirect(target);
                }
                return;
            }
            MeridianUser now = fresh.get();
            if (!now.roles().equals(user.roles()) || !Objects.equals(now.displayName(), user.displayName())
                    || !Objects.equals(now.channelId(), user.channelId())) {
                now.eraseCredentials();
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                var refreshed = UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities());
                refreshed.setDetails(auth.getDetails());
                context.setAuthentication(refreshed);
                SecurityContextHolder.setContext(context);
                if (request.getSession(false) != null) {
                    sessions.saveContext(context, request, response);
                }
            }
        }
        chain.doFilter(request, response);
    }
}
