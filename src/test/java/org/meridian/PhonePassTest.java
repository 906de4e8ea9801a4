package org.meridian;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.meridian.support.Browser;
import org.meridian.support.MeridianDemoTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every demo role's home and main lists at 375 px (issue 12 point 3): on the demo data, signed in as each demo
 * account of the README, no page scrolls sideways, and no part of it does either (a table wider than its box hides
 * columns behind a sideways scroll): a wide table becomes cards, a long line wraps. Each page is shot to
 * {@code target/screenshots/phone-<user>-<page>.png}.
 */
@MeridianDemoTest
class PhonePassTest {

    /** Per demo account, its home and the lists it works in (the links of its navigation). */
    static final Map<String, List<String>> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("admin", List.of("/", "/admin/users", "/admin/audit", "/admin/tokens"));
        PAGES.put("manager", List.of("/", "/channels", "/channels/approvals", "/evaluations", "/incentives",
                "/incentives/sanctions"));
        PAGES.put("office", List.of("/", "/channels", "/intake", "/intake/quality", "/units", "/indicators",
                "/evaluations", "/feedback", "/feedback/rules", "/appeals", "/rectification", "/incentives",
                "/insight/alerts", "/notifications"));
        PAGES.put("analyst", List.of("/", "/evaluations", "/feedback", "/appeals", "/rectification",
                "/efficiency/runs", "/exams"));
        PAGES.put("regulator", List.of("/", "/exams", "/region/rankings", "/region/districts",
                "/region/completeness", "/region/evaluations", "/region/alliances", "/region/alliances/DEMO-EAST?period=2026"));
        PAGES.put("desk", List.of("/", "/referrals/desk"));
        PAGES.put("region", List.of("/", "/region/hospitals", "/region/grants", "/region/evaluations"));
        PAGES.put("evaluator", List.of("/", "/units", "/evaluations"));
        PAGES.put("partner", List.of("/", "/portal", "/feedback", "/appeals", "/rectification", "/incentives/own",
                "/referrals", "/notifications"));
    }

    /** The page's parts that scroll sideways themselves (a table wider than its box): hidden columns on a phone. */
    static final String SCROLLERS = """
            return Array.from(document.querySelectorAll('main *')).filter(e => {
              const s = getComputedStyle(e);
              return (s.overflowX === 'auto' || s.overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1;
            }).map(e => e.id || (e.querySelector('[id]') || {}).id || e.className).slice(0, 5);""";

    @LocalServerPort int port;

    @Test
    void noPageOfAnyRoleScrollsSidewaysOnAPhone() {
        List<String> overflowing = new ArrayList<>();
        try (Browser browser = Browser.open(port)) {
            browser.resize(Browser.PHONE);
            PAGES.forEach((user, paths) -> {
                browser.driver().manage().deleteAllCookies();
                browser.signIn(user, "meridian2026");
                new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                        .until(d -> !d.getCurrentUrl().contains("/login"));
                for (String path : paths) {
                    browser.go(path);
                    browser.waitFor(By.cssSelector("main.content"));
                    String name = "phone-" + user + (path.equals("/") ? "-home" : path.replace('/', '-'));
                    browser.screenshot(name);
                    long overflow = browser.horizontalOverflow();
                    if (overflow > 0) {
                        overflowing.add(user + " " + path + ": " + overflow + " px wider than the phone");
                    }
                    List<?> scrollers = (List<?>) ((JavascriptExecutor) browser.driver()).executeScript(SCROLLERS);
                    if (!scrollers.isEmpty()) {
                        overflowing.add(user + " " + path + ": scrolls sideways inside " + scrollers);
                    }
                }
            });
        }
        assertThat(overflowing).as("pages that scroll sideways at 375 px").isEmpty();
    }
}
