package org.meridian.allocation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The office drafts two allocation scenarios in a real browser, compares them side by side, a hospital manager approves
 * one and it is exported, on a desktop and at 375 px. Data as {@code allocation.Planned} (performance 80, 60, 60;
 * brand 50, 30, 20; DEA 1, .5, .5), set up through the API. Scenario A (default weights, cap 40,000): 40,000.00 /
 * 31,363.64 / 28,636.36 (worked out in AllocationPlanTest); scenario B (performance only, no cap): .4, .3, .3 of
 * 100,000 = 40,000.00 / 30,000.00 / 30,000.00. B's page compares it (left) with A (right): right − left is 0.00,
 * +1,363.64 and −1,363.64.
 */
@MeridianWebTest
class AllocationJourneyTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    @Test
    void twoScenariosAreDraftedComparedApprovedByAnotherPersonAndExportedOnDesktopAndPhone() throws Exception {
        String code = "AJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "配置旅程医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        String manager = users.create(h.id(), Role.HOSPITAL_MANAGER, null);
        setUp(office);

        try (Browser browser = Browser.open(port)) {
            browser.signIn(office, TestUsers.PASSWORD);
            browser.waitFor(By.id("inbox"));
            browser.go("/allocation/plans");
            browser.waitFor(By.id("new-plan")).click();
            browser.field("name").sendKeys("方案甲：默认权重");
            browser.field("resource").sendKeys("设备购置预算");
            browser.field("amount").sendKeys("100,000.00");
            browser.field("period").sendKeys("2026-12");
            browser.field("cap").sendKeys("40000");
            assertThat(browser.driver().findElement(By.id("performance")).getDomProperty("value")).isEqualTo("0.5");
            browser.screenshot("allocation-new-desktop");
            browser.driver().findElement(By.id("plan-submit")).click();

            browser.waitFor(By.id("plan-units"));
            assertThat(browser.text(By.id("plan-heading"))).isEqualTo("方案甲：默认权重");
            assertThat(browser.text(By.cssSelector("#unit-D1 .amount"))).isEqualTo("40,000.00");
            assertThat(browser.text(By.cssSelector("#unit-D2 .amount"))).isEqualTo("31,363.64");
            assertThat(browser.text(By.cssSelector("#unit-D3 .amount"))).isEqualTo("28,636.36");
            assertThat(browser.text(By.cssSelector("#unit-D1 .why"))).isEqualTo(
                    "绩效 80.00（占 40.0%）、品牌指数 50.00（占 50.0%）、效率 1.000（占 50.0%） → 分配依据 45.0%；触及上限 40,000.00");
            assertThat(browser.text(By.cssSelector("#equity-gini .after"))).isEqualTo("0.0758");
            assertThat(browser.text(By.id("plan-status"))).isEqualTo("草稿");
            assertThat(browser.driver().findElements(By.id("approve"))).as("the office may not approve").isEmpty();
            browser.waitFor(By.cssSelector("#lorenz-chart canvas"));
            browser.screenshot("allocation-plan-desktop");
            String planA = browser.driver().getCurrentUrl().replaceAll(".*/plans/", "");

            // another scenario from this one: performance only, no cap
            browser.waitFor(By.id("another")).click();
            browser.waitFor(By.id("plan-form"));
            assertThat(browser.driver().findElement(By.id("resource")).getDomProperty("value")).isEqualTo("设备购置预算");
            assertThat(browser.driver().findElement(By.id("cap")).getDomProperty("value")).isEqualTo("40000");
            browser.field("name").sendKeys("方案乙：只看绩效");
            browser.field("brand").sendKeys("0");
            browser.field("efficiency").sendKeys("0");
            browser.field("cap");
            browser.driver().findElement(By.id("plan-submit")).click();
            browser.waitFor(By.id("plan-units"));
            assertThat(browser.text(By.cssSelector("#unit-D2 .amount"))).isEqualTo("30,000.00");

            new Select(browser.waitFor(By.id("compare-with"))).selectByVisibleText("方案甲：默认权重 · 草稿");
            browser.driver().findElement(By.id("compare-submit")).click();
            browser.waitFor(By.id("compare-units"));
            assertThat(browser.text(By.cssSelector("#compare-D1 .diff"))).isEqualTo("0.00");
            assertThat(browser.text(By.cssSelector("#compare-D2 .diff"))).isEqualTo("+1,363.64");
            assertThat(browser.text(By.cssSelector("#compare-D3 .diff"))).isEqualTo("−1,363.64");
            browser.waitFor(By.cssSelector("#compare-lorenz canvas"));
            browser.screenshot("allocation-compare-desktop");
            browser.resize(Browser.PHONE);
            browser.driver().navigate().refresh();
            browser.waitFor(By.id("compare-units"));
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.screenshot("allocation-compare-phone");

            // a hospital manager approves scenario A
            browser.resize(Browser.DESKTOP);
            browser.driver().manage().deleteAllCookies();
            browser.signIn(manager, TestUsers.PASSWORD);
            browser.waitFor(By.id("inbox"));
            browser.go("/allocation/plans/" + planA);
            browser.waitFor(By.id("approve")).click();
            browser.waitForText(By.id("plan-status"), "已批准");
            assertThat(browser.text(By.id("frozen"))).contains("冻结");
            assertThat(browser.driver().findElements(By.id("approve"))).isEmpty();
            browser.screenshot("allocation-approved-desktop");

            // the export: one row per unit whose amounts add up to the plan's
            String href = browser.waitFor(By.id("export")).getAttribute("href");
            String base64 = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
                            + "  var s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s));"
                            + "});", href);
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(
                    Base64.getDecoder().decode(base64)))) {
                List<Row> rows = wb.getFirstSheet().read();
                assertThat(rows.get(0).getCellText(0)).contains("方案甲：默认权重", "已批准");
                Row head = rows.stream().filter(r -> "代码".equals(r.getCellText(0))).findFirst().orElseThrow();
                int first = rows.indexOf(head) + 1;
                assertThat(rows.get(first).getCellText(0)).isEqualTo("D1");
                assertThat(rows.get(first).getCellAsNumber(10).orElseThrow()).isEqualByComparingTo("40000.00");
                assertThat(rows.get(first + 1).getCellAsNumber(10).orElseThrow()).isEqualByComparingTo("31363.64");
                assertThat(rows.get(first + 2).getCellAsNumber(10).orElseThrow()).isEqualByComparingTo("28636.36");
            }

            browser.resize(Browser.PHONE);
            browser.driver().navigate().refresh();
            browser.waitFor(By.id("plan-units"));
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.screenshot("allocation-plan-phone");
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('plan-units').scrollIntoView({block: 'start'})");
            browser.screenshot("allocation-plan-phone-cards");
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('equity').scrollIntoView({block: 'start'})");
            browser.waitFor(By.cssSelector("#lorenz-chart canvas"));
            browser.screenshot("allocation-equity-phone");
            browser.go("/allocation/plans/" + planA + "/units/D1");
            assertThat(browser.text(By.id("statement-amount"))).isEqualTo("40,000.00 元");
            assertThat(browser.text(By.id("statement-driver"))).isEqualTo("45.0%");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.screenshot("allocation-statement-phone");
            browser.go("/allocation/plans");
            browser.waitFor(By.id("plan-table"));
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.screenshot("allocation-plans-phone");
        }
    }

    /**
     * A scenario weighing forecast demand, drafted on the form at a desktop and read at 375 px: the discharges of
     * AllocationPlanTest's demand case (D1 twelve months, January 240 → 240; D2 two months → 120; D3 one month after a
     * gap → 200), performance .5 and demand .5 of 70,000.00 → 29,000.00 / 18,000.00 / 23,000.00; D1's why names its
     * forecast, 240 of 560 = 42.9 %, read from 12 months, and its driver 29/70 = 41.4 %; equity per discharge has the
     * Gini 6.4/70 = 0.0914 (worked in AllocationPlanTest).
     */
    @Test
    void aScenarioWeighsForecastDemandAndShowsEquityPerDischargeOnDesktopAndPhone() throws Exception {
        String code = "AD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "需求旅程医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        setUp(office);
        List<String> rows = new ArrayList<>();
        rows.add("{\"unit\": \"D1\", \"month\": \"2026-01\", \"measure\": \"discharges\", \"value\": 240}");
        for (int m = 2; m <= 11; m++) {
            rows.add("{\"unit\": \"D1\", \"month\": \"2026-%02d\", \"measure\": \"discharges\", \"value\": 150}"
                    .formatted(m));
        }
        rows.add("{\"unit\": \"D2\", \"month\": \"2026-11\", \"measure\": \"discharges\", \"value\": 140}");
        rows.add("{\"unit\": \"D3\", \"month\": \"2026-10\", \"measure\": \"discharges\", \"value\": 500}");
        send(office, "/api/v1/statistics", "[" + String.join(",", rows) + "]");

        try (Browser browser = Browser.open(port)) {
            browser.signIn(office, TestUsers.PASSWORD);
            browser.waitFor(By.id("inbox"));
            browser.go("/allocation/plans/new");
            browser.field("name").sendKeys("方案丙：兼顾需求");
            browser.field("resource").sendKeys("设备购置预算");
            browser.field("amount").sendKeys("70,000.00");
            browser.field("period").sendKeys("2026-12");
            browser.field("performance").sendKeys("0.5");
            browser.field("brand").sendKeys("0");
            browser.field("efficiency").sendKeys("0");
            browser.field("demand").sendKeys("0.5");
            new Select(browser.waitFor(By.id("demandMeasure"))).selectByVisibleText("出院人次");
            new Select(browser.waitFor(By.id("equityPer"))).selectByVisibleText("出院人次");
            browser.screenshot("allocation-demand-new-desktop");
            browser.driver().findElement(By.id("plan-submit")).click();

            browser.waitFor(By.id("plan-units"));
            assertThat(browser.text(By.cssSelector("#unit-D1 .amount"))).isEqualTo("29,000.00");
            assertThat(browser.text(By.cssSelector("#unit-D2 .amount"))).isEqualTo("18,000.00");
            assertThat(browser.text(By.cssSelector("#unit-D3 .amount"))).isEqualTo("23,000.00");
            assertThat(browser.text(By.cssSelector("#unit-D1 .why"))).isEqualTo(
                    "绩效 80.00（占 40.0%）、需求预测 240（占 42.9%，依 12 个月） → 分配依据 41.4%");
            assertThat(browser.text(By.id("plan-rule"))).contains("“出院人次”在 2027-01 的预测值", "截至 2026-12");
            assertThat(browser.text(By.cssSelector("#per-head-gini .after"))).isEqualTo("0.0914");
            assertThat(browser.text(By.id("per-head-intro"))).contains("按“出院人次”计");
            // the per-head Lorenz curve (AllocationPlanTest derives it): units by amount per discharge D3, D1, D2,
            // cumulative discharges .4, .8, 1 against cumulative amounts 23/70 = .3286, 52/70 = .7429, 1
            browser.waitFor(By.cssSelector("#lorenz-per-head-chart canvas"));
            assertThat(browser.driver().findElement(By.id("lorenz-per-head-chart")).getAttribute("data-chart"))
                    .contains("[0.4,0.3286]", "[0.8,0.7429]", "出院人次累计占比");
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('lorenz-per-head-chart').scrollIntoView({block: 'center'})");
            Thread.sleep(1500); // the chart's animation (the screenshot is looked at)
            browser.screenshot("allocation-demand-per-head-desktop");
            browser.driver().navigate().refresh();
            browser.waitFor(By.id("plan-units"));
            browser.screenshot("allocation-demand-plan-desktop");
            browser.resize(Browser.PHONE);
            browser.driver().navigate().refresh();
            browser.waitFor(By.id("plan-units"));
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.screenshot("allocation-demand-plan-phone");
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('equity').scrollIntoView({block: 'start'})");
            browser.screenshot("allocation-demand-equity-phone");
        }
    }

    /** Planned's three departments, evaluated and with a published efficiency run for 2026-12. */
    private void setUp(String office) throws Exception {
        send(office, "/api/v1/measures", "{\"code\": \"quality\", \"nameZh\": \"质量得分\", \"unit\": \"分\", \"aggregation\": \"LAST\"}");
        send(office, "/api/v1/measures", "{\"code\": \"awareness\", \"nameZh\": \"品牌知晓率\", \"unit\": \"%\", \"aggregation\": \"LAST\"}");
        send(office, "/api/v1/measures", "{\"code\": \"doctors\", \"nameZh\": \"医生\", \"unit\": \"人\", \"aggregation\": \"LAST\"}");
        send(office, "/api/v1/measures", "{\"code\": \"discharges\", \"nameZh\": \"出院人次\", \"unit\": \"人次\", \"aggregation\": \"SUM\"}");
        for (String[] i : List.of(new String[] {"PQ", "QUALITY", "quality"}, new String[] {"PB", "BRAND", "awareness"})) {
            send(office, "/api/v1/indicators", """
                    {"code": "%s", "nameZh": "指标 %s", "nameEn": "Indicator %s", "unitZh": "分", "unitEn": "points",
                     "direction": "HIGHER_IS_BETTER", "formula": "%s", "dimension": "%s"}""".formatted(i[0], i[0], i[0], i[2], i[1]));
        }
        put(office, "/api/v1/schemes/CLINICAL", """
                {"indicators": [
                   {"code": "PQ", "weight": 1, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}},
                   {"code": "PB", "weight": 1, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}}],
                 "tiers": [{"tier": "A", "minTotal": 60}, {"tier": "B", "minTotal": 42}, {"tier": "C", "minTotal": 0}]}""");
        String[] codes = {"D1", "D2", "D3"};
        String[] names = {"心内科", "呼吸科", "骨科"};
        int[][] values = {{80, 50, 2, 200}, {60, 30, 2, 100}, {60, 20, 4, 200}};
        String[] measures = {"quality", "awareness", "doctors", "discharges"};
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            send(office, "/api/v1/units", "{\"code\": \"" + codes[k] + "\", \"name\": \"" + names[k]
                    + "\", \"kind\": \"DEPARTMENT\", \"type\": \"CLINICAL\"}");
            for (int m = 0; m < 4; m++) {
                rows.add("{\"unit\": \"" + codes[k] + "\", \"month\": \"2026-12\", \"measure\": \"" + measures[m]
                        + "\", \"value\": " + values[k][m] + "}");
            }
        }
        send(office, "/api/v1/statistics", "[" + String.join(",", rows) + "]");
        String evaluation = send(office, "/api/v1/evaluations", "{\"period\": \"2026-12\", \"unitType\": \"CLINICAL\"}");
        send(office, "/api/v1/evaluations/" + JsonPath.read(evaluation, "$.id") + "/publish", "");
        String run = send(office, "/api/v1/efficiency-runs", """
                {"period": "2026-12", "unitType": "CLINICAL", "inputs": ["doctors"], "outputs": ["discharges"],
                 "model": "CCR", "orientation": "INPUT"}""");
        send(office, "/api/v1/efficiency-runs/" + JsonPath.read(run, "$.id") + "/publish", "");
    }

    private String put(String user, String path, String json) throws Exception {
        return call(user, path, json, "PUT");
    }

    private String send(String user, String path, String json) throws Exception {
        return call(user, path, json, "POST");
    }

    private String call(String user, String path, String json, String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 201);
        return response.body();
    }
}
