package org.meridian.insight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.MonthEvents;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13 point 4 in a real browser and through the read API: a published evaluation's ranking page links to its
 * alternative rankings, which show TOPSIS and RSR ranks beside the weighted-sum rank, Spearman's ρ and the channels
 * whose rank differs most, on desktop and on a 375 px phone.
 *
 * <p>Scheme: REFERRAL_VOLUME weight 10 (LINEAR 0→10), ARRIVAL_RATE weight 10 (LINEAR 50→100). September: P1 10
 * referrals, 5 arrivals (rate 50 %) → 100 and 0 → 50, rank 3; P2 4 and 4 (100 %) → 40 and 100 → 70, rank 1; P3 2 and 2
 * → 20 and 100 → 60, rank 2.
 *
 * <p>TOPSIS by hand (weights 0.5 each): volume norm √(100+16+4) = √120 → v = 0.5·(10, 4, 2)/√120 = (0.456435,
 * 0.182574, 0.091287); rate norm √(2500+10000+10000) = 150 → v = 0.5·(50, 100, 100)/150 = (1/6, 1/3, 1/3). Ideal
 * (0.456435, 1/3), anti-ideal (0.091287, 1/6). P1: D⁺ = 1/6, D⁻ = 0.365148, C = 0.365148/0.531815 = 0.686607; P2: D⁺ =
 * 0.273861, D⁻ = √(0.091287² + (1/6)²) = 0.190029, C = 0.190029/0.463890 = 0.409642; P3: D⁺ = 0.365148, D⁻ = 1/6, C =
 * 0.313393. TOPSIS ranks P1 1, P2 2, P3 3.
 *
 * <p>RSR by hand: volume ranks (larger better) P3 1, P2 2, P1 3; rate P1 1, P2 and P3 tied at 2.5; RSR = Σ 0.5·R / 3:
 * P1 (1.5 + 0.5)/3 = 0.666667, P2 (1 + 1.25)/3 = 0.75, P3 (0.5 + 1.25)/3 = 0.583333. RSR ranks P2 1, P1 2, P3 3.
 *
 * <p>Spearman against the weighted sum (P1 3, P2 1, P3 2): TOPSIS (1, 2, 3) d = 2, −1, −1, Σd² = 6, ρ = 1 − 36/24 =
 * −0.5; RSR (2, 1, 3) d = 1, 0, −1, Σd² = 2, ρ = 1 − 12/24 = 0.5. P1 moves most (3 → 1).
 */
@MeridianWebTest
class AlternativeRankingsJourneyTest {

    @LocalServerPort
    int port;

    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JsonMapper json;

    @Test
    void publishedEvaluationShowsAlternativeRankingsOnDesktopAndPhoneAndThroughTheApi() throws Exception {
        String code = "AR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "多方法比较医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        String analyst = users.create(h.id(), Role.ANALYST, null);
        for (String c : List.of("P1", "P2", "P3")) {
            assertThat(call(office, "POST", "/api/v1/channels", "{\"code\": \"" + c + "\", \"name\": \"社区中心 " + c
                    + "\", \"type\": \"COMMUNITY_HEALTH\", \"region\": \"杭州市/西湖区\"}").statusCode()).isEqualTo(201);
        }
        String channelUser = users.create(h.id(), Role.CHANNEL_USER, null);
        assertThat(call(office, "PUT", "/api/v1/schemes/COMMUNITY_HEALTH", """
                {"indicators": [
                   {"code": "REFERRAL_VOLUME", "weight": 10, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}},
                   {"code": "ARRIVAL_RATE", "weight": 10, "scoring": {"method": "LINEAR", "zero": 50, "full": 100}}],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""")
                .statusCode()).isEqualTo(200);
        List<String> events = new ArrayList<>();
        MonthEvents.add(events, "P1", "2026-09", 10, 5);
        MonthEvents.add(events, "P2", "2026-09", 4, 4);
        MonthEvents.add(events, "P3", "2026-09", 2, 2);
        MonthEvents.add(events, "P1", "2026-08", 8, 8);
        assertThat(call(office, "POST", "/api/v1/events", "[" + String.join(",", events) + "]").statusCode())
                .isEqualTo(200);
        long september = id(call(office, "POST", "/api/v1/evaluations",
                "{\"period\": \"2026-09\", \"unitType\": \"COMMUNITY_HEALTH\"}"));
        long august = id(call(office, "POST", "/api/v1/evaluations",
                "{\"period\": \"2026-08\", \"unitType\": \"COMMUNITY_HEALTH\"}"));

        // a draft cannot be compared yet: 409 with a sentence, not a 500
        HttpResponse<String> draft = call(analyst, "GET", "/api/v1/evaluations/" + september + "/alternative-rankings", null);
        assertThat(draft.statusCode()).isEqualTo(409);
        assertThat(draft.body()).contains("尚未发布");
        assertThat(call(office, "POST", "/api/v1/evaluations/" + september + "/publish", "").statusCode()).isEqualTo(200);

        HttpResponse<String> read = call(analyst, "GET", "/api/v1/evaluations/" + september + "/alternative-rankings", null);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(read.body());
        JsonNode rows = body.get("rows");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("channel").asString()).isEqualTo("P2");
        assertThat(rows.get(0).get("weightedRank").asInt()).isEqualTo(1);
        assertThat(rows.get(0).get("topsisCloseness").asDouble()).isCloseTo(0.409642, within(1e-6));
        assertThat(rows.get(0).get("rsr").asDouble()).isCloseTo(0.75, within(1e-9));
        assertThat(rows.get(2).get("channel").asString()).isEqualTo("P1");
        assertThat(rows.get(2).get("topsisCloseness").asDouble()).isCloseTo(0.686607, within(1e-6));
        assertThat(rows.get(2).get("topsisRank").asInt()).isEqualTo(1);
        assertThat(rows.get(2).get("rsrRank").asInt()).isEqualTo(2);
        assertThat(rows.get(1).get("topsisCloseness").asDouble()).isCloseTo(0.313393, within(1e-6));
        assertThat(body.get("topsisRho").asDouble()).isCloseTo(-0.5, within(1e-12));
        assertThat(body.get("rsrRho").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(body.get("differMost").get(0).get("channel").asString()).isEqualTo("P1");

        assertThat(call(analyst, "GET", "/api/v1/evaluations/" + (september + 100_000) + "/alternative-rankings",
                null).statusCode()).as("an unknown evaluation").isEqualTo(404);
        assertThat(call(channelUser, "GET", "/api/v1/evaluations/" + september + "/alternative-rankings",
                null).statusCode()).as("a channel's own user may not see every channel's ranks").isEqualTo(403);

        try (Browser browser = Browser.open(port)) {
            browser.signIn(analyst, TestUsers.PASSWORD);
            browser.waitFor(By.id("hospital-name"));
            browser.go("/evaluations/" + august);
            browser.waitFor(By.id("ranking-table"));
            assertThat(browser.driver().findElements(By.id("alternatives-link")))
                    .as("a draft has no alternative rankings to link to").isEmpty();

            browser.go("/evaluations/" + september);
            browser.waitFor(By.id("alternatives-link")).click();
            browser.waitForText(By.id("alternatives-title"), "2026-09 社区卫生服务中心/站：多方法比较");
            assertThat(browser.text(By.cssSelector("#rho-topsis .figure-value"))).isEqualTo("−0.50");
            assertThat(browser.text(By.cssSelector("#rho-rsr .figure-value"))).isEqualTo("0.50");
            assertThat(browser.text(By.id("most-P1")))
                    .isEqualTo("P1 社区中心 P1：加权总分第 3 名，TOPSIS 第 1 名，RSR 第 2 名");
            assertThat(browser.text(By.id("alt-P1"))).contains("50.00", "0.687", "1 (↑ 2)", "0.667", "2 (↑ 1)");
            assertThat(browser.text(By.id("alt-P2"))).contains("70.00", "0.410", "2 (↓ 1)", "0.750", "1 (=)");
            assertThat(browser.text(By.id("criterion-ARRIVAL_RATE"))).contains("到诊率", "50.0%", "越高越好");
            browser.screenshot("alternatives-desktop");
            browser.resize(Browser.PHONE);
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('alternatives-table').scrollIntoView()");
            browser.screenshot("alternatives-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            assertThat(display(browser, "#alt-P1")).as("each channel is a card on a phone").isEqualTo("grid");
            browser.resize(Browser.DESKTOP);
            assertThat(display(browser, "#alt-P1")).isEqualTo("table-row");

            browser.go("/evaluations/" + august + "/alternatives");
            assertThat(browser.driver().getPageSource()).contains("尚未发布");
        }
    }

    private static String display(Browser browser, String selector) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "return getComputedStyle(document.querySelector(arguments[0])).display;", selector);
    }

    private long id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("id").asLong();
    }

    private HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .header("Accept-Language", "zh-CN")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
