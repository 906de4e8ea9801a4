package org.meridian.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.rectification.NewAction;
import org.meridian.rectification.Plan;
import org.meridian.rectification.PlanAction;
import org.meridian.rectification.RectificationWorkflow;
import org.meridian.shared.Actor;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.support.Api;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.MonthEvents;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12, "Done when", for a channel's user and for the one who decides its appeal — the channel office
 * (CHANNEL_MANAGER: an analyst reads appeals but decides none):
 * <ul>
 * <li>The channel's user finds its feedback report to acknowledge in its to-do inbox on a desktop, acknowledges it
 *     and sees it leave, then on a 375 px phone files an appeal against its arrival rate. A channel manager finds the
 *     appeal in the bell, by e-mail and in the to-do inbox; takes it under review on a desktop, rejects it with a
 *     reason on a phone, and sees it leave. The channel's user then hears the outcome in the bell and by e-mail, the
 *     e-mail without the office's reason (a typed text stays inside Meridian).</li>
 * <li>A rectification action two days late is told to the channel's user (bell and e-mail, without the action's
 *     text) and to the office; both find it in their to-do inbox; the channel's user marks it done from its inbox on
 *     a phone, and it leaves both inboxes.</li>
 * </ul>
 * Each sends only its own hospital's outbox.
 */
@MeridianWebTest
class ChannelWorkJourneyTest extends WorkJourney {

    @Autowired RectificationWorkflow rectification;
    @Autowired Clock clock;

    /**
     * Scheme: REFERRAL_VOLUME (LINEAR 0 → 10) and ARRIVAL_RATE (LINEAR 0 → 100 %). J1 has 8 referrals and 5
     * arrivals in September 2026, so it is evaluated and gets a report. The decider and J1's user are made after the
     * publication, so their bells hold only what this journey sends them.
     */
    @Test
    void theChannelAcknowledgesItsReportAndAppealsTheOfficeDecidesAndTheChannelIsTold() throws Exception {
        Published p = publish("AW", "申诉待办医院", "J1", """
                   {"code": "REFERRAL_VOLUME", "weight": 20, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}},
                   {"code": "ARRIVAL_RATE", "weight": 10, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}}""",
                8, 5);
        Hospital h = p.hospital();
        long j1 = p.channelId();
        String decider = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        String partner = users.create(h.id(), Role.CHANNEL_USER, j1);
        NextPerson next = next();
        next.chooseEmail(decider, "keshi@aw.example", "APPEAL_FILED");
        next.chooseEmail(partner, "j1@aw.example", "APPEAL_DECIDED");

        String appealPath;
        try (Browser browser = Browser.open(port)) {
            // J1's user: its report waits in the inbox; acknowledged, it leaves
            browser.signIn(partner, TestUsers.PASSWORD);
            browser.waitFor(By.id("inbox"));
            assertThat(browser.text(By.id("work-kind-feedback-acknowledge"))).contains("反馈报告待确认", "1");
            browser.screenshot("appeal-work-partner-before-desktop");
            NextPerson.item(browser, "2026-09 体检中心评估（第 1 版）的反馈报告").click();
            browser.waitFor(By.id("acknowledge")).click();
            browser.waitForText(By.id("report-status"), "已确认");
            browser.go("/");
            browser.waitFor(By.id("inbox-empty"));
            browser.screenshot("appeal-work-partner-after-desktop");

            // on a phone it appeals its arrival rate
            browser.resize(Browser.PHONE).go("/appeals");
            browser.waitFor(By.id("choose-submit")).click();
            new Select(browser.waitFor(By.id("indicator"))).selectByValue("ARRIVAL_RATE");
            browser.field("statement").sendKeys("9 月有两位患者到诊后漏登记。");
            browser.waitFor(By.id("appeal-submit")).click();
            browser.waitForText(By.id("status"), "已提交");
            appealPath = new java.net.URI(browser.driver().getCurrentUrl()).getPath();
            assertThat(browser.horizontalOverflow()).as("the filed appeal at 375 px").isZero();
            browser.screenshot("appeal-work-partner-filed-phone");
        }

        // the office's channel manager is told in the bell and by e-mail; the filer is not
        assertThat(next.told(decider, 1, "appeal-work-decider-told-phone"))
                .contains("新申诉待处理：体检中心 J1 对 2026-09 体检中心（第 1 版）的评估结果提出申诉");
        assertThat(next.mail(h, "keshi@aw.example"))
                .containsExactly("【Meridian 消息】新申诉待处理：体检中心 J1 对 2026-09 体检中心（第 1 版）的评估结果提出申诉");

        String filed = "体检中心 J1 对 2026-09 体检中心评估的到诊率提出";
        try (Browser browser = Browser.open(port)) {
            browser.signIn(decider, TestUsers.PASSWORD);
            browser.waitFor(By.id("inbox"));
            assertThat(browser.text(By.id("work-kind-appeal-open"))).contains("申诉待处理", "1");
            assertThat(browser.text(By.id("inbox"))).contains(filed + "申诉，待受理");
            browser.screenshot("appeal-work-decider-before-desktop");
            NextPerson.item(browser, filed).click();
            browser.waitFor(By.id("review-submit")).click();
            browser.waitForText(By.id("status"), "审核中");
            browser.go("/");
            assertThat(browser.waitForTextContaining(By.id("inbox"), "待裁决")).contains(filed + "的申诉审核中，待裁决");
            browser.screenshot("appeal-work-decider-review-desktop");

            browser.resize(Browser.PHONE).go("/");
            browser.waitFor(By.id("inbox"));
            assertThat(browser.horizontalOverflow()).as("the workbench fits 375 px").isZero();
            NextPerson.item(browser, filed).click();
            browser.waitFor(By.id("decision-reject")).click();
            browser.field("reason").sendKeys("HIS 中没有这两位患者 9 月的到诊记录。");
            browser.waitFor(By.id("decision-submit")).click();
            browser.waitForText(By.id("status"), "已驳回");
            assertThat(browser.driver().getCurrentUrl()).endsWith(appealPath);
            browser.go("/");
            browser.waitFor(By.id("inbox-empty"));
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("appeal-work-decider-after-phone");
        }

        // J1's user hears the outcome: the reason in Meridian, not in the e-mail
        assertThat(next.told(partner, 1, "appeal-work-partner-told-phone"))
                .contains("您渠道对 2026-09 体检中心（第 1 版）评估结果的申诉已被驳回，理由：HIS 中没有这两位患者 9 月的到诊记录。");
        assertThat(next.mail(h, "j1@aw.example")).containsExactly(
                "【Meridian 消息】您渠道对 2026-09 体检中心（第 1 版）评估结果的申诉已被驳回，理由请登录 Meridian 查看。");
    }

    /**
     * Scheme: REFERRAL_VOLUME (LINEAR 0 → 10 referrals). K1 has 2 referrals in September 2026: score 20, below the
     * failing score 60, so it qualifies for a plan. Its plan has an action due two days before today and one due in
     * three days; the check tells of the first only.
     */
    @Test
    void anOverdueActionIsToldAndTheChannelMarksItDoneFromItsInbox() throws Exception {
        Published p = publish("AK", "整改待办医院", "K1", """
                   {"code": "REFERRAL_VOLUME", "weight": 10, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}}""",
                2, 1);
        Hospital h = p.hospital();
        String office = p.office();
        long k1 = p.channelId();
        long evaluation = p.evaluationId();
        String tracker = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        String partner = users.create(h.id(), Role.CHANNEL_USER, k1);
        Actor asOffice = new Actor(h.id(), office, Set.of(Role.CHANNEL_MANAGER), null);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        Plan plan = rectification.open(asOffice, evaluation, "K1", "K1 转诊量整改");
        PlanAction late = rectification.addAction(asOffice, plan.id(),
                new NewAction("核对转诊登记", "K1 联络员", today.minusDays(2)));
        rectification.addAction(asOffice, plan.id(), new NewAction("培训接诊人员", "K1 联络员", today.plusDays(3)));
        NextPerson next = next();
        next.chooseEmail(partner, "k1@ak.example", "RECTIFICATION_OVERDUE");

        // the morning check tells of the late action: the channel's user and the office, once
        assertThat(rectification.tellOverdue(Actor.system(h.id(), "test"))).isEqualTo(1);
        String due = "应于 " + today.minusDays(2) + " 完成，已逾期 2 天";
        assertThat(next.told(partner, 1, "plan-work-partner-told-phone"))
                .contains("您渠道的整改措施已逾期：“核对转诊登记”（K1 转诊量整改）" + due);
        assertThat(next.told(tracker, 1, "plan-work-office-told-phone"))
                .contains("整改措施已逾期：体检中心 K1 的“核对转诊登记”（K1 转诊量整改）" + due);
        assertThat(next.mail(h, "k1@ak.example")).containsExactly(
                "【Meridian 消息】您渠道（体检中心 K1）有一项整改措施" + due + "，详情请登录 Meridian 查看。");

        String item = "体检中心 K1：“核对转诊登记”（K1 转诊量整改）" + due;
        try (Browser browser = Browser.open(port)) {
            // the office follows the late action up from its inbox
            browser.signIn(tracker, TestUsers.PASSWORD);
            browser.waitFor(By.id("inbox"));
            assertThat(browser.text(By.id("work-kind-rectification-action"))).contains("整改措施待完成", "1");
            assertThat(browser.text(By.id("inbox"))).contains(item).doesNotContain("培训接诊人员");
            browser.screenshot("plan-work-office-before-desktop");

            // the channel's user does it from its inbox on a phone: the late one and the one due in three days
            browser.driver().manage().deleteAllCookies();
            browser.resize(Browser.PHONE);
            browser.signIn(partner, TestUsers.PASSWORD);
            browser.waitFor(By.id("inbox"));
            assertThat(browser.text(By.id("work-kind-rectification-action"))).endsWith("2");
            assertThat(browser.text(By.id("inbox"))).contains(item,
                    "体检中心 K1：“培训接诊人员”（K1 转诊量整改）应于 " + today.plusDays(3) + " 完成，还有 3 天");
            assertThat(browser.horizontalOverflow()).as("the workbench fits 375 px").isZero();
            browser.screenshot("plan-work-partner-before-phone");
            NextPerson.item(browser, "核对转诊登记").click();
            browser.waitFor(By.id("done-" + late.id())).click();
            browser.waitForTextContaining(By.id("action-" + late.id()), "已完成");
            browser.go("/");
            browser.waitFor(By.id("inbox"));
            assertThat(browser.text(By.id("work-kind-rectification-action"))).as("done, it left").endsWith("1");
            assertThat(browser.text(By.id("inbox"))).doesNotContain("核对转诊登记");
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("plan-work-partner-after-phone");

            // and it left the office's inbox too
            browser.driver().manage().deleteAllCookies();
            browser.resize(Browser.DESKTOP);
            browser.signIn(tracker, TestUsers.PASSWORD);
            browser.waitFor(By.id("inbox-empty"));
            browser.screenshot("plan-work-office-after-desktop");
        }
    }

    /** A hospital of its own whose office published the evaluation of September 2026 of one exam centre. */
    private record Published(Hospital hospital, String office, long channelId, long evaluationId) {
    }

    /**
     * Through the API, as the office would: the exam centre {@code code} (named 体检中心 <code>), the scheme of the
     * given indicators with tiers A ≥ 85 and B ≥ 70, its referrals and arrivals of September 2026, and the
     * evaluation of that month, published.
     */
    private Published publish(String prefix, String name, String code, String indicators, int referrals,
                              int arrivals) {
        Api api = new Api(port);
        Hospital h = NextPerson.hospital(hospitals, prefix, name);
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        long channel = NextPerson.channel(api, office, code, "体检中心 " + code, "EXAM_CENTER");
        api.expect(200, office, "PUT", "/api/v1/schemes/EXAM_CENTER", "{\"indicators\": [" + indicators
                + "], \"tiers\": [{\"tier\": \"A\", \"minTotal\": 85}, {\"tier\": \"B\", \"minTotal\": 70}]}");
        List<String> events = new ArrayList<>();
        MonthEvents.add(events, code, "2026-09", referrals, arrivals);
        api.expect(200, office, "POST", "/api/v1/events", "[" + String.join(",", events) + "]");
        long evaluation = ((Number) JsonPath.read(api.expect(200, office, "POST", "/api/v1/evaluations",
                "{\"period\": \"2026-09\", \"unitType\": \"EXAM_CENTER\"}"), "$.id")).longValue();
        api.expect(200, office, "POST", "/api/v1/evaluations/" + evaluation + "/publish", "");
        return new Published(h, office, channel, evaluation);
    }
}
