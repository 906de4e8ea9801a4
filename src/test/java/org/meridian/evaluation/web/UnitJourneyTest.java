package org.meridian.evaluation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Base64;
import java.util.UUID;

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
 * A department from registration to its feedback, in the browser (docs/units.md, docs/feedback.md): the office
 * registers 心内科 and 骨科, imports their December statistics from a CSV file with one bad row, runs and publishes the
 * month's evaluation, reads 心内科's scorecard and its feedback report, on a desktop and on a phone. Measures,
 * indicators and the scheme are set through the API beforehand (the catalogue is not the journey).
 * <pre>
 * scheme: MORT = 1000 × deaths / discharges (QUALITY, weight 2, LINEAR 20 → 0), SAT = satisfaction (SATISFACTION,
 *         weight 1, LINEAR 60 → 100), AW = awareness (BRAND, weight 1, LINEAR 0 → 100); tiers A 85, B 70, C 55
 * CARD: MORT 1000 × 2 / 200 = 10 → (20 − 10) / 20 × 100 = 50; SAT 90 → (90 − 60) / 40 × 100 = 75; AW 80 → 80
 *       total (2 × 50 + 75 + 80) / 4 = 63.75 (C); performance (2 × 50 + 75) / 3 = 58.33; brand 80
 * ORTH: MORT 1000 × 1 / 250 = 4 → 80; SAT 84 → 60; AW 40 → 40
 *       total (160 + 60 + 40) / 4 = 65 (C); performance (160 + 60) / 3 = 73.33; brand 40
 * ranks: ORTH 1, CARD 2. matrix: performance (58.33 + 73.33) / 2 = 65.83, brand (80 + 40) / 2 = 60
 *       → CARD (58.33, 80) 品牌高、绩效低 (BRAND_AT_RISK), whose default quadrant rule is its first suggestion
 * </pre>
 */
@MeridianWebTest
class UnitJourneyTest {

    @LocalServerPort
    int port;

    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    @Test
    void theOfficeRegistersDepartmentsImportsTheirStatisticsEvaluatesAndReadsTheirFeedback() throws Exception {
        String code = "UJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "科室全程医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        for (String[] m : new String[][] {{"discharges", "出院人次", "SUM"}, {"deaths", "死亡人数", "SUM"},
                {"satisfaction", "患者满意度", "AVERAGE"}, {"awareness", "品牌知晓率", "LAST"}}) {
            send(office, "POST", "/api/v1/measures", "{\"code\": \"" + m[0] + "\", \"nameZh\": \"" + m[1]
                    + "\", \"unit\": \"个\", \"aggregation\": \"" + m[2] + "\"}");
        }
        indicator(office, "MORT", "住院死亡率", "QUALITY", "LOWER_IS_BETTER", "1000 * deaths / discharges");
        indicator(office, "SAT", "患者满意度", "SATISFACTION", "HIGHER_IS_BETTER", "satisfaction");
        indicator(office, "AW", "品牌知晓率", "BRAND", "HIGHER_IS_BETTER", "awareness");
        send(office, "PUT", "/api/v1/schemes/CLINICAL", """
                {"indicators": [
                   {"code": "MORT", "weight": 2, "scoring": {"method": "LINEAR", "zero": 20, "full": 0}},
                   {"code": "SAT", "weight": 1, "scoring": {"method": "LINEAR", "zero": 60, "full": 100}},
                   {"code": "AW", "weight": 1, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}}],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""");
        Path csv = Files.createTempFile("statistics", ".csv");
        Files.writeString(csv, """
                unit,month,measure,value
                CARD,2026-12,discharges,200
                CARD,2026-12,deaths,2
                CARD,2026-12,satisfaction,90
                CARD,2026-12,awareness,80
                ORTH,2026-12,discharges,250
                ORTH,2026-12,deaths,1
                ORTH,2026-12,satisfaction,84
                NOPE,2026-12,discharges,10
                ORTH,2026-12,awareness,40
                """, StandardCharsets.UTF_8);

        try (Browser browser = Browser.open(port)) {
            browser.signIn(office, TestUsers.PASSWORD);
            register(browser, "CARD", "心内科", "王主任", "40");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/units/CARD");
            browser.screenshot("unit-journey-registered");
            register(browser, "ORTH", "骨科", "李主任", "50");

            // the December statistics: 8 rows kept, the row of an unknown department named with its reason
            browser.go("/units/statistics");
            browser.waitFor(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
            browser.driver().findElement(By.id("upload-statistics")).click();
            assertThat(browser.text(By.id("report-counts"))).isEqualTo("接收 8 行（其中更正 0 行），重复 0 行，拒绝 1 行");
            assertThat(browser.text(By.id("rejected-table"))).contains("8", "NOPE");
            browser.screenshot("unit-journey-statistics");

            // run the month's evaluation and publish it
            browser.go("/evaluations");
            browser.field("period").sendKeys("2026-12");
            new Select(browser.waitFor(By.id("unitType"))).selectByValue("CLINICAL");
            browser.driver().findElement(By.id("run-submit")).click();
            browser.waitFor(By.id("publish")).click();
            // publishing shows its consequences first and asks for confirmation
            browser.waitFor(By.id("confirm-publish")).click();
            browser.waitForText(By.id("evaluation-status"), "已发布");
            String ranking = browser.driver().getCurrentUrl();
            assertThat(browser.driver().findElements(By.cssSelector("#ranking-table tbody tr")).stream()
                    .map(r -> r.getAttribute("id")).toList()).containsExactly("row-ORTH", "row-CARD");
            assertThat(browser.text(By.cssSelector("#row-CARD .ranking-performance"))).isEqualTo("58.33");
            String id = ranking.substring(ranking.lastIndexOf('/') + 1);

            browser.go("/evaluations/" + id + "/channels/CARD");
            assertThat(browser.text(By.id("card-total"))).contains("63.75");
            assertThat(browser.text(By.id("card-performance"))).isEqualTo("58.33");
            assertThat(browser.text(By.id("card-brand"))).isEqualTo("80.00");
            browser.screenshot("unit-journey-scorecard");

            // its feedback report, made on publication
            browser.go("/feedback/evaluations/" + id);
            browser.driver().findElement(By.cssSelector("#row-CARD a")).click();
            browser.waitFor(By.id("report-total"));
            assertThat(browser.text(By.id("channel-name"))).isEqualTo("心内科");
            assertThat(browser.text(By.id("report-total"))).isEqualTo("63.75");
            assertThat(browser.text(By.id("report-rank"))).isEqualTo("2 / 2");
            assertThat(browser.text(By.id("report-performance"))).isEqualTo("58.33");
            assertThat(browser.text(By.id("report-brand"))).isEqualTo("80.00");
            assertThat(browser.text(By.id("report-quadrant"))).isEqualTo("品牌高、绩效低");
            assertThat(browser.text(By.id("report-dimension-QUALITY"))).contains("医疗质量", "50.00");
            assertThat(browser.text(By.cssSelector("#suggestions li"))).startsWith("品牌高、绩效低：声誉高于当前表现");
            String report = browser.driver().getCurrentUrl();
            browser.screenshot("unit-journey-feedback-desktop");

            browser.go("/feedback/rules");
            assertThat(browser.text(By.id("quadrant-rules"))).contains("象限建议规则", "品牌高、绩效低");
            browser.screenshot("unit-journey-rules-desktop");

            browser.resize(Browser.PHONE);
            browser.driver().get(report);
            browser.waitFor(By.id("report-total"));
            assertThat(browser.text(By.id("report-quadrant"))).isEqualTo("品牌高、绩效低");
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("unit-journey-feedback-phone");
            browser.go("/feedback/rules");
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("unit-journey-rules-phone");
            browser.go("/units/CARD");
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("unit-journey-unit-phone");
        }
    }

    private static void register(Browser browser, String code, String name, String head, String beds) {
        browser.go("/units/new");
        browser.field("code").sendKeys(code);
        browser.field("name").sendKeys(name);
        new Select(browser.waitFor(By.id("type"))).selectByValue("CLINICAL");
        browser.field("head").sendKeys(head);
        browser.field("openBeds").sendKeys(beds);
        browser.driver().findElement(By.id("save-unit")).click();
        browser.waitFor(By.cssSelector("h1"));
    }

    private void indicator(String user, String code, String nameZh, String dimension, String direction,
                           String formula) throws Exception {
        send(user, "POST", "/api/v1/indicators", """
                {"code": "%s", "nameZh": "%s", "nameEn": "%s", "unitZh": "分", "unitEn": "points",
                 "direction": "%s", "formula": "%s", "dimension": "%s"}"""
                .formatted(code, nameZh, code, direction, formula, dimension));
    }

    private String send(String user, String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":"
                        + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
        return response.body();
    }
}
