package org.meridian;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.support.Browser;
import org.meridian.support.MeridianDemoTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every demo account's workbench (issue 12, "Done when": screenshots of every workbench on both widths are looked at),
 * on a desktop and at 375 px, to {@code target/screenshots/demo-workbench-<user>-desktop.png} and {@code -phone.png}.
 * What a person checks first: the page is the workbench of that person's hospital (or the regulator's and the region
 * administrator's own), nothing scrolls sideways on a phone, and the demo's evaluated downgrades wait on the hospital
 * manager's inbox — the two that {@code DemoEvaluations} leaves for approval (docs/evaluations.md).
 */
@MeridianDemoTest
class DemoWorkbenchesTest {

    /** The demo accounts of the README. */
    static final List<String> ACCOUNTS = List.of("admin", "manager", "office", "analyst", "evaluator", "desk",
            "partner", "regulator", "region");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void everyDemoWorkbenchOnADesktopAndAPhone() {
        try (Browser browser = Browser.open(port)) {
            for (String user : ACCOUNTS) {
                browser.resize(Browser.DESKTOP);
                browser.driver().manage().deleteAllCookies();
                browser.signIn(user, "meridian2026");
                new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                        .until(d -> !d.getCurrentUrl().contains("/login"));
                browser.go("/");
                browser.waitFor(By.cssSelector("main.content"));
                assertThat(browser.driver().getPageSource()).as(user + "'s workbench").doesNotContain("Whitelabel");
                browser.screenshot("demo-workbench-" + user + "-desktop");
                browser.resize(Browser.PHONE).go("/");
                browser.waitFor(By.cssSelector("main.content"));
                browser.screenshot("demo-workbench-" + user + "-phone");
                assertThat(browser.horizontalOverflow()).as(user + "'s workbench at 375 px").isZero();
                if (user.equals("manager")) {
                    assertThat(browser.text(By.id("work-kind-channel-downgrade"))).as("the evaluated downgrades left "
                            + "for the manager").contains("2");
                    // one termination to decide per channel: a channel that stays in the lowest tier has each earlier
                    // recommendation superseded by the later one (docs/incentives.md)
                    long pending = jdbc.sql("""
                                    SELECT COUNT(*) FROM incentive_sanction s JOIN hospital h ON h.id = s.hospital_id
                                    WHERE h.code = 'H001' AND s.status = 'PENDING'""")
                            .query(Long.class).single();
                    long channels = jdbc.sql("""
                                    SELECT COUNT(DISTINCT s.channel_code) FROM incentive_sanction s
                                      JOIN hospital h ON h.id = s.hospital_id
                                    WHERE h.code = 'H001' AND s.status = 'PENDING'""")
                            .query(Long.class).single();
                    assertThat(pending).as("termination recommendations waiting in the demo").isEqualTo(channels)
                            .isPositive();
                    assertThat(browser.text(By.id("work-kind-incentive-termination"))).as("terminations to decide")
                            .endsWith(" " + pending);
                }
            }
        }
    }
}
