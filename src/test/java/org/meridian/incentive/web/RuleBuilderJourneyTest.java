package org.meridian.incentive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser, at desktop width and at 375 px: the channel office writes a fee rule on the rule builder, sees the
 * compliance guard's verdict change while it switches the base from a fixed amount to the period's arrivals, is told
 * beside the field what is wrong, saves, and finds the rule flagged in the rules list; on a phone it writes an award.
 */
@MeridianWebTest
class RuleBuilderJourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    Hospitals hospitals;

    /** Chooses a value of a select, brought to the middle of the window first (the verdict stays at its bottom). */
    private static void choose(Browser browser, String id, String value) {
        org.openqa.selenium.WebElement select = browser.waitFor(By.id(id));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", select);
        new Select(select).selectByValue(value);
    }

    @Test
    void theOfficeWritesARuleAndSeesTheVerdictWhileTyping() {
        String code = "RBJ-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Hospital hospital = hospitals.create(code, "规则编辑旅程医院 " + code, ZoneId.of("Asia/Shanghai"));
        String office = users.create(hospital.id(), Role.CHANNEL_MANAGER, null);

        try (Browser browser = Browser.open(port)) {
            browser.signIn(office, TestUsers.PASSWORD);
            browser.go("/incentives");
            browser.waitFor(By.id("new-rule")).click();
            browser.waitFor(By.id("rule-form"));
            browser.field("code").sendKeys("ARRIVAL-FEE");
            browser.field("name").sendKeys("到诊服务费");
            choose(browser, "unitType", "EXAM_CENTER");
            browser.field("baseAmount").sendKeys("5000");
            browser.field("tierRates-A").sendKeys("1.2");
            browser.field("tierRates-B").sendKeys("-1");
            // a fixed base: no review; the negative rate is one problem left
            browser.waitForTextContaining(By.id("verdict-status"), "无需审查");
            browser.waitForTextContaining(By.id("verdict-problems"), "尚有 1 处问题");
            assertThat(browser.driver().findElement(By.id("baseMeasure")).isDisplayed())
                    .as("a fixed base hides the measure").isFalse();

            // the base becomes the period's arrivals: the guard flags it at once, naming the measure
            choose(browser, "baseKind", "MEASURE");
            choose(browser, "baseMeasure", "arrivals");
            browser.waitForTextContaining(By.id("verdict-status"), "到诊数");
            assertThat(browser.text(By.id("verdict-status"))).contains("需合规审查");
            assertThat(browser.driver().findElement(By.id("baseAmount")).isDisplayed()).isFalse();
            browser.screenshot("incentive-rule-builder-verdict");

            // saving with the negative rate: refused, the problem beside the rate of tier B, what was typed kept
            browser.driver().findElement(By.id("rule-submit")).click();
            browser.waitForTextContaining(By.id("tierRates-B-error"), "系数为负数");
            assertThat(browser.driver().findElement(By.id("tierRates-A")).getDomProperty("value")).isEqualTo("1.2");
            assertThat(browser.text(By.id("rule-errors"))).contains("1 处问题");
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('tierRates-B').scrollIntoView({block: 'center'})");
            browser.screenshot("incentive-rule-builder-error");

            browser.field("tierRates-B").sendKeys("1.0");
            browser.waitForTextContaining(By.id("verdict-problems"), "可以保存，将成为版本 1");
            browser.driver().findElement(By.id("rule-submit")).click();
            browser.waitForTextContaining(By.id("flash-success"), "ARRIVAL-FEE 第 1 版");
            assertThat(browser.text(By.id("rules"))).contains("ARRIVAL-FEE 第 1 版", "到诊服务费", "需合规审查", "到诊数");

            // on a phone: an award of the top 3 per quarter, the form fits 375 px
            browser.resize(Browser.PHONE);
            browser.go("/incentives/rules/new");
            choose(browser, "type", "AWARD");
            assertThat(browser.driver().findElement(By.id("tierRates-A")).isDisplayed()).isFalse();
            browser.field("code").sendKeys("TOP3-QUARTER");
            browser.field("name").sendKeys("季度前三名");
            choose(browser, "unitType", "EXAM_CENTER");
            browser.field("topN").sendKeys("3");
            browser.field("awardInKind").sendKeys("进修培训名额");
            browser.waitForTextContaining(By.id("verdict-problems"), "可以保存");
            assertThat(browser.text(By.id("verdict-status"))).contains("无需审查");
            browser.screenshot("incentive-rule-builder-phone");
            assertThat(browser.horizontalOverflow()).as("the rule builder at 375 px").isZero();
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('topN').scrollIntoView({block: 'center'})");
            browser.screenshot("incentive-rule-builder-phone-award");
            browser.driver().findElement(By.id("rule-submit")).click();
            browser.waitForTextContaining(By.id("flash-success"), "TOP3-QUARTER 第 1 版");
            assertThat(browser.horizontalOverflow()).as("the rules list at 375 px").isZero();
        }
    }
}
