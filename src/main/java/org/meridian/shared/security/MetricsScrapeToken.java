package org.meridian.shared.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Prometheus reads {@code /actuator/prometheus} with a bearer token of its own ({@code MERIDIAN_METRICS_TOKEN}): it
 * opens that one endpoint and nothing else, so the scraper needs no account and no administrator's token. Compared
 * in constant time; any other bearer token goes on to the personal access tokens ({@link ApiTokenFilter}).
 */
final class MetricsScrapeToken extends OncePerRequestFilter {

    static final String PATH = "/actuator/prometheus";
    static final String AUTHORITY = "METRICS_SCRAPE";
    static final int MIN_LENGTH = 32;

    private final byte[] token;

    MetricsScrapeToken(String token) {
        String text = token == null ? "" : token.strip();
        if (!text.isEmpty() && text.length() < MIN_LENGTH) {
            throw new IllegalStateException("MERIDIAN_METRICS_TOKEN must have at least " + MIN_LENGTH
                    + " characters (or be empty: no token)");
        }
        this.token = text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return token.length == 0 || !request.getRequestURI().substring(request.getContextPath().length()).equals(PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("prometheus", null,
                    List.of(new SimpleGrantedAuthority(AUTHORITY))));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
