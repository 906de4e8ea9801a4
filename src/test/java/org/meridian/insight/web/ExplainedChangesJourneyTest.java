package org.meridian.insight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.meridian.insight.change.ChannelTotalChangesTest;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.MonthEvents;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Explained changes in a real browser, desktop and 375 px. Twelve channels J01–J12: in 2026-11 each has 5 referrals;
 * in 2026-12 channel Jk has 5 + k (J01 6 … J12 17), so the hospital went from 60 to 138, +78 (+130.0 %), and J12
 * contributed most (+12, 12/78 = 15.4 %). Twelve contributors: two pages of 10. No data in 2025-12: no comparison.
 * Both months are evaluated and published with the two-indicator scheme of {@code ChannelTotalChangesTest}.
 */
@MeridianWebTest
class ExplainedChangesJourneyTest {

    @LocalServerPort
    int port;

    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    @Test
    void theAnalystReadsWhyTheMonthChangedOnDesktopAndPhone() throws Exception {
        String code = "XJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "解读医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        List<String> events = new ArrayList<>();
        for (int k = 1; k <= 12; k++) {
            String c = String.format("J%02d", k);
            assertThat(call(office, "POST", "/api/v1/channels", "{\"code\": \"" + c + "\", \"name\": \"社区中心" + k
                    + "\", \"type\": \"COMMUNITY_HEALTH\", \"status\": \"ACTIVE\"}").statusCode()).isEqualTo(201);
            MonthEvents.add(events, c, "2026-11", 5, 0);
            MonthEvents.add(events, c, "2026-12", 5 + k, 0);
        }
        HttpResponse<String> sent = call(office, "POST", "/api/v1/events", "[" + String.join(",", events) + "]");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(call(office, "PUT", "/api/v1/schemes/COMMUNITY_HEALTH", ChannelTotalChangesTest.SCHEME).statusCode())
                .isEqualTo(200);
        for (String month : List.of("2026-11", "2026-12")) {
            HttpResponse<String> run = call(office, "POST", "/api/v1/evaluations",
                    "{\"period\": \"" + month + "\", \"unitType\": \"COMMUNITY_HEALTH\"}");
            assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
            Object id = JsonPath.read(run.body(), "$.id");
            assertThat(call(office, "POST", "/api/v1/evaluations/" + id + "/publish", "").statusCode()).isEqualTo(200);
        }

        try (Browser browser = Browser.open(port)) {
            browser.signIn(office, TestUsers.PASSWORD);
            browser.waitFor(By.id("why-changed"));
            assertThat(browser.text(By.id("why-changed"))).contains("2026 年 12 月转诊量为 138 例，比上月增加 78 例（+130.0%）。");

            browser.go("/insight/changes");
            assertThat(browser.activeNav()).isEqualTo("变动解读");
            assertThat(browser.waitFor(By.id("change-month")).getDomProperty("value")).isEqualTo("2026-12");
            assertThat(browser.text(By.id("change-REFERRALS-MONTH_BEFORE")))
                    .contains("比上月增加 78 例（+130.0%）", "变动最大的是社区中心12（+12 例，占总变动的 15.4%）");
            assertThat(browser.text(By.id("change-REFERRALS-YEAR_BEFORE"))).contains("去年同月没有数据，无法比较")
                    .doesNotContain("增加");
            assertThat(browser.text(By.id("contributor-count"))).contains("12");
            assertThat(browser.text(By.cssSelector("#contributors-table tbody tr"))).contains("J12", "+12 例", "+15.4%");
            browser.screenshot("changes-desktop");
            browser.waitFor(By.id("page-next")).click();
            browser.waitForTextContaining(By.id("contributors-table"), "J01");
            assertThat(browser.text(By.id("contributors-table"))).contains("J02").doesNotContain("J12");

            browser.go("/insight/changes?month=2026-11");
            browser.waitForText(By.id("change-month-title"), "2026 年 11 月");
            assertThat(browser.text(By.id("change-REFERRALS-MONTH_BEFORE"))).contains("2026 年 11 月转诊量为 60 例；上月没有数据，无法比较。");

            browser.resize(Browser.PHONE);
            browser.go("/insight/changes?month=2026-12");
            browser.waitFor(By.id("contributors-table"));
            browser.screenshot("changes-phone");
            scrollTo(browser, "contributors");
            browser.screenshot("changes-contributors-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            assertThat(browser.display("#contributor-J12")).as("each channel is a card on a phone").isEqualTo("grid");
            browser.go("/");
            browser.waitFor(By.id("why-changed"));
            assertThat(browser.horizontalOverflow()).isZero();
            scrollTo(browser, "why-changed");
            browser.screenshot("changes-home-phone");

            // J12's total: 20·25/30 = 16.67 in November (arrival rate 0 scores 0), 20·85/30 = 56.67 in December;
            // all of the +40 from the referral volume
            browser.go("/insight/changes?month=2026-12&measure=AVERAGE_TOTAL&channel=J12");
            assertThat(browser.waitFor(By.id("total-MONTH_BEFORE")).getText())
                    .contains("社区中心12的总分为 56.67 分，比上月提高 40 分。", "变动最大的指标是转诊量（+40 分）。");
            scrollTo(browser, "indicators");
            browser.screenshot("changes-total-phone");
            assertThat(browser.horizontalOverflow()).isZero();
            browser.resize(Browser.DESKTOP);
            browser.go("/insight/changes?month=2026-12&measure=AVERAGE_TOTAL&channel=J12");
            browser.waitFor(By.id("total-MONTH_BEFORE"));
            scrollTo(browser, "indicators");
            browser.screenshot("changes-total-desktop");
        }
    }

    private static void scrollTo(Browser browser, String id) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
    }

    private HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .header("Accept-Language", "zh-CN")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
