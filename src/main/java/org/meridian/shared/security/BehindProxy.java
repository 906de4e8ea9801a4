package org.meridian.shared.security;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code meridian.behind-proxy=true} ({@code MERIDIAN_BEHIND_PROXY}) sets {@code server.forward-headers-strategy}
 * to {@code native} unless that is set itself: the server then believes the {@code X-Forwarded-Proto},
 * {@code X-Forwarded-For} and {@code X-Forwarded-Host} headers of a proxy on a private address, so behind a TLS proxy
 * requests are secure, the session cookie is {@code Secure} and HSTS is sent.
 */
public final class BehindProxy implements EnvironmentPostProcessor, Ordered {

    static final String SETTING = "meridian.behind-proxy";
    static final String STRATEGY = "server.forward-headers-strategy";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty(SETTING, Boolean.class, false) && !environment.containsProperty(STRATEGY)) {
            environment.getPropertySources().addLast(new MapPropertySource("meridianBehindProxy",
                    Map.of(STRATEGY, "native")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
