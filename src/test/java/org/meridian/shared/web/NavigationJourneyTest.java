package org.meridian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The grouped main navigation in a real browser: a desktop drop-down opened by mouse and by keyboard, the page
 * followed from it marked in its group; on a phone the burger menu lists the groups as headed sections.
 */
@MeridianWebTest
class NavigationJourneyTest {

    @LocalServerPort
    int port;

    @Autowired TestUsers users;

    private static boolean open(Browser browser, String group) {
        return browser.driver().findElement(By.id("mainnav-group-" + group)).getDomAttribute("open") != null;
    }

    /**
     * Whether the browser renders the element (its own {@code checkVisibility()}: no {@code display: none} and no
     * hidden content around it). Selenium's {@code isDisplayed()} calls everything in a closed {@code <details>}
     * hidden, even where the phone's style shows a closed group's content as a section.
     */
    private static boolean rendered(Browser browser, String id) {
        return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return arguments[0].checkVisibility()", browser.driver().findElement(By.id(id))));
    }

    @Test
    void openAGroupOnADesktopFollowAnItemAndFindThePageMarkedInItsGroup() {
        String analyst = users.create(Role.ANALYST);
        try (Browser browser = Browser.open(port)) {
            browser.signIn(analyst, TestUsers.PASSWORD);
            browser.waitFor(By.id("hospital-name"));
            assertThat(rendered(browser, "mainnav-indicators")).as("a closed group hides its items").isFalse();

            browser.driver().findElement(By.cssSelector("#mainnav-group-data > summary")).click();
            assertThat(browser.waitFor(By.id("mainnav-indicators")).getText()).isEqualTo("指标体系");
            assertThat(browser.text(By.id("mainnav-intake"))).isEqualTo("数据采集");
            browser.screenshot("nav-desktop-group-open");

            // opening another group closes the first
            browser.driver().findElement(By.cssSelector("#mainnav-group-assessment > summary")).click();
            browser.waitFor(By.id("mainnav-appeals"));
            assertThat(open(browser, "data")).isFalse();
            // a click elsewhere closes it
            browser.driver().findElement(By.id("hospital-name")).click();
            assertThat(open(browser, "assessment")).isFalse();

            browser.driver().findElement(By.cssSelector("#mainnav-group-data > summary")).click();
            browser.waitFor(By.id("mainnav-indicators")).click();
            assertThat(browser.activeNav()).isEqualTo("指标体系");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/indicators");
            assertThat(browser.text(By.cssSelector(".mainnav .navgroup.active > summary"))).isEqualTo("数据");
            assertThat(open(browser, "data")).as("the new page starts with its groups closed").isFalse();
            browser.screenshot("nav-desktop-active-group");
        }
    }

    @Test
    void theNavigationWorksByKeyboard() {
        String analyst = users.create(Role.ANALYST);
        try (Browser browser = Browser.open(port)) {
            browser.signIn(analyst, TestUsers.PASSWORD);
            browser.waitFor(By.id("hospital-name"));
            WebElement summary = browser.driver().findElement(By.cssSelector("#mainnav-group-assessment > summary"));

            summary.sendKeys(Keys.ENTER);
            browser.waitFor(By.id("mainnav-evaluations"));
            browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
            assertThat(open(browser, "assessment")).as("Escape closes the group").isFalse();
            assertThat(browser.driver().switchTo().activeElement().getText()).as("focus back on the group").isEqualTo("评估与反馈");

            browser.driver().switchTo().activeElement().sendKeys(Keys.SPACE);
            browser.waitFor(By.id("mainnav-evaluations"));
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat(browser.driver().switchTo().activeElement().getText()).as("Tab goes into the group").isEqualTo("绩效评估");
            browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
            assertThat(browser.activeNav()).isEqualTo("绩效评估");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/evaluations");
        }
    }

    @Test
    void onAPhoneTheMenuShowsTheGroupsAsHeadedSectionsWithoutOverflow() {
        String admin = users.create(Role.ADMIN);
        try (Browser browser = Browser.open(port)) {
            browser.resize(Browser.PHONE);
            browser.signIn(admin, TestUsers.PASSWORD);
            browser.waitFor(By.id("hospital-name"));
            assertThat(rendered(browser, "mainnav-home")).as("menu closed").isFalse();

            browser.driver().findElement(By.cssSelector(".nav-toggle-label")).click();
            assertThat(browser.text(By.cssSelector("#mainnav-group-data > summary"))).isEqualTo("数据");
            assertThat(browser.text(By.cssSelector("#mainnav-group-assessment > summary"))).isEqualTo("评估与反馈");
            // every item is there without opening its group
            for (String id : new String[] {"home", "channels", "intake", "indicators", "evaluations", "feedback",
                    "appeals", "rectification", "incentives", "forecasts", "admin"}) {
                assertThat(rendered(browser, "mainnav-" + id)).as(id).isTrue();
            }
            assertThat(open(browser, "data") && open(browser, "assessment")).as("the sections say they are open").isTrue();
            assertThat(browser.horizontalOverflow()).as("no horizontal scrolling at 375 px").isZero();
            browser.screenshot("nav-phone-menu");
            // a section's heading is no switch on a phone: tapping it leaves the items in view
            browser.driver().findElement(By.cssSelector("#mainnav-group-assessment > summary")).click();
            assertThat(open(browser, "assessment")).isTrue();

            browser.driver().findElement(By.id("mainnav-rectification")).click();
            assertThat(browser.activeNav()).isEqualTo("整改");
            browser.driver().findElement(By.cssSelector(".nav-toggle-label")).click();
            assertThat(rendered(browser, "mainnav-rectification")).isTrue();
            assertThat(browser.horizontalOverflow()).as("no horizontal scrolling at 375 px").isZero();
            browser.screenshot("nav-phone-menu-active");
        }
    }
}
