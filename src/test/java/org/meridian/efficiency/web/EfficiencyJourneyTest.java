package org.meridian.efficiency.web;

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

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The office starts an efficiency run in a real browser, reads a department's targets, publishes and compares
 * productivity over two years, on a desktop and at 375 px. Data: DEAP 2.1 EG1 (doctors; beds × 10; discharges × 100,
 * see {@code efficiency.Departments}) for 2026 and, for 2025, the same with 眼科 using 4 doctors instead of 3.
 * 心内科: θ = 0.5, target 1 doctor and 20 beds → "可减少开放床位 30 张、医生 1 人" (the form lists the measures by code).
 */
@MeridianWebTest
class EfficiencyJourneyTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    static final String[] CODES = {"D1", "D2", "D3", "D4", "D5"};
    static final String[] NAMES = {"心内科", "呼吸科", "骨科", "眼科", "儿科"};
    static final int[] DOCTORS = {2, 2, 6, 3, 6};
    static final int[] BEDS = {50, 40, 60, 20, 20};
    static final int[] DISCHARGES = {100, 200, 300, 100, 200};

    @Test
    void theOfficeRunsReadsPublishesAndComparesOnDesktopAndPhone() throws Exception {
        String code = "EJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "效率旅程医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        send(office, "/api/v1/measures", "{\"code\": \"doctors\", \"nameZh\": \"医生\", \"nameEn\": \"Doctors\", "
                + "\"unit\": \"人\", \"aggregation\": \"LAST\"}");
        send(office, "/api/v1/measures", "{\"code\": \"beds\", \"nameZh\": \"开放床位\", \"nameEn\": \"Open beds\", "
                + "\"unit\": \"张\", \"aggregation\": \"LAST\"}");
        send(office, "/api/v1/measures", "{\"code\": \"discharges\", \"nameZh\": \"出院人次\", \"nameEn\": "
                + "\"Discharges\", \"unit\": \"人次\", \"aggregation\": \"SUM\"}");
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < CODES.length; k++) {
            send(office, "/api/v1/units", "{\"code\": \"" + CODES[k] + "\", \"name\": \"" + NAMES[k]
                    + "\", \"kind\": \"DEPARTMENT\", \"type\": \"CLINICAL\"}");
            for (String year : List.of("2025", "2026")) {
                int doctors = year.equals("2025") && k == 3 ? 4 : DOCTORS[k];
                rows.add(row(CODES[k], year + "-12", "doctors", doctors));
                rows.add(row(CODES[k], year + "-12", "beds", BEDS[k]));
                rows.add(row(CODES[k], year + "-12", "discharges", DISCHARGES[k]));
            }
        }
        send(office, "/api/v1/statistics", "[" + String.join(",", rows) + "]");

        try (Browser browser = Browser.open(port)) {
            browser.signIn(office, TestUsers.PASSWORD);
            browser.waitFor(By.id("inbox"));
            browser.go("/efficiency/runs");
            browser.waitFor(By.id("new-run")).click();
            browser.field("period").sendKeys("2026");
            new Select(browser.waitFor(By.id("unitType"))).selectByVisibleText("临床科室");
            new Select(browser.waitFor(By.id("model"))).selectByVisibleText("CCR（规模报酬不变）");
            check(browser, "inputs", "doctors");
            check(browser, "inputs", "beds");
            check(browser, "outputs", "discharges");
            browser.driver().findElement(By.id("superEfficiency")).click();
            browser.driver().findElement(By.id("run-submit")).click();

            browser.waitFor(By.id("unit-results"));
            assertThat(browser.text(By.id("run-heading"))).contains("2026", "临床科室");
            assertThat(browser.text(By.cssSelector("#unit-D1 .targets")))
                    .isEqualTo("以现有产出，可减少开放床位 30 张、医生 1 人");   // inputs in catalogue order: beds, doctors
            assertThat(browser.text(By.cssSelector("#unit-D1 .peers"))).isEqualTo("呼吸科（0.50）");
            assertThat(browser.text(By.id("fig-efficient"))).isEqualTo("2");
            browser.waitFor(By.cssSelector("#frontier-chart canvas"));
            browser.screenshot("efficiency-run-desktop");
            scrollTo(browser, "super-ranking");
            browser.screenshot("efficiency-ranking-desktop");
            // another pair of measures for the chart, swapped in by htmx
            new Select(browser.waitFor(By.id("chart-x"))).selectByVisibleText("开放床位");
            browser.waitFor(By.cssSelector("#frontier-chart canvas"));

            ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
            browser.waitFor(By.id("publish")).click();
            browser.waitForText(By.id("run-status"), "已发布");

            browser.resize(Browser.PHONE);
            browser.go(browser.driver().getCurrentUrl().replace("http://localhost:" + port, ""));
            browser.waitFor(By.id("unit-results"));
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.screenshot("efficiency-run-phone");
            scrollTo(browser, "unit-D1");
            browser.screenshot("efficiency-run-phone-cards");
            scrollTo(browser, "frontier");
            browser.waitFor(By.cssSelector("#frontier-chart canvas"));
            browser.screenshot("efficiency-frontier-phone");

            browser.go("/efficiency/runs");
            browser.waitFor(By.id("run-table"));
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.screenshot("efficiency-runs-phone");

            // productivity 2025 → 2026: only 眼科 changed (4 → 3 doctors for the same output)
            browser.resize(Browser.DESKTOP);
            browser.go("/efficiency/productivity");
            browser.field("periods").sendKeys("2025, 2026");
            check(browser, "inputs", "doctors");
            check(browser, "inputs", "beds");
            check(browser, "outputs", "discharges");
            browser.driver().findElement(By.id("productivity-submit")).click();
            browser.waitFor(By.cssSelector("#malmquist-chart canvas"));
            assertThat(browser.text(By.id("productivity-units"))).contains("眼科");
            browser.screenshot("efficiency-productivity-desktop");
            browser.resize(Browser.PHONE);
            browser.driver().navigate().refresh();
            browser.waitFor(By.cssSelector("#malmquist-chart canvas"));
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            scrollTo(browser, "malmquist");
            browser.screenshot("efficiency-productivity-phone");
        }
    }

    private static void check(Browser browser, String group, String value) {
        WebElement box = browser.waitFor(By.cssSelector("#" + group + " input[value='" + value + "']"));
        if (!box.isSelected()) {
            box.click();
        }
    }

    private static void scrollTo(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", id);
    }

    private static String row(String unit, String month, String measure, int value) {
        return "{\"unit\": \"" + unit + "\", \"month\": \"" + month + "\", \"measure\": \"" + measure
                + "\", \"value\": " + value + "}";
    }

    private String send(String user, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 201);
        return response.body();
    }
}
