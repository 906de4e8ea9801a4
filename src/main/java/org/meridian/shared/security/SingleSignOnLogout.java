package org.meridian.shared.security;

import java.io.IOException;
import java.io.Serializable;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;

/**
 * Signing out after a sign-in through the OpenID Connect provider ends the session at the provider too, when the
 * provider offers RP-initiated logout (an {@code end_session_endpoint} in its discovery document): Meridian ends its own
 * session, then sends the browser to the provider's end-session address with the ID token of the sign-in as
 * {@code id_token_hint} and {@code <Meridian>/login?logout} as the address to come back to (Spring Security's
 * {@link OidcClientInitiatedLogoutSuccessHandler}). A person who signed in with a password, a provider without that
 * endpoint, or a session that had already ended, goes straight to {@code /login?logout}.
 *
 * <p>The account in Meridian's session is Meridian's own ({@link SingleSignOnLogin} replaces the provider's), so the
 * provider's person is kept beside it in the session ({@link #remember}) and read before the session is ended.
 */
final class SingleSignOnLogout implements LogoutHandler, LogoutSuccessHandler {

    /** Where Meridian's sign-in page says "signed out", and where the provider sends the browser back. */
    static final String SIGNED_OUT = "/login?logout";

    private static final String SESSION = SingleSignOnLogout.class.getName() + ".SIGNED_IN";
    private static final String LEAVING = SingleSignOnLogout.class.getName() + ".LEAVING";

    /** Who signed in through which provider, with the provider's person (their ID token). */
    private record SignedIn(String registrationId, String username, OidcUser person) implements Serializable {
    }

    private final OidcClientInitiatedLogoutSuccessHandler atProvider;
    private final SimpleUrlLogoutSuccessHandler here = new SimpleUrlLogoutSuccessHandler();

    SingleSignOnLogout(ClientRegistrationRepository registrations) {
        atProvider = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        atProvider.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
        atProvider.setDefaultTargetUrl(SIGNED_OUT); // a provider without an end_session_endpoint
        here.setDefaultTargetUrl(SIGNED_OUT);
    }

    /** Keeps the provider's person with the session of the account it signed in. */
    static void remember(HttpServletRequest request, String registrationId, String username, OidcUser person) {
        request.getSession().setAttribute(SESSION, new SignedIn(registrationId, username, person));
    }

    /** Before the session ends: takes the provider's person out of it, for {@link #onLogoutSuccess}. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION) instanceof SignedIn signedIn) {
            request.setAttribute(LEAVING, signedIn);
        }
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        // the person kept must be the one signing out (a password sign-in in the same browser session replaces them)
        if (request.getAttribute(LEAVING) instanceof SignedIn signedIn && authentication != null
                && signedIn.username().equalsIgnoreCase(authentication.getName())) {
            atProvider.onLogoutSuccess(request, response, new OAuth2AuthenticationToken(signedIn.person(),
                    signedIn.person().getAuthorities(), signedIn.registrationId()));
        } else {
            here.onLogoutSuccess(request, response, authentication);
        }
    }
}
