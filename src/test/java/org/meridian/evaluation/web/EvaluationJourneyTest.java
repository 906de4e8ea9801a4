package org.meridian.evaluation.web;

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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The channel office runs and publishes an evaluation in a real browser, filters and sorts the ranking, opens a
 * channel's scorecard with its radar, trend and the "why" of every value, and exports the ranking.
 */
@MeridianWebTest
class EvaluationJourneyTest {

    @LocalServerPort
    int port;

    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    @Test
    void runPublishAndExplainAScorecard() throws Exception {
        String code = "EJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "评估旅程医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        String[][] channels = {{"J1", "杭州市/西湖区"}, {"J2", "杭州市/西湖区"}, {"J3", "杭州市/上城区"}, {"J4", "宁波市/海曙区"}};
        for (String[] c : channels) {
            assertThat(send(office, "POST", "/api/v1/channels", "{\"code\": \"" + c[0] + "\", \"name\": \"社区中心 "
                    + c[0] + "\", \"type\": \"COMMUNITY_HEALTH\", \"region\": \"" + c[1] + "\"}")).isEqualTo(201);
        }
        assertThat(send(office, "PUT", "/api/v1/schemes/COMMUNITY_HEALTH", """
                {"indicators": [
                   {"code": "REFERRAL_VOLUME", "weight": 20, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}},
                   {"code": "ARRIVAL_RATE", "weight": 10, "scoring": {"method": "LINEAR", "zero": 50, "full": 100}},
                   {"code": "SATISFACTION", "weight": 10, "scoring": {"method": "PEER_RANK"}},
                   {"code": "RESPONSE_TIME", "weight": 10, "scoring": {"method": "BANDS", "bands": [[4, 100], [24, 80], [48, 60]]}}
                 ],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""")).isEqualTo(200);
        // J1: 4 referrals, 3 arrivals (75 %), surveys 5 and 3, one referral accepted after 2 hours
        List<String> events = new ArrayList<>();
        int[][] perChannel = {{4, 3, 2}, {8, 8, 1}, {2, 1, 0}, {0, 0, 0}};
        for (int c = 0; c < channels.length; c++) {
            String ch = channels[c][0];
            for (int i = 0; i < perChannel[c][0]; i++) {
                events.add(event(ch + "r" + i, "REFERRAL", ch, "2026-09-0" + (1 + i % 9) + "T09:00:00+08:00",
                        ", \"referralId\": \"" + ch + "R" + i + "\""));
            }
            for (int i = 0; i < perChannel[c][1]; i++) {
                events.add(event(ch + "a" + i, "ARRIVED", ch, "2026-09-1" + (i % 9) + "T09:00:00+08:00", ""));
            }
            for (int i = 0; i < perChannel[c][2]; i++) {
                events.add(event(ch + "s" + i, "SURVEY", ch, "2026-09-20T09:00:00+08:00",
                        ", \"value\": " + (i == 0 ? 5 : 3)));
            }
        }
        events.add(event("J1acc", "ACCEPTED", "J1", "2026-09-01T11:00:00+08:00", ", \"referralId\": \"J1R0\""));
        assertThat(send(office, "POST", "/api/v1/events", "[" + String.join(",", events) + "]")).isEqualTo(200);

        try (Browser browser = Browser.open(port)) {
            browser.signIn(office, TestUsers.PASSWORD);
            browser.go("/evaluations");
            assertThat(browser.activeNav()).isEqualTo("绩效评估");

            // a wrong period is said beside the field, and what was typed stays
            browser.field("period").sendKeys("2026-13");
            new Select(browser.waitFor(By.id("unitType"))).selectByValue("COMMUNITY_HEALTH");
            browser.driver().findElement(By.id("run-submit")).click();
            assertThat(browser.text(By.cssSelector("#run-form .field.invalid"))).contains("2026-13", "2026-Q3");
            assertThat(browser.waitFor(By.id("period")).getAttribute("value")).isEqualTo("2026-13");
            assertThat(new Select(browser.waitFor(By.id("unitType"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("COMMUNITY_HEALTH");

            browser.field("period").sendKeys("2026-09");
            browser.driver().findElement(By.id("run-submit")).click();
            assertThat(browser.text(By.id("flash"))).contains("2026-09", "第 1 版");
            assertThat(browser.text(By.id("evaluation-status"))).isEqualTo("草稿");
            // J2: 8 referrals → 80, all arrived → 100, one survey of 5; ranks first
            assertThat(browser.text(By.cssSelector("#ranking-table tbody tr:first-child"))).contains("J2");
            assertThat(browser.text(By.id("row-J4"))).contains("宁波市/海曙区", "0.00", "D");
            // J1's rates rest on 4 referrals and 2 surveys; J4 has no data at all, so no rate to mark
            assertThat(browser.text(By.id("row-J1"))).contains("样本量小");
            assertThat(browser.driver().findElements(By.cssSelector("#row-J4 .small-sample"))).isEmpty();

            browser.driver().findElement(By.id("publish")).click();
            // publishing shows its consequences first and asks for confirmation
            browser.waitFor(By.id("confirm-publish")).click();
            assertThat(browser.text(By.id("evaluation-status"))).isEqualTo("已发布");
            assertThat(browser.text(By.id("flash"))).contains("冻结");
            assertThat(browser.driver().findElements(By.id("publish"))).isEmpty();
            charts(browser);
            browser.screenshot("evaluation-ranking-desktop");

            // filter by region (htmx swaps the table), then sort by total ascending
            new Select(browser.waitFor(By.id("region"))).selectByValue("杭州市/西湖区");
            new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(ExpectedConditions.invisibilityOfElementLocated(By.id("row-J3")));
            assertThat(browser.driver().findElements(By.cssSelector("#ranking-table tbody tr"))).hasSize(2);
            browser.waitFor(By.id("sort-total")).click();
            new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("sort-total"), "▲"));
            assertThat(browser.text(By.cssSelector("#ranking-table tbody tr:first-child"))).contains("J1");
            assertThat(browser.driver().findElements(By.cssSelector("#ranking-table tbody tr"))).hasSize(2);
            assertThat(browser.driver().findElement(By.cssSelector("#ranking-filter input[name=sort]")).getAttribute("value"))
                    .isEqualTo("total");

            browser.waitFor(By.linkText("J1")).click();
            assertThat(browser.text(By.id("card-total"))).isNotBlank();
            assertThat(browser.text(By.id("line-ARRIVAL_RATE"))).contains("到诊率 = 100 × 3 / 4 = 75 %",
                    "线性评分: 100 × (75 − 50) / (100 − 50) = 50");
            // 3 of 4 arrived: Wilson 95 % 0.3006–0.9544 (by hand in RateIntervalTest), n = 4 < 30 is a small sample
            assertThat(browser.text(By.cssSelector("#line-ARRIVAL_RATE .line-value"))).contains(
                    "95% 区间 30.1–95.4 %，n = 4", "样本量小");
            assertThat(browser.waitFor(By.cssSelector("#line-ARRIVAL_RATE .small-sample")).getAttribute("title"))
                    .contains("n = 4", "30");
            // a mean of hours is not a share of counts: no interval, no mark
            assertThat(browser.driver().findElements(By.cssSelector("#line-RESPONSE_TIME .interval"))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#line-RESPONSE_TIME .small-sample"))).isEmpty();
            assertThat(browser.text(By.id("line-RESPONSE_TIME"))).contains("服务响应时间 = 2 / 1 = 2", "分档评分");
            assertThat(browser.text(By.id("line-SATISFACTION"))).contains("患者满意度 = 100 × 1 / 2 = 50 %",
                    "同类排位评分");
            browser.waitFor(By.cssSelector("#radar canvas"));
            browser.waitFor(By.cssSelector("#trend canvas"));
            charts(browser);
            browser.screenshot("evaluation-scorecard-desktop");
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('indicators').scrollIntoView()");
            browser.screenshot("evaluation-scorecard-why-desktop");
            browser.resize(Browser.PHONE);
            charts(browser);
            browser.screenshot("evaluation-scorecard-phone");
            assertThat(browser.horizontalOverflow()).isZero();
            browser.driver().navigate().back();
            browser.resize(Browser.PHONE);
            charts(browser);
            browser.screenshot("evaluation-ranking-phone");
            assertThat(browser.horizontalOverflow()).isZero();
            for (String cell : List.of("ranking-total", "ranking-tier")) {
                assertThat((Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
                        "var r = document.querySelector('#ranking-table tbody tr .' + arguments[0]).getBoundingClientRect();"
                                + "return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth;", cell))
                        .as("on a phone the ranking's %s is on screen without scrolling sideways", cell).isTrue();
            }
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('ranking-table').scrollIntoView()");
            browser.screenshot("evaluation-ranking-cards-phone");

            // the export has the ranking in rank order with numbers Excel can sort
            String href = browser.waitFor(By.id("export")).getAttribute("href");
            String base64 = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
                            + "  var s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s));"
                            + "});", href);
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(Base64.getDecoder()
                    .decode(base64)))) {
                // the title row, the column heads (sheet row 3), then one row per channel
                List<Row> rows = wb.getFirstSheet().read();
                assertThat(rows).hasSize(2 + 4);
                assertThat(rows.get(1).getRowNum()).isEqualTo(3);
                assertThat(rows.get(1).getCellText(4)).isEqualTo("总分");
                assertThat(rows.get(2).getCellText(1)).isEqualTo("J2");
                assertThat(rows.get(2).getCellAsNumber(0).orElseThrow()).isEqualByComparingTo("1");
                assertThat(rows.get(2).getCellAsNumber(4).orElseThrow()).isEqualByComparingTo("90");
                assertThat(rows.get(5).getCellText(1)).isEqualTo("J4");
            }
        }
    }

    private static void charts(Browser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.documentElement.setAttribute('data-no-animation',''); window.meridianCharts.init(document);");
    }

    private static String event(String id, String type, String channel, String at, String more) {
        return "{\"eventId\": \"" + id + "\", \"type\": \"" + type + "\", \"channel\": \"" + channel
                + "\", \"occurredAt\": \"" + at + "\"" + more + "}";
    }

    private String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private int send(String user, String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

}
