package org.meridian.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.support.Api;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.MonthEvents;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 12, "Done when", for the roles whose workbench has to-do items that tell someone else when done: the person
 * walks the workbench on a desktop and then at 375 px, opens a to-do from the inbox, does it, and sees it leave the
 * list; the next person's bell counts the notification and the e-mail they chose arrives in a real SMTP server
 * (GreenMail, on a free port). Only this test's hospital's deliveries are sent ({@code DeliverySender.sendDue(h)}):
 * the shared test Meridian holds other tests' deliveries to addresses outside.
 * <ul>
 * <li>The channel office (CHANNEL_MANAGER): two evaluation drafts to publish (考核草稿待发布); the channel's user
 *     hears that its feedback report is ready, by e-mail too.</li>
 * <li>A hospital manager: two over-quota green-channel bookings to approve (超额绿色通道待审批); the channel's user
 *     hears that each referral is booked, by e-mail too.</li>
 * <li>The referral desk: two new referrals to accept (新转诊待受理), urgent first; the channel's user hears that each
 *     is accepted, by e-mail too.</li>
 * </ul>
 * The channel user and the analyst have no to-do item of their own yet (docs/development.md lists what each module
 * contributes); they are the next persons here.
 */
@MeridianWebTest
class WorkDoneJourneyTest extends WorkJourney {

    /**
     * Scheme: REFERRAL_VOLUME (LINEAR 0 → 10 referrals), A ≥ 85, B ≥ 70. W1 has 8 referrals in September and 9 in
     * October 2026: both evaluations score it (80, B; 90, A), so each publication tells W1's user.
     */
    @Test
    void theOfficePublishesTheDraftsOfItsInboxAndTheChannelUserIsToldByMail() throws Exception {
        Api api = new Api(port);
        Hospital h = hospital("WD");
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        String analyst = users.create(h.id(), Role.ANALYST, null);
        long w1 = channel(api, office, "W1", "体检中心 W1", "EXAM_CENTER");
        api.expect(200, office, "PUT", "/api/v1/schemes/EXAM_CENTER", """
                {"indicators": [{"code": "REFERRAL_VOLUME", "weight": 10, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}}],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}]}""");
        List<String> events = new ArrayList<>();
        MonthEvents.add(events, "W1", "2026-09", 8, 5);
        MonthEvents.add(events, "W1", "2026-10", 9, 6);
        api.expect(200, office, "POST", "/api/v1/events", "[" + String.join(",", events) + "]");
        for (String period : List.of("2026-09", "2026-10")) {
            api.expect(200, office, "POST", "/api/v1/evaluations",
                    "{\"period\": \"" + period + "\", \"unitType\": \"EXAM_CENTER\"}");
        }
        String partner = users.create(h.id(), Role.CHANNEL_USER, w1);
        chooseEmail(partner, "w1@wd.example", "REPORT_READY");

        try (Browser browser = Browser.open(port)) {
            browser.signIn(office, TestUsers.PASSWORD);
            browser.waitFor(By.id("inbox"));
            assertThat(browser.text(By.id("work-kind-evaluation-draft"))).contains("考核草稿待发布", "2");
            browser.screenshot("work-done-office-before-desktop");
            publishFromInbox(browser, "2026-09");
            assertThat(browser.text(By.id("inbox"))).as("done, it left the list")
                    .doesNotContain("2026-09 体检中心").contains("2026-10 体检中心");
            assertThat(browser.text(By.id("work-kind-evaluation-draft"))).contains("1");
            browser.screenshot("work-done-office-after-desktop");

            browser.resize(Browser.PHONE).go("/");
            browser.waitFor(By.id("inbox"));
            assertThat(browser.horizontalOverflow()).as("the workbench fits 375 px").isZero();
            publishFromInbox(browser, "2026-10");
            browser.waitFor(By.id("inbox-empty"));
            assertThat(browser.driver().findElements(By.cssSelector("#inbox li.work-item"))).isEmpty();
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("work-done-office-after-phone");
        }

        // the next persons: W1's user (its report) and the analyst (the publication), each in their bell
        assertThat(notifications(partner, 2, "work-done-partner-reports-phone"))
                .contains("您的评估反馈报告已生成：2026-10 体检中心", "您的评估反馈报告已生成：2026-09 体检中心");
        assertThat(notifications(analyst, 2, "work-done-analyst-published-phone"))
                .contains("评估已发布：2026-10 体检中心（第 1 版）", "评估已发布：2026-09 体检中心（第 1 版）");
        // and by e-mail, as W1's user chose (the analyst chose nothing outside Meridian)
        assertThat(subjects(h, "w1@wd.example")).containsExactlyInAnyOrder("【Meridian 消息】您的评估反馈报告已生成：2026-09 体检中心",
                "【Meridian 消息】您的评估反馈报告已生成：2026-10 体检中心");
    }

    /**
     * G1 has no tier, so no green-channel slot: the desk sends two bookings of G1's referrals for approval
     * (2027-01-20 and 21); a hospital manager approves one on a desktop and one on a phone.
     */
    @Test
    void aManagerApprovesTheGreenChannelBookingsOfTheInboxAndTheChannelUserIsToldByMail() throws Exception {
        Api api = new Api(port);
        Hospital h = hospital("WG");
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        String desk = users.create(h.id(), Role.REFERRAL_DESK, null);
        String manager = users.create(h.id(), Role.HOSPITAL_MANAGER, null);
        long g1 = channel(api, office, "G1", "康桥社区 G1", "COMMUNITY_HEALTH");
        String partner = users.create(h.id(), Role.CHANNEL_USER, g1);
        List<Long> referrals = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String body = api.expect(201, partner, "POST", "/api/v1/referrals", """
                    {"patientName": "孙%d", "patientPhone": "1391234000%d", "department": "骨科", "urgency": "ROUTINE",
                     "consent": true}""".formatted(i, i));
            long id = ((Number) JsonPath.read(body, "$.id")).longValue();
            api.expect(202, desk, "POST", "/api/v1/referrals/" + id + "/schedule",
                    "{\"date\": \"2027-01-2" + i + "\", \"department\": \"骨科\", \"doctor\": \"王医生\","
                            + " \"greenChannel\": true, \"forApproval\": true}");
            referrals.add(id);
        }
        chooseEmail(partner, "g1@wg.example", "REFERRAL_SCHEDULED");

        try (Browser browser = Browser.open(port)) {
            browser.signIn(manager, TestUsers.PASSWORD);
            browser.waitFor(By.id("inbox"));
            assertThat(browser.text(By.id("work-kind-referral-greenChannel"))).contains("2");
            browser.screenshot("work-done-manager-before-desktop");
            approveFromInbox(browser, referrals.get(0));
            assertThat(browser.text(By.id("work-kind-referral-greenChannel"))).as("done, it left the list")
                    .contains("1");
            assertThat(browser.text(By.id("inbox"))).doesNotContain("转诊 " + referrals.get(0) + "（")
                    .contains("转诊 " + referrals.get(1) + "（康桥社区 G1）");
            browser.screenshot("work-done-manager-after-desktop");

            browser.resize(Browser.PHONE).go("/");
            browser.waitFor(By.id("inbox"));
            assertThat(browser.horizontalOverflow()).as("the workbench fits 375 px").isZero();
            approveFromInbox(browser, referrals.get(1));
            browser.waitFor(By.id("inbox-empty"));
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("work-done-manager-after-phone");
        }

        assertThat(notifications(partner, 2, "work-done-partner-booked-phone")).contains(
                "转诊 " + referrals.get(0) + "（骨科，普通）已预约", "转诊 " + referrals.get(1) + "（骨科，普通）已预约");
        assertThat(subjects(h, "g1@wg.example")).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("【Meridian 消息】转诊 ")
                .contains("（骨科，普通）已预约").doesNotContain("孙"));
    }

    /** G2's user refers two patients; the desk accepts one on a desktop and one on a phone, from its inbox. */
    @Test
    void theDeskAcceptsTheReferralsOfItsInboxAndTheChannelUserIsToldByMail() throws Exception {
        Api api = new Api(port);
        Hospital h = hospital("WR");
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        String desk = users.create(h.id(), Role.REFERRAL_DESK, null);
        long g2 = channel(api, office, "G2", "康桥社区 G2", "COMMUNITY_HEALTH");
        String partner = users.create(h.id(), Role.CHANNEL_USER, g2);
        chooseEmail(partner, "g2@wr.example", "REFERRAL_ACCEPTED");
        List<Long> referrals = new ArrayList<>();
        for (String urgency : List.of("URGENT", "ROUTINE")) {
            String body = api.expect(201, partner, "POST", "/api/v1/referrals", """
                    {"patientName": "钱%s", "patientPhone": "13912340011", "department": "骨科", "urgency": "%s",
                     "consent": true}""".formatted(urgency, urgency));
            referrals.add(((Number) JsonPath.read(body, "$.id")).longValue());
        }

        try (Browser browser = Browser.open(port)) {
            browser.signIn(desk, TestUsers.PASSWORD);
            browser.waitFor(By.id("inbox"));
            assertThat(browser.text(By.id("work-kind-referral-submitted"))).contains("新转诊待受理", "2");
            assertThat(browser.text(By.id("inbox"))).contains("转诊 " + referrals.get(0) + "（康桥社区 G2，骨科，加急）待受理",
                    "转诊 " + referrals.get(1) + "（康桥社区 G2，骨科）待受理").doesNotContain("钱");
            browser.screenshot("work-done-desk-before-desktop");
            acceptFromInbox(browser, referrals.get(0));
            assertThat(browser.text(By.id("inbox"))).as("done, it left the list")
                    .doesNotContain("转诊 " + referrals.get(0) + "（").contains("转诊 " + referrals.get(1) + "（");
            browser.screenshot("work-done-desk-after-desktop");

            browser.resize(Browser.PHONE).go("/");
            browser.waitFor(By.id("inbox"));
            assertThat(browser.horizontalOverflow()).as("the workbench fits 375 px").isZero();
            acceptFromInbox(browser, referrals.get(1));
            browser.waitFor(By.id("inbox-empty"));
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("work-done-desk-after-phone");
        }

        assertThat(notifications(partner, 2, "work-done-partner-accepted-phone")).contains(
                "转诊 " + referrals.get(0) + "（骨科，加急）已受理", "转诊 " + referrals.get(1) + "（骨科，普通）已受理");
        assertThat(subjects(h, "g2@wr.example")).containsExactlyInAnyOrder(
                "【Meridian 消息】转诊 " + referrals.get(0) + "（骨科，加急）已受理",
                "【Meridian 消息】转诊 " + referrals.get(1) + "（骨科，普通）已受理");
    }

    private Hospital hospital(String prefix) {
        return NextPerson.hospital(hospitals, prefix, "待办旅程医院");
    }

    private static long channel(Api api, String office, String code, String name, String type) {
        return NextPerson.channel(api, office, code, name, type);
    }

    private void chooseEmail(String user, String email, String kind) {
        next().chooseEmail(user, email, kind);
    }

    /** Opens the inbox's draft of the period, publishes it after the confirmation, and is back on the workbench. */
    private static void publishFromInbox(Browser browser, String period) {
        item(browser, period + " 体检中心").click();
        browser.waitFor(By.id("publish")).click();
        browser.waitFor(By.id("confirm-publish")).click();
        browser.waitFor(By.id("flash"));
        browser.go("/");
        browser.waitFor(By.id("inbox"));
    }

    /** Opens the inbox's green-channel booking of the referral, approves it, and is back on the workbench. */
    private static void approveFromInbox(Browser browser, long referral) {
        item(browser, "转诊 " + referral + "（").click();
        browser.waitFor(By.id("requests"));
        WebElement card = browser.driver().findElements(By.cssSelector("#requests li.referral-card")).stream()
                .filter(li -> !li.findElements(By.cssSelector("a[href$='/referrals/desk/" + referral + "']")).isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no request of referral " + referral));
        String id = card.getDomAttribute("id").substring("request-".length());
        browser.waitFor(By.id("approve-" + id)).click();
        browser.waitFor(By.id("flash"));
        browser.go("/");
        browser.waitFor(By.id("inbox"));
    }

    /** Opens the inbox's referral, accepts it on the desk's page, and is back on the workbench. */
    private static void acceptFromInbox(Browser browser, long referral) {
        item(browser, "转诊 " + referral + "（").click();
        browser.waitFor(By.id("step-accept")).click();
        browser.waitFor(By.id("flash"));
        browser.go("/");
        browser.waitFor(By.id("inbox"));
    }

    private static WebElement item(Browser browser, String part) {
        return NextPerson.item(browser, part);
    }

    private String notifications(String user, int unread, String screenshot) {
        return next().told(user, unread, screenshot);
    }

    private List<String> subjects(Hospital h, String to) throws MessagingException {
        return next().mail(h, to);
    }
}
