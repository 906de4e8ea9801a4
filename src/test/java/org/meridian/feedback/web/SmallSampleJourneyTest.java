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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A scorecard's net promoter score with its standard error, and the small-sample mark on the scorecard and in the
 * feedback report, in Chromium on a desktop and at 375 px. The data and every figure are those of
 * {@code SmallSamplesOnReportsTest}, worked by hand there: NS1's NPS 30 from 10 answers (SE 24.7, band −18.4 to 78.4,
 * a small sample), satisfaction 8 of 10 (Wilson 49.0–94.3 %).
 */
@MeridianWebTest
class SmallSampleJourneyTest {

    @LocalServerPort
    int port;

    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    @Test
    void theNpsBandAndTheSmallSampleMarkOnScorecardAndReportOnDesktopAndPhone() throws Exception {
        String code = "SJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "小样本旅程医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        for (String ch : List.of("NS1", "NS2")) {
            assertThat(send(office, "POST", "/api/v1/channels", "{\"code\": \"" + ch + "\", \"name\": \""
                    + (ch.equals("NS1") ? "南山社区" : "北岭医院") + "\", \"type\": \"REFERRAL_INSTITUTION\"}")
                    .statusCode()).isEqualTo(201);
        }
        assertThat(send(office, "PUT", "/api/v1/schemes/REFERRAL_INSTITUTION", """
                {"indicators": [
                   {"code": "NPS", "weight": 50, "scoring": {"method": "LINEAR", "zero": -20, "full": 60}},
                   {"code": "SATISFACTION", "weight": 50, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}}
                 ],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""")
                .statusCode()).isEqualTo(200);
        List<String> events = new ArrayList<>();
        answers(events, code, "NS1", 5, 3, 2);
        answers(events, code, "NS2", 20, 12, 8);
        assertThat(send(office, "POST", "/api/v1/events", "[" + String.join(",", events) + "]").statusCode())
                .isEqualTo(200);
        String run = send(office, "POST", "/api/v1/evaluations",
                "{\"period\": \"2026-12\", \"unitType\": \"REFERRAL_INSTITUTION\"}").body();
        long evaluation = ((Number) JsonPath.read(run, "$.id")).longValue();
        assertThat(send(office, "POST", "/api/v1/evaluations/" + evaluation + "/publish", "").statusCode())
                .isEqualTo(200);
        String reports = send(office, "GET", "/api/v1/feedback-reports?evaluationId=" + evaluation, null).body();
        long report = ((Number) JsonPath.<List<Object>>read(reports, "$.items[?(@.channel == 'NS1')].id").get(0))
                .longValue();

        try (Browser browser = Browser.open(port)) {
            browser.signIn(office, TestUsers.PASSWORD);
            browser.go("/evaluations/" + evaluation + "/channels/NS1");
            assertThat(browser.text(By.cssSelector("#line-NPS .interval")))
                    .isEqualTo("标准误 24.7，95% 区间 −18.4 至 78.4，n = 10");
            assertThat(browser.text(By.cssSelector("#line-NPS .small-sample"))).isEqualTo("样本量小");
            assertThat(browser.text(By.cssSelector("#line-SATISFACTION .small-sample"))).isEqualTo("样本量小");
            scrollTo(browser, "line-NPS");
            browser.screenshot("small-sample-scorecard-desktop");
            browser.go("/feedback/reports/" + report);
            assertThat(browser.text(By.cssSelector("#line-NPS .small-sample"))).isEqualTo("样本量小");
            assertThat(browser.driver().findElement(By.cssSelector("#line-NPS .small-sample")).getAttribute("title"))
                    .startsWith("样本量 n = 10，少于 30");
            scrollTo(browser, "line-NPS");
            browser.screenshot("small-sample-report-desktop");

            browser.resize(Browser.PHONE);
            browser.go("/evaluations/" + evaluation + "/channels/NS1");
            scrollTo(browser, "line-NPS");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.screenshot("small-sample-scorecard-phone");
            browser.go("/feedback/reports/" + report);
            scrollTo(browser, "line-NPS");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.screenshot("small-sample-report-phone");
        }
    }

    /** A channel's December surveys: promoters (5, recommend 10 or 9), passives (4, 8 or 7), detractors (2, 3 or 6). */
    private static void answers(List<String> events, String prefix, String channel, int promoters, int passives,
                                int detractors) {
        boolean one = channel.equals("NS1");
        int[][] kinds = {{promoters, 5, one ? 10 : 9}, {passives, 4, one ? 8 : 7}, {detractors, 2, one ? 3 : 6}};
        int n = 0;
        for (int[] k : kinds) {
            for (int i = 0; i < k[0]; i++) {
                n++;
                events.add("{\"eventId\": \"" + prefix + channel + "-" + n + "\", \"type\": \"SURVEY\", \"channel\": \""
                        + channel + "\", \"occurredAt\": \"2026-12-" + String.format("%02d", 1 + n % 28)
                        + "T10:00:00+08:00\", \"value\": " + k[1] + ", \"attributes\": {\"recommend\": " + k[2] + "}}");
            }
        }
    }

    private static void scrollTo(Browser browser, String id) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", id);
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
