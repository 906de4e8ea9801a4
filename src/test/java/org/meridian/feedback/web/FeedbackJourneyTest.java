package org.meridian.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The office publishes an evaluation in a real browser, opens a channel's feedback report and its PDF; the
 * channel's user signs in, sees only its own report (on a phone too), acknowledges it, cannot open another
 * channel's; the office sees the status change and filters the unacknowledged.
 */
@MeridianWebTest
class FeedbackJourneyTest {

    @LocalServerPort
    int port;

    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    @Test
    void publishReadAcknowledgeAndFollowUp() throws Exception {
        String code = "FJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "反馈旅程医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String ch : List.of("K1", "K2", "K3")) {
            HttpResponse<String> r = send(office, "POST", "/api/v1/channels", "{\"code\": \"" + ch
                    + "\", \"name\": \"阳光社区卫生服务中心 " + ch + "\", \"type\": \"COMMUNITY_HEALTH\"}");
            assertThat(r.statusCode()).isEqualTo(201);
            Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(r.body());
            assertThat(m.find()).isTrue();
            ids.put(ch, Long.parseLong(m.group(1)));
        }
        assertThat(send(office, "PUT", "/api/v1/schemes/COMMUNITY_HEALTH", """
                {"indicators": [
                   {"code": "REFERRAL_VOLUME", "weight": 50, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}},
                   {"code": "ARRIVAL_RATE", "weight": 50, "scoring": {"method": "LINEAR", "zero": 50, "full": 100}}
                 ],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""")
                .statusCode()).isEqualTo(200);
        // K1: 10 referrals all arrived → 100; K2: 6 referrals, 4 arrived → 60 and 33.3; K3: 2 referrals, 1 arrived → 20, 0
        List<String> events = new ArrayList<>();
        int[][] counts = {{10, 10}, {6, 4}, {2, 1}};
        String[] codes = {"K1", "K2", "K3"};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < counts[c][0]; i++) {
                events.add(event(code + codes[c] + "r" + i, "REFERRAL", codes[c], "2026-09-0" + (1 + i % 9)));
            }
            for (int i = 0; i < counts[c][1]; i++) {
                events.add(event(code + codes[c] + "a" + i, "ARRIVED", codes[c], "2026-09-1" + (i % 9)));
            }
        }
        assertThat(send(office, "POST", "/api/v1/events", "[" + String.join(",", events) + "]").statusCode())
                .isEqualTo(200);
        HttpResponse<String> run = send(office, "POST", "/api/v1/evaluations",
                "{\"period\": \"2026-09\", \"unitType\": \"COMMUNITY_HEALTH\"}");
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(run.body());
        assertThat(m.find()).isTrue();
        long evaluation = Long.parseLong(m.group(1));
        String partner = users.create(h.id(), Role.CHANNEL_USER, ids.get("K2"));

        try (Browser browser = Browser.open(port)) {
            // the office publishes; the reports are there at once
            browser.signIn(office, TestUsers.PASSWORD);
            browser.go("/evaluations/" + evaluation);
            browser.waitFor(By.id("publish")).click();
            // publishing shows its consequences first and asks for confirmation
            browser.waitFor(By.id("confirm-publish")).click();
            browser.waitForText(By.id("evaluation-status"), "已发布");
            browser.go("/feedback");
            assertThat(browser.activeNav()).isEqualTo("评估反馈");
            assertThat(browser.text(By.id("evaluation-" + evaluation))).contains("2026-09", "社区卫生服务中心", "3");
            browser.driver().findElement(By.cssSelector("#evaluation-" + evaluation + " a")).click();
            assertThat(browser.waitForTextContaining(By.id("row-K2"), "已生成")).contains("2 / 3");
            browser.driver().findElement(By.cssSelector("#row-K2 a")).click();
            browser.waitForText(By.id("channel-name"), "阳光社区卫生服务中心 K2");
            assertThat(browser.text(By.id("report-total"))).isEqualTo("46.67");
            assertThat(browser.text(By.id("report-rank"))).isEqualTo("2 / 3");
            // K2 is the middle channel: level with the peer median (values 100, 66.67, 50 %); shown as a person
            // reads them: the rate 2/3 = 66.666…% with one decimal, its score 33.333… with two
            assertThat(browser.text(By.id("line-ARRIVAL_RATE"))).contains("到诊率", "66.7 %", "33.33",
                    "持平 0");
            // 6 referrals are fewer than 30: the rate is marked as on the scorecard
            assertThat(browser.text(By.cssSelector("#line-ARRIVAL_RATE .small-sample"))).isEqualTo("样本量小");
            assertThat(browser.text(By.id("suggestions"))).contains("到诊率偏低");
            assertThat(browser.driver().findElements(By.id("acknowledge"))).isEmpty();
            browser.screenshot("feedback-report-office-desktop");

            // the PDF link, fetched with the office's session
            String pdfHref = browser.waitFor(By.id("pdf-link")).getAttribute("href");
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfHref))
                    .header("Cookie", cookies(browser)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                assertThat(new PDFTextStripper().getText(doc)).contains("阳光社区卫生服务中心 K2", "到诊率", "46.67");
            }

            // the channel's user signs in and sees its own report only
            browser.driver().manage().deleteAllCookies();
            browser.signIn(partner, TestUsers.PASSWORD);
            browser.go("/feedback");
            assertThat(browser.activeNav()).isEqualTo("评估反馈");
            assertThat(browser.driver().findElements(By.cssSelector("#my-reports .report-card"))).hasSize(1);
            assertThat(browser.text(By.id("my-reports"))).contains("2026-09", "已生成");
            browser.driver().findElement(By.cssSelector("#my-reports .report-card")).click();
            browser.waitForText(By.id("channel-name"), "阳光社区卫生服务中心 K2");
            assertThat(browser.text(By.id("report-status"))).isEqualTo("已查看");
            browser.resize(Browser.PHONE);
            browser.go(browser.driver().getCurrentUrl().replace("http://localhost:" + port, ""));
            browser.waitFor(By.id("acknowledge"));
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("feedback-report-channel-phone");
            browser.driver().findElement(By.id("acknowledge")).click();
            browser.waitForText(By.id("report-status"), "已确认");
            assertThat(browser.text(By.id("acknowledged-at"))).contains(partner);
            assertThat(browser.driver().findElements(By.id("acknowledge"))).isEmpty();
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("feedback-report-acknowledged-phone");
            browser.resize(Browser.DESKTOP);

            // another channel's report does not exist for it
            long k1Report = reportId(browser, "K1", office, evaluation);
            browser.go("/feedback/reports/" + k1Report);
            assertThat(browser.text(By.id("not-found"))).contains("这份报告不存在，或者您无权查看");
            assertThat(browser.driver().getPageSource()).doesNotContain("阳光社区卫生服务中心 K1");
            browser.screenshot("feedback-not-found");

            // the office sees the acknowledgement and filters the unacknowledged
            browser.driver().manage().deleteAllCookies();
            browser.signIn(office, TestUsers.PASSWORD);
            browser.go("/feedback/evaluations/" + evaluation);
            assertThat(browser.waitForTextContaining(By.id("row-K2"), "已确认")).contains(partner);
            assertThat(browser.text(By.id("row-K1"))).contains("已生成");
            browser.waitFor(By.id("filter-unacknowledged")).click();
            browser.waitForTextContaining(By.id("status-filter"), "只看未确认");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> d.findElements(By.id("row-K2")).isEmpty());
            assertThat(browser.driver().findElements(By.cssSelector("#reports tbody tr"))).hasSize(2);
            browser.screenshot("feedback-delivery-desktop");

            // the suggestion rules: a bad rule is explained beside its fields, a good one is listed
            browser.go("/feedback/rules");
            assertThat(browser.text(By.id("rules"))).contains("到诊率", "60").doesNotContain("ARRIVAL_RATE");
            browser.field("below").sendKeys("150");
            browser.driver().findElement(By.id("rule-submit")).click();
            assertThat(browser.waitForTextContaining(By.id("below-error"), "不超过 100")).contains("150");
            assertThat(browser.text(By.id("indicatorCode-error"))).isEqualTo("必填");
            assertThat(browser.text(By.id("textZh-error"))).isEqualTo("必填");
            assertThat(browser.waitFor(By.id("below")).getAttribute("value")).isEqualTo("150");
            browser.screenshot("feedback-rules-errors-desktop");
            new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("indicatorCode"))).selectByValue("NPS");
            browser.field("below").sendKeys("20");
            browser.field("textZh").sendKeys("净推荐值偏低：请了解患者不愿推荐的原因。");
            browser.field("textEn").sendKeys("Low NPS: ask patients why they would not recommend us.");
            browser.driver().findElement(By.id("rule-submit")).click();
            browser.waitForTextContaining(By.id("flash-success"), "NPS");
            assertThat(browser.text(By.id("rules"))).contains("净推荐值偏低：请了解患者不愿推荐的原因。");
            browser.resize(Browser.PHONE);
            browser.go("/feedback/rules");
            browser.waitFor(By.id("rules"));
            assertThat(browser.horizontalOverflow()).isZero();
        }
    }

    private long reportId(Browser browser, String channel, String office, long evaluation) throws Exception {
        HttpResponse<String> r = send(office, "GET", "/api/v1/feedback-reports?evaluationId=" + evaluation, "");
        Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"evaluationId\":\\d+,\"channel\":\"" + channel + "\"")
                .matcher(r.body());
        assertThat(m.find()).as(r.body()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String cookies(Browser browser) {
        StringBuilder b = new StringBuilder();
        for (Cookie c : browser.driver().manage().getCookies()) {
            b.append(b.isEmpty() ? "" : "; ").append(c.getName()).append('=').append(c.getValue());
        }
        return b.toString();
    }

    private static String event(String id, String type, String channel, String day) {
        return "{\"eventId\": \"" + id + "\", \"type\": \"" + type + "\", \"channel\": \"" + channel
                + "\", \"occurredAt\": \"" + day + "T10:00:00+08:00\"" + ("REFERRAL".equals(type)
                ? ", \"referralId\": \"" + id + "\"" : "") + "}";
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
