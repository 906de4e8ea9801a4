package org.meridian.shared.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code ?hospital=CODE} on an API call (api.md): a person granted further hospitals acts in the named one with the
 * hospital roles they hold ({@link HospitalChooser}); naming the own hospital changes nothing. A hospital that is
 * unknown, not granted, or named by a caller without a hospital role answers 404 (the same answer for each, so that
 * the parameter never tells which hospitals exist) and the call does not run.
 */
final class HospitalChoice extends OncePerRequestFilter {

    static final String PARAMETER = "hospital";

    private final Hospitals hospitals;
    private final HospitalChooser chooser;
    private final ProblemResponses problems;

    HospitalChoice(Hospitals hospitals, HospitalChooser chooser, ProblemResponses problems) {
        this.hospitals = hospitals;
        this.chooser = chooser;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String code = request.getParameter(PARAMETER);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (code == null || code.isBlank() || auth == null || !(auth.getPrincipal() instanceof MeridianUser user)) {
            chain.doFilter(request, response);
            return;
        }
        Hospital hospital = hospitals.findByCode(code.strip()).orElse(null);
        if (hospital != null && hospital.id() == user.hospitalId()) {
            chain.doFilter(request, response);
            return;
        }
        if (hospital == null || !chooser.mayActIn(user, hospital.id())) {
            problems.write(request, response, HttpServletResponse.SC_NOT_FOUND, "not-found", "hospital-not-found",
                    code.strip());
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        var acting = UsernamePasswordAuthenticationToken.authenticated(user.actingIn(hospital.id()), null,
                auth.getAuthorities());
        acting.setDetails(auth.getDetails());
        context.setAuthentication(acting);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
