package org.meridian.shared.web;

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
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.MonthEvents;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The workbench in a real browser, on a desktop and at 375 px, for the channel office and a channel's own user.
 *
 * <p>Scheme: REFERRAL_VOLUME 10 (LINEAR 0→10), tiers A ≥ 85, B ≥ 70. November 2026: J1 8 referrals → 80 (B);
 * December 2026: J1 10 → 100 (A, rank 1 of 2), J2 4 → 40 (unrated). So J1's user sees 100, rank 1 of 2, tier A, and
 * +20 against November. October is run and left as a draft: the office's inbox lists it.
 */
@MeridianWebTest
class WorkbenchJourneyTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    @Test
    void theOfficeAndAChannelUserOnDesktopAndPhone() throws Exception {
        String code = "WB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "工作台医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        long j1 = 0;
        for (String c : List.of("J1", "J2")) {
            String body = send(office, "POST", "/api/v1/channels", "{\"code\": \"" + c + "\", \"name\": \"体检中心 " + c
                    + "\", \"type\": \"EXAM_CENTER\"}");
            if (c.equals("J1")) {
                j1 = ((Number) JsonPath.read(body, "$.id")).longValue();
            }
        }
        send(office, "PUT", "/api/v1/schemes/EXAM_CENTER", """
                {"indicators": [{"code": "REFERRAL_VOLUME", "weight": 10, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}}],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}]}""");
        List<String> events = new ArrayList<>();
        MonthEvents.add(events, "J1", "2025-12", 5, 3);
        MonthEvents.add(events, "J1", "2026-10", 6, 4);
        MonthEvents.add(events, "J1", "2026-11", 8, 6);
        MonthEvents.add(events, "J1", "2026-12", 10, 7);
        MonthEvents.add(events, "J2", "2026-12", 4, 2);
        send(office, "POST", "/api/v1/events", "[" + String.join(",", events) + "]");
        for (String period : List.of("2026-11", "2026-12")) {
            long id = ((Number) JsonPath.read(send(office, "POST", "/api/v1/evaluations",
                    "{\"period\": \"" + period + "\", \"unitType\": \"EXAM_CENTER\"}"), "$.id")).longValue();
            send(office, "POST", "/api/v1/evaluations/" + id + "/publish", "");
        }
        send(office, "POST", "/api/v1/evaluations", "{\"period\": \"2026-10\", \"unitType\": \"EXAM_CENTER\"}");
        String channelUser = users.create(h.id(), Role.CHANNEL_USER, j1);

        try (Browser browser = Browser.open(port)) {
            browser.signIn(office, TestUsers.PASSWORD);
            browser.waitFor(By.id("inbox"));
            assertThat(browser.text(By.id("inbox"))).contains("考核草稿待发布", "2026-10 体检中心 第 1 版");
            // December 2026: 10 + 4 = 14 referrals; November 8: (14 − 8) / 8 = +75.0 %; December 2025 5: +180.0 %
            assertThat(browser.text(By.id("figure-intake-home-referrals"))).contains("14", "环比 +75.0 %",
                    "同比 +180.0 %");
            // the latest published evaluation is December's (October is a draft): J1 first with 100, J2 last with 40
            assertThat(browser.text(By.id("top-channels"))).contains("第 1 名 · J1 体检中心 J1", "总分 100.00",
                    "2026-12 · 体检中心 · 第 1 版");
            assertThat(browser.text(By.id("bottom-channels"))).contains("第 2 名 · J2 体检中心 J2", "总分 40.00");
            assertThat(browser.driver().findElement(By.cssSelector("#top-channels li a")).getDomAttribute("href"))
                    .as("the channel's scorecard").endsWith("/channels/J1");
            browser.waitFor(By.cssSelector("#intake-months canvas"));
            browser.waitFor(By.cssSelector("#tier-distribution canvas"));
            browser.screenshot("workbench-office-desktop");
            browser.resize(Browser.PHONE).go("/");
            browser.waitFor(By.cssSelector("#intake-months canvas"));
            browser.screenshot("workbench-office-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.resize(Browser.DESKTOP);
            browser.driver().findElement(By.cssSelector(".userbox button.link")).click();
            browser.waitFor(By.id("login-logout"));

            browser.signIn(channelUser, TestUsers.PASSWORD);
            browser.waitFor(By.id("inbox"));
            // a total and its change both with 2 decimals: 100 in December, 100 − 80 = +20 against November
            assertThat(browser.text(By.id("figure-evaluation-home-score"))).contains("100.00", "2026-12",
                    "较上期 +20.00");
            assertThat(browser.text(By.id("figure-evaluation-home-rank"))).contains("第 1 / 2", "较上期 ="); // first in November too (J2 had no data then)
            assertThat(browser.text(By.id("figure-evaluation-home-tier"))).contains("A", "较上期 B");
            assertThat(browser.driver().findElement(By.id("figure-evaluation-home-tier")).getDomAttribute("class"))
                    .as("the tier card in tier A's colour, as the tier badges").contains("tier-A");
            assertThat(browser.driver().getPageSource()).as("not the hospital's totals")
                    .doesNotContain("figure-intake-home-referrals");
            browser.waitFor(By.cssSelector("#own-trend canvas"));
            browser.screenshot("workbench-channel-desktop");
            browser.resize(Browser.PHONE).go("/");
            browser.waitFor(By.cssSelector("#own-trend canvas"));
            browser.screenshot("workbench-channel-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
        }
    }

    private String send(String user, String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
        return response.body();
    }
}
