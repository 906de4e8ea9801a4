package org.meridian.shared.security;

import java.time.Clock;

import org.meridian.shared.tenant.Hospitals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains. The machine chain ({@code /api/**}, {@code /fhir/**}, {@code /actuator/**}) takes
 * HTTP Basic or a personal access token, keeps no session, has no CSRF (no cookies are accepted) and
 * answers 401/403 as problem details; HTTP Basic is refused to accounts with two-step verification. The people chain
 * is form login with CSRF and, when a provider is configured, single sign-on by OpenID Connect
 * ({@link SingleSignOnLogin}, and {@link SingleSignOnLogout} at sign-out), the second step after either ({@link SecondFactorGate}), a session time-out, and
 * strict security headers with a content security policy.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SingleSignOnSettings.class)
class SecurityConfiguration {

    /** No inline scripts anywhere: every script is a file served by Meridian itself. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The OpenAPI document and Swagger UI: for signed-in people unless {@code meridian.api-docs-public} is true. */
    static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};

    /** The channel portal's manifest, service worker and offline page (docs/portal.md): public, none holds data. */
    static final String[] PORTAL_APP = {"/portal/manifest.webmanifest", "/portal/sw.js", "/portal/offline"};

    private static final AuthorizationDecision ALLOWED = new AuthorizationDecision(true);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Form login and HTTP Basic check passwords through the sign-in throttle. */
    @Bean
    ThrottledAuthenticationProvider throttledAuthenticationProvider(MeridianUserDetailsService users,
                                                                    PasswordEncoder encoder, SignInThrottle throttle,
                                                                    Clock clock) {
        return new ThrottledAuthenticationProvider(users, encoder, throttle, clock);
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.HOSPITAL_MANAGER.name())
                .role(Role.HOSPITAL_MANAGER.name()).implies(Role.CHANNEL_MANAGER.name())
                .role(Role.CHANNEL_MANAGER.name()).implies(Role.ANALYST.name())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain machineChain(HttpSecurity http, ApiTokens tokens, Accounts accounts, JsonMapper json,
                                     Clock clock, Hospitals hospitals, HospitalChooser chooser,
                                     MessageSource messages, TwoStepSignIn twoStep,
                                     @Value("${meridian.metrics.token:}") String metricsToken) throws Exception {
        ProblemResponses problems = new ProblemResponses(json, messages);
        http.securityMatcher("/api/**", "/fhir/**", "/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(MetricsScrapeToken.PATH)
                        .hasAnyAuthority(Role.ADMIN.authority(), MetricsScrapeToken.AUTHORITY)
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new MetricsScrapeToken(metricsToken), BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiTokenFilter(tokens, accounts, problems, clock), BasicAuthenticationFilter.class)
                .addFilterAfter(new BasicWithoutSecondFactor(twoStep, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new HospitalChoice(hospitals, chooser, problems), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain peopleChain(HttpSecurity http, Accounts accounts, Clock clock, HospitalChooser chooser,
                                    TwoStepSignIn twoStep, SingleSignOn singleSignOn,
                                    ObjectProvider<ClientRegistrationRepository> registrations,
                                    @Value("${meridian.api-docs-public:false}") boolean apiDocsPublic)
            throws Exception {
        ClientRegistrationRepository providers = registrations.getIfAvailable();
        if (providers != null) {
            // single sign-on through the hospital's OpenID Connect provider, beside the password form
            SingleSignOnLogin login = new SingleSignOnLogin(singleSignOn, twoStep, providers);
            http.oauth2Login(o -> o.loginPage("/login").successHandler(login).failureHandler(login));
            // and signing out after it ends the session at the provider as well, where the provider offers that
            SingleSignOnLogout logout = new SingleSignOnLogout(providers);
            http.logout(l -> l.addLogoutHandler(logout).logoutSuccessHandler(logout));
        } else {
            http.logout(l -> l.logoutSuccessUrl(SingleSignOnLogout.SIGNED_OUT));
        }
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/error").permitAll()
                        // the channel portal's web app: the browser fetches these without the session; no data
                        .requestMatchers(PORTAL_APP).permitAll()
                        .requestMatchers(API_DOCS).access(apiDocsPublic ? (authentication, context) -> ALLOWED
                                : AuthenticatedAuthorizationManager.authenticated())
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(SecondFactorGate.afterPassword(twoStep))
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LockedException ? "/login?locked" : "/login?error"))))
                // the OpenAPI document is read by programs: without a session it answers 401, not the login page
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**")))
                .logout(l -> l.deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.invalidSessionStrategy((request, response) -> {
                    String target = request.getContextPath() + "/login?expired";
                    request.getSession(true); // a fresh session, so the redirect cannot loop
                    if (request.getHeader("HX-Request") != null) {
                        response.setHeader("HX-Redirect", target);
                        response.setStatus(401);
                    } else {
                        response.sendRedirect(target);
                    }
                }))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()))
                .addFilterBefore(new SessionRefresh(accounts, clock), AuthorizationFilter.class)
                .addFilterBefore(new SecondFactorGate(), AuthorizationFilter.class)
                .addFilterAfter(new ChosenHospital(chooser), SessionRefresh.class);
        return http.build();
    }
}
