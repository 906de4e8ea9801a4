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
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
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

/**
 * Single sign-on against a real OpenID Connect provider (Spring Authorization Server, {@link IdentityProvider}) through
 * the whole authorization code grant: Meridian's sign-in page, the provider's own sign-in form, the code sent back to
 * Meridian, exchanged for an ID token whose signature Meridian checks with the provider's published keys. Meridian is
 * set up as a hospital would (docs/security.md): accounts made at the first sign-in, roles from the {@code groups}
 * claim, two-step verification required of administrators and managers, and the provider's sign-in counting as the
 * second step only when its {@code amr} claim says two factors were used.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
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
