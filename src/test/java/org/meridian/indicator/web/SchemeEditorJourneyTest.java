package org.meridian.indicator.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.SchemeCatalogue;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Role;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The channel office sets a scheme in a real browser: problems appear beside the fields as they type (htmx),
 * shares of the total weight follow the weights, and saving makes a new version. Also the formula check.
 */
@MeridianWebTest
class SchemeEditorJourneyTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired SchemeCatalogue schemes;

    @Test
    void setASchemeWithLiveChecksAndSaveIt() {
        String office = users.create(Role.CHANNEL_MANAGER);
        long hospital = users.firstHospital().id();
        int before = schemes.current(hospital, UnitType.OTHER).map(SchemeSnapshot::version).orElse(0);
        try (Browser browser = Browser.open(port)) {
            browser.signIn(office, TestUsers.PASSWORD);
            browser.waitFor(By.id("hospital-name"));
            browser.go("/indicators");
            assertThat(browser.activeNav()).isEqualTo("指标体系");

            // the formula field checks itself while typing
            WebElement formula = browser.field("formula");
            formula.sendKeys("100 * conversions / arivals");
            browser.waitFor(By.cssSelector("#formula-check.field-error"));
            browser.waitForText(By.id("formula-check"), "第 21 个字符处的度量“arivals”不存在");
            browser.screenshot("indicators-catalogue-formula-check");

            browser.go("/indicators/schemes/OTHER");
            browser.waitForText(By.id("scheme-title"), "考核方案：其他");
            // start from nothing: leave out whatever an earlier run included
            for (WebElement box : browser.driver().findElements(By.cssSelector("#scheme-indicators input[type=checkbox]"))) {
                if (box.isSelected()) {
                    String id = box.getAttribute("id");
                    change(browser, () -> browser.driver().findElement(By.id(id)).click());
                }
            }
            int arrival = row(browser, "ARRIVAL_RATE");
            int satisfaction = row(browser, "SATISFACTION");
            change(browser, () -> browser.driver().findElement(By.id("rows" + arrival + "-included")).click());
            type(browser, "rows" + arrival + "-weight", "10");
            select(browser, "rows" + arrival + "-method", "LINEAR");
            type(browser, "rows" + arrival + "-zero", "50");
            type(browser, "rows" + arrival + "-full", "50");
            // zero = full: the problem shows beside the field, without saving
            browser.waitForText(By.id("rows" + arrival + "-full-error"), "零分值与满分值不能相同（都是 50）");
            type(browser, "rows" + arrival + "-full", "90");
            assertThat(browser.driver().findElements(By.id("rows" + arrival + "-full-error"))).isEmpty();

            change(browser, () -> browser.driver().findElement(By.id("rows" + satisfaction + "-included")).click());
            type(browser, "rows" + satisfaction + "-weight", "30");
            select(browser, "rows" + satisfaction + "-method", "PEER_RANK");
            assertThat(browser.driver().findElement(By.id("rows" + satisfaction + "-full")).getAttribute("readonly"))
                    .as("peer rank has no zero and full to type").isNotNull();
            assertThat(browser.driver().findElement(By.id("rows" + arrival + "-full")).getAttribute("value"))
                    .as("the check on every change leaves the inputs as typed").isEqualTo("90");
            // shares of the total weight 40: 10 → 25.0 %, 30 → 75.0 %
            browser.waitForText(By.id("rows" + arrival + "-share"), "25.0 %");
            browser.waitForText(By.id("rows" + satisfaction + "-share"), "75.0 %");
            type(browser, "tiers1-minTotal", "90");
            assertThat(browser.text(By.id("tiers1-minTotal-error"))).startsWith("最低总分 90 未低于上一级的 85");
            browser.screenshot("indicators-scheme-invalid");
            type(browser, "tiers1-minTotal", "70");

            browser.driver().findElement(By.id("scheme-submit")).click();
            browser.waitForText(By.id("scheme-saved"), "已保存为第 " + (before + 1) + " 版");
            browser.screenshot("indicators-scheme-saved");
            browser.resize(Browser.PHONE);
            browser.go("/indicators/schemes/OTHER");
            assertThat(browser.horizontalOverflow()).as("the page itself does not scroll sideways; tables do").isZero();
            browser.screenshot("indicators-scheme-phone");
        }
        SchemeSnapshot saved = schemes.current(hospital, UnitType.OTHER).orElseThrow();
        assertThat(saved.version()).isEqualTo(before + 1);
        assertThat(saved.items()).extracting(i -> i.code()).containsExactly("ARRIVAL_RATE", "SATISFACTION");
        assertThat(saved.items().get(0).weight()).isEqualByComparingTo("10");
        assertThat(saved.tiers().thresholds()).extracting(t -> t.tier()).containsExactly("A", "B", "C");
    }

    private static int row(Browser browser, String code) {
        String id = browser.driver().findElement(By.cssSelector("#row-" + code + " input[type=checkbox]"))
                .getAttribute("id");
        return Integer.parseInt(id.substring("rows".length(), id.indexOf('-')));
    }

    /** Does something that fires a change, and waits until htmx has swapped in the re-checked shares and problems. */
    private static void change(Browser browser, Runnable action) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('scheme-check').setAttribute('data-stale', '1')");
        action.run();
        // an empty marker: present, not visible
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#scheme-check:not([data-stale])")));
    }

    private static void type(Browser browser, String id, String value) {
        change(browser, () -> browser.driver().findElement(By.id(id))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB));
    }

    private static void select(Browser browser, String id, String value) {
        Select s = new Select(browser.driver().findElement(By.id(id)));
        if (!value.equals(s.getFirstSelectedOption().getAttribute("value"))) {
            change(browser, () -> new Select(browser.driver().findElement(By.id(id))).selectByValue(value));
        }
    }
}
