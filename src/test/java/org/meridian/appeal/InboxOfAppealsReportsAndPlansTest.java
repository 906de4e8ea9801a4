package org.meridian.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.rectification.NewAction;
import org.meridian.rectification.Plan;
import org.meridian.rectification.PlanAction;
import org.meridian.rectification.RectificationWorkflow;
import org.meridian.shared.Actor;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The to-do inbox (待办) of appeals, feedback reports and rectification actions on {@link Published}, as each
 * person's home page lists it (kind, text, link), worked out by hand:
 * <ul>
 * <li>an appeal of A1's user waits for both channel managers and the hospital manager (who may all decide it) but
 *     not for the analyst or the filer; one the office filed for A2 waits for the other channel manager, not for
 *     its filer; a decided appeal leaves;</li>
 * <li>A1's user has its report of 2026-09 to acknowledge until it acknowledges it; nobody else has;</li>
 * <li>A2's plan has an action three days late, one due in five days and one due in twenty: A2's user has the first
 *     two (the late one first), the office the late one; done, it leaves both.</li>
 * </ul>
 */
@MeridianTest
class InboxOfAppealsReportsAndPlansTest {

    private static final Pattern ITEM = Pattern.compile(
            "<li class=\"work-item\" data-kind=\"([^\"]+)\">.*?<a href=\"([^\"]+)\">([^<]*)</a>", Pattern.DOTALL);

    /** The kinds of these modules; others (a downgrade the publication asked for) are not this test's. */
    private static final java.util.Set<String> KINDS = java.util.Set.of("appeal.open", "feedback.acknowledge",
            "rectification.action");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService accounts;
    @Autowired RectificationWorkflow rectification;
    @Autowired Clock clock;

    @Test
    void appealsWaitForThoseWhoDecideThemNeverTheFiler() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        long a1 = p.file(p.userA1, "A1", "ARRIVAL_RATE");
        String waiting = "appeal.open /appeals/" + a1 + " 体检中心 A1 对 2026-09 体检中心评估的到诊率提出申诉，待受理";
        for (String decider : List.of(p.office, p.office2, p.manager)) {
            assertThat(inbox(decider)).as(decider).containsExactly(waiting);
        }
        assertThat(inbox(p.analyst)).as("an analyst decides no appeal").isEmpty();
        assertThat(inbox(p.userA1)).as("the filer")
                .noneMatch(i -> i.startsWith("appeal.open"));

        long a2 = p.file(p.office, "A2", "REFERRAL_VOLUME");
        assertThat(inbox(p.office)).as("not its own appeal").containsExactly(waiting);
        assertThat(inbox(p.office2)).containsExactly(waiting,
                "appeal.open /appeals/" + a2 + " 体检中心 A2 对 2026-09 体检中心评估的转诊量提出申诉，待受理");

        p.as(p.office2, post("/api/v1/appeals/" + a1 + "/review")).andExpect(status().isOk());
        assertThat(inbox(p.office)).containsExactly(
                "appeal.open /appeals/" + a1 + " 体检中心 A1 对 2026-09 体检中心评估的到诊率提出的申诉审核中，待裁决");
        p.as(p.office2, org.meridian.support.TestHospital.json(post("/api/v1/appeals/" + a1 + "/decision"),
                "{\"decision\": \"REJECT\", \"reason\": \"无到诊记录\"}")).andExpect(status().isOk());
        assertThat(inbox(p.office)).as("decided, it left").isEmpty();
        assertThat(inbox(p.office2)).hasSize(1);
    }

    @Test
    void aChannelsReportWaitsForItsOwnUserUntilAcknowledged() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        List<String> items = inbox(p.userA1);
        assertThat(items).hasSize(1);
        assertThat(items.get(0)).startsWith("feedback.acknowledge /feedback/reports/")
                .endsWith(" 2026-09 体检中心评估（第 1 版）的反馈报告，请阅读后确认");
        assertThat(inbox(p.userA2)).hasSize(1);
        assertThat(inbox(p.office)).noneMatch(i -> i.startsWith("feedback."));

        String report = items.get(0).split(" ")[1];
        p.as(p.userA1, post("/api/v1/feedback-reports/" + report.substring(report.lastIndexOf('/') + 1)
                + "/acknowledge")).andExpect(status().isOk());
        assertThat(inbox(p.userA1)).as("acknowledged, it left").isEmpty();
        assertThat(inbox(p.userA2)).as("A2's own report still waits").hasSize(1);
    }

    @Test
    void actionsDueSoonWaitForTheChannelAndLateOnesForTheOfficeToo() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        Actor office = signedIn(p.office).actor();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        Plan plan = rectification.open(office, p.evaluationId, "A2", "A2 到诊率整改");
        PlanAction late = rectification.addAction(office, plan.id(),
                new NewAction("每周核对到诊登记", "A2 联络员", today.minusDays(3)));
        rectification.addAction(office, plan.id(), new NewAction("培训前台", "A2 联络员", today.plusDays(5)));
        rectification.addAction(office, plan.id(), new NewAction("季度回顾", "A2 联络员", today.plusDays(20)));
        acknowledgeAll(p, p.userA2);

        String lateItem = "rectification.action /rectification/" + plan.id() + " 体检中心 A2：“每周核对到诊登记”（A2 到诊率整改）应于 "
                + today.minusDays(3) + " 完成，已逾期 3 天";
        assertThat(inbox(p.userA2)).containsExactly(lateItem, "rectification.action /rectification/" + plan.id()
                + " 体检中心 A2：“培训前台”（A2 到诊率整改）应于 " + today.plusDays(5) + " 完成，还有 5 天");
        assertThat(inbox(p.office)).containsExactly(lateItem);
        // the time beside it is when the plan was opened, and it says so (not a bare 「… 起」)
        String opened = plan.openedAt().atZoneSameInstant(ZoneId.of("Asia/Shanghai"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String html = mvc.perform(get("/").with(user(accounts.loadUserByUsername(p.office))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int at = html.indexOf("<li class=\"work-item\" data-kind=\"rectification.action\">");
        assertThat(at).isNotNegative();
        assertThat(html.substring(at, html.indexOf("</li>", at))).contains("整改计划开立于 " + opened)
                .doesNotContain(opened + " 起");
        assertThat(inbox(p.analyst)).isEmpty();
        assertThat(inbox(p.userA1)).noneMatch(i -> i.startsWith("rectification."));

        rectification.completeAction(signedIn(p.userA2).actor(), plan.id(), late.id());
        assertThat(inbox(p.office)).as("done, it left").isEmpty();
        assertThat(inbox(p.userA2)).hasSize(1).allMatch(i -> i.contains("培训前台"));
    }

    private void acknowledgeAll(Published p, String user) throws Exception {
        String body = p.as(user, get("/api/v1/feedback-reports")).andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(body, "$.items[*].id");
        for (Number id : ids) {
            p.as(user, post("/api/v1/feedback-reports/" + id + "/acknowledge")).andExpect(status().isOk());
        }
    }

    private MeridianUser signedIn(String username) {
        return (MeridianUser) accounts.loadUserByUsername(username);
    }

    /** The home page's to-do items of this test's kinds: "kind link text". */
    private List<String> inbox(String username) throws Exception {
        String html = mvc.perform(get("/").with(user(accounts.loadUserByUsername(username))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> out = new ArrayList<>();
        Matcher m = ITEM.matcher(html);
        while (m.find()) {
            if (KINDS.contains(m.group(1))) {
                out.add(m.group(1) + " " + m.group(2) + " " + m.group(3).strip());
            }
        }
        return out;
    }
}
