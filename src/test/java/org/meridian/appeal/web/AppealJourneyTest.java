package org.meridian.appeal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The issue's journey in a real browser: a channel user files an appeal with an attachment on a published
 * evaluation; the office takes it under review and upholds it with corrections; a new evaluation version results
 * with the corrected value, while the published version still reads the same; then the office opens a
 * rectification plan and sees its overdue action on the home page. Desktop and phone.
 */
@MeridianWebTest
class AppealJourneyTest {

    @LocalServerPort
    int port;

    @Autowired TestUsers users;
    @Autowired Clock clock;
    @Autowired Hospitals hospitals;

    @Test
    void fileUpholdAndANewVersionThenAPlanWithAnOverdueAction() throws Exception {
        String code = "AJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "申诉旅程医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        long[] ids = new long[3];
        String[] channels = {"J1", "J2", "J3"};
        for (int i = 0; i < 3; i++) {
            String answer = call(office, "POST", "/api/v1/channels", "{\"code\": \"" + channels[i]
                    + "\", \"name\": \"体检中心 " + channels[i] + "\", \"type\": \"EXAM_CENTER\"}");
            ids[i] = ((Number) JsonPath.read(answer, "$.id")).longValue();
        }
        String partner = users.create(h.id(), Role.CHANNEL_USER, ids[0]);
        call(office, "PUT", "/api/v1/schemes/EXAM_CENTER", """
                {"indicators": [
                   {"code": "REFERRAL_VOLUME", "weight": 20, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}},
                   {"code": "ARRIVAL_RATE", "weight": 10, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}}
                 ],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""");
        // J1: 5 referrals, 4 arrivals (80 %); J2: 2 referrals, 1 arrival (tier D); J3: 10 and 9
        int[][] counts = {{5, 4}, {2, 1}, {10, 9}};
        List<String> events = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < counts[c][0]; i++) {
                events.add(event(code + channels[c] + "r" + i, "REFERRAL", channels[c], "2026-09-10T10:00:00+08:00",
                        ", \"referralId\": \"" + code + channels[c] + "R" + i + "\""));
            }
            for (int i = 0; i < counts[c][1]; i++) {
                events.add(event(code + channels[c] + "a" + i, "ARRIVED", channels[c], "2026-09-12T15:00:00+08:00", ""));
            }
        }
        call(office, "POST", "/api/v1/events", "[" + String.join(",", events) + "]");
        long v1 = ((Number) JsonPath.read(call(office, "POST", "/api/v1/evaluations",
                "{\"period\": \"2026-09\", \"unitType\": \"EXAM_CENTER\"}"), "$.id")).longValue();
        call(office, "POST", "/api/v1/evaluations/" + v1 + "/publish", "");

        Path slip = Files.createTempFile("到诊登记", ".pdf");
        Files.write(slip, "%PDF-1.4\n% 到诊登记表\n%%EOF\n".getBytes(StandardCharsets.UTF_8));

        try (Browser browser = Browser.open(port)) {
            // the channel user files an appeal on its own scorecard, with a file
            browser.signIn(partner, TestUsers.PASSWORD);
            browser.waitFor(By.id("hospital-name"));
            browser.go("/appeals");
            assertThat(browser.text(By.id("own-channel"))).isEqualTo("J1");
            browser.waitFor(By.id("choose-submit")).click();
            browser.waitFor(By.id("appeal-form"));
            assertThat(browser.text(By.id("deadline"))).contains("申诉截止时间");
            browser.waitFor(By.id("appeal-submit")).click(); // nothing chosen: told beside the fields
            browser.waitForTextContaining(By.cssSelector("#appeal-form .field.invalid"), "必填");
            new Select(browser.waitFor(By.id("indicator"))).selectByValue("ARRIVAL_RATE");
            browser.field("statement").sendKeys("9 月 12 日有一位患者到诊后漏登记，附到诊登记表。");
            browser.driver().findElement(By.id("file")).sendKeys(slip.toAbsolutePath().toString());
            browser.screenshot("appeal-file-desktop");
            browser.waitFor(By.id("appeal-submit")).click();
            browser.waitForText(By.id("status"), "已提交");
            assertThat(browser.text(By.id("contested"))).isEqualTo("值 80.0 · 得分 80"); // a rate in %: one decimal
            assertThat(browser.text(By.id("attachments"))).contains(slip.getFileName().toString());
            String appealPath = new URI(browser.driver().getCurrentUrl()).getPath();
            browser.screenshot("appeal-submitted-desktop");
            browser.resize(Browser.PHONE);
            browser.screenshot("appeal-submitted-phone");
            assertThat(browser.horizontalOverflow()).isZero();
            browser.go("/appeals");
            browser.waitFor(By.id("appeals"));
            browser.screenshot("appeal-list-phone");
            assertThat(browser.horizontalOverflow()).isZero();
            browser.resize(Browser.DESKTOP);

            // the office reviews and upholds it with corrections
            browser.driver().manage().deleteAllCookies();
            browser.signIn(office, TestUsers.PASSWORD);
            browser.waitFor(By.id("hospital-name"));
            browser.go(appealPath);
            browser.waitFor(By.id("review-submit")).click();
            browser.waitForText(By.id("status"), "审核中");
            browser.waitFor(By.id("decision-submit")).click(); // no reason, no corrections
            browser.waitForTextContaining(By.id("corrections-error"), "至少需要一项数据更正");
            assertThat(browser.text(By.id("status"))).isEqualTo("审核中");
            browser.field("reason").sendKeys("与 HIS 到诊记录核对无误：一例登记日期错误，两例漏登记。");
            // the event to void is picked from J1's events of the period; the two missed arrivals are typed as rows
            browser.waitFor(By.id("void-" + code + "J1a3")).click();
            browser.field("voidReason").sendKeys("登记日期错误");
            for (int row = 0; row < 2; row++) {
                new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("row-type-" + row))).selectByValue("ARRIVED");
                ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                        "document.getElementById(arguments[0]).value = arguments[1]", "row-time-" + row,
                        "2026-09-1" + (3 + row) + "T09:00");
            }
            browser.screenshot("appeal-decision-desktop");
            browser.resize(Browser.PHONE);
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('void-picker').scrollIntoView()");
            browser.screenshot("appeal-decision-phone");
            assertThat(browser.horizontalOverflow()).as("the decision form at 375 px").isZero();
            browser.resize(Browser.DESKTOP);
            browser.waitFor(By.id("decision-submit")).click();
            browser.waitForText(By.id("status"), "申诉成立");
            assertThat(browser.text(By.id("corrected-value"))).isEqualTo("值 100.0 · 得分 100");
            String appealId = appealPath.substring(appealPath.lastIndexOf('/') + 1);
            assertThat(browser.text(By.id("corrections"))).contains(code + "J1a3", "APPEAL-" + appealId + "-1",
                    "APPEAL-" + appealId + "-2");
            browser.screenshot("appeal-upheld-desktop");

            // the new version holds the corrected value; the published one still reads the same
            browser.waitFor(By.id("new-version-link")).click();
            browser.waitForTextContaining(By.cssSelector("#line-ARRIVAL_RATE td:nth-child(2)"), "100");
            String v2Path = new URI(browser.driver().getCurrentUrl()).getPath();
            assertThat(v2Path).isNotEqualTo("/evaluations/" + v1 + "/channels/J1");
            browser.screenshot("appeal-new-version-desktop");
            browser.go("/evaluations/" + v1 + "/channels/J1");
            // rates are shown with one decimal, so the 80 % of version 1 reads "80.0 %" (the value itself; its
            // Wilson interval and small-sample mark stand beside it in the same cell)
            browser.waitForText(By.cssSelector("#line-ARRIVAL_RATE .line-figure"), "80.0 %");

            // a rectification plan for the channel in the lowest tier, with an action already overdue
            browser.go("/rectification?evaluation=" + v1);
            browser.waitFor(By.id("open-J2")).click();
            browser.waitForText(By.id("plan-status"), "已开立");
            assertThat(browser.text(By.id("grounds"))).startsWith("最低等级 D。");
            browser.field("description").sendKeys("每周核对转诊与到诊登记");
            browser.field("owner").sendKeys("J2 联络员");
            browser.field("dueDate").sendKeys(LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).minusDays(3).toString());
            browser.waitFor(By.id("action-submit")).click();
            browser.waitForTextContaining(By.id("actions"), "逾期");
            browser.screenshot("plan-desktop");
            browser.go("/");
            browser.waitForTextContaining(By.id("overdue-actions"), "J2 体检中心 J2 · 每周核对转诊与到诊登记");
            assertThat(browser.text(By.id("overdue-actions"))).contains("逾期 3 天");
            browser.screenshot("home-overdue-desktop");
            browser.resize(Browser.PHONE);
            browser.screenshot("home-overdue-phone");
            assertThat(browser.horizontalOverflow()).isZero();
            browser.go(appealPath);
            browser.waitFor(By.id("status"));
            browser.screenshot("appeal-upheld-phone");
            assertThat(browser.horizontalOverflow()).isZero();
            browser.go("/rectification");
            browser.waitFor(By.id("plans"));
            browser.screenshot("rectification-phone");
            assertThat(browser.horizontalOverflow()).isZero();
        }
    }

    private static String event(String id, String type, String channel, String at, String more) {
        return "{\"eventId\": \"" + id + "\", \"type\": \"" + type + "\", \"channel\": \"" + channel
                + "\", \"occurredAt\": \"" + at + "\"" + more + "}";
    }

    private String call(String user, String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isBetween(200, 201);
        return answer.body();
    }
}
