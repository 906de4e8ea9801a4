package org.meridian.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.meridian.support.Browser;
import org.meridian.support.TestClock;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Meridian as deployed by default: two-step verification required of ADMIN and HOSPITAL_MANAGER. A real browser, at
 * desktop and phone width, signs in as a new manager, is sent to enrolment before anything else, enrols with the code
 * an authenticator app would show for the secret on the page, keeps the recovery codes, and next time is asked for the
 * code after the password. Screenshots in {@code target/screenshots/second-factor-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "meridian.second-factor.required-roles=ADMIN,HOSPITAL_MANAGER")
@ActiveProfiles("test")
@Import(TestClock.class)
class SecondFactorRequiredTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired Clock clock;

    private String code(byte[] secret, long step) {
        return OneTimePassword.hotpText(secret, step, 6, OneTimePassword.Algorithm.SHA1);
    }

    private String path(Browser browser) {
        return URI.create(browser.driver().getCurrentUrl()).getPath();
    }

    /** The secret as read off the enrolment page, and the time step of the code that confirmed it. */
    private record Enrolment(byte[] secret, long step) {
    }

    /** Enrols on the page the browser shows, with a wrong code first, as an authenticator app would for this secret. */
    private Enrolment enrolOnPage(Browser browser) {
        String shown = browser.text(By.id("second-factor-secret"));
        assertThat(shown).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        byte[] secret = Base32.decode(shown);
        long step = OneTimePassword.step(clock.instant());
        String right = code(secret, step);
        browser.field("code").sendKeys(right.equals("000000") ? "111111" : "000000");
        browser.driver().findElement(By.id("second-factor-confirm-submit")).click();
        browser.waitForTextContaining(By.id("code-error"), "动态口令不正确");
        browser.field("code").sendKeys(right);
        browser.driver().findElement(By.id("second-factor-confirm-submit")).click();
        browser.waitFor(By.id("recovery-codes"));
        return new Enrolment(secret, step);
    }

    @Test
    void aManagerIsSentToEnrolmentFirstAndThenAskedForTheCodeAtEverySignIn() {
        String manager = users.create(Role.HOSPITAL_MANAGER);
        try (Browser browser = Browser.open(port)) {
            browser.signIn(manager, TestUsers.PASSWORD);
            browser.waitFor(By.id("second-factor-required"));
            assertThat(path(browser)).isEqualTo("/account/second-factor");
            assertThat(browser.driver().findElement(By.id("second-factor-qr")).getDomAttribute("src"))
                    .startsWith("data:image/svg+xml;base64,");
            browser.screenshot("second-factor-enrol-desktop");

            // nothing else before enrolling
            browser.go("/channels");
            browser.waitFor(By.id("second-factor-required"));
            assertThat(path(browser)).isEqualTo("/account/second-factor");

            Enrolment enrolment = enrolOnPage(browser);
            assertThat(browser.driver().findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
            browser.screenshot("second-factor-recovery-desktop");
            browser.driver().findElement(By.id("second-factor-continue")).click();
            browser.waitFor(By.cssSelector(".userbox"));
            assertThat(path(browser)).isEqualTo("/");

            // next sign-in, on a phone: password, then the code page
            browser.driver().manage().deleteAllCookies();
            browser.resize(Browser.PHONE);
            browser.signIn(manager, TestUsers.PASSWORD);
            browser.waitFor(By.id("code-form"));
            assertThat(path(browser)).isEqualTo("/login/code");
            browser.field("code").sendKeys(code(enrolment.secret(), enrolment.step())); // the enrolment's code: used already
            browser.driver().findElement(By.id("code-submit")).click();
            browser.waitForTextContaining(By.id("code-error"), "已使用过");
            browser.screenshot("second-factor-code-phone");
            assertThat(browser.horizontalOverflow()).isZero();
            browser.field("code").sendKeys(code(enrolment.secret(), enrolment.step() + 1));
            browser.driver().findElement(By.id("code-submit")).click();
            browser.waitFor(By.cssSelector(".userbox"));
            assertThat(path(browser)).isEqualTo("/");
        }
    }

    @Test
    void theEnrolmentAndCodePagesFitAPhoneAndTheCodePageADesktop() {
        String admin = users.create(Role.ADMIN);
        try (Browser browser = Browser.open(port)) {
            browser.resize(Browser.PHONE);
            browser.signIn(admin, TestUsers.PASSWORD);
            browser.waitFor(By.id("second-factor-required"));
            browser.screenshot("second-factor-enrol-phone");
            assertThat(browser.horizontalOverflow()).isZero();
            Enrolment enrolment = enrolOnPage(browser);
            browser.screenshot("second-factor-recovery-phone");
            assertThat(browser.horizontalOverflow()).isZero();

            browser.driver().manage().deleteAllCookies();
            browser.resize(Browser.DESKTOP);
            browser.signIn(admin, TestUsers.PASSWORD);
            browser.waitFor(By.id("code-form"));
            browser.screenshot("second-factor-code-desktop");
            browser.field("code").sendKeys(code(enrolment.secret(), enrolment.step() + 1));
            browser.driver().findElement(By.id("code-submit")).click();
            browser.waitFor(By.cssSelector(".userbox"));
            assertThat(path(browser)).isEqualTo("/");
        }
    }

    @Test
    void aRoleThatDoesNotRequireItSignsInWithThePasswordAlone() {
        String analyst = users.create(Role.ANALYST);
        try (Browser browser = Browser.open(port)) {
            browser.signIn(analyst, TestUsers.PASSWORD);
            browser.waitFor(By.cssSelector(".userbox"));
            assertThat(path(browser)).isEqualTo("/");
        }
    }

    /** HTTP Basic carries the password alone: refused to a required role even before it enrols. */
    @Test
    void httpBasicIsRefusedToARoleThatRequiresIt() throws Exception {
        String admin = users.create(Role.ADMIN);
        String analyst = users.create(Role.ANALYST);
        assertThat(basic(admin).statusCode()).isEqualTo(401);
        assertThat(basic(admin).body()).contains("urn:meridian:security:second-factor-basic");
        assertThat(basic(analyst).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> basic(String username) throws Exception {
        String credentials = Base64.getEncoder().encodeToString(
                (username + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/channels"))
                .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
    }
}
