package org.meridian.insight.web;

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
import org.meridian.support.MonthEvents;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13 point 3 in a real browser, desktop and 375 px: from the scheme editor the channel office opens the
 * weighting assistant, compares the three indicators in pairs (each change recomputed by htmx), sees an inconsistent
 * set flagged with the judgements to revisit, makes them consistent, puts the weights into the draft, tries them in
 * the what-if, saves, and the scheme page says where the weights came from.
 *
 * <p>Judgements 转诊量 : 到诊率 = 2, 转诊量 : 投诉率 = 4, 到诊率 : 投诉率 = 2 are consistent (4 = 2·2): weights (4, 2, 1)/7,
 * as points 57.14, 28.57, 14.29 (worked in {@code WeightingAssistantPagesTest}); 3, 1/5, 5 give CR = 2.116.
 */
@MeridianWebTest
class WeightingAssistantJourneyTest {

    @LocalServerPort
    int port;

    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JsonMapper json;

    @Test
    void officeWeighsTheSchemeByAhpTriesItInTheWhatIfAndSavesIt() throws Exception {
        String code = "WA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "赋权医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        for (String c : List.of("P1", "P2", "P3")) {
            assertThat(call(office, "POST", "/api/v1/channels", "{\"code\": \"" + c + "\", \"name\": \"合作渠道 " + c
                    + "\", \"type\": \"OTHER\", \"region\": \"杭州市/西湖区\"}").statusCode()).isEqualTo(201);
        }
        assertThat(call(office, "PUT", "/api/v1/schemes/OTHER", """
                {"indicators": [
                   {"code": "REFERRAL_VOLUME", "weight": 40, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}},
                   {"code": "ARRIVAL_RATE", "weight": 30, "scoring": {"method": "LINEAR", "zero": 50, "full": 100}},
                   {"code": "COMPLAINT_RATE", "weight": 30, "scoring": {"method": "BANDS", "bands": [[1, 100], [3, 80]]}}],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""")
                .statusCode()).isEqualTo(200);
        List<String> events = new ArrayList<>();
        MonthEvents.add(events, "P1", "2026-09", 10, 5);
        MonthEvents.add(events, "P2", "2026-09", 4, 4);
        MonthEvents.add(events, "P3", "2026-09", 2, 2);
        assertThat(call(office, "POST", "/api/v1/events", "[" + String.join(",", events) + "]").statusCode())
                .isEqualTo(200);
        HttpResponse<String> run = call(office, "POST", "/api/v1/evaluations",
                "{\"period\": \"2026-09\", \"unitType\": \"OTHER\"}");
        long september = json.readTree(run.body()).get("id").asLong();
        assertThat(call(office, "POST", "/api/v1/evaluations/" + september + "/publish", "").statusCode())
                .isEqualTo(200);

        try (Browser browser = Browser.open(port)) {
            browser.signIn(office, TestUsers.PASSWORD);
            browser.waitFor(By.id("hospital-name"));
            browser.go("/indicators/schemes/OTHER");
            assertThat(browser.text(By.id("provenance-sentence"))).isEqualTo("第 1 版的权重为手工设定（未使用赋权助手）。");
            browser.waitFor(By.id("weighting-link")).click();
            browser.waitForText(By.id("weighting-title"), "赋权助手：其他");
            assertThat(browser.text(By.id("criterion-COMPLAINT_RATE"))).contains("投诉率", "越低越好");

            judge(browser, "3", "1/5", "5");
            browser.waitForText(By.id("cr"), "2.116");
            assertThat(browser.text(By.id("revisit"))).contains("转诊量 与 到诊率：您的判断为“转诊量 稍微重要（3）”");
            assertThat(browser.driver().findElements(By.id("weighting-use"))).as("inconsistent: not usable").isEmpty();
            browser.screenshot("weighting-inconsistent-desktop");

            judge(browser, "2", "4", "2");
            browser.waitForText(By.id("cr"), "0.000");
            assertThat(browser.text(By.id("weight-REFERRAL_VOLUME"))).contains("57.1%", "57.14");
            assertThat(browser.text(By.id("weight-COMPLAINT_RATE"))).contains("14.3%", "14.29");
            assertThat(browser.text(By.id("consistent"))).contains("判断前后一致");
            browser.screenshot("weighting-desktop");
            browser.resize(Browser.PHONE);
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('weighting-table').scrollIntoView()");
            browser.screenshot("weighting-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.resize(Browser.DESKTOP);

            browser.waitFor(By.id("weighting-use")).click();
            browser.waitFor(By.id("weighted-draft"));
            assertThat(weight(browser, "REFERRAL_VOLUME")).isEqualTo("57.14");
            assertThat(weight(browser, "ARRIVAL_RATE")).isEqualTo("28.57");
            assertThat(weight(browser, "COMPLAINT_RATE")).isEqualTo("14.29");
            browser.waitFor(By.id("what-if-run")).click();
            browser.waitFor(By.id("what-if-summary"));
            assertThat(browser.text(By.id("what-if-basis"))).contains("2026-09");
            assertThat(browser.driver().findElements(By.id("weighted-draft"))).as("still the weighted draft").hasSize(1);
            browser.screenshot("weighting-what-if-desktop");

            browser.waitFor(By.id("scheme-submit")).click();
            browser.waitForText(By.id("scheme-saved"), "已保存为第 2 版");
            assertThat(browser.text(By.id("provenance-sentence"))).startsWith("第 2 版的权重由层次分析法得出：3 个指标两两比较");
            assertThat(browser.text(By.id("provenance-judgements")))
                    .contains("「转诊量」比「投诉率」介于稍微与明显重要之间（4）");
            browser.screenshot("weighting-provenance-desktop");
            browser.resize(Browser.PHONE);
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('weight-provenance').scrollIntoView()");
            browser.screenshot("weighting-provenance-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
        }
    }

    private static void judge(Browser browser, String... values) {
        for (int k = 0; k < values.length; k++) {
            new Select(browser.waitFor(By.id("judgement-" + k))).selectByValue(values[k]);
        }
    }

    private static String weight(Browser browser, String code) {
        return browser.driver().findElement(By.cssSelector("#row-" + code + " input[name$='.weight']"))
                .getAttribute("value");
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
