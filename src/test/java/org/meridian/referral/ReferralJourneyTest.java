package org.meridian.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A channel's user refers a patient from the portal in a real Chromium at 375 px: a form sent with problems comes
 * back with each problem beside its field and nothing typed lost, the corrected form makes the referral; the desk, on
 * a desktop, finds it first in its queue, accepts, schedules and records the arrival from its page; the channel's
 * list follows each step in Chinese, the partner's bell and inbox tell each step, the desk books the appointment on a
 * green-channel slot and the portal's home counts it and the slot, all without sideways scrolling. Then the office
 * finds the referral's steps in today's monitoring figures, and the month's evaluation counts its response time.
 */
@MeridianWebTest
class ReferralJourneyTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired EvaluationResults evaluations;
    @Autowired UserDetailsService accounts;

    @Test
    void aPartnerRefersAPatientOnThePhoneAndSeesEachStepOfTheDesk() throws Exception {
        String code = "RJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "转诊旅程医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        long channel = ((Number) JsonPath.read(send(office, "POST", "/api/v1/channels",
                "{\"code\": \"RJ1\", \"name\": \"旅程社区卫生服务中心\", \"type\": \"REFERRAL_INSTITUTION\"}"), "$.id"))
                .longValue();
        // tier C: its default standard gives 5 green-channel slots a month (docs/referrals.md)
        send(office, "POST", "/api/v1/channels/RJ1/tier-changes", "{\"tier\": \"C\", \"reason\": \"首次分级\"}");
        String partner = users.create(h.id(), Role.CHANNEL_USER, channel);
        String clerk = users.create(h.id(), Role.REFERRAL_DESK, null);

        try (Browser browser = Browser.open(port)) {
            browser.resize(Browser.PHONE);
            browser.signIn(partner, TestUsers.PASSWORD);
            browser.waitFor(By.id("inbox"));
            browser.go("/portal");
            browser.waitFor(By.id("portal-refer")).click();
            browser.waitFor(By.id("referral-form"));
            assertThat(browser.horizontalOverflow()).as("the form fits 375 px").isZero();
            browser.screenshot("referral-new-375");

            // forgotten consent and a wrong phone: both told beside their fields, the name kept
            browser.field("patientName").sendKeys("赵六");
            browser.field("patientPhone").sendKeys("1381234");
            browser.driver().findElement(By.id("urgency-URGENT")).click();
            browser.driver().findElement(By.id("referral-submit")).click();
            assertThat(browser.text(By.id("patientPhone-error"))).contains("不是有效的中国大陆手机号");
            assertThat(browser.text(By.id("consent-error"))).contains("须经患者同意");
            assertThat(browser.driver().findElement(By.id("patientName")).getDomProperty("value")).isEqualTo("赵六");
            assertThat(browser.driver().findElement(By.id("urgency-URGENT")).isSelected()).isTrue();
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("referral-new-errors-375");

            browser.field("patientPhone").sendKeys("13812345678");
            browser.driver().findElement(By.id("consent")).click();
            browser.driver().findElement(By.id("referral-submit")).click();
            assertThat(browser.text(By.id("flash"))).contains("已发起转诊");
            assertThat(browser.text(By.id("referrals"))).contains("赵六 · 138****5678", "待受理", "加急");
            String card = browser.driver().findElement(By.cssSelector("#referrals > li")).getDomAttribute("id");
            long id = Long.parseLong(card.substring("referral-".length()));

            // the desk, on a desktop: the referral waits first in the queue; accept, schedule, record the arrival
            try (Browser desk = Browser.open(port)) {
                desk.resize(Browser.DESKTOP);
                desk.signIn(clerk, TestUsers.PASSWORD);
                desk.waitFor(By.id("mainnav-home"));
                desk.go("/referrals/desk");
                assertThat(desk.text(By.id("desk-waiting"))).contains("1 例转诊等待受理");
                assertThat(desk.text(By.id("queue-" + id))).contains("赵六", "加急", "待受理", "已等待");
                assertThat(desk.activeNav()).isEqualTo("转诊服务中心");
                desk.screenshot("referral-desk-queue-desktop");
                desk.driver().findElement(By.cssSelector("#queue-" + id + " a")).click();
                assertThat(desk.text(By.id("patient-phone"))).isEqualTo("13812345678");
                desk.driver().findElement(By.id("step-accept")).click();
                assertThat(desk.text(By.id("flash"))).isEqualTo("转诊 " + id + " 已受理。");

                browser.go("/referrals");
                assertThat(browser.text(By.id("referral-" + id))).contains("已受理");
                // the partner's bell: one notification, the acceptance
                assertThat(browser.text(By.cssSelector("#topbar-notifications .topbar-count"))).isEqualTo("1");
                browser.go("/notifications");
                assertThat(browser.text(By.id("notifications"))).contains("转诊 " + id + "（未指定科室，加急）已受理");

                // a green-channel slot: the channel has used none of its 5 this month
                assertThat(desk.text(By.id("green-channel-quota"))).contains("已用 0 个，剩余 5 个（每月 5 个）");
                desk.field("doctor").sendKeys("钱医生");
                desk.driver().findElement(By.id("booking-GREEN")).click();
                desk.screenshot("referral-desk-green-channel-desktop");
                desk.driver().findElement(By.id("step-schedule")).click();
                assertThat(desk.text(By.id("flash"))).isEqualTo("转诊 " + id + " 已预约。");
                assertThat(desk.text(By.id("referral-progress"))).contains("绿色通道");
                String day = desk.driver().findElement(By.id("referral-progress")).getText();
                desk.screenshot("referral-desk-referral-desktop");

                browser.go("/referrals");
                assertThat(browser.text(By.id("referral-" + id))).contains("已预约", "钱医生", "绿色通道");
                assertThat(day).contains("钱医生");
                browser.go("/portal");
                assertThat(browser.text(By.id("portal-green-channel-used"))).isEqualTo("1");
                assertThat(browser.text(By.id("portal-green-channel-left"))).isEqualTo("4");
                assertThat(browser.horizontalOverflow()).isZero();
                browser.screenshot("referral-portal-green-channel-375");

                desk.driver().findElement(By.id("step-arrive")).click();
                assertThat(desk.text(By.id("flash"))).isEqualTo("已登记转诊 " + id + " 的患者到诊。");
                desk.resize(Browser.PHONE);
                assertThat(desk.horizontalOverflow()).as("the desk's page fits 375 px too").isZero();
                desk.screenshot("referral-desk-referral-375");
            }
            // each step is in the partner's inbox, newest first; opening one shows the referral's progress
            browser.go("/notifications");
            assertThat(browser.text(By.id("notifications"))).contains("的患者已到诊", "已预约：", "钱医生", "已受理");
            assertThat(browser.text(By.cssSelector("#topbar-notifications .topbar-count"))).isEqualTo("3");
            assertThat(browser.horizontalOverflow()).as("the notifications fit 375 px").isZero();
            browser.screenshot("referral-notifications-375");
            browser.driver().findElement(By.cssSelector("#notifications li .notification-text")).click();
            assertThat(browser.text(By.id("referral-" + id))).contains("已到诊", "绿色通道");
            browser.screenshot("referral-one-375");
            browser.go("/referrals");
            assertThat(browser.text(By.id("referral-" + id))).contains("已到诊").doesNotContain("ARRIVED");
            assertThat(browser.horizontalOverflow()).as("the list fits 375 px").isZero();
            browser.screenshot("referral-list-375");
            browser.go("/portal");
            assertThat(browser.text(By.id("portal-referrals"))).contains("本月共 1 例", "已到诊");
            browser.screenshot("referral-portal-home-375");
            // the month against tier C's standards (24 hours, 60 %): accepted within moments, its one patient came
            assertThat(browser.text(By.id("portal-service"))).contains("一般级标准", "0.0 小时", "标准：平均 24 小时内受理",
                    "本月受理 1 例", "100.0%", "标准：不低于 60%", "本月到诊 1 例 / 转诊 1 例").doesNotContain("未达标");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('portal-service').scrollIntoView()");
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("referral-portal-service-375");

            // the office, on a desktop: the referral's steps are today's figures of the monitoring page (the events the
            // desk's steps recorded through intake, on 2027-01-15 in the hospital's zone) ...
            try (Browser monitor = Browser.open(port)) {
                monitor.resize(Browser.DESKTOP);
                monitor.signIn(office, TestUsers.PASSWORD);
                monitor.waitFor(By.id("mainnav-home"));
                monitor.go("/intake");
                assertThat(monitor.text(By.id("today-referrals"))).isEqualTo("1");
                assertThat(monitor.text(By.id("today-accepted"))).isEqualTo("1");
                assertThat(monitor.text(By.id("today-arrivals"))).isEqualTo("1");
                assertThat(monitor.text(By.id("month-referrals"))).isEqualTo("1");
                assertThat(monitor.text(By.id("top-channels"))).contains("旅程社区卫生服务中心");
                monitor.screenshot("referral-monitoring-desktop");
            }
            // ... and the month's next evaluation counts its response time: one pair, of exactly the hours from
            // submission to acceptance that the referral's own times say (intake keeps response hours to 6 decimals,
            // rounded half up; the test clock moves a millisecond per reading, so they are few)
            String referral = send(clerk, "GET", "/api/v1/referrals/" + id, null);
            Instant submitted = OffsetDateTime.parse(JsonPath.read(referral, "$.createdAt")).toInstant();
            Instant accepted = OffsetDateTime.parse(JsonPath.read(referral, "$.acceptedAt")).toInstant();
            BigDecimal hours = BigDecimal.valueOf(Duration.between(submitted, accepted).toNanos())
                    .divide(BigDecimal.valueOf(3_600_000_000_000L), 6, RoundingMode.HALF_UP);
            send(office, "PUT", "/api/v1/schemes/REFERRAL_INSTITUTION", """
                    {"indicators": [{"code": "RESPONSE_TIME", "weight": 10, "scoring": {"method": "BANDS", "bands": [[4, 100], [24, 80], [48, 60]]}}],
                     "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}]}""");
            long evaluation = ((Number) JsonPath.read(send(office, "POST", "/api/v1/evaluations",
                    "{\"period\": \"2027-01\", \"unitType\": \"REFERRAL_INSTITUTION\"}"), "$.id")).longValue();
            var frozen = evaluations.measureTotals(((MeridianUser) accounts.loadUserByUsername(office)).actor(),
                    evaluation).get("RJ1").byKey();
            assertThat(frozen.get("response_count")).as("one response counted").isEqualByComparingTo("1");
            assertThat(frozen.get("response_hours_sum")).isEqualByComparingTo(hours);
            String cards = send(office, "GET", "/api/v1/evaluations/" + evaluation + "/scorecards?size=1000", null);
            List<Object> values = JsonPath.read(cards,
                    "$.items[?(@.channel == 'RJ1')].indicators[?(@.code == 'RESPONSE_TIME')].value");
            assertThat(values).as("RESPONSE_TIME has a value: not \"no data\"").hasSize(1).doesNotContainNull();
            List<Object> scores = JsonPath.read(cards,
                    "$.items[?(@.channel == 'RJ1')].indicators[?(@.code == 'RESPONSE_TIME')].score");
            assertThat(new BigDecimal(scores.get(0).toString())).as("within 4 hours: the top band")
                    .isEqualByComparingTo("100");
        }
    }

    private String send(String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = json == null ? b.GET().build() : b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
        return response.body();
    }
}
