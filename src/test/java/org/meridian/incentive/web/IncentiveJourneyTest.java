package org.meridian.incentive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A statement prepared by the channel office and reviewed and approved by a hospital manager, in a real
 * browser; on the way, the compliance flag of a per-patient rule and its sign-off.
 */
@MeridianWebTest
class IncentiveJourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void officePreparesManagerSignsOffReviewsAndApproves() throws Exception {
        String office = users.create(Role.CHANNEL_MANAGER);
        String manager = users.create(Role.HOSPITAL_MANAGER);
        String channel = "JOURNEY-" + System.nanoTime() % 100000;
        String period = LocalDate.now().getYear() + "-Q1";
        int created = createRuleThroughApi(office, """
                {"code": "PER-ARRIVAL-J", "name": "按到诊人次返费", "type": "FEE", "validFrom": "2020-01-01",
                 "baseKind": "MEASURE", "baseMeasure": "arrivals", "rateBy": "TIER", "tierRates": {"A": 30}}""");
        assertThat(created).isEqualTo(201);

        try (Browser browser = Browser.open(port)) {
            // the channel office installs the default templates and sees the flagged rule
            browser.signIn(office, TestUsers.PASSWORD);
            browser.go("/incentives");
            browser.waitFor(By.id("install-templates")).click();
            browser.waitForTextContaining(By.id("flash-success"), "默认规则");
            assertThat(browser.text(By.id("rules"))).contains("GREEN-CHANNEL", "LOWEST-TIER", "PER-ARRIVAL-J",
                    "需合规审查", "九项准则");
            assertThat(browser.driver().findElements(By.cssSelector("textarea[name=justification]"))).isEmpty();
            browser.screenshot("incentives-rules-office");

            // a bad form keeps what was typed and says what is wrong beside each field
            browser.field("period").sendKeys("2026-Q9");
            browser.field("tier").sendKeys("A");
            browser.field("total").sendKeys("91.2");
            browser.field("rank").sendKeys("1");
            browser.driver().findElement(By.id("prepare-submit")).click();
            browser.waitForTextContaining(By.cssSelector("#prepare-form .field.invalid"), "2026-Q3");
            assertThat(browser.driver().findElement(By.id("channelCode")).findElement(By.xpath(".."))
                    .getText()).contains("请填写渠道编码");
            assertThat(browser.driver().findElement(By.id("total")).getAttribute("value")).isEqualTo("91.2");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('prepare-form').scrollIntoView()");
            browser.screenshot("incentives-prepare-errors");

            browser.field("period").sendKeys(period);
            browser.field("channelCode").sendKeys(channel);
            browser.driver().findElement(By.id("prepare-submit")).click();
            browser.waitForText(By.id("statement-status"), "草稿");
            assertThat(browser.text(By.id("lines"))).contains("GREEN-CHANNEL", "绿色通道名额 × 10", "TRAINING-PLACES",
                    "优秀合作渠道证书及学术交流名额").doesNotContain("PER-ARRIVAL-J");
            browser.waitForTextContaining(By.id("four-eyes-note"), "四眼原则");
            assertThat(browser.driver().findElements(By.id("review"))).isEmpty();

            browser.field("amount").sendKeys("200");
            browser.driver().findElement(By.id("adjust-submit")).click();
            browser.waitForTextContaining(By.cssSelector("#adjust-form .field.invalid"), "调整原因");
            assertThat(browser.driver().findElement(By.id("amount")).getAttribute("value")).isEqualTo("200");
            browser.field("reason").sendKeys("季度交通补贴");
            browser.driver().findElement(By.id("adjust-submit")).click();
            browser.waitForText(By.id("statement-total"), "200.00");
            String statementUrl = browser.driver().getCurrentUrl();
            browser.screenshot("incentives-statement-draft");

            // the hospital manager signs off the flagged rule, then reviews and approves
            browser.driver().manage().deleteAllCookies();
            browser.signIn(manager, TestUsers.PASSWORD);
            browser.go("/incentives");
            String ruleRow = browser.driver().findElements(By.cssSelector("#rules tr")).stream()
                    .filter(r -> r.getText().contains("PER-ARRIVAL-J")).findFirst().orElseThrow().getAttribute("id");
            String ruleId = ruleRow.substring("rule-".length());
            browser.driver().findElement(By.id("sign-off-" + ruleId)).click();
            browser.waitForTextContaining(By.cssSelector("#" + ruleRow + " .field-error"), "签批理由");
            browser.field("justification-" + ruleId).sendKeys("法务审查：到诊人次仅作服务量核对，已备案");
            browser.driver().findElement(By.id("sign-off-" + ruleId)).click();
            browser.waitForTextContaining(By.id("flash-success"), "PER-ARRIVAL-J");
            assertThat(browser.text(By.id(ruleRow))).contains("已签批", manager, "法务审查");
            browser.screenshot("incentives-rules-signed-off");

            browser.driver().get(statementUrl);
            browser.waitFor(By.id("review")).click();
            browser.waitForText(By.id("statement-status"), "已复核");
            browser.waitFor(By.id("approve")).click();
            browser.waitForText(By.id("statement-status"), "已批准");
            browser.waitForTextContaining(By.id("prepared-by"), office);
            browser.waitForTextContaining(By.id("approved-by"), manager);
            browser.waitForText(By.id("statement-total"), "200.00");
            browser.screenshot("incentives-statement-approved");

            browser.resize(Browser.PHONE);
            browser.driver().navigate().refresh();
            browser.waitFor(By.id("statement-status"));
            browser.screenshot("incentives-statement-phone");
            assertThat(browser.horizontalOverflow()).as("no horizontal scrolling at 375 px").isZero();
        }
    }

    private int createRuleThroughApi(String user, String json) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incentive-rules"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
