package org.meridian.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.support.Api;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 12, "Done when", for the incentive and tier work (as {@link WorkDoneJourneyTest} for the others): a person
 * opens a to-do from the workbench on a desktop and then at 375 px, does it, sees it leave the list, and the next
 * person has it on the bell and by e-mail (GreenMail; only this test's hospital's outbox is sent).
 * <ul>
 * <li>Statements: the channel office prepared two (S1's 2026-Q1 and 2026-Q2); the second office reviews them
 *     (结算单待复核), the hospital manager is told and approves them (结算单待审批), S1's user is told.</li>
 * <li>Tiers: the office asks to downgrade T1 and T2 from B 核心 to D 观察; the hospital manager is told and approves both
 *     (降级待审批), the office hears the decisions, T1's user hears its new tier.</li>
 * </ul>
 */
@MeridianWebTest
class IncentiveWorkJourneyTest extends WorkJourney {

    @Test
    void theOfficeReviewsTheManagerApprovesAndTheChannelUserIsToldByMail() throws Exception {
        Api api = new Api(port);
        Hospital h = NextPerson.hospital(hospitals, "WS", "激励待办旅程医院");
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        String office2 = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        String manager = users.create(h.id(), Role.HOSPITAL_MANAGER, null);
        long s1 = NextPerson.channel(api, office, "S1", "康桥社区 S1", "COMMUNITY_HEALTH");
        String partner = users.create(h.id(), Role.CHANNEL_USER, s1);
        // no evaluation and no rule: each statement is the office's adjustment alone
        for (String period : List.of("2026-Q1", "2026-Q2")) {
            String body = api.expect(201, office, "POST", "/api/v1/statements",
                    "{\"period\": \"" + period + "\", \"channelCode\": \"S1\"}");
            long id = ((Number) JsonPath.read(body, "$.id")).longValue();
            api.expect(200, office, "POST", "/api/v1/statements/" + id + "/adjustments",
                    "{\"amount\": 1200, \"reason\": \"季度随访补贴\"}");
        }
        next().chooseEmail(manager, "leader@ws.example", "STATEMENT_TO_APPROVE");
        next().chooseEmail(partner, "s1@ws.example", "STATEMENT_APPROVED");

        walk(office2, "statementReview", "结算单待复核", List.of("2026-Q1", "2026-Q2"), "review", "work-statement-office");
        assertThat(next().told(manager, 2, "work-statement-manager-told-phone")).contains(
                "结算单待审批：康桥社区 S1 2026-Q1 的结算单已复核", "结算单待审批：康桥社区 S1 2026-Q2 的结算单已复核");
        assertThat(next().mail(h, "leader@ws.example")).containsExactlyInAnyOrder(
                "【Meridian 消息】结算单待审批：康桥社区 S1 2026-Q1 的结算单已复核",
                "【Meridian 消息】结算单待审批：康桥社区 S1 2026-Q2 的结算单已复核");

        walk(manager, "statementApproval", "结算单待审批", List.of("2026-Q1", "2026-Q2"), "approve",
                "work-statement-manager");
        assertThat(next().told(partner, 2, "work-statement-partner-told-phone")).contains(
                "您渠道 2026-Q1 的结算单已批准", "您渠道 2026-Q2 的结算单已批准");
        assertThat(next().mail(h, "s1@ws.example")).containsExactlyInAnyOrder(
                "【Meridian 消息】您渠道 2026-Q1 的结算单已批准，可查看明细并下载",
                "【Meridian 消息】您渠道 2026-Q2 的结算单已批准，可查看明细并下载");
    }

    @Test
    void theManagerApprovesTheDowngradesOfTheInboxAndTheChannelUserIsToldByMail() throws Exception {
        Api api = new Api(port);
        Hospital h = NextPerson.hospital(hospitals, "WT", "激励待办旅程医院");
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        String manager = users.create(h.id(), Role.HOSPITAL_MANAGER, null);
        long t1 = NextPerson.channel(api, office, "T1", "康桥社区 T1", "COMMUNITY_HEALTH");
        NextPerson.channel(api, office, "T2", "康桥社区 T2", "COMMUNITY_HEALTH");
        String partner = users.create(h.id(), Role.CHANNEL_USER, t1);
        for (String code : List.of("T1", "T2")) {
            tier(api, office, code, "B");   // a first tier: applied at once, T1's user is told
        }
        next().chooseEmail(manager, "leader@wt.example", "TIER_CHANGE_REQUESTED");
        next().chooseEmail(partner, "t1@wt.example", "TIER_CHANGED");
        for (String code : List.of("T1", "T2")) {
            tier(api, office, code, "D");   // a downgrade: waits for the manager
        }
        assertThat(next().told(manager, 2, "work-tier-manager-told-phone")).contains(
                "降级待审批：测试 " + office + " 申请将 康桥社区 T1 的分级由 核心 调整为 观察",
                "降级待审批：测试 " + office + " 申请将 康桥社区 T2 的分级由 核心 调整为 观察");
        assertThat(next().mail(h, "leader@wt.example")).hasSize(2)
                .allSatisfy(s -> assertThat(s).startsWith("【Meridian 消息】降级待审批：").contains("由 核心 调整为 观察"));

        walk(manager, "channel-downgrade", "降级待审批", List.of("康桥社区 T1", "康桥社区 T2"), null, "work-tier-manager");
        assertThat(next().told(office, 2, "work-tier-office-told-phone")).contains(
                "您申请的降级已批准：康桥社区 T1 的分级由 核心 调整为 观察", "您申请的降级已批准：康桥社区 T2 的分级由 核心 调整为 观察");
        assertThat(next().told(partner, 2, "work-tier-partner-told-phone")).contains("您渠道的分级已调整：核心 → 观察",
                "您渠道的分级已调整：未分级 → 核心").doesNotContain("T2");
        assertThat(next().mail(h, "t1@wt.example")).containsExactly("【Meridian 消息】您渠道的分级已调整：核心 → 观察");
    }

    /**
     * {@code user} walks the workbench: on a desktop the inbox counts the two items of {@code kind} ({@code name});
     * the first is opened and done, and leaves the list; then at 375 px the second, until the inbox is empty. A
     * statement's step is its button ({@code button}); a downgrade (button null) is approved on the approvals page.
     */
    private void walk(String user, String kind, String name, List<String> items, String button, String shots) {
        String kindId = "work-kind-" + (kind.startsWith("channel") ? kind : "incentive-" + kind);
        try (Browser browser = Browser.open(port)) {
            browser.signIn(user, TestUsers.PASSWORD);
            browser.waitFor(By.id("inbox"));
            assertThat(browser.text(By.id(kindId))).contains(name, "2");
            browser.screenshot(shots + "-before-desktop");
            doFromInbox(browser, items.get(0), button);
            assertThat(browser.text(By.id("inbox"))).as("done, it left the list").doesNotContain(items.get(0))
                    .contains(items.get(1));
            assertThat(browser.text(By.id(kindId))).contains("1");
            browser.screenshot(shots + "-after-desktop");

            browser.resize(Browser.PHONE).go("/");
            browser.waitFor(By.id("inbox"));
            assertThat(browser.horizontalOverflow()).as("the workbench fits 375 px").isZero();
            browser.screenshot(shots + "-before-phone");
            doFromInbox(browser, items.get(1), button);
            browser.waitFor(By.id("inbox-empty"));
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot(shots + "-after-phone");
        }
    }

    /** Opens the inbox's item with {@code part}, takes its step, and is back on the workbench. */
    private static void doFromInbox(Browser browser, String part, String button) {
        NextPerson.item(browser, part).click();
        if (button != null) {
            browser.waitFor(By.id(button)).click();
            browser.waitFor(By.id("flash-success"));
        } else {
            browser.waitFor(By.cssSelector(".approval-list"));
            WebElement card = browser.driver().findElements(By.cssSelector(".approval-list .card.approval")).stream()
                    .filter(c -> c.getText().contains(part)).findFirst()
                    .orElseThrow(() -> new AssertionError("no downgrade of " + part + " to approve"));
            card.findElement(By.cssSelector("form.decision button.primary")).click();
            browser.waitFor(By.id("notice"));
        }
        browser.go("/");
        browser.waitFor(By.id("inbox"));
    }

    private static void tier(Api api, String office, String code, String tier) {
        api.expect(201, office, "POST", "/api/v1/channels/" + code + "/tier-changes",
                "{\"tier\": \"" + tier + "\", \"reason\": \"年度复核\"}");
    }
}
