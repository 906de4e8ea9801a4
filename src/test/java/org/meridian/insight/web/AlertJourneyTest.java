package org.meridian.insight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The alert list and the holiday calendar in a real browser, desktop and 375 px. A platform sends 2 referrals on
 * weekdays and 1 at weekends from 2026-11-01 to 2027-01-14 and 18 on Tuesday 2027-01-12; the office checks the last
 * 7 days (the form's default, 2027-01-08 to 2027-01-14: today is 2027-01-15), finds that Tuesday (expected 2: the
 * weeks before are identical), acknowledges it with a note, and looks at the holidays of 2026.
 */
@MeridianWebTest
class AlertJourneyTest {

    @LocalServerPort
    int port;

    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    @Test
    void theOfficeFindsAcknowledgesAndSeesTheHolidaysOnDesktopAndPhone() throws Exception {
        String code = "AJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "预警医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        assertThat(call(office, "POST", "/api/v1/channels", "{\"code\": \"PF-1\", \"name\": \"健康平台一\","
                + " \"type\": \"HEALTH_PLATFORM\", \"status\": \"ACTIVE\"}").statusCode()).isEqualTo(201);
        List<String> events = new ArrayList<>();
        int n = 0;
        for (LocalDate d = LocalDate.of(2026, 11, 1); d.isBefore(LocalDate.of(2027, 1, 15)); d = d.plusDays(1)) {
            int count = d.equals(LocalDate.of(2027, 1, 12)) ? 18 : d.getDayOfWeek().getValue() >= 6 ? 1 : 2;
            for (int k = 0; k < count; k++) {
                n++;
                events.add("{\"eventId\": \"J" + n + "\", \"type\": \"REFERRAL\", \"channel\": \"PF-1\", \"occurredAt\": \""
                        + d + "T09:00:00+08:00\", \"referralId\": \"RJ" + n + "\"}");
            }
        }
        HttpResponse<String> sent = call(office, "POST", "/api/v1/events", "[" + String.join(",", events) + "]");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);

        try (Browser browser = Browser.open(port)) {
            browser.signIn(office, TestUsers.PASSWORD);
            browser.waitFor(By.id("hospital-name"));
            browser.go("/insight/alerts");
            assertThat(browser.activeNav()).isEqualTo("异常预警");
            browser.waitFor(By.id("no-alerts"));
            assertThat(browser.waitFor(By.id("scan-from")).getDomProperty("value")).isEqualTo("2027-01-08");
            browser.waitFor(By.id("scan-submit")).click();
            browser.waitForTextContaining(By.id("flash"), "新增 1 条预警");

            WebElement row = browser.waitFor(By.cssSelector("#alerts tbody tr"));
            String id = row.getDomAttribute("id").substring("alert-".length());
            assertThat(row.getText()).contains("PF-1", "转诊量", "2027-01-12", "18", "偏高", "2.0", "偏离每周规律", "未处理");
            browser.screenshot("alerts-desktop");

            browser.field("note-" + id).sendKeys("平台做了推广，已核实");
            browser.waitFor(By.id("acknowledge-" + id)).click();
            browser.waitForTextContaining(By.id("flash"), "已确认预警");
            assertThat(browser.text(By.id("alert-" + id))).contains("已确认", "平台做了推广，已核实");

            browser.resize(Browser.PHONE);
            browser.go("/insight/alerts");
            browser.waitFor(By.id("alert-" + id));
            browser.screenshot("alerts-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            assertThat(display(browser, "#alert-" + id)).as("each alert is a card on a phone").isEqualTo("grid");

            browser.go("/insight/holidays?year=2026");
            browser.waitForText(By.id("holiday-title"), "2026 年节假日");
            assertThat(browser.text(By.id("holiday-count"))).isEqualTo("33");
            assertThat(browser.text(By.id("workday-count"))).isEqualTo("6");
            browser.screenshot("holidays-phone");
            assertThat(browser.horizontalOverflow()).isZero();
            browser.resize(Browser.DESKTOP);
            browser.go("/insight/holidays?year=2026");
            browser.waitFor(By.id("holiday-form"));
            browser.screenshot("holidays-desktop");
        }
    }

    private static String display(Browser browser, String selector) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "return getComputedStyle(document.querySelector(arguments[0])).display;", selector);
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
