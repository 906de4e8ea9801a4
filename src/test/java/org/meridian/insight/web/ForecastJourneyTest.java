package org.meridian.insight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The forecasts in a real browser, desktop and 375 px. JP-1 sends referrals from October 2024 (its first month, left
 * out) to December 2026: 26 complete months with a yearly swing, so Holt-Winters; JP-2 only from August 2026: 4
 * complete months, so simple exponential smoothing. The office recomputes, reads the hospital's chart and the list,
 * filters it by method, opens JP-1's forecasts and its channel page (with its forecast panel, on desktop and phone),
 * and the leadership's workbench shows the panel.
 */
@MeridianWebTest
class ForecastJourneyTest {

    @LocalServerPort
    int port;

    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    @Test
    void theOfficeRecomputesAndReadsTheForecastsOnDesktopAndPhone() throws Exception {
        String code = "FJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "预测医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        String leader = users.create(h.id(), Role.HOSPITAL_MANAGER, null);
        for (String c : List.of("JP-1", "JP-2")) {
            assertThat(call(office, "POST", "/api/v1/channels", "{\"code\": \"" + c + "\", \"name\": \"社区" + c
                    + "\", \"type\": \"COMMUNITY_HEALTH\", \"status\": \"ACTIVE\"}").statusCode()).isEqualTo(201);
        }
        List<String> events = new ArrayList<>();
        int n = 0;
        for (YearMonth m = YearMonth.of(2024, 10); !m.isAfter(YearMonth.of(2026, 12)); m = m.plusMonths(1)) {
            int i = (int) java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.of(2024, 10), m);
            int one = 20 + i / 3 + (int) Math.round(6 * Math.sin(2 * Math.PI * m.getMonthValue() / 12.0));
            for (int k = 0; k < one; k++) {
                events.add(referral(++n, "JP-1", m, 1 + k % 28));
            }
            if (!m.isBefore(YearMonth.of(2026, 8))) {
                for (int k = 0; k < 3 + m.getMonthValue() % 3; k++) {
                    events.add(referral(++n, "JP-2", m, 2 + k));
                }
            }
        }
        for (int i = 0; i < events.size(); i += 500) {
            HttpResponse<String> sent = call(office, "POST", "/api/v1/events",
                    "[" + String.join(",", events.subList(i, Math.min(events.size(), i + 500))) + "]");
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        }

        try (Browser browser = Browser.open(port)) {
            browser.signIn(office, TestUsers.PASSWORD);
            browser.waitFor(By.id("hospital-name"));
            browser.go("/insight/alerts");
            browser.waitFor(By.id("forecasts-link")).click();
            browser.waitFor(By.id("no-run"));
            browser.waitFor(By.id("recompute")).click();
            browser.waitForTextContaining(By.id("flash"), "已重新计算 2 个渠道");
            assertThat(browser.activeNav()).as("the page is 预测 in the navigation's 洞察 group").isEqualTo("预测");
            assertThat(browser.text(By.id("hospital-forecast"))).contains("Holt-Winters", "已有 26 个完整月",
                    "2027年1月", "80% 区间", "回测");
            assertThat(browser.text(By.id("forecast-JP-1"))).contains("Holt-Winters 季节模型（26 个月）");
            assertThat(browser.text(By.id("forecast-JP-2"))).contains("简单指数平滑（4 个月）", "—");
            browser.screenshot("forecasts-desktop");

            browser.go("/insight/forecasts?method=HOLT_WINTERS");
            browser.waitFor(By.id("forecast-JP-1"));
            assertThat(browser.driver().findElements(By.id("forecast-JP-2"))).isEmpty();
            browser.waitFor(By.cssSelector("#forecast-JP-1 a")).click();
            browser.waitFor(By.id("forecast-REVENUE"));
            assertThat(browser.text(By.id("forecast-REFERRALS"))).contains("Holt-Winters", "α=");
            browser.screenshot("forecast-channel-desktop");

            browser.go("/channels/JP-1");
            browser.waitFor(By.id("channel-forecast-chart"));
            assertThat(browser.text(By.id("channel-forecast"))).contains("转诊量", "80% 区间", "去年预测误差");
            scrollTo(browser, "channel-forecast");
            browser.screenshot("channel-forecast-desktop");
            browser.waitFor(By.id("channel-forecast-link")).click();
            browser.waitFor(By.id("forecast-REVENUE"));

            browser.resize(Browser.PHONE);
            browser.go("/insight/forecasts");
            browser.waitFor(By.id("forecast-JP-1"));
            browser.screenshot("forecasts-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            assertThat(browser.display("#forecast-JP-1")).as("each channel is a card on a phone").isEqualTo("grid");
            browser.go("/channels/JP-1");
            browser.waitFor(By.id("channel-forecast-chart"));
            scrollTo(browser, "channel-forecast");
            browser.screenshot("channel-forecast-phone");
            assertThat(browser.horizontalOverflow()).as("the channel page with its forecast panel at 375 px").isZero();
            browser.go("/insight/forecasts/channels/JP-1");
            browser.waitFor(By.id("forecast-REVENUE"));
            browser.screenshot("forecast-channel-phone");
            assertThat(browser.horizontalOverflow()).isZero();
        }

        try (Browser browser = Browser.open(port)) {
            browser.signIn(leader, TestUsers.PASSWORD);
            browser.waitFor(By.id("hospital-forecast"));
            assertThat(browser.text(By.id("hospital-forecast"))).contains("全院下月预测", "转诊量", "收入", "万元");
            scrollTo(browser, "hospital-forecast");
            browser.screenshot("forecast-workbench-desktop");
        }
    }

    private static String referral(int n, String channel, YearMonth m, int day) {
        return "{\"eventId\": \"F" + n + "\", \"type\": \"REFERRAL\", \"channel\": \"" + channel + "\", \"occurredAt\": \""
                + m.atDay(day) + "T09:00:00+08:00\", \"referralId\": \"RF" + n + "\"}";
    }

    /** Scrolls the element to the top and draws the page's charts again without animation, for the screenshot. */
    private static void scrollTo(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById(arguments[0]).scrollIntoView({block: 'start'});"
                        + "document.documentElement.setAttribute('data-no-animation', '');"
                        + "if (window.meridianCharts) { window.meridianCharts.init(document); }", id);
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
