package org.meridian.shared.security;

import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.meridian.support.IdentityProvider;
import org.meridian.support.IdentityProvider.Landing;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the single sign-on tests share: one real OpenID Connect provider for the whole test run ({@link IdentityProvider},
 * closed with the JVM), registered in the Meridian of each test class as a hospital registers its own
 * ({@code spring.security.oauth2.client.*}, only in these classes' contexts), with Meridian reached at
 * {@code 127.0.0.1} and the provider at {@code localhost}. Each subclass is a {@code RANDOM_PORT} Meridian with its
 * own {@code meridian.sso.*} settings.
 */
abstract class SingleSignOnJourneys {

    static final IdentityProvider PROVIDER = IdentityProvider.start();
    /** The registration of a second hospital's provider, where a test class registers one (the same provider). */
    static final String SECOND = "county";

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        PROVIDER.register(registry);
    }

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    /** Meridian as the browser reaches it: by address, not {@code localhost} (the provider's host). */
    String meridian() {
        return "http://127.0.0.1:" + port;
    }

    @BeforeEach
    void allowRedirect() {
        PROVIDER.allowRedirectTo(meridian() + "/login/oauth2/code/hospital",
                meridian() + "/login/oauth2/code/" + SECOND);
    }

    Landing signInThroughProvider(String username) throws Exception {
        return PROVIDER.signIn(meridian(), username);
    }

    long audited(String actor, String action, String target) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = :a AND action = :act AND target = :t")
                .param("a", actor).param("act", action).param("t", target).query(Long.class).single();
    }

    String auditDetails(String action, String target) {
        return jdbc.sql("SELECT details::text FROM audit_log WHERE action = :act AND target = :t ORDER BY id DESC LIMIT 1")
                .param("act", action).param("t", target).query(String.class).single();
    }
}
