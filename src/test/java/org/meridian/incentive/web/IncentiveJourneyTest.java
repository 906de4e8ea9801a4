package org.meridian.incentive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Base64;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: an evaluation is published and the system drafts the channel's statement; the channel office
 * adjusts and reviews it, a hospital manager signs off a per-patient rule and approves the statement (two different
 * people), and the channel user sees the approved statement on a phone.
 */
@MeridianWebTest
class IncentiveJourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    Hospitals hospitals;

    @Test
    void aPublishedEvaluationIsDraftedAdjustedReviewedAndApprovedByTwoPeopleAndTheChannelSeesIt() throws Exception {
        // a hospital of its own: one exam centre, a scheme, 10 referrals in 2027-Q1 (total 100, tier A, rank 1); the test
        // clock stands at 2027-01-15, so the default templates installed below are valid from 2027-01-01
        String code = "JRN-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Hospital hospital = hospitals.create(code, "旅程测试医院 " + code, ZoneId.of("Asia/Shanghai"));
        String office = users.create(hospital.id(), Role.CHANNEL_MANAGER, null);
        String manager = users.create(hospital.id(), Role.HOSPITAL_MANAGER, null);
        String channel = "J-" + code;
        String answer = api(office, "POST", "/api/v1/channels", "{\"code\": \"" + channel
                + "\", \"name\": \"旅程体检中心\", \"type\": \"EXAM_CENTER\"}");
        long channelId = ((Number) JsonPath.read(answer, "$.id")).longValue();
        String channelUser = users.create(hospital.id(), Role.CHANNEL_USER, channelId);
        api(office, "PUT", "/api/v1/schemes/EXAM_CENTER", """
                {"indicators": [{"code": "REFERRAL_VOLUME", "weight": 100,
                                 "scoring": {"method": "LINEAR", "zero": 0, "full": 10}}],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}]}""");
        StringBuilder events = new StringBuilder("[");
        for (int i = 0; i < 10; i++) {
            events.append(i == 0 ? "" : ",").append("{\"eventId\": \"j-").append(i).append("\", \"type\": \"REFERRAL\", ")
                    .append("\"channel\": \"").append(channel).append("\", \"occurredAt\": \"2027-01-0").append(i % 9 + 1)
                    .append("T10:00:00+08:00\", \"referralId\": \"JR-").append(i).append("\"}");
        }
        api(office, "POST", "/api/v1/events", events.append("]").toString());
        api(office, "POST", "/api/v1/incentive-rules", """
                {"code": "PER-ARRIVAL-J", "name": "按到诊人次返费", "type": "FEE", "validFrom": "2020-01-01",
                 "baseKind": "MEASURE", "baseMeasure": "arrivals", "rateBy": "TIER", "tierRates": {"A": 30}}""");

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
            // (the form takes the period and the channel: tier, total and rank come from the published evaluation)
            browser.field("period").sendKeys("2026-Q9");
            browser.field("channelCode").sendKeys("NO-SUCH");
            browser.driver().findElement(By.id("prepare-submit")).click();
            browser.waitForTextContaining(By.cssSelector("#prepare-form .field.invalid"), "2026-Q3");
            assertThat(browser.driver().findElement(By.id("channelCode")).findElement(By.xpath(".."))
                    .getText()).contains("本院未登记编码为");
            assertThat(browser.driver().findElement(By.id("channelCode")).getAttribute("value")).isEqualTo("NO-SUCH");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('prepare-form').scrollIntoView()");
            browser.screenshot("incentives-prepare-errors");

            // the evaluation of 2027-Q1 is run and published: the system drafts the channel's statement
            String evaluation = api(office, "POST", "/api/v1/evaluations",
                    "{\"period\": \"2027-Q1\", \"unitType\": \"EXAM_CENTER\"}");
            long evaluationId = ((Number) JsonPath.read(evaluation, "$.id")).longValue();
            api(office, "POST", "/api/v1/evaluations/" + evaluationId + "/publish", "");

            browser.go("/incentives");
            browser.waitFor(By.cssSelector("#statements a")).click();
            browser.waitForText(By.id("statement-status"), "草稿");
            assertThat(browser.text(By.id("statement-source"))).contains("2027-Q1", "1");
            assertThat(browser.text(By.id("prepared-by"))).contains("系统");
            assertThat(browser.text(By.id("lines"))).contains("GREEN-CHANNEL", "绿色通道名额 × 10", "TRAINING-PLACES",
                    "优秀合作渠道证书及学术交流名额").doesNotContain("PER-ARRIVAL-J");

            // the office adds an adjustment (a reason is required) and reviews: the system prepared it
            browser.field("amount").sendKeys("200");
            browser.driver().findElement(By.id("adjust-submit")).click();
            browser.waitForTextContaining(By.cssSelector("#adjust-form .field.invalid"), "调整");
            assertThat(browser.driver().findElement(By.id("amount")).getAttribute("value")).isEqualTo("200");
            browser.field("reason").sendKeys("季度交通补贴");
            browser.driver().findElement(By.id("adjust-submit")).click();
            browser.waitForText(By.id("statement-total"), "200.00");
            String statementUrl = browser.driver().getCurrentUrl();
            browser.screenshot("incentives-statement-draft");
            browser.waitFor(By.id("review")).click();
            browser.waitForText(By.id("statement-status"), "已复核");
            browser.waitForTextContaining(By.id("reviewed-by"), office);

            // the hospital manager signs off the flagged rule, then approves the statement the office reviewed
            browser.driver().manage().deleteAllCookies();
            browser.signIn(manager, TestUsers.PASSWORD);
            browser.go("/incentives");
            String ruleRow = browser.driver().findElements(By.cssSelector("#rules tr")).stream()
                    .filter(r -> r.getText().contains("PER-ARRIVAL-J")).findFirst().orElseThrow().getAttribute("id");
            String ruleId = ruleRow.substring("rule-".length());
            browser.driver().findElement(By.id("sign-off-" + ruleId)).click();
            browser.waitForTextContaining(By.cssSelector("#" + ruleRow + " .field-error"), "签批");
            browser.field("justification-" + ruleId).sendKeys("法务审查：到诊人次仅作服务量核对，已备案");
            browser.driver().findElement(By.id("sign-off-" + ruleId)).click();
            browser.waitForTextContaining(By.id("flash-success"), "PER-ARRIVAL-J");
            assertThat(browser.text(By.id(ruleRow))).contains("已签批", manager, "法务审查");
            browser.screenshot("incentives-rules-signed-off");

            browser.driver().get(statementUrl);
            browser.waitFor(By.id("approve")).click();
            browser.waitForText(By.id("statement-status"), "已批准");
            browser.waitForTextContaining(By.id("reviewed-by"), office);
            browser.waitForTextContaining(By.id("approved-by"), manager);
            browser.waitForText(By.id("statement-total"), "200.00");
            browser.screenshot("incentives-statement-approved");

            browser.resize(Browser.PHONE);
            browser.driver().navigate().refresh();
            browser.waitFor(By.id("statement-status"));
            browser.screenshot("incentives-statement-phone");
            assertThat(browser.horizontalOverflow()).as("no horizontal scrolling at 375 px").isZero();

            // the manager's overview on a phone: the statement list as cards, its filter, no sideways scrolling
            browser.go("/incentives");
            browser.waitForTextContaining(By.id("statement-count"), "1");
            browser.screenshot("incentives-overview-phone");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('statement-list').scrollIntoView()");
            browser.screenshot("incentives-overview-statements-phone");
            assertThat(browser.horizontalOverflow()).as("the overview at 375 px").isZero();
            browser.go("/incentives/sanctions");
            browser.waitFor(By.id("sanction-count"));
            browser.screenshot("incentives-sanctions-phone");
            assertThat(browser.horizontalOverflow()).as("the sanctions at 375 px").isZero();

            // the channel sees its approved statement, on a phone
            browser.driver().manage().deleteAllCookies();
            browser.signIn(channelUser, TestUsers.PASSWORD);
            browser.go("/incentives/own");
            browser.waitFor(By.cssSelector("#own-statements a")).click();
            browser.waitForText(By.id("statement-status"), "已批准");
            assertThat(browser.text(By.id("lines"))).contains("GREEN-CHANNEL");
            assertThat(browser.driver().findElements(By.id("adjust-form"))).isEmpty();
            browser.screenshot("incentives-own-statement-phone");
            assertThat(browser.horizontalOverflow()).as("the channel view at 375 px").isZero();
        }
    }

    /** Calls the API as the user and returns the body; fails on anything but 2xx. */
    private String api(String user, String method, String path, String json) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response.body();
    }
}
