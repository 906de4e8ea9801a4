package org.meridian.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.meridian.support.IdentityProvider;
import org.meridian.support.IdentityProvider.Landing;
import org.meridian.support.IdentityProvider.Person;
import org.meridian.support.TestClock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Single sign-on set up as a cautious hospital would (docs/security.md), against the same real provider as
 * {@link SingleSignOnTest}: no accounts made at sign-in, roles kept in Meridian (no roles claim), and Meridian's own
 * second step always asked for ({@code meridian.sso.second-factor=never}) whatever the provider's {@code amr} says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "meridian.sso.second-factor=never",
        "meridian.second-factor.required-roles=ADMIN,HOSPITAL_MANAGER"})
@ActiveProfiles("test")
@Import(TestClock.class)
class SingleSignOnClosedTest extends SingleSignOnJourneys {

    @Test
    void aPersonTheProviderKnowsButMeridianDoesNotIsRefusedAndNoAccountIsMade() throws Exception {
        String stranger = "zhou.min";
        PROVIDER.person(new Person(stranger, "周敏", List.of("meridian-managers"), List.of("pwd")));

        Landing refused = signInThroughProvider(stranger);

        assertThat(refused.path()).isEqualTo("/login?sso=unknown");
        assertThat(Jsoup.parse(refused.html()).getElementById("login-sso-error").text())
                .isEqualTo("身份认证平台已确认您的身份，但经络中没有对应的账户。请联系管理员开通。");
        assertThat(Jsoup.parse(refused.html()).select("header.topbar")).isEmpty();
        assertThat(accounts.usernameTaken(stranger)).isFalse();
        assertThat(audited(stranger, "LOGIN_FAILURE", stranger)).isEqualTo(1);
        assertThat(audited(SingleSignOn.ACTOR, "USER_CREATED", stranger)).isZero();
    }

    @Test
    void anExistingAccountSignsInWithTheRolesMeridianGaveItWhateverTheGroupsSay() throws Exception {
        String analyst = users.create(Role.ANALYST);
        PROVIDER.person(new Person(analyst, "吴刚", List.of("meridian-managers"), List.of("pwd")));

        Landing home = signInThroughProvider(analyst);

        assertThat(home.path()).isEqualTo("/");
        // the name shown is Meridian's, not the provider's
        assertThat(Jsoup.parse(home.html()).select("header a.who").text()).isEqualTo("测试 " + analyst);
        MeridianUser account = accounts.loadForSignIn(analyst, clock.instant()).orElseThrow();
        assertThat(account.roles()).containsExactly(Role.ANALYST);
        assertThat(audited(analyst, "LOGIN_SUCCESS", analyst)).isEqualTo(1);
        assertThat(audited(SingleSignOn.ACTOR, "ROLES_CHANGED", analyst)).isZero();
    }

    @Test
    void aManagerIsAskedForMeridiansSecondStepEvenAfterTwoFactorsAtTheProvider() throws Exception {
        String manager = users.create(Role.HOSPITAL_MANAGER);
        PROVIDER.person(new Person(manager, "郑华", List.of(), List.of("pwd", "otp")));

        Landing landing = signInThroughProvider(manager);

        // required of managers and not yet enrolled: enrolment before anything else, as after a password
        assertThat(landing.path()).isEqualTo(SecondFactorGate.ENROL_PAGE);
        assertThat(Jsoup.parse(landing.html()).getElementById("second-factor-required")).isNotNull();
    }

    @Test
    void aForgedAnswerFromTheProviderSignsNobodyInAndTheSignInPageSaysSingleSignOnDidNotFinish() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> page = IdentityProvider.follow(http, IdentityProvider.get(http, URI.create(
                meridian() + "/login/oauth2/code/hospital?code=forged-code&state=forged-state")));

        assertThat(page.uri().getPath() + "?" + page.uri().getRawQuery()).isEqualTo("/login?sso=failed");
        assertThat(Jsoup.parse(page.body()).getElementById("login-sso-error").text())
                .isEqualTo("单点登录未完成（身份认证平台拒绝或已超时），请重试或使用用户名和密码登录。");
        // the same cookies still belong to nobody
        HttpResponse<String> home = IdentityProvider.follow(http, IdentityProvider.get(http, URI.create(meridian() + "/")));
        assertThat(home.uri().getPath()).isEqualTo("/login");
    }
}
