package org.meridian.shared.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The end of a sign-in through the OpenID Connect provider: the provider's person becomes the Meridian account
 * ({@link SingleSignOn}), which then stands in the session exactly as after a password, so that every page, the
 * session refresh and the audit see the same {@link MeridianUser}. Then the second step follows as after a password
 * ({@link SecondFactorGate}), unless the provider's sign-in counts as the second step
 * ({@link SingleSignOnSettings.SecondFactorByProvider}). A refusal ends the session and says why on the sign-in page
 * ({@code /login?sso=<reason>}); a failure at the provider or in the exchange of the code says so too
 * ({@code /login?sso=failed}). The provider's ID token stays with the session, so that signing out can end the
 * session at the provider too ({@link SingleSignOnLogout}).
 */
final class SingleSignOnLogin implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SingleSignOnLogin.class);

    private final SingleSignOn singleSignOn;
    private final TwoStepSignIn twoStep;
    private final ClientRegistrationRepository registrations;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SingleSignOnLogin(SingleSignOn singleSignOn, TwoStepSignIn twoStep, ClientRegistrationRepository registrations) {
        this.singleSignOn = singleSignOn;
        this.twoStep = twoStep;
        this.registrations = registrations;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, jakarta.servlet.ServletException {
        if (!(authentication instanceof OAuth2AuthenticationToken token
                && token.getPrincipal() instanceof OidcUser person)) {
            refuse(request, response, "failed");
            return;
        }
        MeridianUser user;
        try {
            user = singleSignOn.signIn(token.getAuthorizedClientRegistrationId(),
                    providerName(token.getAuthorizedClientRegistrationId()), person);
        } catch (SingleSignOn.Refused refused) {
            log.info("Single sign-on refused for {}: {}", refused.username(), refused.refusal());
            refuse(request, response, refused.refusal().code());
            return;
        }
        user.eraseCredentials();
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        signedIn.setDetails(token.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        SingleSignOnLogout.remember(request, token.getAuthorizedClientRegistrationId(), user.getUsername(), person);
        SecondFactorGate.afterFirstStep(request, response, signedIn, twoStep, singleSignOn.countsAsSecondStep(person));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        log.warn("Single sign-on failed: {}", exception.getMessage());
        refuse(request, response, "failed");
    }

    private String providerName(String registrationId) {
        ClientRegistration registration = registrations.findByRegistrationId(registrationId);
        return registration == null ? registrationId : registration.getClientName();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String code) throws IOException {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        // a fresh session for the sign-in page, or it would take the ended one for a timed-out session (?expired)
        request.getSession(true);
        response.sendRedirect(request.getContextPath() + "/login?sso=" + code);
    }
}
