package org.meridian.portal;

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
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The channel portal in a real Chromium at 375 px and on a desktop, served over http://localhost (which the browser
 * treats as a secure origin): Chromium's own installability check finds nothing missing, the service worker
 * registers and controls the page, and with the network gone a page is replaced by the offline page, which carries
 * no figure. Two channels each see their own figures only.
 *
 * <p>Scheme: REFERRAL_VOLUME 10 (LINEAR 0→10), tiers A ≥ 85, B ≥ 70 (below: D). November 2026: Q1 8 referrals →
 * 80 (B); December 2026: Q1 10 → 100 (A, rank 1 of 2, +20 against November), Q2 4 → 40 (D, rank 2 of 2).
 */
@MeridianWebTest
class PortalJourneyTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    /** The DevTools session attached to the portal's service worker, once the network has been cut. */
    private String workerSession;

    @Test
    void aPartnerInstallsNothingYetGetsAnInstallableAppThatShowsOnlyItsOwnFiguresAndAnOfflinePage() throws Exception {
        String code = "PW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "门户医院", ZoneId.of("Asia/Shanghai"));
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        long q1 = 0;
        long q2 = 0;
        for (String c : List.of("Q1", "Q2")) {
            String body = send(office, "POST", "/api/v1/channels", "{\"code\": \"" + c + "\", \"name\": \"门户体检中心 "
                    + c + "\", \"type\": \"EXAM_CENTER\"}");
            long id = ((Number) JsonPath.read(body, "$.id")).longValue();
            if (c.equals("Q1")) {
                q1 = id;
            } else {
                q2 = id;
            }
        }
        send(office, "PUT", "/api/v1/schemes/EXAM_CENTER", """
                {"indicators": [{"code": "REFERRAL_VOLUME", "weight": 10, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}}],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}]}""");
        List<String> events = new ArrayList<>();
        MonthEvents.add(events, "Q1", "2026-11", 8, 6);
        MonthEvents.add(events, "Q1", "2026-12", 10, 7);
        MonthEvents.add(events, "Q2", "2026-12", 4, 2);
        send(office, "POST", "/api/v1/events", "[" + String.join(",", events) + "]");
        String partner1 = users.create(h.id(), Role.CHANNEL_USER, q1);
        String partner2 = users.create(h.id(), Role.CHANNEL_USER, q2);
        for (String period : List.of("2026-11", "2026-12")) {
            long id = ((Number) JsonPath.read(send(office, "POST", "/api/v1/evaluations",
                    "{\"period\": \"" + period + "\", \"unitType\": \"EXAM_CENTER\"}"), "$.id")).longValue();
            send(office, "POST", "/api/v1/evaluations/" + id + "/publish", "");
        }

        try (Browser browser = Browser.open(port)) {
            ChromeDriver chrome = (ChromeDriver) browser.driver();
            JavascriptExecutor js = chrome;
            browser.resize(Browser.PHONE);
            browser.signIn(partner1, TestUsers.PASSWORD);
            browser.waitFor(By.id("inbox"));
            browser.go("/portal");
            assertThat(browser.text(By.id("portal-channel"))).isEqualTo("门户体检中心 Q1");
            assertThat(browser.text(By.id("figure-evaluation-home-score"))).contains("100", "较上期 +20");
            assertThat(browser.text(By.id("figure-evaluation-home-rank"))).contains("第 1 / 2");
            assertThat(browser.text(By.id("figure-evaluation-home-tier"))).contains("A", "较上期 B");
            assertThat(browser.text(By.id("portal-referrals"))).contains("本月转诊");
            assertThat(chrome.getPageSource()).as("nothing of the other channel").doesNotContain("门户体检中心 Q2");

            Object scope = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "navigator.serviceWorker.ready.then(function (r) { done(r.scope + ' ' + r.active.scriptURL); });");
            assertThat(scope).isEqualTo("http://localhost:" + port + "/ http://localhost:" + port + "/portal/sw.js");
            browser.go("/portal");
            browser.waitFor(By.cssSelector("#own-trend canvas"));
            assertThat(js.executeScript("return navigator.serviceWorker.controller !== null;"))
                    .as("the page is served through the worker").isEqualTo(true);

            Map<String, Object> installability = chrome.executeCdpCommand("Page.getInstallabilityErrors", Map.of());
            assertThat((List<?>) installability.get("installabilityErrors")).as("Chromium's installability check")
                    .isEmpty();
            Map<String, Object> manifest = chrome.executeCdpCommand("Page.getAppManifest", Map.of());
            assertThat((String) manifest.get("url")).endsWith("/portal/manifest.webmanifest");
            assertThat((List<?>) manifest.get("errors")).as("the manifest parses cleanly").isEmpty();

            finishCharts(js);
            browser.screenshot("portal-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            assertThat(tapHeights(js)).as("every link and button of the portal's lists is at least 44 px high")
                    .allMatch(height -> height.doubleValue() >= 44);

            offline(chrome, true);
            browser.go("/portal");
            assertThat(browser.text(By.id("offline-zh-CN"))).contains("暂时无法连接", "重试");
            assertThat(browser.text(By.id("offline-en"))).contains("No connection");
            assertThat(chrome.findElements(By.id("portal-figures"))).as("no figure kept on the phone").isEmpty();
            assertThat(chrome.getPageSource()).doesNotContain("门户体检中心", "100");
            browser.screenshot("portal-offline-phone");
            browser.go("/notifications");
            assertThat(browser.text(By.id("offline-zh-CN"))).as("every page, not only the portal's")
                    .contains("暂时无法连接");

            offline(chrome, false);
            browser.resize(Browser.DESKTOP).go("/portal");
            assertThat(browser.text(By.id("figure-evaluation-home-score"))).contains("100");
            browser.waitFor(By.cssSelector("#own-trend canvas"));
            finishCharts(js);
            browser.screenshot("portal-desktop");

            browser.driver().findElement(By.cssSelector(".userbox button.link")).click();
            browser.waitFor(By.id("login-logout"));
            browser.resize(Browser.PHONE);
            browser.signIn(partner2, TestUsers.PASSWORD);
            browser.waitFor(By.id("inbox"));
            browser.go("/portal");
            assertThat(browser.text(By.id("portal-channel"))).isEqualTo("门户体检中心 Q2");
            assertThat(browser.text(By.id("figure-evaluation-home-score"))).contains("40");
            assertThat(browser.text(By.id("figure-evaluation-home-rank"))).contains("第 2 / 2");
            assertThat(browser.text(By.id("figure-evaluation-home-tier"))).contains("D").doesNotContain("A");
            assertThat(chrome.getPageSource()).as("nothing of the other channel").doesNotContain("门户体检中心 Q1");
            browser.screenshot("portal-phone-second-channel");
        }
    }

    /**
     * Cuts (or restores) the network with the DevTools protocol's {@code Network.emulateNetworkConditions}, for the
     * page and for the portal's service worker: the worker fetches on its own connection, which the page's emulation
     * does not reach, so the command is also sent to the worker's target (attached through the page's session).
     */
    @SuppressWarnings("unchecked")
    private void offline(ChromeDriver chrome, boolean offline) {
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        if (workerSession == null) {
            List<Map<String, Object>> targets = (List<Map<String, Object>>) chrome
                    .executeCdpCommand("Target.getTargets", Map.of()).get("targetInfos");
            Map<String, Object> worker = targets.stream().filter(t -> "service_worker".equals(t.get("type"))
                    && String.valueOf(t.get("url")).endsWith("/portal/sw.js")).findFirst()
                    .orElseThrow(() -> new AssertionError("no service worker target among " + targets));
            workerSession = (String) chrome.executeCdpCommand("Target.attachToTarget",
                    Map.of("targetId", worker.get("targetId"), "flatten", false)).get("sessionId");
        }
        for (String message : List.of("{\"id\": 1, \"method\": \"Network.enable\", \"params\": {}}",
                "{\"id\": 2, \"method\": \"Network.emulateNetworkConditions\", \"params\": {\"offline\": " + offline
                        + ", \"latency\": 0, \"downloadThroughput\": -1, \"uploadThroughput\": -1}}")) {
            chrome.executeCdpCommand("Target.sendMessageToTarget", Map.of("sessionId", workerSession,
                    "message", message));
        }
    }

    /** Draws the charts again without animation, so that a screenshot shows them whole. */
    private static void finishCharts(JavascriptExecutor js) {
        js.executeScript("document.documentElement.setAttribute('data-no-animation', '');"
                + "window.meridianCharts.init(document);");
    }

    @SuppressWarnings("unchecked")
    private static List<Number> tapHeights(JavascriptExecutor js) {
        return (List<Number>) js.executeScript("return Array.from(document.querySelectorAll("
                + "'#portal .tap, #portal-figures .figure')).map(function (e) { return e.getBoundingClientRect().height; });");
    }

    private String send(String user, String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
        return response.body();
    }
}
