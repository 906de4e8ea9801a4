package org.meridian.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12 §1 and §2 for incentives: what waits in whose to-do inbox (待办) and who is told (消息), read off the rules
 * of docs/incentives.md and docs/notifications.md — the channel office reviews a statement, a hospital manager
 * approves it, never the one who prepared it (nor, for a statement the system drafted, its reviewer); a rule held back
 * by the compliance guard waits for a hospital manager who did not save it; a termination recommendation for the
 * hospital managers, its decision told to the office. Each item leaves once done. Every hospital
 * ({@link Hospital4Incentives}) has the office, a second office ({@code office2}), an analyst and two managers.
 */
@MeridianTest
class IncentiveWorkTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcClient jdbc;
    @Autowired IncompleteEventPublications incomplete;

    @Test
    void aHandPreparedStatementWaitsForTheOtherOfficeThenTheManagersAndItsChannelIsToldOfTheApproval()
            throws Exception {
        Hospital4Incentives h = new Hospital4Incentives(mvc, json, users, hospitals);
        Hospital4Incentives other = new Hospital4Incentives(mvc, json, users, hospitals);
        long p1 = h.channel("P1", "EXAM_CENTER");
        long p2 = h.channel("P2", "EXAM_CENTER");
        String ofP1 = h.channelUser(p1);
        String ofP2 = h.channelUser(p2);
        // 2026-Q2 has no evaluation and the hospital no rule: the statement is the office's adjustment of 200 alone
        long id = h.read(h.as(h.office, json(post("/api/v1/statements"),
                "{\"period\": \"2026-Q2\", \"channelCode\": \"P1\"}")).andExpect(status().isCreated())).get("id").asLong();
        h.as(h.office, json(post("/api/v1/statements/" + id + "/adjustments"),
                "{\"amount\": 200, \"reason\": \"季度交通补贴\"}")).andExpect(status().isOk());
        String text = "渠道 P1：2026-Q2 结算单（合计 200.00 元）";

        // to review: the other office only — not its preparer, not the managers (who approve), not the analyst
        assertThat(home(h.office2)).contains("结算单待复核", text);
        for (String nobody : List.of(h.office, h.manager, h.manager2, h.analyst, ofP1)) {
            assertThat(home(nobody)).as(nobody).doesNotContain(text);
        }
        assertThat(told(h)).isEqualTo(Map.of(h.office2, List.of("STATEMENT_TO_REVIEW")));
        assertThat(notifications(h.office2)).contains("结算单待复核：渠道 P1 2026-Q2 的结算单");

        // reviewed by the other office: gone from its inbox, waiting for either manager
        h.as(h.office2, post("/api/v1/statements/" + id + "/review")).andExpect(status().isOk());
        assertThat(home(h.office2)).doesNotContain(text);
        for (String manager : List.of(h.manager, h.manager2)) {
            assertThat(home(manager)).as(manager).contains("结算单待审批", text);
        }
        assertThat(home(h.office)).doesNotContain(text);

        // approved by one manager: gone from both; P1's user is told, P2's is not
        h.as(h.manager, post("/api/v1/statements/" + id + "/approve")).andExpect(status().isOk());
        for (String manager : List.of(h.manager, h.manager2)) {
            assertThat(home(manager)).as(manager).doesNotContain(text);
        }
        assertThat(told(h)).isEqualTo(Map.of(h.office2, List.of("STATEMENT_TO_REVIEW"),
                h.manager, List.of("STATEMENT_TO_APPROVE"), h.manager2, List.of("STATEMENT_TO_APPROVE"),
                ofP1, List.of("STATEMENT_APPROVED")));
        assertThat(notifications(ofP1)).contains("您渠道 2026-Q2 的结算单已批准").doesNotContain("结算单待");
        assertThat(links(h, ofP1)).as("opening it shows the channel's own statement")
                .containsExactly("/incentives/own/" + id);
        assertThat(links(h, h.manager)).containsExactly("/incentives/statements/" + id);
        assertThat(told(other)).isEmpty();
        assertThat(notifications(ofP2)).doesNotContain("结算单已批准");
    }

    /**
     * 2026-Q3, one indicator (10 × referrals): E1 has 9 referrals → 90, tier A; the service fee gives A 1.2 × 5000 =
     * 6000, capped at 5500. Publishing drafts E1's statement as the system, which no one is told one by one.
     */
    @Test
    void aStatementTheSystemDraftedIsApprovedByAManagerWhoDidNotReviewIt() throws Exception {
        Hospital4Incentives h = new Hospital4Incentives(mvc, json, users, hospitals);
        h.examCentres(List.of("E1"), IncentivesFromEvaluationsTest.SERVICE_FEE);
        h.referrals("E1", "2026-08-10", 9);
        h.publish("2026-Q3", "EXAM_CENTER");
        String text = "渠道 E1：2026-Q3 结算单（合计 5,500.00 元）";
        assertThat(home(h.office)).contains("结算单待复核", text);
        assertThat(home(h.office2)).contains(text);
        assertThat(told(h).values().stream().flatMap(List::stream)).doesNotContain("STATEMENT_TO_REVIEW");
        long id = h.read(h.as(h.analyst, get("/api/v1/statements?period=2026-Q3"))).get("items").get(0).get("id")
                .asLong();

        // a manager reviews it (the office's step is open to those above it): only the other manager may approve
        h.as(h.manager, post("/api/v1/statements/" + id + "/review")).andExpect(status().isOk());
        assertThat(home(h.office)).doesNotContain(text);
        assertThat(home(h.manager)).doesNotContain(text);
        assertThat(home(h.manager2)).contains("结算单待审批", text);
        assertThat(told(h).entrySet().stream().filter(e -> e.getValue().contains("STATEMENT_TO_APPROVE"))
                .map(Map.Entry::getKey)).containsExactly(h.manager2);
        h.as(h.manager, post("/api/v1/statements/" + id + "/approve")).andExpect(status().isForbidden());
        h.as(h.manager2, post("/api/v1/statements/" + id + "/approve")).andExpect(status().isOk());
        assertThat(home(h.manager2)).doesNotContain(text);
    }

    /**
     * A publication drafts a statement for every scored channel, so the statements of a period wait as one item
     * (docs/incentives.md). 2026-Q3, 10 × referrals, the service fee by tier (5000, capped at 5500): E1 9 referrals →
     * 90, A, 1.2 × 5000 = 6000 → 5500.00; E2 8 → 80, B, 5000.00; E3 6 → 60, C, 0.5 × 5000 = 2500.00; together
     * 13,000.00. Once E1 and E2 are reviewed, E3 alone waits as its own item, and the managers have the two to approve
     * as one (10,500.00).
     */
    @Test
    void theStatementsOfAPeriodWaitAsOneItemThatOpensTheirList() throws Exception {
        Hospital4Incentives h = new Hospital4Incentives(mvc, json, users, hospitals);
        h.examCentres(List.of("E1", "E2", "E3"), IncentivesFromEvaluationsTest.SERVICE_FEE);
        h.referrals("E1", "2026-08-10", 9);
        h.referrals("E2", "2026-08-10", 8);
        h.referrals("E3", "2026-08-10", 6);
        h.publish("2026-Q3", "EXAM_CENTER");

        String office = home(h.office);
        assertThat(office).contains("2026-Q3：3 份结算单待复核（合计 13,000.00 元）")
                .contains("href=\"/incentives?period=2026-Q3&amp;status=DRAFT#statement-list\"")
                .doesNotContain("渠道 E1：2026-Q3 结算单");
        assertThat(IncentivesFromEvaluationsTest.between(office, "id=\"work-kind-incentive-statementReview\"",
                "</strong>")).endsWith("<strong>1");
        // the list it opens holds those three
        String list = mvc.perform(get("/incentives").param("period", "2026-Q3").param("status", "DRAFT")
                        .with(user(accounts.loadUserByUsername(h.office))).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("共 3 张", "渠道 E1", "渠道 E2", "渠道 E3");

        var items = h.read(h.as(h.analyst, get("/api/v1/statements?period=2026-Q3"))).get("items");
        for (var st : items) {
            if (!st.get("channelCode").asString().equals("E3")) {
                h.as(h.office, post("/api/v1/statements/" + st.get("id").asLong() + "/review"))
                        .andExpect(status().isOk());
            }
        }
        assertThat(home(h.office)).contains("渠道 E3：2026-Q3 结算单（合计 2,500.00 元）")
                .doesNotContain("份结算单待复核");
        for (String manager : List.of(h.manager, h.manager2)) {
            assertThat(home(manager)).as(manager).contains("2026-Q3：2 份结算单待审批（合计 10,500.00 元）")
                    .contains("href=\"/incentives?period=2026-Q3&amp;status=REVIEWED#statement-list\"");
        }
        assertThat(home(h.analyst)).doesNotContain("结算单待");
    }

    @Test
    void aFlaggedRuleWaitsForAManagerWhoDidNotSaveIt() throws Exception {
        Hospital4Incentives h = new Hospital4Incentives(mvc, json, users, hospitals);
        long byOffice = h.rule(IncentivesFromEvaluationsTest.PER_REFERRAL);
        String text = "按转诊人次返费（PER-REFERRAL 第 1 版）";
        for (String manager : List.of(h.manager, h.manager2)) {
            assertThat(home(manager)).as(manager).contains("规则待合规签批", text);
            assertThat(notifications(manager)).contains("规则待合规签批：按转诊人次返费（PER-REFERRAL 第 1 版），签批前不生效");
            assertThat(links(h, manager)).containsExactly("/incentives#rule-" + byOffice);
        }
        assertThat(home(h.office)).doesNotContain(text);
        assertThat(home(h.analyst)).doesNotContain(text);

        // a manager saves one too: the other manager signs it off; its author may not, and nothing changes
        long byManager = h.read(h.as(h.manager, json(post("/api/v1/incentive-rules"),
                IncentivesFromEvaluationsTest.PER_REFERRAL.replace("PER-REFERRAL", "PER-REFERRAL-2")
                        .replace("按转诊人次返费", "按转诊人次返费二"))).andExpect(status().isCreated())).get("id").asLong();
        assertThat(home(h.manager)).doesNotContain("按转诊人次返费二");
        assertThat(home(h.manager2)).contains("按转诊人次返费二（PER-REFERRAL-2 第 1 版）");
        h.as(h.manager, json(post("/api/v1/incentive-rules/" + byManager + "/sign-off"), "{\"justification\": \"自批\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("urn:meridian:incentive:own-rule"));
        h.as(h.analyst, get("/api/v1/incentive-rules/" + byManager))
                .andExpect(jsonPath("$.compliance.status").value("COMPLIANCE_REVIEW_REQUIRED"));
        h.as(h.manager2, json(post("/api/v1/incentive-rules/" + byManager + "/sign-off"),
                "{\"justification\": \"法务意见：信息服务费，已备案\"}")).andExpect(status().isOk());
        assertThat(home(h.manager2)).doesNotContain("按转诊人次返费二");
        assertThat(told(h)).isEqualTo(Map.of(h.manager, List.of("COMPLIANCE_SIGN_OFF"),
                h.manager2, List.of("COMPLIANCE_SIGN_OFF", "COMPLIANCE_SIGN_OFF")));
    }

    /**
     * A sign-off settles the notifications that asked for it (docs/notifications.md): both managers are told of the
     * rule the office saved; the second signs it off, and the notification is read for both — the one who did the
     * work and the one who never opened it — as the to-do item leaves both inboxes; the bell of the first falls to
     * nothing. Another rule still waiting stays unread, and the sign-off delivered again changes nothing.
     */
    @Test
    void aSignOffSettlesItsNotificationForEveryoneItAsked() throws Exception {
        Hospital4Incentives h = new Hospital4Incentives(mvc, json, users, hospitals);
        long signed = h.rule(IncentivesFromEvaluationsTest.PER_REFERRAL);
        long waiting = h.rule(IncentivesFromEvaluationsTest.PER_REFERRAL.replace("PER-REFERRAL", "PER-ARRIVAL")
                .replace("按转诊人次返费", "按到诊人次返费").replace("\"referrals\"", "\"arrivals\""));
        assertThat(unread(h, signed)).containsExactlyInAnyOrder(h.manager, h.manager2);
        assertThat(bell(h.manager)).isEqualTo("2");

        h.as(h.manager2, json(post("/api/v1/incentive-rules/" + signed + "/sign-off"),
                "{\"justification\": \"法务意见：信息服务费，已备案\"}")).andExpect(status().isOk());
        assertThat(unread(h, signed)).as("read for everyone it asked, whoever signed").isEmpty();
        assertThat(unread(h, waiting)).containsExactlyInAnyOrder(h.manager, h.manager2);
        assertThat(bell(h.manager)).isEqualTo("1");
        assertThat(home(h.manager)).doesNotContain("PER-REFERRAL 第 1 版").contains("PER-ARRIVAL 第 1 版");
        // read when it was signed off, so the list shows it among the read ones
        assertThat(jdbc.sql("""
                        SELECT count(DISTINCT n.read_at) FROM notification n JOIN incentive_rule r
                          ON r.hospital_id = n.hospital_id AND r.id = n.source_id AND n.read_at = r.signed_off_at
                        WHERE n.hospital_id = :h AND n.kind = 'COMPLIANCE_SIGN_OFF' AND n.source_id = :s""")
                .param("h", h.hospital.id()).param("s", signed).query(Integer.class).single()).isEqualTo(1);

        // delivered again (as after a crash before the registry recorded completion): nothing changes
        int reopened = jdbc.sql("""
                        UPDATE event_publication SET completion_date = NULL, status = 'PROCESSING'
                        WHERE event_type = :type AND listener_id LIKE '%NotificationsOnWorkDone%'
                          AND (serialized_event::jsonb ->> 'ruleId')::bigint = :r
                          AND (serialized_event::jsonb ->> 'hospitalId')::bigint = :h""")
                .param("type", IncentiveRuleSignedOff.class.getName()).param("r", signed)
                .param("h", h.hospital.id()).update();
        assertThat(reopened).isEqualTo(1);
        incomplete.resubmitIncompletePublications(e -> e.getEvent() instanceof IncentiveRuleSignedOff o
                && o.ruleId() == signed && o.hospitalId() == h.hospital.id());
        assertThat(unread(h, signed)).isEmpty();
        assertThat(unread(h, waiting)).hasSize(2);
        assertThat(bell(h.manager2)).isEqualTo("1");
    }

    /** Who has the rule's sign-off notification unread. */
    private List<String> unread(Hospital4Incentives h, long rule) {
        return jdbc.sql("""
                        SELECT recipient FROM notification WHERE hospital_id = :h AND kind = 'COMPLIANCE_SIGN_OFF'
                          AND source_id = :s AND read_at IS NULL""")
                .param("h", h.hospital.id()).param("s", rule).query(String.class).list();
    }

    /** The count on the user's bell, as the top bar shows it ("" for none). */
    private String bell(String username) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "id=\"topbar-notifications\"[^>]*>(?:(?!</a>).)*?<span class=\"topbar-count\">([^<]*)</span>",
                java.util.regex.Pattern.DOTALL).matcher(home(username));
        return m.find() ? m.group(1) : "";
    }

    /**
     * BAD has 1 referral a month (10 points, tier D, the lowest) in July, August and September 2026: the sanction
     * rule warns after 1, puts on probation after 2 and recommends termination after 3 periods in a row.
     */
    @Test
    void aTerminationRecommendationWaitsForTheManagersAndItsDecisionIsToldToTheOffice() throws Exception {
        Hospital4Incentives h = new Hospital4Incentives(mvc, json, users, hospitals);
        long bad = h.channel("BAD", "EXAM_CENTER");
        String ofBad = h.channelUser(bad);
        h.scheme("EXAM_CENTER");
        h.rule(IncentivesFromEvaluationsTest.LOWEST_TIER);
        for (String month : List.of("2026-07", "2026-08", "2026-09")) {
            h.referrals("BAD", month + "-10", 1);
            h.publish(month, "EXAM_CENTER");
        }
        String text = "渠道 BAD：截至 2026-09 连续 3 期处于最低档，建议终止合作";
        assertThat(home(h.manager)).contains("终止合作待决定", text);
        assertThat(home(h.manager2)).contains(text);
        assertThat(home(h.office)).doesNotContain(text);
        long id = h.read(h.as(h.analyst, get("/api/v1/sanctions?size=100"))).get("items").valueStream()
                .filter(s -> s.get("status").asString().equals("PENDING")).findFirst().orElseThrow().get("id").asLong();

        h.as(h.manager, json(post("/api/v1/sanctions/" + id + "/decision"), "{\"terminate\": false, \"note\": \"再观察一季\"}"))
                .andExpect(status().isOk());
        assertThat(home(h.manager2)).doesNotContain(text);
        Map<String, List<String>> decided = told(h).entrySet().stream()
                .filter(e -> e.getValue().contains("TERMINATION_DECIDED"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(decided.keySet()).containsExactlyInAnyOrder(h.office, h.office2);
        assertThat(notifications(h.office)).contains("已决定不终止与 渠道 BAD 的合作（2026-09 的终止合作建议），渠道保持现状")
                .doesNotContain("再观察一季");
        assertThat(notifications(ofBad)).doesNotContain("终止");
    }

    /** Where the user's notifications lead when opened, oldest first. */
    private List<String> links(Hospital4Incentives h, String recipient) {
        return jdbc.sql("SELECT link FROM notification WHERE hospital_id = :h AND recipient = :r ORDER BY id")
                .param("h", h.hospital.id()).param("r", recipient).query(String.class).list();
    }

    /** The user's workbench (home page) as their browser gets it. */
    private String home(String username) throws Exception {
        return mvc.perform(get("/").with(user(accounts.loadUserByUsername(username))).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String notifications(String username) throws Exception {
        return mvc.perform(get("/notifications").with(user(accounts.loadUserByUsername(username)))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /**
     * The incentive notifications of the hospital (statements, sign-offs, terminations): each recipient's kinds,
     * oldest first. Evaluations published along the way are left out.
     */
    private Map<String, List<String>> told(Hospital4Incentives h) {
        return jdbc.sql("""
                        SELECT recipient, kind FROM notification
                        WHERE hospital_id = :h AND kind IN ('STATEMENT_TO_REVIEW', 'STATEMENT_TO_APPROVE',
                            'STATEMENT_APPROVED', 'COMPLIANCE_SIGN_OFF', 'TERMINATION_DECIDED')
                        ORDER BY id""")
                .param("h", h.hospital.id()).query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey, TreeMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }
}
