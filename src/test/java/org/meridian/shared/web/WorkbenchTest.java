package org.meridian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The home page as a workbench: the office's month figures with their month-on-month (环比) and year-on-year (同比)
 * change, and the to-do inbox with the four-eyes rule. The test clock stands at 2027-01-15 12:00 Shanghai, so the
 * last whole month is December 2026, compared with November 2026 and December 2025; January's events do not count.
 */
@MeridianTest
class WorkbenchTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService accounts;

    /**
     * Events of one channel (referrals, arrivals, conversions, revenue in yuan):
     * <pre>
     *   2025-12:  4, 2, 1,  8,000
     *   2026-11:  8, 8, 2, 20,000
     *   2026-12: 10, 6, 3, 25,000
     *   2027-01:  3, 0, 0,      0   (the running month: not shown)
     * </pre>
     * December 2026 against November 2026 (环比) and December 2025 (同比), (current − base) / base × 100:
     * <ul>
     * <li>referrals 10: (10 − 8) / 8 = +25.0 %; (10 − 4) / 4 = +150.0 %</li>
     * <li>arrivals 6: (6 − 8) / 8 = −25.0 %; (6 − 2) / 2 = +200.0 %</li>
     * <li>conversions 3: (3 − 2) / 2 = +50.0 %; (3 − 1) / 1 = +200.0 %</li>
     * <li>revenue 25,000 yuan = 2.50 万元: (25,000 − 20,000) / 20,000 = +25.0 %; (25,000 − 8,000) / 8,000 = +212.5 %</li>
     * </ul>
     */
    @Test
    void theOfficeSeesLastMonthWithItsChangeAgainstTheMonthBeforeAndTheYearBefore() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        h.channel("WB-1", "EXAM_CENTER", null, null);
        List<String> events = new ArrayList<>();
        month(events, "2025-12", 4, 2, 1, 8000);
        month(events, "2026-11", 8, 8, 2, 20000);
        month(events, "2026-12", 10, 6, 3, 25000);
        month(events, "2027-01", 3, 0, 0, 0);
        h.events("[" + String.join(",", events) + "]", events.size());

        String html = home(h.office);
        assertThat(figure(html, "referrals")).contains("10", "2026年12月", "环比 +25.0 %", "同比 +150.0 %");
        assertThat(figure(html, "arrivals")).contains("6", "环比 −25.0 %", "同比 +200.0 %");
        assertThat(figure(html, "conversions")).contains("3", "环比 +50.0 %", "同比 +200.0 %");
        assertThat(figure(html, "revenue")).contains("2.50 万元", "环比 +25.0 %", "同比 +212.5 %");
        assertThat(html).contains("id=\"intake-months\"", "id=\"tier-distribution\"");

        String leader = h.user(Role.HOSPITAL_MANAGER);
        assertThat(figure(home(leader), "referrals")).as("leadership sees the same").contains("同比 +150.0 %");
        long channelId = ((Number) JsonPath.read(h.as(h.office, get("/api/v1/channels/WB-1"))
                .andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        assertThat(home(h.channelUser(channelId))).as("a channel's user does not see the hospital's totals")
                .doesNotContain("figure-intake-home-referrals");
    }

    @Test
    void aDowngradeWaitsForTheApproverNotTheRequesterAndLeavesWhenDecided() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        h.channel("WB-2", "渠道 甲", "EXAM_CENTER", null, null);
        String requester = h.user(Role.HOSPITAL_MANAGER);
        String approver = h.user(Role.HOSPITAL_MANAGER);
        h.as(h.office, TestHospital.json(post("/api/v1/channels/WB-2/tier-changes"),
                "{\"tier\": \"B\", \"reason\": \"first tier\"}")).andExpect(status().isCreated());
        String answer = h.as(requester, TestHospital.json(post("/api/v1/channels/WB-2/tier-changes"),
                "{\"tier\": \"C\", \"reason\": \"fewer referrals\"}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(answer, "$.id")).longValue();

        String approverHome = home(approver);
        assertThat(approverHome).contains("id=\"work-kind-channel-downgrade\"");
        assertThat(inbox(approverHome)).contains("降级待审批 1", "渠道 甲（WB-2）", "/channels/approvals");
        assertThat(inbox(home(requester))).as("never for the one who requested it")
                .doesNotContain("渠道 甲（WB-2）").contains("目前没有等待您处理的事项");
        assertThat(inbox(home(h.office))).as("the office may not decide downgrades").doesNotContain("WB-2");

        h.as(approver, post("/api/v1/channel-tier-changes/" + id + "/approve")).andExpect(status().isOk());
        assertThat(inbox(home(approver))).as("done: it leaves the list").doesNotContain("WB-2")
                .contains("目前没有等待您处理的事项");
    }

    @Test
    void aDraftWaitsForTheOfficeUntilItIsPublished() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        h.channel("WB-3", "EXAM_CENTER", null, null);
        h.scheme("EXAM_CENTER", """
                {"indicators": [{"code": "REFERRAL_VOLUME", "weight": 10, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}}],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}]}""");
        long id = h.run("2026-12", "EXAM_CENTER");
        assertThat(inbox(home(h.office))).contains("考核草稿待发布 1", "2026-12 体检中心 第 1 版",
                "/evaluations/" + id);
        assertThat(home(h.analyst)).as("an analyst does not publish").doesNotContain("work-kind-evaluation-draft");
        h.publish(id);
        assertThat(home(h.office)).doesNotContain("work-kind-evaluation-draft");
    }

    private String home(String username) throws Exception {
        return mvc.perform(get("/").with(user(accounts.loadUserByUsername(username)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** The text of a figure on the home page (tags stripped, spaces collapsed). */
    private static String figure(String html, String measure) {
        Matcher m = Pattern.compile("id=\"figure-intake-home-" + measure + "\"(.*?)</a>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("figure %s on the page", measure).isTrue();
        return text(m.group(1));
    }

    private static String inbox(String html) {
        Matcher m = Pattern.compile("id=\"inbox\"(.*?)</div>\\s*<div class=\"(figures|card)", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("the inbox on the page").isTrue();
        return text(m.group(1)) + " " + m.group(1);
    }

    private static String text(String fragment) {
        return fragment.replaceAll("<[^>]*>", " ").replaceAll("^[^>]*>", " ").replaceAll("\\s+", " ").trim();
    }

    private static void month(List<String> events, String month, int referrals, int arrivals, int conversions,
                              int revenue) {
        String c = "WB-1";
        for (int i = 0; i < referrals; i++) {
            events.add(TestHospital.event(c + month + "r" + i, "REFERRAL", c, month + "-0" + (1 + i % 9)
                    + "T10:00:00+08:00", ", \"referralId\": \"" + c + month + "R" + i + "\""));
        }
        for (int i = 0; i < arrivals; i++) {
            events.add(TestHospital.event(c + month + "a" + i, "ARRIVED", c, month + "-1" + i % 9 + "T10:00:00+08:00", ""));
        }
        for (int i = 0; i < conversions; i++) {
            events.add(TestHospital.event(c + month + "c" + i, "CONVERTED", c, month + "-1" + i % 9 + "T11:00:00+08:00", ""));
        }
        if (revenue > 0) {
            events.add(TestHospital.event(c + month + "v", "REVENUE", c, month + "-12T12:00:00+08:00",
                    ", \"value\": " + revenue));
        }
    }
}
