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
 * The office reads a department evaluation (ranking, a department's scorecard, the matrix) and the completeness of
 * the statistics behind it, on a desktop and on a phone. The quarter is {@code DepartmentEvaluationTest.Wards}'s
 * 2026-Q3 (without its channel's referrals, so REF is left out of the scheme here): four clinical departments,
 * statistics as tabled there.
 * <pre>
 * scheme: MORT (QUALITY, weight 2), BEDS (EFFICIENCY), SAT (SATISFACTION), AW (BRAND), each weight 1
 * CARD: MORT 50, BEDS 80, SAT 80, AW 80 → total (100 + 80 + 80 + 80) / 5 = 68; performance (100 + 80 + 80) / 4 = 65
 * ORTH: MORT 75, BEDS 100, SAT 55, AW 50 → total (150 + 100 + 55 + 50) / 5 = 71; performance 305 / 4 = 76.25
 * RESP: MORT —, BEDS 50, SAT 90, AW 70 → total 210 / 3 = 70; performance (50 + 90) / 2 = 70
 * EYE:  MORT 100, BEDS 40, SAT 50, AW 40 → total (200 + 40 + 50 + 40) / 5 = 66; performance 290 / 4 = 72.5
 * matrix: performance median of 65, 70, 72.5, 76.25 = (70 + 72.5) / 2 = 71.25; brand median of 40, 50, 70, 80
 *         = 60 → CARD (65, 80) 品牌高、绩效低; ORTH (76.25, 50) 绩效高、品牌低; RESP (70, 70) 品牌高、绩效低;
 *         EYE (72.5, 40) 绩效高、品牌低
 * completeness of 2026-07..09, expected awareness, bed_days, deaths, discharges, satisfaction (by code): 4 units
 *         × 3 months × 5 = 60 values, reported CARD 13, ORTH 12, RESP 9, EYE 11 = 45 → 75.0 %
 * </pre>
 */
@MeridianWebTest
class DepartmentJourneyTest {

    @LocalServerPort
    int port;

    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    @Test
    void theOfficeReadsADepartmentScorecardTheMatrixAndTheCompletenessOfItsStatistics() throws Exception {
        String code = "DJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "科室旅程医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        String[][] units = {{"CARD", "心内科"}, {"ORTH", "骨科"}, {"RESP", "呼吸内科"}, {"EYE", "眼科"}};
        for (String[] u : units) {
            send(office, "POST", "/api/v1/units", "{\"code\": \"" + u[0] + "\", \"name\": \"" + u[1]
                    + "\", \"kind\": \"DEPARTMENT\", \"type\": \"CLINICAL\"}");
        }
        String[][] measures = {{"discharges", "出院人次", "SUM"}, {"deaths", "死亡人数", "SUM"},
                {"bed_days", "实际占用床日", "SUM"}, {"satisfaction", "患者满意度", "AVERAGE"},
                {"awareness", "品牌知晓率", "LAST"}};
        for (String[] m : measures) {
            send(office, "POST", "/api/v1/measures", "{\"code\": \"" + m[0] + "\", \"nameZh\": \"" + m[1]
                    + "\", \"unit\": \"个\", \"aggregation\": \"" + m[2] + "\"}");
        }
        indicator(office, "MORT", "住院死亡率", "QUALITY", "LOWER_IS_BETTER", "1000 * deaths / discharges");
        indicator(office, "BEDS", "日均占用床位", "EFFICIENCY", "HIGHER_IS_BETTER", "bed_days / days");
        indicator(office, "SAT", "患者满意度", "SATISFACTION", "HIGHER_IS_BETTER", "satisfaction");
        indicator(office, "AW", "品牌知晓率", "BRAND", "HIGHER_IS_BETTER", "awareness");
        send(office, "PUT", "/api/v1/schemes/CLINICAL", """
                {"indicators": [
                   {"code": "MORT", "weight": 2, "scoring": {"method": "LINEAR", "zero": 20, "full": 0}},
                   {"code": "BEDS", "weight": 1, "scoring": {"method": "LINEAR", "zero": 0, "full": 50}},
                   {"code": "SAT", "weight": 1, "scoring": {"method": "LINEAR", "zero": 60, "full": 100}},
                   {"code": "AW", "weight": 1, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}}],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""");
        List<String> rows = new ArrayList<>();
        monthly(rows, "CARD", "discharges", "100", "100", "200");
        monthly(rows, "CARD", "deaths", "2", "1", "1");
        monthly(rows, "CARD", "bed_days", "1200", "1240", "1240");
        monthly(rows, "CARD", "satisfaction", "90", null, "94");
        monthly(rows, "CARD", "awareness", null, "60", "80");
        monthly(rows, "ORTH", "discharges", "130", "130", "140");
        monthly(rows, "ORTH", "deaths", "1", null, "1");
        monthly(rows, "ORTH", "bed_days", "1500", "1550", "1550");
        monthly(rows, "ORTH", "satisfaction", "80", "84", "82");
        monthly(rows, "ORTH", "awareness", "50", null, null);
        monthly(rows, "RESP", "discharges", "80", "80", "90");
        monthly(rows, "RESP", "bed_days", "700", "800", "800");
        monthly(rows, "RESP", "satisfaction", null, null, "96");
        monthly(rows, "RESP", "awareness", "90", "70", null);
        monthly(rows, "EYE", "discharges", "60", "70", "70");
        monthly(rows, "EYE", "deaths", null, null, "0");
        monthly(rows, "EYE", "bed_days", "600", "620", "620");
        monthly(rows, "EYE", "satisfaction", "70", "80", "90");
        monthly(rows, "EYE", "awareness", null, null, "40");
        send(office, "POST", "/api/v1/statistics", "[" + String.join(",", rows) + "]");
        long q3 = ((Number) JsonPath.read(send(office, "POST", "/api/v1/evaluations",
                "{\"period\": \"2026-Q3\", \"unitType\": \"CLINICAL\"}"), "$.id")).longValue();

        try (Browser browser = Browser.open(port)) {
            browser.signIn(office, TestUsers.PASSWORD);
            // the ranking: ORTH 71, RESP 70, CARD 68, EYE 66
            browser.go("/evaluations/" + q3);
            assertThat(browser.driver().findElements(By.cssSelector("#ranking-table tbody tr")).stream()
                    .map(r -> r.getAttribute("id")).toList())
                    .containsExactly("row-ORTH", "row-RESP", "row-CARD", "row-EYE");
            assertThat(browser.text(By.cssSelector("#row-CARD .ranking-performance"))).isEqualTo("65.00");
            assertThat(browser.text(By.cssSelector("#row-CARD .ranking-brand"))).isEqualTo("80.00");
            assertThat(browser.text(By.id("sort-channel"))).isEqualTo("单位");
            browser.screenshot("department-ranking");

            // RESP's scorecard: no deaths reported, so its mortality has no value (not 0)
            browser.go("/evaluations/" + q3 + "/channels/RESP");
            assertThat(browser.text(By.id("card-total"))).contains("70.00");
            assertThat(browser.text(By.id("card-performance"))).isEqualTo("70.00");
            assertThat(browser.text(By.id("card-brand"))).isEqualTo("70.00");
            assertThat(browser.text(By.cssSelector("#line-MORT .line-figure"))).isEqualTo("无数据");
            assertThat(browser.text(By.id("dimension-QUALITY"))).contains("医疗质量", "0%");
            charts(browser);
            browser.screenshot("department-scorecard-desktop");

            browser.go("/evaluations/" + q3 + "/matrix");
            browser.waitFor(By.id("matrix-chart"));
            charts(browser);
            assertThat(browser.text(By.id("threshold-performance"))).isEqualTo("71.25");
            assertThat(browser.text(By.id("threshold-brand"))).isEqualTo("60");
            assertThat(browser.text(By.cssSelector("#matrix-row-CARD .quadrant"))).isEqualTo("品牌高、绩效低");
            assertThat(browser.text(By.cssSelector("#matrix-row-ORTH .quadrant"))).isEqualTo("绩效高、品牌低");
            browser.screenshot("department-matrix-desktop");

            // completeness of the quarter
            browser.go("/units/statistics/completeness?type=CLINICAL&from=2026-07&to=2026-09");
            assertThat(browser.text(By.id("completeness-summary"))).isEqualTo("已报 45 个数值，应报 60 个（完整率 75.0%）");
            assertThat(browser.text(By.id("expected"))).contains("品牌知晓率、实际占用床日、死亡人数、出院人次、患者满意度");
            assertThat(browser.text(By.cssSelector("#completeness-CARD td[data-label='2026-07']")))
                    .isEqualTo("缺：品牌知晓率");
            assertThat(browser.text(By.cssSelector("#completeness-CARD td[data-label='2026-09']"))).isEqualTo("齐全");
            assertThat(browser.text(By.cssSelector("#completeness-ORTH td[data-label='2026-08']")))
                    .isEqualTo("缺：品牌知晓率、死亡人数");
            assertThat(browser.text(By.cssSelector("#completeness-RESP .card-title"))).contains("缺报 6 项");
            browser.screenshot("completeness-desktop");
            // found by name as one types: 眼 → only EYE, 4 of its 15 values missing (deaths and awareness in July
            // and August)
            browser.field("f-q").sendKeys("眼");
            browser.waitForText(By.id("result-count"), "共 1 个单位");
            assertThat(browser.text(By.cssSelector("#completeness-EYE .card-title"))).contains("眼科", "缺报 4 项");
            // a month that is no month: said beside the filter, nothing shown as if it were right
            browser.go("/units/statistics/completeness?type=CLINICAL&from=2026-13&to=2026-09");
            assertThat(browser.text(By.id("filter-errors"))).contains("2026-13", "YYYY-MM");

            browser.resize(Browser.PHONE);
            browser.go("/evaluations/" + q3 + "/channels/CARD");
            charts(browser);
            assertThat(browser.text(By.id("card-performance"))).isEqualTo("65.00");
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("department-scorecard-phone");
            browser.go("/units/statistics/completeness?type=CLINICAL&from=2026-07&to=2026-09&gaps=true");
            assertThat(browser.text(By.id("result-count"))).isEqualTo("共 4 个单位");
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("completeness-phone");
        }
    }

    private static void charts(Browser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.documentElement.setAttribute('data-no-animation',''); window.meridianCharts.init(document);");
    }

    private static void monthly(List<String> rows, String unit, String measure, String jul, String aug, String sep) {
        String[] values = {jul, aug, sep};
        String[] months = {"2026-07", "2026-08", "2026-09"};
        for (int i = 0; i < 3; i++) {
            if (values[i] != null) {
                rows.add("{\"unit\": \"%s\", \"month\": \"%s\", \"measure\": \"%s\", \"value\": %s}"
                        .formatted(unit, months[i], measure, values[i]));
            }
        }
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
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isBetween(200, 201);
        return answer.body();
    }
}
