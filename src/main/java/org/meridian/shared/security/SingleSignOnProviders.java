package org.meridian.shared.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/** The OpenID Connect providers configured for single sign-on, as the sign-in page offers them. */
@Component
public class SingleSignOnProviders {

    /** A provider: the path that starts signing in through it, and its name as people know it. */
    public record Provider(String id, String name, String path) {
    }

    private final List<Provider> providers;

    SingleSignOnProviders(ObjectProvider<ClientRegistrationRepository> registrations) {
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
    }

    public List<Provider> all() {
        return providers;
    }
}
