package org.meridian.evaluation.web;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 5's "done when" in a real browser: the channel office changes a weight in the scheme editor, previews
 * the what-if side by side, saves, runs and publishes the evaluation, opens a channel's scorecard with its "why"
 * and compares it with the period before. Desktop and phone screenshots.
 *
 * <p>Scheme (API): REFERRAL_VOLUME 10 (LINEAR 0→10), ARRIVAL_RATE 10 (LINEAR 50→100). September: P1 10 referrals,
 * 5 arrivals → 100 and 0 → 50 (D, 3); P2 4 and 4 → 40 and 100 → 70 (B, 1); P3 2 and 2 → 20 and 100 → 60 (C, 2).
 * With REFERRAL_VOLUME weighing 30: P1 75 (B, 1), P2 55 (C, 2), P3 40 (D, 3). August: P1 8 and 8 → 80 and 100 →
 * 90 (A) under the saved scheme it was published with.
 */
@MeridianWebTest
class WhatIfJourneyTest {

    @LocalServerPort
    int port;

    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    @Test
    void editPreviewSaveRunPublishExplainAndCompare() throws Exception {
        String code = "WJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "方案试算医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        for (String c : List.of("P1", "P2", "P3")) {
            assertThat(send(office, "POST", "/api/v1/channels", "{\"code\": \"" + c + "\", \"name\": \"社区中心 " + c
                    + "\", \"type\": \"COMMUNITY_HEALTH\", \"region\": \"杭州市/西湖区\"}")).isEqualTo(201);
        }
        assertThat(send(office, "PUT", "/api/v1/schemes/COMMUNITY_HEALTH", """
                {"indicators": [
                   {"code": "REFERRAL_VOLUME", "weight": 10, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}},
                   {"code": "ARRIVAL_RATE", "weight": 10, "scoring": {"method": "LINEAR", "zero": 50, "full": 100}}],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}"""))
                .isEqualTo(200);
        List<String> events = new ArrayList<>();
        MonthEvents.add(events, "P1", "2026-09", 10, 5);
        MonthEvents.add(events, "P2", "2026-09", 4, 4);
        MonthEvents.add(events, "P3", "2026-09", 2, 2);
        MonthEvents.add(events, "P1", "2026-08", 8, 8);
        MonthEvents.add(events, "P2", "2026-08", 4, 2);
        assertThat(send(office, "POST", "/api/v1/events", "[" + String.join(",", events) + "]")).isEqualTo(200);
        assertThat(send(office, "POST", "/api/v1/evaluations", "{\"period\": \"2026-08\", \"unitType\": \"COMMUNITY_HEALTH\"}"))
                .isEqualTo(200);

        try (Browser browser = Browser.open(port)) {
            browser.signIn(office, TestUsers.PASSWORD);
            browser.waitFor(By.id("hospital-name"));
            // publish August in the list, so that September has a period to be compared with
            browser.go("/evaluations?period=2026-08");
            browser.waitFor(By.cssSelector("a[id^=publish-]")).click();
            browser.waitFor(By.id("confirm-publish")).click();
            browser.waitForText(By.id("evaluation-status"), "已发布");

            browser.go("/indicators/schemes/COMMUNITY_HEALTH");
            browser.waitForText(By.id("scheme-title"), "考核方案：社区卫生服务中心/站");
            assertThat(new Select(browser.waitFor(By.id("whatIfPeriod"))).getFirstSelectedOption().getText())
                    .as("the last month with data").isEqualTo("2026-09");
            int volume = row(browser, "REFERRAL_VOLUME");
            type(browser, "rows" + volume + "-weight", "30");
            browser.waitForText(By.id("rows" + volume + "-share"), "75.0 %");
            browser.driver().findElement(By.id("what-if-run")).click();
            browser.waitForText(By.id("what-if-summary"), "3 家渠道中 3 家分级变化（升级 1，降级 2），3 家排名变化。");
            assertThat(browser.text(By.id("what-if-P1"))).contains("50.00", "75.00", "+25.00", "↑ 2", "D → B ↑");
            assertThat(browser.text(By.id("what-if-P2"))).contains("70.00", "55.00", "↓ 1", "B → C ↓");
            assertThat(browser.waitFor(By.id("rows" + volume + "-weight")).getAttribute("value"))
                    .as("the edit is still in the form").isEqualTo("30");
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('what-if-panel').scrollIntoView()");
            browser.screenshot("what-if-desktop");
            browser.resize(Browser.PHONE);
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('what-if-panel').scrollIntoView()");
            browser.screenshot("what-if-phone");
            assertThat(browser.horizontalOverflow()).as("the page does not scroll sideways").isZero();
            for (String c : List.of("P1", "P2", "P3")) {
                for (String side : List.of("what-if-new-total", "what-if-new-rank", "what-if-new-tier", "what-if-tier-move")) {
                    assertThat(inView(browser, "#what-if-" + c + " ." + side))
                            .as("on a phone the draft side (%s of %s) is on screen without scrolling sideways", side, c)
                            .isTrue();
                }
            }
            assertThat(browser.text(By.cssSelector("#what-if-P1 .what-if-new-total"))).isEqualTo("75.00");
            assertThat(browser.text(By.cssSelector("#what-if-P1 .what-if-new-tier"))).isEqualTo("B");
            browser.resize(new org.openqa.selenium.Dimension(800, 1000));
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('what-if-summary').scrollIntoView()");
            browser.screenshot("what-if-tablet");
            assertThat(browser.horizontalOverflow()).as("a tablet does not scroll sideways either").isZero();
            assertThat(inView(browser, "#what-if-P3 .what-if-tier-move")).isTrue();
            browser.resize(Browser.DESKTOP);
            assertThat(display(browser, "#what-if-P1")).as("the desktop keeps the side-by-side table").isEqualTo("table-row");

            browser.driver().findElement(By.id("scheme-submit")).click();
            browser.waitForText(By.id("scheme-saved"), "已保存为第 2 版");

            // run and publish September under the saved scheme: what the what-if showed
            browser.go("/evaluations");
            browser.field("period").sendKeys("2026-09");
            new Select(browser.waitFor(By.id("unitType"))).selectByValue("COMMUNITY_HEALTH");
            browser.driver().findElement(By.id("run-submit")).click();
            browser.waitForTextContaining(By.id("flash"), "2026-09");
            browser.driver().findElement(By.id("publish")).click();
            // publishing shows its consequences first and asks for confirmation
            browser.waitFor(By.id("confirm-publish")).click();
            browser.waitForText(By.id("evaluation-status"), "已发布");
            assertThat(browser.text(By.id("row-P1"))).contains("75.00", "B");

            browser.waitFor(By.linkText("P1")).click();
            browser.waitForTextContaining(By.id("line-ARRIVAL_RATE"), "到诊率 = 100 × 5 / 10 = 50 %");
            assertThat(browser.text(By.id("line-REFERRAL_VOLUME"))).contains("转诊量 = 10");
            browser.screenshot("what-if-journey-scorecard");

            browser.waitFor(By.id("compare-link")).click();
            browser.waitForTextContaining(By.id("compare-channel-title"), "P1");
            assertThat(browser.text(By.id("headline-0"))).contains("90.00", "75.00", "-15.00");
            assertThat(browser.text(By.id("headline-2"))).contains("A", "B", "降级");
            assertThat(browser.text(By.id("compare-scheme-changed"))).contains("方案版本不同");
            assertThat(browser.text(By.id("compare-line-ARRIVAL_RATE"))).contains("100", "50", "−50");
            browser.screenshot("compare-channel-desktop");
            browser.resize(Browser.PHONE);
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('compare-headline').scrollIntoView()");
            browser.screenshot("compare-channel-phone");
            assertThat(browser.horizontalOverflow()).isZero();
            assertThat(inView(browser, "#compare-line-ARRIVAL_RATE .compare-second-value"))
                    .as("the second period's value of an indicator is on screen on a phone").isTrue();
            browser.resize(Browser.DESKTOP);
            ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
            new Select(browser.waitFor(By.id("compare-channel"))).selectByValue("");
            browser.driver().findElement(By.id("compare-submit")).click();
            browser.waitForTextContaining(By.id("compare-summary"), "3 家渠道");
            assertThat(browser.text(By.id("compare-P1"))).contains("90.00", "75.00", "降级");
            browser.screenshot("compare-ranking-desktop");
            browser.resize(Browser.PHONE);
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('compare-summary').scrollIntoView()");
            browser.screenshot("compare-ranking-phone");
            assertThat(browser.horizontalOverflow()).isZero();
            for (String c : List.of("P1", "P2", "P3")) {
                for (String side : List.of("compare-second-total", "compare-second-rank", "compare-second-tier",
                        "compare-total-change")) {
                    assertThat(inView(browser, "#compare-" + c + " ." + side))
                            .as("on a phone the second period (%s of %s) is on screen without scrolling sideways", side, c)
                            .isTrue();
                }
            }
            assertThat(browser.text(By.cssSelector("#compare-P1 .compare-second-total"))).isEqualTo("75.00");
            browser.resize(Browser.DESKTOP);
            assertThat(display(browser, "#compare-P1")).as("the desktop keeps the side-by-side table").isEqualTo("table-row");
        }
    }

    /**
     * Scrolls the element into view vertically only (as a thumb does) and answers whether its whole box is then inside
     * the viewport: nothing cut off on the right, nothing that needs a sideways scroll of the page or of a frame. The
     * page is scrolled back afterwards.
     */
    private static boolean inView(Browser browser, String selector) {
        Object ok = ((JavascriptExecutor) browser.driver()).executeScript("""
                const e = document.querySelector(arguments[0]);
                if (!e) { return false; }
                const y = window.scrollY;
                window.scrollTo(0, window.scrollY + e.getBoundingClientRect().top - window.innerHeight / 3);
                const r = e.getBoundingClientRect();
                let clipped = false;
                for (let p = e.parentElement; p; p = p.parentElement) {
                  const q = p.getBoundingClientRect();
                  if (r.left < q.left - 0.5 || r.right > q.right + 0.5) { clipped = true; }
                }
                const seen = r.width > 0 && r.height > 0 && !clipped && r.left >= 0 && r.right <= window.innerWidth
                    && r.top >= 0 && r.bottom <= window.innerHeight;
                window.scrollTo(0, y);
                return seen;""", selector);
        return Boolean.TRUE.equals(ok);
    }

    private static String display(Browser browser, String selector) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "return getComputedStyle(document.querySelector(arguments[0])).display;", selector);
    }

    private static int row(Browser browser, String code) {
        String id = browser.driver().findElement(By.cssSelector("#row-" + code + " input[type=checkbox]"))
                .getAttribute("id");
        return Integer.parseInt(id.substring("rows".length(), id.indexOf('-')));
    }

    /** Types into a field and waits until htmx has swapped in the re-checked shares and problems. */
    private static void type(Browser browser, String id, String value) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('scheme-check').setAttribute('data-stale', '1')");
        browser.driver().findElement(By.id(id)).sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
        // an empty marker: present, not visible
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#scheme-check:not([data-stale])")));
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
