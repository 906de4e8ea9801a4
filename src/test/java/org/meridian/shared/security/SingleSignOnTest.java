package org.meridian.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospital;
import org.meridian.support.Browser;
import org.meridian.support.IdentityProvider;
import org.meridian.support.IdentityProvider.Landing;
import org.meridian.support.IdentityProvider.Person;
import org.meridian.support.TestClock;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real OpenID Connect provider (Spring Authorization Server, {@link IdentityProvider}) through
 * the whole authorization code grant: Meridian's sign-in page, the provider's own sign-in form, the code sent back to
 * Meridian, exchanged for an ID token whose signature Meridian checks with the provider's published keys. Meridian is
 * set up as a hospital would (docs/security.md): accounts made at the first sign-in, roles from the {@code groups}
 * claim, two-step verification required of administrators and managers, and the provider's sign-in counting as the
 * second step only when its {@code amr} claim says two factors were used. The provider is the first hospital's
 * ({@code meridian.sso.hospital.hospital=H001}): a second hospital's staff are not its to sign in. A second provider
 * (the same one registered again as {@code county}, "分院统一身份认证") was added without a hospital of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "meridian.sso.hospital.hospital=H001",
        "meridian.sso.create-accounts=true",
        "meridian.sso.roles-claim=groups",
        "meridian.sso.role.hospital-manager=meridian-managers",
        "meridian.sso.role.channel-manager=meridian-office",
        "meridian.sso.role.analyst=meridian-analysts, meridian-readers",
        "meridian.second-factor.required-roles=ADMIN,HOSPITAL_MANAGER"})
@ActiveProfiles("test")
@Import(TestClock.class)
class SingleSignOnTest extends SingleSignOnJourneys {

    private static final AtomicInteger SEQ = new AtomicInteger();
    /** The second provider's name on its button and in the audit log. */
    private static final String SECOND_NAME = "分院统一身份认证";

    /** The second provider, registered as a hospital adds one, without {@code meridian.sso.hospital.county}. */
    @DynamicPropertySource
    static void unboundProvider(DynamicPropertyRegistry registry) {
        PROVIDER.register(registry, SECOND, SECOND_NAME);
    }

    @Autowired ApiTokens tokens;

    private static String unique(String name) {
        return name + "-" + SEQ.incrementAndGet();
    }

    @Test
    void aNewPersonGetsAnAccountInTheHospitalWithTheRolesOfTheirGroups() throws Exception {
        String username = unique("li.na");
        PROVIDER.person(new Person(username, "李娜", List.of("meridian-readers", "nurses"), List.of("pwd")));

        Landing landing = signInThroughProvider(username);

        assertThat(landing.path()).isEqualTo("/");
        assertThat(Jsoup.parse(landing.html()).text()).contains("李娜");
        MeridianUser account = accounts.loadForSignIn(username, clock.instant()).orElseThrow();
        assertThat(account.hospitalId()).isEqualTo(users.firstHospital().id());
        assertThat(account.displayName()).isEqualTo("李娜");
        assertThat(account.roles()).containsExactly(Role.ANALYST); // meridian-readers; nurses gives nothing
        assertThat(audited(SingleSignOn.ACTOR, "USER_CREATED", username)).isEqualTo(1);
        assertThat(audited(username, "LOGIN_SUCCESS", username)).isEqualTo(1);
        assertThat(auditDetails("LOGIN_SUCCESS", username)).contains("院内统一身份认证");

        // the second time the same account is found, not another made
        assertThat(signInThroughProvider(username).path()).isEqualTo("/");
        assertThat(audited(SingleSignOn.ACTOR, "USER_CREATED", username)).isEqualTo(1);
    }

    @Test
    void anExistingAccountIsFoundIgnoringCaseTakesTheRolesOfTheProviderAndKeepsItsPasswordAndTokens() throws Exception {
        String username = users.create(Role.CHANNEL_MANAGER);
        PROVIDER.person(new Person(username.toUpperCase(), "王芳", List.of("meridian-readers"), List.of("pwd")));

        assertThat(signInThroughProvider(username.toUpperCase()).path()).isEqualTo("/");

        MeridianUser account = accounts.loadForSignIn(username, clock.instant()).orElseThrow();
        assertThat(account.roles()).containsExactly(Role.ANALYST);
        assertThat(account.displayName()).isEqualTo("测试 " + username); // the name stays Meridian's
        assertThat(audited(SingleSignOn.ACTOR, "ROLES_CHANGED", username)).isEqualTo(1);

        // the password form still signs the same person in
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Document login = Jsoup.parse(IdentityProvider.follow(http, http.send(HttpRequest.newBuilder(
                URI.create(meridian() + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString())).body());
        String form = "username=" + username + "&password=" + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + login.select("input[name=_csrf]").attr("value");
        HttpResponse<String> home = IdentityProvider.follow(http, http.send(HttpRequest.newBuilder(URI.create(meridian() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()));
        assertThat(home.uri().getPath()).isEqualTo("/");

        // and a personal access token still opens the API
        String secret = tokens.create(account, "script", null).secret();
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(meridian() + "/api/v1/channels")).header("Authorization", "Bearer " + secret).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
    }

    @Test
    void aPersonWithoutARoleOrWithADisabledAccountIsToldWhyAndNothingIsChanged() throws Exception {
        String stranger = unique("zhao.lei");
        PROVIDER.person(new Person(stranger, "赵磊", List.of("nurses"), List.of("pwd")));

        Landing refused = signInThroughProvider(stranger);

        assertThat(refused.path()).isEqualTo("/login?sso=no-role");
        assertThat(Jsoup.parse(refused.html()).getElementById("login-sso-error").text())
                .isEqualTo("身份认证平台没有授予您经络的任何角色，请联系管理员。");
        assertThat(accounts.usernameTaken(stranger)).isFalse();
        assertThat(audited("?", "LOGIN_FAILURE", stranger) + audited(stranger, "LOGIN_FAILURE", stranger))
                .isEqualTo(1);

        String disabled = users.create(Role.ANALYST);
        MeridianUser account = accounts.loadForSignIn(disabled, clock.instant()).orElseThrow();
        accounts.updateProfile(account.hospitalId(), account.userId(), account.displayName(), false, null);
        PROVIDER.person(new Person(disabled, "停用者", List.of("meridian-managers"), List.of("pwd", "otp")));

        Landing off = signInThroughProvider(disabled);

        assertThat(off.path()).isEqualTo("/login?sso=disabled");
        assertThat(Jsoup.parse(off.html()).getElementById("login-sso-error").text())
                .isEqualTo("您的经络账户已停用，请联系管理员。");
        assertThat(accounts.roles(account.hospitalId(), account.userId())).containsExactly(Role.ANALYST);
    }

    @Test
    void aRegulatorsAccountIsNeverSignedInThroughTheProviderWhateverItsGroupsSay() throws Exception {
        // the provider knows someone by the region's regulator's username and puts them among the managers: a
        // hospital's provider does not speak for the region's people, so neither the sign-in nor the role happens
        String regulator = users.create(Role.REGULATOR);
        MeridianUser account = accounts.loadForSignIn(regulator, clock.instant()).orElseThrow();
        PROVIDER.person(new Person(regulator, "监管者", List.of("meridian-managers"), List.of("pwd", "otp")));

        Landing refused = signInThroughProvider(regulator);

        assertThat(refused.path()).isEqualTo("/login?sso=kept-local");
        assertThat(Jsoup.parse(refused.html()).getElementById("login-sso-error").text())
                .isEqualTo("渠道方、区域监管和区域管理员的账户不能通过统一身份认证登录，请使用用户名和密码登录。");
        assertThat(Jsoup.parse(refused.html()).select("header.topbar")).isEmpty();
        assertThat(accounts.roles(account.hospitalId(), account.userId())).containsExactly(Role.REGULATOR);
        assertThat(audited(regulator, "LOGIN_FAILURE", regulator)).isEqualTo(1);
        assertThat(auditDetails("LOGIN_FAILURE", regulator)).contains("single sign-on: kept-local")
                .contains("院内统一身份认证");
        assertThat(audited(SingleSignOn.ACTOR, "ROLES_CHANGED", regulator)).isZero();
    }

    @Test
    void theFirstHospitalsProviderRefusesAnAccountOfAnotherHospitalAndMakesNewAccountsOnlyInItsOwn() throws Exception {
        // two hospitals on the installation; the provider is H001's. Someone at H001's provider carries the username
        // of an analyst of the other hospital and sits among H001's managers.
        Hospital other = users.otherHospital();
        String elsewhere = users.create(other.id(), Role.ANALYST, null);
        MeridianUser account = accounts.loadForSignIn(elsewhere, clock.instant()).orElseThrow();
        PROVIDER.person(new Person(elsewhere, "钱进", List.of("meridian-managers"), List.of("pwd", "otp")));

        Landing refused = signInThroughProvider(elsewhere);

        assertThat(refused.path()).isEqualTo("/login?sso=other-hospital");
        Document page = Jsoup.parse(refused.html());
        assertThat(page.getElementById("login-sso-error").text()).isEqualTo(
                "您的经络账户属于另一家医院，该身份认证平台只能登录它所在医院的账户。请使用您所在医院的统一身份认证，或使用用户名和密码登录。");
        assertThat(page.select("header.topbar")).isEmpty();
        // nothing changed: the account keeps its hospital and its role (the provider's groups are not applied)
        assertThat(accounts.roles(other.id(), account.userId())).containsExactly(Role.ANALYST);
        assertThat(accounts.hospitalOf(elsewhere)).contains(other.id());
        assertThat(audited(SingleSignOn.ACTOR, "ROLES_CHANGED", elsewhere)).isZero();
        assertThat(audited(elsewhere, "LOGIN_FAILURE", elsewhere)).isEqualTo(1);
        assertThat(auditDetails("LOGIN_FAILURE", elsewhere)).contains("single sign-on: other-hospital");
        assertThat(audited(elsewhere, "LOGIN_SUCCESS", elsewhere)).isZero();

        // a person neither hospital knows gets an account in the provider's hospital, never in the other
        String newcomer = unique("qian.li");
        PROVIDER.person(new Person(newcomer, "钱丽", List.of("meridian-readers"), List.of("pwd")));
        assertThat(signInThroughProvider(newcomer).path()).isEqualTo("/");
        assertThat(accounts.hospitalOf(newcomer)).contains(users.firstHospital().id());
        assertThat(users.firstHospital().code()).isEqualTo("H001");
    }

    @Test
    void aProviderBoundToNoHospitalSignsNobodyInOnAnInstallationOfSeveralHospitals() throws Exception {
        // two hospitals on the installation; the second provider names none, so Meridian cannot tell whose staff it
        // speaks for. Someone there carries the username of an analyst of H001 and sits among the managers.
        users.otherHospital();
        String analyst = users.create(Role.ANALYST);
        MeridianUser account = accounts.loadForSignIn(analyst, clock.instant()).orElseThrow();
        PROVIDER.person(new Person(analyst, "冯雪", List.of("meridian-managers"), List.of("pwd", "otp")));

        Landing refused = PROVIDER.signIn(IdentityProvider.browser(), meridian(), SECOND, SECOND_NAME, analyst);

        assertThat(refused.path()).isEqualTo("/login?sso=no-hospital");
        Document page = Jsoup.parse(refused.html());
        assertThat(page.getElementById("login-sso-error").text())
                .isEqualTo("无法确定该身份认证平台对应的医院，暂不能通过它登录。请联系管理员检查单点登录设置。");
        assertThat(page.select("header.topbar")).isEmpty();
        // nothing changed, and the refusal is in the account's hospital's audit log with the provider's name
        assertThat(accounts.roles(account.hospitalId(), account.userId())).containsExactly(Role.ANALYST);
        assertThat(audited(SingleSignOn.ACTOR, "ROLES_CHANGED", analyst)).isZero();
        assertThat(audited(analyst, "LOGIN_SUCCESS", analyst)).isZero();
        assertThat(audited(analyst, "LOGIN_FAILURE", analyst)).isEqualTo(1);
        assertThat(auditDetails("LOGIN_FAILURE", analyst)).contains("single sign-on: no-hospital")
                .contains(SECOND_NAME);

        // nor does it make accounts, in either hospital
        String newcomer = unique("feng.yu");
        PROVIDER.person(new Person(newcomer, "冯宇", List.of("meridian-readers"), List.of("pwd")));
        assertThat(PROVIDER.signIn(IdentityProvider.browser(), meridian(), SECOND, SECOND_NAME, newcomer).path())
                .isEqualTo("/login?sso=no-hospital");
        assertThat(accounts.usernameTaken(newcomer)).isFalse();

        // the refusal is the provider's, not the person's: H001's own provider signs the same person in
        assertThat(signInThroughProvider(analyst).path()).isEqualTo("/");
    }

    @Test
    void signingOutAfterSingleSignOnEndsTheSessionAtTheProviderTooAndAfterAPasswordOnlyMeridians() throws Exception {
        String username = unique("he.ping");
        PROVIDER.person(new Person(username, "何平", List.of("meridian-readers"), List.of("pwd")));
        HttpClient browser = IdentityProvider.browser();
        Landing home = PROVIDER.signIn(browser, meridian(), username);
        assertThat(home.path()).isEqualTo("/");

        List<URI> hops = signOut(browser, home.html());

        // Meridian → the provider's end-session endpoint (with the ID token as hint) → Meridian's sign-in page
        assertThat(hops).anySatisfy(hop -> {
            assertThat(hop.toString()).startsWith(PROVIDER.issuer() + IdentityProvider.END_SESSION);
            assertThat(hop.getRawQuery()).contains("id_token_hint=");
        });
        URI last = hops.get(hops.size() - 1);
        assertThat(last.getHost()).isEqualTo("127.0.0.1");
        assertThat(last.getPath() + "?" + last.getRawQuery()).isEqualTo("/login?logout");
        // the provider has forgotten the browser: its button asks for the provider's password again
        HttpResponse<String> again = IdentityProvider.follow(browser, IdentityProvider.get(browser,
                URI.create(meridian() + "/oauth2/authorization/hospital")));
        assertThat(again.uri().toString()).startsWith(PROVIDER.issuer() + "/login");

        // a person who signed in with a password signs out of Meridian alone: the provider is never visited
        String analyst = users.create(Role.ANALYST);
        HttpClient other = IdentityProvider.browser();
        Document login = Jsoup.parse(IdentityProvider.follow(other, IdentityProvider.get(other,
                URI.create(meridian() + "/login"))).body());
        HttpResponse<String> signedIn = IdentityProvider.follow(other, other.send(HttpRequest.newBuilder(
                        URI.create(meridian() + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + analyst + "&password="
                        + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + login.select("input[name=_csrf]").attr("value"))).build(), HttpResponse.BodyHandlers.ofString()));
        assertThat(signedIn.uri().getPath()).isEqualTo("/");
        List<URI> passwordHops = signOut(other, signedIn.body());
        assertThat(passwordHops).allSatisfy(hop -> assertThat(hop.getHost()).isEqualTo("127.0.0.1"));
        assertThat(passwordHops.get(passwordHops.size() - 1).getRawQuery()).isEqualTo("logout");
    }

    /** Presses 退出 on a page of Meridian and follows every redirect; the addresses visited, the last one answering. */
    private List<URI> signOut(HttpClient browser, String pageHtml) throws Exception {
        Document page = Jsoup.parse(pageHtml);
        assertThat(page.select("form[action=/logout] button").text()).isEqualTo("退出");
        String csrf = page.select("form[action=/logout] input[name=_csrf]").attr("value");
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(meridian() + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        List<URI> hops = new ArrayList<>();
        for (int i = 0; i < 10 && response.statusCode() / 100 == 3; i++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            hops.add(next);
            response = IdentityProvider.get(browser, next);
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(response.body()).getElementById("login-logout").text()).isEqualTo("您已安全退出。");
        return hops;
    }

    @Test
    void aManagerSignedInWithOneFactorIsAskedForMeridiansSecondStepAndWithTwoFactorsIsNot() throws Exception {
        String onePassword = unique("chen.jing");
        PROVIDER.person(new Person(onePassword, "陈静", List.of("meridian-managers"), List.of("pwd")));

        Landing first = signInThroughProvider(onePassword);

        // required of managers, not enrolled yet: enrolment before anything else, as after a password
        assertThat(first.path()).isEqualTo(SecondFactorGate.ENROL_PAGE);
        assertThat(accounts.loadForSignIn(onePassword, clock.instant()).orElseThrow().roles())
                .containsExactly(Role.HOSPITAL_MANAGER);

        String twoFactors = unique("liu.yang");
        PROVIDER.person(new Person(twoFactors, "刘洋", List.of("meridian-managers"), List.of("pwd", "otp")));

        assertThat(signInThroughProvider(twoFactors).path()).isEqualTo("/");
    }

    @Test
    void theSignInPageOffersTheProviderOnDesktopAndPhoneAndABrowserSignsInThroughIt() {
        String username = unique("sun.li");
        PROVIDER.person(new Person(username, "孙丽", List.of("meridian-office"), List.of("pwd")));
        try (Browser browser = Browser.open(meridian())) {
            browser.go("/login");
            browser.waitFor(By.id("login-sso-hospital"));
            browser.screenshot("sso-login-desktop");
            browser.resize(Browser.PHONE);
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("sso-login-phone");

            browser.driver().findElement(By.id("login-sso-hospital")).click();
            browser.field("username").sendKeys(username);
            browser.field("password").sendKeys(IdentityProvider.PASSWORD);
            browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitFor(By.cssSelector("header.topbar"));
            assertThat(URI.create(browser.driver().getCurrentUrl()).getPath()).isEqualTo("/");
            assertThat(browser.driver().findElement(By.cssSelector("header a.who")).getDomProperty("textContent"))
                    .isEqualTo("孙丽");
            browser.screenshot("sso-home-phone");
        }
        assertThat(accounts.loadForSignIn(username, clock.instant()).orElseThrow().roles())
                .isEqualTo(EnumSet.of(Role.CHANNEL_MANAGER));
    }
}
