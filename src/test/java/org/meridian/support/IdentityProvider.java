package org.meridian.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OpenID Connect provider for the single sign-on tests: Spring Authorization Server on its own random port at
 * {@code localhost}, with its own sign-in form, discovery document, JWK set and token endpoint, a confidential client
 * for Meridian, and the people a test adds ({@link #person}); their ID tokens carry {@code preferred_username},
 * {@code name}, {@code groups} and {@code amr} as the test says. It offers RP-initiated logout: its discovery document
 * names an {@code end_session_endpoint} ({@link #END_SESSION}) that ends its own session and sends the browser back to
 * Meridian's sign-in page. Meridian is reached at {@code 127.0.0.1} meanwhile
 * (a provider refuses {@code localhost} redirects, and two hosts keep the two servers' session cookies apart).
 */
public final class IdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "meridian";
    public static final String CLIENT_SECRET = "Client-secret-of-meridian-2026";
    public static final String PASSWORD = "Provider-password-2026";
    /** The provider's end-session endpoint, as Spring Authorization Server places it. */
    public static final String END_SESSION = "/connect/logout";

    /** A person the provider knows, with the claims their ID token carries ({@code amr} may be empty). */
    public record Person(String username, String name, List<String> groups, List<String> amr) {
    }

    /** The people, as the provider's beans find them (a bare map would be taken for a map of beans). */
    record People(Map<String, Person> byUsername) {
    }

    private final ConfigurableApplicationContext context;
    private final Map<String, Person> people;
    private final RegisteredClientRepository clients;

    private IdentityProvider(ConfigurableApplicationContext context, Map<String, Person> people) {
        this.context = context;
        this.people = people;
        this.clients = context.getBean(RegisteredClientRepository.class);
    }

    /** Starts the provider; nobody can sign in with it until {@link #allowRedirectTo} names Meridian's address. */
    public static IdentityProvider start() {
        Map<String, Person> people = new ConcurrentHashMap<>();
        SpringApplication application = new SpringApplication(Server.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setBannerMode(Banner.Mode.OFF);
        application.addInitializers(c -> c.getBeanFactory().registerSingleton("people", new People(people)));
        // as arguments: they outrank Meridian's application.properties on the class path (server.port=8080)
        return new IdentityProvider(application.run("--server.port=0",
                "--server.servlet.session.cookie.name=PROVIDER_SESSION"), people);
    }

    /** The issuer, as Meridian's {@code issuer-uri} names it. */
    public String issuer() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * Configures Meridian's client registration {@code hospital} for this provider, as a hospital sets it up
     * (docs/security.md): the client, its secret, the button's name and the issuer whose discovery document Meridian
     * reads at start-up.
     */
    public void register(DynamicPropertyRegistry registry) {
        register(registry, "hospital", "院内统一身份认证");
    }

    /**
     * Configures a further client registration {@code name} for this provider, under the button's name
     * {@code clientName}: to Meridian, another hospital's provider (its redirect address must be allowed too,
     * {@link #allowRedirectTo}).
     */
    public void register(DynamicPropertyRegistry registry, String name, String clientName) {
        String registration = "spring.security.oauth2.client.registration." + name + ".";
        registry.add(registration + "client-id", () -> CLIENT_ID);
        registry.add(registration + "client-secret", () -> CLIENT_SECRET);
        registry.add(registration + "client-name", () -> clientName);
        registry.add(registration + "scope", () -> "openid");
        registry.add(registration + "authorization-grant-type", () -> "authorization_code");
        registry.add("spring.security.oauth2.client.provider." + name + ".issuer-uri", this::issuer);
    }

    /** Where a sign-in through the provider ended in Meridian: the page's path and query, and its HTML. */
    public record Landing(String path, String html) {
    }

    /**
     * Signs in to Meridian at {@code meridian} (e.g. {@code http://127.0.0.1:PORT}) as a person of this provider, as a
     * browser would, with its own cookies: Meridian's sign-in page and its button, every redirect to this provider's
     * authorization endpoint and its sign-in form (filled in and sent), then every redirect back until a page of
     * Meridian answers. Meridian exchanges the code at the token endpoint and checks the ID token with the JWK set on
     * its own, out of sight of the browser.
     */
    public Landing signIn(String meridian, String username) throws IOException, InterruptedException {
        return signIn(browser(), meridian, username);
    }

    /** A client that keeps cookies, as a browser does, and shows every redirect. */
    public static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@link #signIn(String, String)} with the browser's own client, whose cookies then hold both sessions. */
    public Landing signIn(HttpClient http, String meridian, String username) throws IOException, InterruptedException {
        return signIn(http, meridian, "hospital", "院内统一身份认证", username);
    }

    /**
     * {@link #signIn(HttpClient, String, String)} through Meridian's client registration {@code registration}, whose
     * button on Meridian's sign-in page names the provider {@code clientName}.
     */
    public Landing signIn(HttpClient http, String meridian, String registration, String clientName, String username)
            throws IOException, InterruptedException {
        Document page = Jsoup.parse(follow(http, get(http, URI.create(meridian + "/login"))).body());
        Element button = page.getElementById("login-sso-" + registration);
        assertThat(button).as("the sign-in button of the provider").isNotNull();
        assertThat(button.text()).isEqualTo("使用" + clientName + "登录");

        HttpResponse<String> providerForm = follow(http, get(http, URI.create(meridian).resolve(button.attr("href"))));
        assertThat(providerForm.uri().toString()).startsWith(issuer() + "/login");
        String csrf = Jsoup.parse(providerForm.body()).select("input[name=_csrf]").attr("value");
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> landed = follow(http, http.send(HttpRequest.newBuilder(URI.create(issuer() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        assertThat(landed.uri().getHost()).as("back in Meridian").isEqualTo(URI.create(meridian).getHost());
        String query = landed.uri().getRawQuery() == null ? "" : "?" + landed.uri().getRawQuery();
        return new Landing(landed.uri().getPath() + query, landed.body());
    }

    /** A GET as a browser sends it when it opens a page (it asks for HTML). */
    public static HttpResponse<String> get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).header("Accept", "text/html,application/xhtml+xml").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Follows redirects (at most ten) until a page answers, which must be 200. */
    public static HttpResponse<String> follow(HttpClient http, HttpResponse<String> response)
            throws IOException, InterruptedException {
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            response = get(http, response.uri().resolve(response.headers().firstValue("Location").orElseThrow()));
        }
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
        return response;
    }

    /**
     * Lets Meridian's client be sent back to these addresses after signing in (the registered redirect URIs, one per
     * client registration of Meridian's), and to its sign-in page ({@code /login?logout} at the origin of the first)
     * after signing out here.
     */
    public void allowRedirectTo(String... redirectUris) {
        clients.save(client(clients.findByClientId(CLIENT_ID).getId(), List.of(redirectUris)));
    }

    /** Adds (or replaces) a person, who signs in with {@link #PASSWORD}. */
    public void person(Person person) {
        people.put(person.username(), person);
    }

    @Override
    public void close() {
        context.close();
    }

    private static RegisteredClient client(String id, List<String> redirectUris) {
        return RegisteredClient.withId(id)
                .clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(redirectUris))
                .postLogoutRedirectUri(URI.create(redirectUris.get(0)).resolve("/login?logout").toString())
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .build();
    }

    /** The provider's application: no component scan, only what it names. */
    @EnableWebSecurity
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class})
    static class Server {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, s -> s.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService users(People people) {
            return username -> {
                if (!people.byUsername().containsKey(username)) {
                    throw new UsernameNotFoundException(username);
                }
                return User.withUsername(username).password("{noop}" + PASSWORD).roles("STAFF").build();
            };
        }

        @Bean
        RegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(client(UUID.randomUUID().toString(),
                    List.of("http://127.0.0.1/not-yet")));
        }

        @Bean
        JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** Reads the provider's own tokens (its OpenID Connect user info endpoint needs it). */
        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }

        /** The person's claims in the ID token. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims(People people) {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                Person person = people.byUsername().get(context.getPrincipal().getName());
                if (person == null) {
                    return;
                }
                context.getClaims().claim("preferred_username", person.username()).claim("name", person.name())
                        .claim("groups", person.groups());
                if (!person.amr().isEmpty()) {
                    context.getClaims().claim("amr", person.amr());
                }
            };
        }
    }
}
