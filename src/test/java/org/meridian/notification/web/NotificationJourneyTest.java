package org.meridian.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two evaluations are published; the analyst sees 2 on the bell, opens the list on a desktop and on a phone, opens
 * one notification (it leads to its evaluation) and the bell shows 1; "mark all read" empties it.
 */
@MeridianWebTest
class NotificationJourneyTest {

    static final String SCHEME = """
            {"indicators": [{"code": "REFERRAL_VOLUME", "weight": 100,
                             "scoring": {"method": "LINEAR", "zero": 0, "full": 10}}],
             "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""";

    @LocalServerPort
    int port;

    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    @Test
    void theBellCountsTheUnreadAndOpeningOneLowersIt() throws Exception {
        String code = "NJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "消息旅程医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        String analyst = users.create(h.id(), Role.ANALYST, null);
        assertThat(send(office, "POST", "/api/v1/channels",
                "{\"code\": \"J1\", \"name\": \"康桥转诊中心 J1\", \"type\": \"REFERRAL_INSTITUTION\"}").statusCode())
                .isEqualTo(201);
        assertThat(send(office, "PUT", "/api/v1/schemes/REFERRAL_INSTITUTION", SCHEME).statusCode()).isEqualTo(200);
        long august = publish(office, "2026-08");
        long september = publish(office, "2026-09");

        try (Browser browser = Browser.open(port)) {
            browser.signIn(analyst, TestUsers.PASSWORD);
            assertThat(browser.waitForText(By.cssSelector("#topbar-notifications .topbar-count"), "2")).isEqualTo("2");
            browser.waitFor(By.id("topbar-notifications")).click();
            browser.waitFor(By.id("notifications"));
            assertThat(browser.driver().findElements(By.cssSelector("#notifications li.unread"))).hasSize(2);
            assertThat(browser.text(By.id("notifications")))
                    .contains("评估已发布：2026-09 转诊医疗机构（第 1 版）", "评估已发布：2026-08 转诊医疗机构（第 1 版）");
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("notifications-desktop");

            browser.resize(Browser.PHONE);
            browser.go("/notifications");
            browser.waitFor(By.id("notifications"));
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("notifications-phone");

            // newest first: September's opens its evaluation, and is read
            browser.driver().findElement(By.cssSelector("#notifications li:first-child .notification-text")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().endsWith("/evaluations/" + september));
            assertThat(browser.waitForText(By.cssSelector("#topbar-notifications .topbar-count"), "1")).isEqualTo("1");
            browser.screenshot("notifications-opened-phone");
            browser.resize(Browser.DESKTOP);
            browser.go("/notifications");
            assertThat(browser.driver().findElements(By.cssSelector("#notifications li.unread"))).hasSize(1);
            assertThat(browser.text(By.cssSelector("#notifications li.unread"))).contains("2026-08");
            browser.waitFor(By.id("read-all")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                    .until(d -> d.findElements(By.cssSelector("#topbar-notifications .topbar-count")).isEmpty());
            assertThat(browser.driver().findElements(By.cssSelector("#notifications li.unread"))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#notifications li.read"))).hasSize(2);
            assertThat(august).isNotEqualTo(september);
            browser.screenshot("notifications-all-read-desktop");
        }
    }

    /** Runs and publishes (period, REFERRAL_INSTITUTION) as the office; returns the evaluation's id. */
    private long publish(String office, String period) throws Exception {
        HttpResponse<String> run = send(office, "POST", "/api/v1/evaluations",
                "{\"period\": \"" + period + "\", \"unitType\": \"REFERRAL_INSTITUTION\"}");
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(run.body());
        assertThat(m.find()).as(run.body()).isTrue();
        long id = Long.parseLong(m.group(1));
        assertThat(send(office, "POST", "/api/v1/evaluations/" + id + "/publish", "").statusCode()).isEqualTo(200);
        return id;
    }

    private HttpResponse<String> send(String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":"
                        + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        b = "GET".equals(method) ? b.GET() : b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
