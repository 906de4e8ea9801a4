package org.meridian.shared.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The OpenID Connect providers configured for single sign-on, as the sign-in page offers them. A hospital bound in the
 * settings to a registration that does not exist stops the start.
 */
@Component
public class SingleSignOnProviders {

    /** A provider: the path that starts signing in through it, and its name as people know it. */
    public record Provider(String id, String name, String path) {
    }

    private final List<Provider> providers;

    SingleSignOnProviders(ObjectProvider<ClientRegistrationRepository> registrations, SingleSignOnSettings settings) {
        List<Provider> found = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object item : all) {
                if (item instanceof ClientRegistration registration
                        && registration.getScopes().contains("openid")) {
                    found.add(new Provider(registration.getRegistrationId(), registration.getClientName(),
                            "/oauth2/authorization/" + registration.getRegistrationId()));
                }
            }
        }
        this.providers = List.copyOf(found);
        // a hospital bound to a registration that does not exist is a typo, which would leave the provider unbound
        for (String bound : settings.hospitals().keySet()) {
            if (found.stream().noneMatch(p -> p.id().equalsIgnoreCase(bound))) {
                throw new IllegalStateException("meridian.sso.hospital." + bound + ": there is no OpenID Connect "
                        + "client registration '" + bound + "' (spring.security.oauth2.client.registration." + bound
                        + ".*) to bind to a hospital");
            }
        }
    }

    public List<Provider> all() {
        return providers;
    }
}
