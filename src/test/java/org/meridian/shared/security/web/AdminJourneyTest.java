package org.meridian.shared.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: an administrator creates a user; that user signs in, opens My account and creates a
 * personal access token, which then works against the API. Desktop and phone screenshots of each page;
 * no page scrolls sideways at 375 px. Swagger UI runs under Meridian's content security policy.
 */
@MeridianWebTest
class AdminJourneyTest {

    @LocalServerPort
    int port;

    @Test
    void adminCreatesAUserWhoSignsInAndCreatesAToken() throws Exception {
        String username = "journey-" + System.nanoTime() % 100000;
        try (Browser browser = Browser.open(port)) {
            browser.signIn("admin", "Root-secret-2026");
            browser.waitFor(By.id("hospital-name"));
            browser.driver().findElement(By.cssSelector(".mainnav a[href='/admin/users']")).click();
            browser.waitForTextContaining(By.cssSelector("#user-table"), "admin");
            browser.screenshot("admin-users-desktop");

            browser.driver().findElement(By.id("new-user")).click();
            browser.field("username").sendKeys(username);
            browser.field("displayName").sendKeys("旅程 测试员");
            browser.field("password").sendKeys("short");
            browser.driver().findElement(By.cssSelector("input[name='roles'][value='CHANNEL_MANAGER']")).click();
            browser.driver().findElement(By.id("user-submit")).click();
            browser.waitForTextContaining(By.id("password-error"), "密码至少 10 个字符");
            browser.screenshot("admin-user-new-errors-desktop");
            browser.resize(Browser.PHONE);
            browser.screenshot("admin-user-new-errors-phone");
            assertThat(browser.horizontalOverflow()).as("new-user form at 375 px").isZero();
            browser.resize(Browser.DESKTOP);

            browser.field("password").sendKeys("Journey-pass-2026");
            browser.driver().findElement(By.id("user-submit")).click();
            browser.waitForTextContaining(By.id("notice"), "用户已创建");
            browser.waitForText(By.id("edit-username"), username);
            assertThat(browser.driver().findElement(By.cssSelector("input[name='roles'][value='CHANNEL_MANAGER']"))
                    .isSelected()).isTrue();
            browser.screenshot("admin-user-edit-desktop");
            browser.resize(Browser.PHONE);
            browser.screenshot("admin-user-edit-phone");
            assertThat(browser.horizontalOverflow()).as("user page at 375 px").isZero();
            String userPage = browser.driver().getCurrentUrl();
            browser.go(userPage.substring(userPage.indexOf("/admin/")) + "?lang=en");
            browser.waitForText(By.id("profile-submit"), "Save");
            browser.screenshot("admin-user-edit-phone-en");
            assertThat(browser.horizontalOverflow()).as("user page in English at 375 px").isZero();
            browser.go("/admin/users?lang=zh-CN");
            assertThat(browser.horizontalOverflow()).as("users list at 375 px").isZero();
            browser.go("/admin/audit?action=USER_");
            browser.waitForTextContaining(By.id("audit-table"), username);
            browser.screenshot("admin-audit-phone");
            assertThat(browser.horizontalOverflow()).as("audit log at 375 px").isZero();
            browser.resize(Browser.DESKTOP).go("/admin/audit?action=USER_");
            browser.screenshot("admin-audit-desktop");

            browser.driver().findElement(By.cssSelector(".userbox button.link")).click();
            browser.waitFor(By.id("login-logout"));
            browser.signIn(username, "Journey-pass-2026");
            browser.waitFor(By.id("hospital-name"));
            assertThat(browser.driver().findElements(By.cssSelector(".mainnav a[href='/admin/users']")))
                    .as("no administration entry for a channel manager").isEmpty();
            browser.go("/admin/users");
            assertThat(browser.text(By.id("error-title"))).as("a channel manager is refused").isEqualTo("无权访问");
            browser.screenshot("admin-forbidden-desktop");
            browser.go("/");
            browser.driver().findElement(By.cssSelector(".userbox a.who")).click();
            browser.waitForText(By.id("account-username"), username);
            browser.field("name").sendKeys("夜间导入脚本");
            browser.field("validDays").sendKeys("90");
            browser.driver().findElement(By.id("token-submit")).click();
            WebElement secret = browser.waitFor(By.id("token-secret"));
            String token = secret.getText();
            assertThat(token).matches("mrd_[A-Za-z0-9]{32}");
            assertThat(browser.text(By.id("token-table"))).contains("夜间导入脚本", token.substring(0, 10));
            browser.screenshot("account-token-created-desktop");
            browser.resize(Browser.PHONE);
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('token-created').scrollIntoView()");
            browser.screenshot("account-token-created-phone");
            assertThat(browser.horizontalOverflow()).as("My account at 375 px").isZero();
            browser.resize(Browser.DESKTOP);

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/no-such-endpoint"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("the token authenticates (404: no such endpoint yet)").isEqualTo(404);

            browser.go("/account");
            assertThat(browser.driver().getPageSource()).doesNotContain(token);

            // revoke through htmx, confirming the browser's dialog; the API refuses the token from then on
            browser.driver().findElement(By.cssSelector("#token-table button.danger")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent())
                    .accept();
            browser.waitForText(By.cssSelector("#token-table .badge.bad"), "已撤销");
            HttpResponse<String> afterRevoke = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/no-such-endpoint"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(afterRevoke.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void swaggerUiLoadsUnderTheContentSecurityPolicy() {
        try (Browser browser = Browser.open(port)) {
            // the API documentation is for signed-in users (MERIDIAN_API_DOCS_PUBLIC is off by default)
            browser.go("/swagger-ui.html");
            assertThat(browser.driver().getCurrentUrl()).contains("/login");
            browser.signIn("admin", "Root-secret-2026");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
            browser.go("/swagger-ui.html");
            browser.waitForTextContaining(By.cssSelector(".swagger-ui .info .title"), "Meridian integration API");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/swagger-ui/index.html");
            browser.screenshot("swagger-ui-desktop");
        }
    }
}
