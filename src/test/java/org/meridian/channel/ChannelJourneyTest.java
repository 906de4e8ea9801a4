package org.meridian.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.meridian.shared.Actor;
import org.meridian.shared.security.Role;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The channel office's journey in a real browser: create a channel (first with mistakes, each shown
 * beside its field), edit it, tier it, request a downgrade, and have another person approve it; the list
 * and detail pages on a desktop and on a 375 px phone.
 */
@MeridianWebTest
class ChannelJourneyTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired ChannelRegistry registry;
    @Autowired TierChangeWorkflow tierChanges;

    @Test
    void createEditDowngradeAndApproveAsAnotherUser() {
        long hospital = users.firstHospital().id();
        seedRealisticChannels(hospital);
        String office = users.create(Role.CHANNEL_MANAGER);
        String boss = users.create(Role.HOSPITAL_MANAGER);
        String code = "JR-" + Long.toString(System.currentTimeMillis() % 100000, 36).toUpperCase();

        try (Browser browser = Browser.open(port)) {
            browser.signIn(office, TestUsers.PASSWORD);
            browser.go("/channels");
            browser.waitFor(By.id("channel-table"));
            browser.screenshot("channels-list-desktop");
            browser.driver().findElement(By.id("new-channel")).click();

            browser.field("code").sendKeys(code);
            browser.field("name").sendKeys("   ");
            new Select(browser.waitFor(By.id("type"))).selectByValue("COMMUNITY_HEALTH");
            browser.field("contactPhone").sendKeys("12345");
            setDate(browser, "contractStart", "2026-06-01");
            setDate(browser, "contractEnd", "2026-05-01");
            browser.driver().findElement(By.id("save-channel")).click();
            browser.waitForText(By.id("name-error"), "必填");
            browser.waitForTextContaining(By.id("contactPhone-error"), "电话格式不正确");
            browser.waitForText(By.id("contractEnd-error"), "合同结束日期不能早于开始日期");
            assertThat(browser.driver().findElement(By.id("code")).getDomProperty("value")).as("nothing typed is lost").isEqualTo(code);
            browser.screenshot("channel-form-errors");

            browser.field("name").sendKeys("紫金港社区卫生服务中心");
            browser.field("contactPhone").sendKeys("0571-87654321");
            setDate(browser, "contractEnd", "2028-05-31");
            browser.field("region").sendKeys("杭州市/西湖区/三墩镇");
            browser.field("contactName").sendKeys("陈晓");
            browser.driver().findElement(By.id("save-channel")).click();
            browser.waitForText(By.id("channel-name"), "紫金港社区卫生服务中心");
            browser.waitForText(By.id("notice"), "渠道已创建");

            browser.driver().findElement(By.id("edit-channel")).click();
            browser.field("contactName").sendKeys("陈晓明");
            browser.driver().findElement(By.id("save-channel")).click();
            browser.waitForText(By.id("fact-contact"), "陈晓明");

            new Select(browser.waitFor(By.id("new-tier"))).selectByValue("A");
            browser.field("tier-reason").sendKeys("区域重点社区，首次分级");
            browser.driver().findElement(By.id("change-tier")).click();
            browser.waitForText(By.id("notice"), "分级已调整");
            browser.waitForTextContaining(By.id("channel-tier"), "A");

            new Select(browser.waitFor(By.id("new-tier"))).selectByValue("C");
            browser.driver().findElement(By.id("change-tier")).click();
            browser.waitForText(By.id("tier-reason-error"), "请填写原因");
            browser.field("tier-reason").sendKeys("连续两个季度转诊量下降");
            browser.driver().findElement(By.id("change-tier")).click();
            browser.waitForTextContaining(By.id("notice"), "等待院领导审批");
            browser.waitForTextContaining(By.id("pending-downgrade"), "A → C");
            browser.waitForTextContaining(By.id("channel-tier"), "A");
            assertThat(browser.driver().findElements(By.id("approve-downgrade"))).as("a channel manager cannot approve")
                    .isEmpty();

            browser.driver().findElement(By.cssSelector(".userbox button.link")).click();
            browser.signIn(boss, TestUsers.PASSWORD);
            browser.go("/channels/" + code);
            browser.waitFor(By.id("approve-downgrade")).click();
            browser.waitForText(By.id("notice"), "已批准降级，分级已生效");
            browser.waitForTextContaining(By.id("channel-tier"), "C");
            assertThat(browser.text(By.id("tier-history"))).contains("已批准").contains(boss).contains(office);
            browser.screenshot("channel-detail-desktop");

            browser.go("/channels/tiers");
            browser.field("rate-B").sendKeys("120");
            browser.driver().findElement(By.id("save-tier-B")).click();
            browser.waitForTextContaining(By.id("rate-error-B"), "0 到 100");
            browser.field("rate-B").sendKeys("2.5");
            browser.driver().findElement(By.id("save-tier-B")).click();
            browser.waitForText(By.id("notice"), "分级标准已保存");
            browser.screenshot("channel-tiers-desktop");
            ChannelRef seeded = registry.findByCode(Actor.system(hospital, "test"), "CH-002").orElseThrow();
            tierChanges.request(Actor.system(hospital, "test"), seeded.id(), "D", "2026 年第三季度评估得分 52.40，低于 C 级阈值 55",
                    TierChangeSource.EVALUATION, "2026-Q3");
            browser.go("/channels/approvals");
            assertThat(browser.text(By.cssSelector(".approval-list"))).contains(seeded.name()).contains("评估建议");
            browser.screenshot("channel-approvals-desktop");
            browser.go("/");
            assertThat(browser.text(By.cssSelector(".figures"))).contains("正式合作渠道").contains("合同即将到期")
                    .contains("待审批降级");

            browser.go("/channels");
            browser.field("f-q").sendKeys(code);
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.id("result-count"),
                            "共 1 个渠道"));
            assertThat(browser.driver().getCurrentUrl()).as("the search is in the address").contains("q=" + code);

            browser.resize(Browser.PHONE).go("/channels");
            browser.waitFor(By.id("channel-table"));
            browser.screenshot("channels-list-phone");
            assertThat(browser.horizontalOverflow()).as("list fits 375 px").isZero();
            browser.go("/channels/" + code);
            browser.waitFor(By.id("tier-history"));
            browser.screenshot("channel-detail-phone");
            assertThat(browser.horizontalOverflow()).as("detail fits 375 px").isZero();
        }
        assertThat(registry.findByCode(Actor.system(hospital, "test"), code)).hasValueSatisfying(c -> assertThat(c.tier()).isEqualTo("C"));
    }

    private static void setDate(Browser browser, String id, String isoDate) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, isoDate);
    }

    /** The first 24 demo channels, so that the list looks like a hospital's; once per database. */
    private void seedRealisticChannels(long hospital) {
        if (registry.findByCode(Actor.system(hospital, "test"), "CH-001").isPresent()) {
            return;
        }
        String[] tiers = {"A", "B", "C", "C", "B", "D"};
        int i = 0;
        for (ChannelDemoData.Seed s : ChannelDemoData.seeds().subList(0, 24)) {
            Channel c = registry.register(Actor.system(hospital, "test"), new ChannelDraft(s.code(), s.name(), s.type().name(),
                    i % 3 == 0 ? "STRATEGIC" : "CLOSE", i % 7 == 3 ? "PILOT" : "ACTIVE", s.region(), s.address(),
                    "联系人" + i, "1380000" + (1000 + i), "2025-01-01", "2027-12-31", null, null));
            tierChanges.request(Actor.system(hospital, "test"), c.id(), tiers[i % tiers.length], "首次分级", TierChangeSource.MANUAL,
                    null);
            i++;
        }
    }
}
