package org.meridian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** First journey in a real browser: failed sign-in, sign-in, home, English, sign-out; phone width. */
@MeridianWebTest
class ShellJourneyTest {

    @LocalServerPort
    int port;

    @Test
    void signInSeeHomeSwitchToEnglishAndSignOut() {
        try (Browser browser = Browser.open(port)) {
            browser.signIn("admin", "wrong-password-9");
            browser.waitForTextContaining(By.id("login-error"), "用户名或密码错误");
            browser.screenshot("login-failed");

            browser.signIn("admin", "Root-secret-2026");
            browser.waitForText(By.id("hospital-name"), "示例医院");
            browser.screenshot("home-desktop-zh");

            browser.driver().findElement(By.cssSelector(".userbox a.lang")).click();
            browser.waitForText(By.cssSelector(".userbox button.link"), "Sign out");
            browser.waitForText(By.cssSelector(".mainnav a.active"), "Home");
            browser.screenshot("home-desktop-en");

            browser.resize(Browser.PHONE).go("/?lang=zh-CN");
            browser.screenshot("home-phone-zh");
            assertThat(browser.horizontalOverflow()).as("no horizontal scrolling at 375 px").isZero();

            browser.resize(Browser.DESKTOP);
            browser.driver().findElement(By.cssSelector(".userbox button.link")).click();
            browser.waitForTextContaining(By.id("login-logout"), "已安全退出");
            browser.go("/");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
        }
    }
}
