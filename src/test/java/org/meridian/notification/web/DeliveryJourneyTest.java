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

import com.jayway.jsonpath.JsonPath;
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
 * The administrator sets a channel user's WeCom robot on 群机器人; the user, on a phone, opens 提醒方式 from My account,
 * ticks "accepted referrals" by e-mail and by robot, and saves; the desk accepts a referral; the administrator finds
 * both deliveries waiting on 消息外发, on a desktop and on a phone (in this context nothing sends them).
 */
@MeridianWebTest
class DeliveryJourneyTest {

    @LocalServerPort
    int port;

    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    @Test
    void aChoiceMadeOnAPhoneQueuesTheDeliveriesTheAdministratorSees() throws Exception {
        String code = "DJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "外发旅程医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        String admin = users.create(h.id(), Role.ADMIN, null);
        String clerk = users.create(h.id(), Role.REFERRAL_DESK, null);
        HttpResponse<String> channel = send(office, "POST", "/api/v1/channels",
                "{\"code\": \"DJ1\", \"name\": \"康桥转诊中心 DJ1\", \"type\": \"REFERRAL_INSTITUTION\"}");
        assertThat(channel.statusCode()).isEqualTo(201);
        long channelId = ((Number) JsonPath.read(channel.body(), "$.id")).longValue();
        String partner = users.create(h.id(), Role.CHANNEL_USER, channelId);

        try (Browser browser = Browser.open(port)) {
            browser.signIn(admin, TestUsers.PASSWORD);
            browser.go("/admin/notifications/robots");
            browser.field("username").sendKeys(partner);
            browser.field("url").sendKeys("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=journey-key");
            browser.waitFor(By.id("robot-submit")).click();
            browser.waitFor(By.id("robot-saved"));
            assertThat(browser.text(By.id("robots"))).contains(partner, "企业微信群机器人")
                    .doesNotContain("journey-key");
            browser.screenshot("robots-desktop");
        }
        try (Browser browser = Browser.open(port)) {
            browser.resize(Browser.PHONE);
            browser.signIn(partner, TestUsers.PASSWORD);
            browser.go("/account");
            browser.waitFor(By.id("notification-preferences-link")).click();
            browser.waitFor(By.id("preferences-form"));
            assertThat(browser.text(By.id("robot-state"))).isEqualTo("管理员已为您设置企业微信群机器人。");
            browser.field("email").sendKeys("dj1@example.org");
            browser.waitFor(By.id("pick-REFERRAL_ACCEPTED:EMAIL")).click();
            browser.waitFor(By.id("pick-REFERRAL_ACCEPTED:WEBHOOK")).click();
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("preferences-phone");
            browser.waitFor(By.id("preferences-submit")).click();
            browser.waitFor(By.id("preferences-saved"));
            assertThat(browser.driver().findElement(By.id("pick-REFERRAL_ACCEPTED:WEBHOOK")).isSelected()).isTrue();
        }
        HttpResponse<String> referral = send(partner, "POST", "/api/v1/referrals", """
                {"patientName": "赵一一", "patientPhone": "13912340009", "department": "骨科", "urgency": "URGENT",
                 "consent": true}""");
        assertThat(referral.statusCode()).as(referral.body()).isEqualTo(201);
        long id = ((Number) JsonPath.read(referral.body(), "$.id")).longValue();
        assertThat(send(clerk, "POST", "/api/v1/referrals/" + id + "/accept", "{}").statusCode()).isEqualTo(200);

        try (Browser browser = Browser.open(port)) {
            browser.signIn(admin, TestUsers.PASSWORD);
            browser.go("/admin/notifications");
            browser.waitFor(By.id("deliveries"));
            assertThat(browser.driver().findElements(By.cssSelector("#deliveries li.delivery"))).hasSize(2);
            assertThat(browser.text(By.id("deliveries"))).contains("转诊 " + id + "（骨科，加急）已受理", "邮件", "群机器人",
                    "待发送").doesNotContain("赵一一");
            browser.screenshot("deliveries-desktop");
            browser.resize(Browser.PHONE);
            browser.go("/admin/notifications");
            browser.waitFor(By.id("deliveries"));
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("deliveries-phone");
        }
    }

    private HttpResponse<String> send(String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":"
                        + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        b = "GET".equals(method) ? b.GET() : b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
