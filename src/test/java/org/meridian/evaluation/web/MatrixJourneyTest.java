package org.meridian.evaluation.web;

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
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The office reads the dimension scores on a ranking and a scorecard, opens the performance–brand matrix, sets a
 * threshold (a bad one first) and reads the matrix on a phone. The months are those worked out by hand in
 * {@code MatrixApiTest.Brands}: in September P (80, 75) STAR, Q (40, 100) BRAND_AT_RISK, R (60, 50)
 * UNDER_RECOGNISED, S without brand; thresholds 60 and 75; in August P was BRAND_AT_RISK and Q STAR.
 */
@MeridianWebTest
class MatrixJourneyTest {

    @LocalServerPort
    int port;

    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    @Test
    void theOfficeReadsTheMatrixSetsAThresholdAndReadsItOnAPhone() throws Exception {
        String code = "MJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "矩阵旅程医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        indicator(office, "VOLUME", "转诊规模", "QUALITY", "referrals");
        indicator(office, "SHARE", "到诊口碑", "BRAND", "100 * arrivals / referrals");
        send(office, "PUT", "/api/v1/schemes/REFERRAL_INSTITUTION", """
                {"indicators": [
                   {"code": "VOLUME", "weight": 2, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}},
                   {"code": "SHARE", "weight": 1, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}}],
                 "tiers": [{"tier": "A", "minTotal": 85}]}""");
        String[][] channels = {{"P", "城东医院"}, {"Q", "城西医院"}, {"R", "江南医院"}, {"S", "北山卫生院"}};
        for (String[] c : channels) {
            send(office, "POST", "/api/v1/channels", "{\"code\": \"" + c[0] + "\", \"name\": \"" + c[1]
                    + "\", \"type\": \"REFERRAL_INSTITUTION\"}");
        }
        month(office, "A", "2026-08-12", new int[] {2, 10, 4}, new int[] {2, 9, 1});
        long august = run(office, "2026-08");
        send(office, "POST", "/api/v1/evaluations/" + august + "/publish", "");
        month(office, "S", "2026-09-10", new int[] {8, 4, 6}, new int[] {6, 4, 3});
        long september = run(office, "2026-09");

        try (Browser browser = Browser.open(port)) {
            browser.signIn(office, TestUsers.PASSWORD);
            browser.go("/evaluations/" + september);
            assertThat(browser.text(By.cssSelector("#row-P .ranking-performance"))).isEqualTo("80.00");
            assertThat(browser.text(By.cssSelector("#row-P .ranking-brand"))).isEqualTo("75.00");
            assertThat(browser.text(By.cssSelector("#row-S .ranking-brand"))).isEqualTo("—");
            // sorted by brand, highest first: Q (100), P (75), R (50), S (none)
            browser.driver().findElement(By.id("sort-brand")).click();
            browser.waitForTextContaining(By.id("sort-brand"), "▲");
            browser.driver().findElement(By.id("sort-brand")).click();
            browser.waitForTextContaining(By.id("sort-brand"), "▼");
            assertThat(browser.driver().findElements(By.cssSelector("#ranking-table tbody tr")).stream()
                    .map(r -> r.getAttribute("id")).toList()).containsExactly("row-Q", "row-P", "row-R", "row-S");

            browser.go("/evaluations/" + september + "/channels/P");
            assertThat(browser.text(By.id("card-performance"))).isEqualTo("80.00");
            assertThat(browser.text(By.id("card-brand"))).isEqualTo("75.00");
            assertThat(browser.text(By.id("dimension-QUALITY"))).contains("医疗质量", "80.00", "100%");
            assertThat(browser.text(By.id("dimension-BRAND"))).contains("品牌", "75.00");
            assertThat(browser.driver().findElements(By.id("dimension-radar"))).isEmpty(); // two dimensions: a list
            browser.screenshot("matrix-scorecard-dimensions");

            browser.go("/evaluations/" + september);
            browser.driver().findElement(By.id("matrix-link")).click();
            browser.waitFor(By.id("matrix-chart"));
            charts(browser);
            assertThat(browser.text(By.id("threshold-performance"))).isEqualTo("60");
            assertThat(browser.text(By.id("threshold-brand"))).isEqualTo("75");
            assertThat(browser.text(By.cssSelector("#matrix-row-P .quadrant"))).isEqualTo("双高");
            assertThat(browser.text(By.cssSelector("#matrix-row-P .previous-quadrant"))).isEqualTo("品牌高、绩效低");
            assertThat(browser.text(By.cssSelector("#matrix-row-Q .quadrant"))).isEqualTo("品牌高、绩效低");
            assertThat(browser.text(By.cssSelector("#matrix-row-R .quadrant"))).isEqualTo("绩效高、品牌低");
            assertThat(browser.driver().findElements(By.id("matrix-row-S"))).isEmpty();
            assertThat(browser.text(By.id("move-P"))).contains("城东医院", "品牌高、绩效低", "双高");
            assertThat(browser.text(By.id("move-Q"))).contains("城西医院", "双高", "品牌高、绩效低");
            assertThat(browser.driver().findElements(By.id("move-R"))).isEmpty();
            browser.screenshot("matrix-desktop");

            // a bad threshold: both problems shown beside their fields, what was typed kept, nothing saved
            browser.field("performance").sendKeys("abc");
            browser.field("brand").sendKeys("120");
            browser.driver().findElement(By.id("save-thresholds")).click();
            assertThat(browser.text(By.id("performance-error"))).contains("不是数字");
            assertThat(browser.text(By.id("brand-error"))).contains("0 到 100");
            assertThat(browser.driver().findElement(By.id("performance")).getAttribute("value")).isEqualTo("abc");
            assertThat(browser.text(By.id("threshold-performance"))).isEqualTo("60");

            // performance fixed at 30: Q (40, 100) becomes high on both → 双高; brand stays the median 75
            browser.field("performance").sendKeys("30");
            browser.field("brand");
            browser.driver().findElement(By.id("save-thresholds")).click();
            browser.waitFor(By.id("flash"));
            assertThat(browser.text(By.id("threshold-performance"))).isEqualTo("30");
            assertThat(browser.text(By.cssSelector("#threshold-performance + .figure-label"))).contains("医院设定");
            assertThat(browser.text(By.id("threshold-brand"))).isEqualTo("75");
            assertThat(browser.text(By.cssSelector("#matrix-row-Q .quadrant"))).isEqualTo("双高");

            browser.resize(Browser.PHONE);
            browser.go("/evaluations/" + september + "/matrix");
            charts(browser);
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("matrix-phone");
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('matrix-table').scrollIntoView()");
            browser.screenshot("matrix-cards-phone");
            assertThat(browser.horizontalOverflow()).isZero();
        }
    }

    private static void charts(Browser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.documentElement.setAttribute('data-no-animation',''); window.meridianCharts.init(document);");
    }

    private void indicator(String user, String code, String nameZh, String dimension, String formula)
            throws Exception {
        send(user, "POST", "/api/v1/indicators", """
                {"code": "%s", "nameZh": "%s", "nameEn": "%s", "unitZh": "分", "unitEn": "points",
                 "direction": "HIGHER_IS_BETTER", "formula": "%s", "dimension": "%s"}"""
                .formatted(code, nameZh, code, formula, dimension));
    }

    /** Referrals and arrivals of P, Q and R on one day. */
    private void month(String user, String prefix, String day, int[] referrals, int[] arrivals) throws Exception {
        List<String> events = new ArrayList<>();
        String[] codes = {"P", "Q", "R"};
        for (int c = 0; c < codes.length; c++) {
            for (int i = 0; i < referrals[c]; i++) {
                events.add("{\"eventId\": \"" + prefix + codes[c] + "r" + i + "\", \"type\": \"REFERRAL\", \"channel\": \""
                        + codes[c] + "\", \"occurredAt\": \"" + day + "T09:00:00+08:00\", \"referralId\": \"" + prefix
                        + codes[c] + "R" + i + "\"}");
            }
            for (int i = 0; i < arrivals[c]; i++) {
                events.add("{\"eventId\": \"" + prefix + codes[c] + "a" + i + "\", \"type\": \"ARRIVED\", \"channel\": \""
                        + codes[c] + "\", \"occurredAt\": \"" + day + "T15:00:00+08:00\"}");
            }
        }
        send(user, "POST", "/api/v1/events", "[" + String.join(",", events) + "]");
    }

    private long run(String user, String period) throws Exception {
        String body = send(user, "POST", "/api/v1/evaluations",
                "{\"period\": \"" + period + "\", \"unitType\": \"REFERRAL_INSTITUTION\"}");
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private String send(String user, String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":"
                        + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isBetween(200, 201);
        return answer.body();
    }
}
