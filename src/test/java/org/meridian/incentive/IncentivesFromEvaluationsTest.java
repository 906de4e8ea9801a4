package org.meridian.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.meridian.incentive.Hospital4Incentives.json;
import static org.meridian.incentive.Hospital4Incentives.line;
import static org.meridian.incentive.Hospital4Incentives.sumOfLines;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.meridian.shared.Actor;
import org.meridian.channel.ChannelLifecycle;
import org.meridian.channel.ChannelRegistry;
import org.meridian.channel.ChannelStatus;
import org.meridian.channel.StatusChange;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Worked examples end to end: events go in through the API, an evaluation is run and published, and the statements
 * the system drafts on publication are checked line by line against amounts computed by hand (in the comments);
 * then a re-publication, and the sanction sequence over three periods in the lowest tier.
 */
@MeridianTest
class IncentivesFromEvaluationsTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired ChannelRegistry channels;
    @Autowired ChannelLifecycle lifecycle;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcClient jdbc;
    @Autowired java.time.Clock clock;

    static final String SERVICE_FEE = """
            {"code": "SERVICE-FEE", "name": "服务费（按等级）", "type": "FEE", "validFrom": "2026-01-01",
             "baseKind": "FIXED", "baseAmount": 5000, "rateBy": "TIER",
             "tierRates": {"A": 1.2, "B": 1.0, "C": 0.5}, "cap": 5500}""";
    static final String QUALITY = """
            {"code": "QUALITY", "name": "质量奖励（按分数段）", "type": "FEE", "validFrom": "2026-01-01",
             "baseKind": "FIXED", "baseAmount": 3000, "rateBy": "SCORE_BAND",
             "scoreBands": [{"from": 85, "rate": 1.5}, {"from": 70, "to": 85, "rate": 1.0}], "cap": 4000}""";
    static final String ARRIVAL_FEE = """
            {"code": "ARRIVAL-FEE", "name": "到诊服务费", "type": "FEE", "validFrom": "2026-01-01",
             "baseKind": "MEASURE", "baseMeasure": "arrivals", "rateBy": "TIER", "tierRates": {"A": 12.345}}""";
    static final String PER_REFERRAL = """
            {"code": "PER-REFERRAL", "name": "按转诊人次返费", "type": "FEE", "validFrom": "2026-01-01",
             "baseKind": "MEASURE", "baseMeasure": "referrals", "rateBy": "TIER", "tierRates": {"A": 30, "B": 20}}""";
    static final String TOP2 = """
            {"code": "TOP2", "name": "季度评优奖金", "type": "AWARD", "unitType": "EXAM_CENTER", "validFrom": "2026-01-01",
             "topN": 2, "awardPeriod": "QUARTER", "awardAmount": 800}""";
    static final String TOP1_KIND = """
            {"code": "TOP1-KIND", "name": "季度第一名进修名额", "type": "AWARD", "unitType": "EXAM_CENTER",
             "validFrom": "2026-01-01", "topN": 1, "awardPeriod": "QUARTER", "awardInKind": "进修培训名额"}""";
    static final String GREEN = """
            {"code": "GREEN", "name": "绿色通道", "type": "PRIORITY", "validFrom": "2026-01-01",
             "benefit": "绿色通道名额", "tierQuotas": {"A": 10, "B": 5, "C": 2}}""";
    static final String LOWEST_TIER = """
            {"code": "LOWEST-TIER", "name": "末位惩戒", "type": "SANCTION", "validFrom": "2026-01-01",
             "lowestTier": "D", "warningAfter": 1, "probationAfter": 2, "terminationAfter": 3}""";

    JsonNode statement(Hospital4Incentives h, long id) throws Exception {
        return h.read(h.as(h.analyst, get("/api/v1/statements/" + id)).andExpect(status().isOk()));
    }

    /** The current statements of the period, by channel code and sequence. */
    List<JsonNode> list(Hospital4Incentives h, String period) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        h.read(h.as(h.analyst, get("/api/v1/statements").param("period", period)).andExpect(status().isOk()))
                .get("items").forEach(out::add);
        return out;
    }

    long idOf(Hospital4Incentives h, String period, String channel, int sequence) throws Exception {
        return list(h, period).stream().filter(s -> s.get("channelCode").asString().equals(channel)
                        && s.get("sequence").asInt() == sequence)
                .findFirst().orElseThrow(() -> new AssertionError("no statement " + channel + " #" + sequence))
                .get("id").asLong();
    }

    /** A page as the user's browser gets it. */
    String page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(user(accounts.loadUserByUsername(username)))
                        .accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The text from {@code start} up to the next {@code end}. */
    static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return text.substring(from, text.indexOf(end, from));
    }

    static void money(JsonNode node, String expected) {
        assertThat(node.decimalValue()).isEqualByComparingTo(expected);
    }

    @Test
    void everyRuleTypeFromEventsToStatementLinesAndARepublication() throws Exception {
        Hospital4Incentives h = new Hospital4Incentives(mvc, json, users, hospitals);
        h.examCentres(List.of("E1", "E2", "E3", "E4"), SERVICE_FEE, QUALITY);
        long arrivalFee = h.rule(ARRIVAL_FEE);
        h.rule(PER_REFERRAL);
        h.rule(TOP2);
        h.rule(TOP1_KIND);
        h.rule(GREEN);
        h.rule(LOWEST_TIER);
        // both measure-based fees are flagged; only ARRIVAL-FEE is signed off, PER-REFERRAL gives no money
        h.as(h.manager, json(post("/api/v1/incentive-rules/" + arrivalFee + "/sign-off"),
                "{\"justification\": \"到诊仅作服务量核对，法务已审\"}")).andExpect(status().isOk());

        // Q3 2026: referrals E1 10, E2 8, E3 6, E4 2 → totals 100, 80, 60, 20 → tiers A, B, C, D, ranks 1–4
        h.referrals("E1", "2026-09-03", 10);
        h.arrivals("E1", "2026-09-04", 3);
        h.referrals("E2", "2026-08-10", 8);
        h.referrals("E3", "2026-07-15", 6);
        h.referrals("E4", "2026-09-20", 2);
        long v1 = h.publish("2026-Q3", "EXAM_CENTER");

        // E4 has nothing to receive: no statement; E1–E3 one draft each, prepared by the system from v1
        List<JsonNode> drafted = list(h, "2026-Q3");
        assertThat(drafted).extracting(s -> s.get("channelCode").asString()).containsExactly("E1", "E2", "E3");
        assertThat(drafted).allSatisfy(s -> {
            assertThat(s.get("status").asString()).isEqualTo("DRAFT");
            assertThat(s.get("preparedBy").asString()).isEqualTo("system");
            assertThat(s.get("evaluationVersion").asInt()).isEqualTo(1);
        });

        // E1 (A, 100, rank 1): SERVICE-FEE 5000 × 1.2 = 6000 > cap 5500 → 5500.00;
        // QUALITY 100 in [85, ∞): 3000 × 1.5 = 4500 > cap 4000 → 4000.00;
        // ARRIVAL-FEE 3 arrivals × 12.345 = 37.035 → 37.04 (half-up to the fen); TOP2 rank 1 ≤ 2 → 800.00;
        // TOP1-KIND in kind 0.00 × 1; GREEN A → 10 places (0.00); PER-REFERRAL not signed off → no line.
        // Total 5500 + 4000 + 37.04 + 800 = 10337.04
        JsonNode e1 = statement(h, idOf(h, "2026-Q3", "E1", 1));
        assertThat(e1.get("lines")).hasSize(6);
        money(line(e1, "SERVICE-FEE").get("amount"), "5500.00");
        money(line(e1, "QUALITY").get("amount"), "4000.00");
        money(line(e1, "ARRIVAL-FEE").get("amount"), "37.04");
        money(line(e1, "ARRIVAL-FEE").get("basis"), "3");
        money(line(e1, "ARRIVAL-FEE").get("rate"), "12.345");
        money(line(e1, "TOP2").get("amount"), "800.00");
        money(line(e1, "TOP1-KIND").get("amount"), "0.00");
        assertThat(line(e1, "TOP1-KIND").get("benefit").asString()).isEqualTo("进修培训名额");
        assertThat(line(e1, "GREEN").get("quantity").asInt()).isEqualTo(10);
        assertThat(e1.get("lines").valueStream().map(l -> l.path("ruleCode").asString()))
                .doesNotContain("PER-REFERRAL");
        money(e1.get("total"), "10337.04");
        assertThat(sumOfLines(e1)).isEqualByComparingTo(e1.get("total").decimalValue());
        assertThat(e1.get("evaluationId").asLong()).isEqualTo(v1);
        assertThat(e1.get("result").get("tier").asString()).isEqualTo("A");

        // E2 (B, 80, rank 2): 5000 × 1.0 = 5000.00; 80 in [70, 85): 3000 × 1.0 = 3000.00; TOP2 800.00; GREEN 5
        long e2v1 = idOf(h, "2026-Q3", "E2", 1);
        JsonNode e2 = statement(h, e2v1);
        assertThat(e2.get("lines")).hasSize(4);
        money(line(e2, "SERVICE-FEE").get("amount"), "5000.00");
        money(line(e2, "QUALITY").get("amount"), "3000.00");
        money(line(e2, "TOP2").get("amount"), "800.00");
        assertThat(line(e2, "GREEN").get("quantity").asInt()).isEqualTo(5);
        money(e2.get("total"), "8800.00");

        // E3 (C, 60, rank 3): 5000 × 0.5 = 2500.00; 60 is in no band → no QUALITY line; GREEN 2
        long e3v1 = idOf(h, "2026-Q3", "E3", 1);
        JsonNode e3 = statement(h, e3v1);
        assertThat(e3.get("lines")).hasSize(2);
        money(line(e3, "SERVICE-FEE").get("amount"), "2500.00");
        assertThat(line(e3, "GREEN").get("quantity").asInt()).isEqualTo(2);
        money(e3.get("total"), "2500.00");

        // E4 in the lowest tier for the first period: a warning, recorded
        h.as(h.analyst, get("/api/v1/sanctions")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].channelCode").value("E4"))
                .andExpect(jsonPath("$.items[0].level").value("WARNING"))
                .andExpect(jsonPath("$.items[0].streak").value(1))
                .andExpect(jsonPath("$.items[0].status").value("NOTED"));

        // drafting again is idempotent
        h.as(h.office, post("/api/v1/statements/from-evaluation/" + v1)).andExpect(status().isOk())
                .andExpect(jsonPath("$.alreadyDrafted").value(3)).andExpect(jsonPath("$.drafted").value(0))
                .andExpect(jsonPath("$.sanctions").value(0));
        assertThat(list(h, "2026-Q3")).hasSize(3);

        // four eyes on a system draft: the reviewer may not also approve
        long e1v1 = idOf(h, "2026-Q3", "E1", 1);
        h.as(h.manager, post("/api/v1/statements/" + e1v1 + "/review")).andExpect(status().isOk());
        h.as(h.manager, post("/api/v1/statements/" + e1v1 + "/approve")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason", containsString("approver must not be its reviewer")));
        h.as(h.manager2, post("/api/v1/statements/" + e1v1 + "/approve")).andExpect(status().isOk());
        h.as(h.manager2, post("/api/v1/statements/" + e1v1 + "/pay")).andExpect(status().isOk());
        // E2 gets a manual adjustment on its draft; E3 is reviewed
        h.as(h.office, json(post("/api/v1/statements/" + e2v1 + "/adjustments"),
                "{\"amount\": -100.00, \"reason\": \"交通补贴冲回\"}")).andExpect(status().isOk());
        h.as(h.office2, post("/api/v1/statements/" + e3v1 + "/review")).andExpect(status().isOk());

        // a late batch: E3 +3 referrals → 9 → total 90, tier A, rank 2; E2 drops to rank 3. Version 2 is published.
        h.referrals("E3", "2026-09-28", 3);
        // before publishing, the office sees what version 2 would change (issue 12 §5), and asking changes nothing
        long draft = h.run("2026-Q3", "EXAM_CENTER");
        String preview = page(h.office, "/evaluations/" + draft + "/publish");
        // E3 60 → 90, rank 3 → 2, C → A; E2 keeps 80 and B but drops from rank 2 to 3; E1 and E4 stay as they are
        assertThat(preview).contains("将取代", "2 个渠道的总分、排名或分级有变动（其中 1 个分级变化），2 个渠道不变");
        assertThat(between(preview, "id=\"moved-E3\"", "</tr>")).contains("60.00 → 90.00", "3 → 2", "C → A", "升级");
        assertThat(between(preview, "id=\"moved-E2\"", "</tr>")).contains("80.00 → 80.00", "2 → 3", "B → B");
        assertThat(preview).doesNotContain("id=\"moved-E1\"", "id=\"moved-E4\"");
        // E2's draft is superseded and drafted again; E1 (paid) and E3 (reviewed) are kept; v1's four reports go
        assertThat(between(preview, "id=\"preview-statements-redrafted\"", "</div>")).contains("1 张结算单草稿", "E2")
                .doesNotContain("E1）", "E3）");
        assertThat(between(preview, "id=\"preview-statements-kept\"", "</div>"))
                .contains("2 张", "E1）", "已支付", "E3）", "已复核").doesNotContain("E2）");
        assertThat(between(preview, "id=\"preview-reports-superseded\"", "</div>")).contains("4 份上一版的反馈报告");
        assertThat(statement(h, e2v1).get("status").asString()).isEqualTo("DRAFT");
        long v2 = h.publish("2026-Q3", "EXAM_CENTER");
        assertThat(v2).isNotEqualTo(v1).isEqualTo(draft);
        assertThat(page(h.office, "/evaluations/" + v2 + "/publish")).contains("id=\"already-published\"")
                .doesNotContain("confirm-publish");
        // version 1's feedback report says it is superseded and leads to version 2's
        long oldReport = h.read(h.as(h.analyst, get("/api/v1/feedback-reports").param("evaluationId", "" + v1)))
                .get("items").valueStream().filter(r -> r.get("channel").asString().equals("E3")).findFirst()
                .orElseThrow().get("id").asLong();
        assertThat(page(h.office, "/feedback/reports/" + oldReport)).contains("id=\"report-superseded\"",
                "本报告依据第 1 版评估；该期第 2 版已于", "id=\"superseding-report\"");

        // E1: PAID, untouched; v2 gives it the same lines → no correction
        JsonNode e1After = statement(h, e1v1);
        assertThat(e1After.get("status").asString()).isEqualTo("PAID");
        money(e1After.get("total"), "10337.04");
        assertThat(list(h, "2026-Q3").stream().filter(s -> s.get("channelCode").asString().equals("E1"))).hasSize(1);

        // E2: the v1 draft is superseded (kept, read-only); the v2 draft replaces it and carries the manual line:
        // 5000.00 + 3000.00 + (rank 3: no TOP2) − 100.00 = 7900.00
        JsonNode e2Old = statement(h, e2v1);
        assertThat(e2Old.get("status").asString()).isEqualTo("SUPERSEDED");
        long e2v2 = idOf(h, "2026-Q3", "E2", 1);
        assertThat(e2v2).isNotEqualTo(e2v1);
        assertThat(e2Old.get("supersededBy").asLong()).isEqualTo(e2v2);
        JsonNode e2New = statement(h, e2v2);
        assertThat(e2New.get("replaces").asLong()).isEqualTo(e2v1);
        assertThat(e2New.get("evaluationVersion").asInt()).isEqualTo(2);
        assertThat(e2New.get("lines").valueStream().map(l -> l.path("ruleCode").asString())).doesNotContain("TOP2");
        JsonNode carried = e2New.get("lines").valueStream().filter(l -> l.get("ruleType").asString()
                .equals("ADJUSTMENT")).findFirst().orElseThrow();
        money(carried.get("amount"), "-100.00");
        assertThat(carried.get("reason").asString()).isEqualTo("交通补贴冲回");
        assertThat(carried.get("createdBy").asString()).isEqualTo(h.office);
        money(e2New.get("total"), "7900.00");
        // a superseded draft takes no more steps
        h.as(h.office2, post("/api/v1/statements/" + e2v1 + "/review")).andExpect(status().isConflict());

        // E3: the REVIEWED statement is never touched; a correcting draft holds the differences:
        // SERVICE-FEE A 5500.00 − 2500.00 = +3000.00; QUALITY 90 → 3000 × 1.5 = 4500 → cap 4000.00 − 0 = +4000.00;
        // TOP2 rank 2 → +800.00; GREEN 2 → 10 places: +8 (0.00). Correction total 7800.00.
        JsonNode e3Reviewed = statement(h, e3v1);
        assertThat(e3Reviewed.get("status").asString()).isEqualTo("REVIEWED");
        money(e3Reviewed.get("total"), "2500.00");
        JsonNode e3Correction = statement(h, idOf(h, "2026-Q3", "E3", 2));
        assertThat(e3Correction.get("corrects").asLong()).isEqualTo(e3v1);
        assertThat(e3Correction.get("status").asString()).isEqualTo("DRAFT");
        assertThat(e3Correction.get("lines")).hasSize(4)
                .allSatisfy(l -> assertThat(l.get("ruleType").asString()).isEqualTo("ADJUSTMENT"));
        money(line(e3Correction, "SERVICE-FEE").get("amount"), "3000.00");
        money(line(e3Correction, "QUALITY").get("amount"), "4000.00");
        money(line(e3Correction, "TOP2").get("amount"), "800.00");
        assertThat(line(e3Correction, "GREEN").get("quantity").asInt()).isEqualTo(8);
        money(e3Correction.get("total"), "7800.00");
        assertThat(sumOfLines(e3Correction)).isEqualByComparingTo("7800.00");
        // what E3 is owed for Q3 now: 2500.00 reviewed + 7800.00 correction = 10300.00 = 5500 + 4000 + 800
    }

    @Test
    void threeMonthsInTheLowestTierWarnPutOnProbationAndRecommendTermination() throws Exception {
        Hospital4Incentives h = new Hospital4Incentives(mvc, json, users, hospitals);
        h.examCentres(List.of("GOOD", "BAD", "GAP"), SERVICE_FEE, TOP2, LOWEST_TIER);
        String[] months = {"2026-07", "2026-08", "2026-09"};
        for (int m = 0; m < 3; m++) {
            h.referrals("GOOD", months[m] + "-10", 10);
            h.referrals("BAD", months[m] + "-10", 1);                 // 10 → tier D every month
            h.referrals("GAP", months[m] + "-10", m == 1 ? 8 : 1);    // D, B, D
        }

        // July: first month in D → warnings; nothing changes in the lifecycle
        h.publish("2026-07", "EXAM_CENTER");
        assertThat(channels.get(Actor.system(h.hospital.id(), "test"), "BAD").status()).isEqualTo(ChannelStatus.ACTIVE);
        JsonNode july = sanctions(h);
        assertThat(july).hasSize(2).allSatisfy(s -> {
            assertThat(s.get("level").asString()).isEqualTo("WARNING");
            assertThat(s.get("status").asString()).isEqualTo("NOTED");
        });

        // August: BAD two months in a row → probation, set through the channel lifecycle by the system
        h.publish("2026-08", "EXAM_CENTER");
        JsonNode august = sanction(h, "BAD", "2026-08");
        assertThat(august.get("level").asString()).isEqualTo("PROBATION");
        assertThat(august.get("streak").asInt()).isEqualTo(2);
        assertThat(august.get("status").asString()).isEqualTo("APPLIED");
        var bad = channels.get(Actor.system(h.hospital.id(), "test"), "BAD");
        assertThat(bad.status()).isEqualTo(ChannelStatus.PROBATION);
        StatusChange probation = lifecycle.history(Actor.system(h.hospital.id(), "test"), bad.id()).stream()
                .filter(c -> c.toStatus() == ChannelStatus.PROBATION).findFirst().orElseThrow();
        assertThat(probation.changedBy()).isEqualTo("system:incentive-drafting");
        assertThat(probation.reason()).contains("LOWEST-TIER", "2 consecutive", "2026-08");
        assertThat(channels.get(Actor.system(h.hospital.id(), "test"), "GAP").status()).isEqualTo(ChannelStatus.ACTIVE);

        // September: BAD three in a row → termination recommended, waiting for a person; GAP's streak restarted
        h.publish("2026-09", "EXAM_CENTER");
        JsonNode september = sanction(h, "BAD", "2026-09");
        assertThat(september.get("level").asString()).isEqualTo("TERMINATION_RECOMMENDED");
        assertThat(september.get("streak").asInt()).isEqualTo(3);
        assertThat(september.get("status").asString()).isEqualTo("PENDING");
        assertThat(channels.get(Actor.system(h.hospital.id(), "test"), "BAD").status()).isEqualTo(ChannelStatus.PROBATION);
        JsonNode gap = sanction(h, "GAP", "2026-09");
        assertThat(gap.get("level").asString()).isEqualTo("WARNING");
        assertThat(gap.get("streak").asInt()).isEqualTo(1);

        // monthly evaluations give no quarterly award: GOOD's statement has its fee only (A: 5500.00)
        JsonNode good = statement(h, idOf(h, "2026-09", "GOOD", 1));
        assertThat(good.get("lines")).hasSize(1);
        money(line(good, "SERVICE-FEE").get("amount"), "5500.00");

        // the decision is a hospital manager's, with a note; refused requests change nothing
        long id = september.get("id").asLong();
        UserDetails managerPage = accounts.loadUserByUsername(h.manager);
        mvc.perform(get("/incentives").with(user(managerPage))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"terminate-" + id + "\"")))
                .andExpect(content().string(containsString("待院领导决定")));
        // the warnings (recorded, nothing to decide) are in the full list of sanctions, a page of its own
        mvc.perform(get("/incentives/sanctions").with(user(managerPage))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已记录")))
                .andExpect(content().string(containsString("id=\"terminate-" + id + "\"")));
        mvc.perform(get("/incentives").with(user(accounts.loadUserByUsername(h.office)))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"terminate-" + id + "\""))));
        mvc.perform(post("/incentives/sanctions/" + id + "/decision").with(user(managerPage)).with(csrf())
                        .param("decision", "terminate").param("note", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("对终止合作建议作出决定须填写说明")));
        h.as(h.analyst, json(post("/api/v1/sanctions/" + id + "/decision"), "{\"terminate\": true, \"note\": \"x\"}"))
                .andExpect(status().isForbidden());
        h.asInEnglish(h.manager, json(post("/api/v1/sanctions/" + id + "/decision"), "{\"terminate\": true}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"))
                .andExpect(jsonPath("$.errors[0].message").value("A decision on a termination recommendation needs a note."));
        assertThat(channels.get(Actor.system(h.hospital.id(), "test"), "BAD").status()).isEqualTo(ChannelStatus.PROBATION);
        h.as(h.manager, json(post("/api/v1/sanctions/" + id + "/decision"),
                "{\"terminate\": true, \"note\": \"连续三个月末位，整改无效，经院务会决定终止合作\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("TERMINATED"))
                .andExpect(jsonPath("$.decidedBy").value(h.manager));
        bad = channels.get(Actor.system(h.hospital.id(), "test"), "BAD");
        assertThat(bad.status()).isEqualTo(ChannelStatus.TERMINATED);
        StatusChange ended = lifecycle.history(Actor.system(h.hospital.id(), "test"), bad.id()).stream()
                .filter(c -> c.toStatus() == ChannelStatus.TERMINATED).findFirst().orElseThrow();
        assertThat(ended.changedBy()).isEqualTo(h.manager);
        assertThat(ended.reason()).contains("院务会");
        h.as(h.manager, json(post("/api/v1/sanctions/" + id + "/decision"), "{\"terminate\": false, \"note\": \"再议\"}"))
                .andExpect(status().isConflict());
    }

    /**
     * A termination recommendation stands only while no later period contradicts it (docs/incentives.md). By hand,
     * total = 10 × referrals, D below 55: UP has 1, 1, 1 referrals in July–September (10 → D three times: termination
     * recommended for 2026-09) and 8 in October (80 → B); STAY has 2 every month (20 → D four times). Publishing
     * October retires UP's recommendation (B is not the lowest tier D); STAY's September recommendation gives way to
     * its new one for October (streak 4), the one left to decide. A second version of September published after
     * October recommends UP's termination again (three D months still end with September), and October, already
     * published, retires it at once; STAY's recommendation of that version gives way at once to October's.
     */
    @Test
    void aTerminationRecommendationIsRetiredOnceALaterPeriodLeavesTheLowestTier() throws Exception {
        Hospital4Incentives h = new Hospital4Incentives(mvc, json, users, hospitals);
        h.examCentres(List.of("UP", "STAY"), LOWEST_TIER);
        String[] months = {"2026-07", "2026-08", "2026-09", "2026-10"};
        for (int m = 0; m < months.length; m++) {
            h.referrals("UP", months[m] + "-10", m == 3 ? 8 : 1);
            h.referrals("STAY", months[m] + "-10", 2);
        }
        for (int m = 0; m < 3; m++) {
            h.publish(months[m], "EXAM_CENTER");
        }
        JsonNode up = sanction(h, "UP", "2026-09");
        assertThat(up.get("level").asString()).isEqualTo("TERMINATION_RECOMMENDED");
        assertThat(up.get("status").asString()).isEqualTo("PENDING");
        long upId = up.get("id").asLong();
        long stayId = sanction(h, "STAY", "2026-09").get("id").asLong();

        long october = h.publish("2026-10", "EXAM_CENTER");
        up = sanctionById(h, upId);
        assertThat(up.get("status").asString()).isEqualTo("RETIRED");
        assertThat(up.get("retiredPeriod").asString()).isEqualTo("2026-10");
        assertThat(up.get("retiredTier").asString()).isEqualTo("B");
        assertThat(up.get("decidedBy").isNull()).as("nobody decided it: the later result did").isTrue();
        assertThat(sanctionById(h, stayId).get("status").asString()).as("STAY is still in D: October's recommendation "
                + "takes over").isEqualTo("SUPERSEDED");
        assertThat(sanctionById(h, stayId).get("supersededPeriod").asString()).isEqualTo("2026-10");
        JsonNode stayOctober = sanction(h, "STAY", "2026-10");
        long stayOctoberId = stayOctober.get("id").asLong();
        assertThat(stayOctober.get("level").asString()).isEqualTo("TERMINATION_RECOMMENDED");
        assertThat(stayOctober.get("streak").asInt()).isEqualTo(4);
        assertThat(stayOctober.get("status").asString()).isEqualTo("PENDING");
        assertThat(sanctions(h).valueStream().filter(s -> s.get("channelCode").asString().equals("UP")
                && s.get("period").asString().equals("2026-10"))).as("B gives no sanction").isEmpty();

        // the audit trail says which later period and tier retired it, as the system
        var entry = jdbc.sql("""
                        SELECT actor, details::text FROM audit_log
                        WHERE hospital_id = ? AND action = 'INCENTIVE_SANCTION_TERMINATION_RETIRED' AND target = ?""")
                .param(h.hospital.id()).param("sanction:" + upId).query().listOfRows();
        assertThat(entry).hasSize(1);
        assertThat(entry.get(0).get("actor")).isEqualTo("system");
        JsonNode details = json.readTree((String) entry.get(0).get("details"));
        assertThat(details.get("channel").asString()).isEqualTo("UP");
        assertThat(details.get("period").asString()).isEqualTo("2026-09");
        assertThat(details.get("laterPeriod").asString()).isEqualTo("2026-10");
        assertThat(details.get("tier").asString()).isEqualTo("B");
        assertThat(details.get("lowestTier").asString()).isEqualTo("D");
        assertThat(details.get("evaluation").asLong()).isEqualTo(october);

        // the manager has nothing to decide for UP any more, and reads why on the sanctions page
        UserDetails managerPage = accounts.loadUserByUsername(h.manager);
        mvc.perform(get("/incentives").with(user(managerPage))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"terminate-" + upId + "\""))))
                .andExpect(content().string(not(containsString("id=\"terminate-" + stayId + "\""))))
                .andExpect(content().string(containsString("id=\"terminate-" + stayOctoberId + "\"")));
        String page = page(h.manager, "/incentives/sanctions?status=RETIRED");
        assertThat(between(page, "id=\"sanction-" + upId + "\"", "</tr>"))
                .contains("已撤回：之后的期间已不在最低级", "2026-10 评估为 B 级，已不在最低级 D，此终止建议不再适用。");
        h.as(h.manager, json(post("/api/v1/sanctions/" + upId + "/decision"),
                "{\"terminate\": true, \"note\": \"按原建议终止\"}")).andExpect(status().isConflict());
        assertThat(channels.get(Actor.system(h.hospital.id(), "test"), "UP").status()).isNotEqualTo(ChannelStatus.TERMINATED);

        // September again (version 2) after October: recommended as before, and retired at once by October's B
        long september2 = h.run("2026-09", "EXAM_CENTER");
        h.publish(september2);
        JsonNode again = sanctions(h).valueStream().filter(s -> s.get("channelCode").asString().equals("UP")
                && s.get("evaluationId").asLong() == september2).findFirst().orElseThrow();
        assertThat(again.get("level").asString()).isEqualTo("TERMINATION_RECOMMENDED");
        assertThat(again.get("status").asString()).isEqualTo("RETIRED");
        assertThat(again.get("retiredPeriod").asString()).isEqualTo("2026-10");
        // STAY's September recommendation of version 2 gives way at once to October's, which still waits
        assertThat(sanctionById(h, stayId).get("status").asString()).isEqualTo("SUPERSEDED");
        JsonNode staySeptember2 = sanctions(h).valueStream().filter(s -> s.get("channelCode").asString().equals("STAY")
                && s.get("evaluationId").asLong() == september2).findFirst().orElseThrow();
        assertThat(staySeptember2.get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(staySeptember2.get("supersededPeriod").asString()).isEqualTo("2026-10");
        assertThat(sanctionById(h, stayOctoberId).get("status").asString()).isEqualTo("PENDING");
    }

    /**
     * A channel that stays in the lowest tier is recommended for termination again each period (docs/incentives.md):
     * by hand, total = 10 × referrals, D below 55; LOW has 1 referral every month July–November (10 → D five times),
     * so termination is recommended for September (streak 3), October (4) and November (5). Each later recommendation
     * supersedes the one still waiting, so the hospital manager has one recommendation of LOW to decide (November's),
     * and the sanctions page says by which period each earlier one was superseded.
     */
    @Test
    void aChannelThatStaysInTheLowestTierHasOneTerminationRecommendationToDecide() throws Exception {
        Hospital4Incentives h = new Hospital4Incentives(mvc, json, users, hospitals);
        h.examCentres(List.of("LOW", "FINE"), LOWEST_TIER);
        String[] months = {"2026-07", "2026-08", "2026-09", "2026-10", "2026-11"};
        for (String month : months) {
            h.referrals("LOW", month + "-10", 1);
            h.referrals("FINE", month + "-10", 10);
        }
        for (String month : months) {
            h.publish(month, "EXAM_CENTER");
        }
        JsonNode september = sanction(h, "LOW", "2026-09");
        JsonNode october = sanction(h, "LOW", "2026-10");
        JsonNode november = sanction(h, "LOW", "2026-11");
        assertThat(List.of(september, october, november)).allSatisfy(s ->
                assertThat(s.get("level").asString()).isEqualTo("TERMINATION_RECOMMENDED"));
        assertThat(september.get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(september.get("supersededPeriod").asString()).isEqualTo("2026-10");
        assertThat(october.get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(october.get("supersededPeriod").asString()).isEqualTo("2026-11");
        assertThat(november.get("status").asString()).isEqualTo("PENDING");
        assertThat(november.get("streak").asInt()).isEqualTo(5);
        assertThat(november.get("supersededPeriod").isNull()).isTrue();
        // recorded at the hospital's "now", the injected clock's (2027-01-15 in tests), not the database's
        java.time.Instant now = clock.instant();
        assertThat(java.time.OffsetDateTime.parse(november.get("createdAt").asString()).toInstant())
                .isBetween(now.minusSeconds(60), now);
        assertThat(sanctions(h).valueStream().filter(s -> s.get("status").asString().equals("PENDING")))
                .as("one recommendation waits for LOW").hasSize(1);

        // the manager's inbox: one termination to decide, linked to November's recommendation
        String home = page(h.manager, "/");
        assertThat(between(home, "id=\"work-kind-incentive-termination\"", "</strong>")).endsWith("<strong>1");
        assertThat(home).contains("/incentives#sanction-" + november.get("id").asLong())
                .doesNotContain("/incentives#sanction-" + october.get("id").asLong() + "\"");

        // the sanctions page says by which later period each was superseded, in both languages
        String page = page(h.manager, "/incentives/sanctions?status=SUPERSEDED");
        assertThat(between(page, "id=\"sanction-" + september.get("id").asLong() + "\"", "</tr>"))
                .contains("已被 2026-10 的建议取代");
        assertThat(between(page, "id=\"sanction-" + october.get("id").asLong() + "\"", "</tr>"))
                .contains("已被 2026-11 的建议取代").doesNotContain("新版本");
        String english = mvc.perform(get("/incentives/sanctions?status=SUPERSEDED")
                        .with(user(accounts.loadUserByUsername(h.manager)))
                        .accept(org.springframework.http.MediaType.TEXT_HTML)
                        .cookie(new jakarta.servlet.http.Cookie("meridian-lang", "en")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(between(english, "id=\"sanction-" + october.get("id").asLong() + "\"", "</tr>"))
                .contains("Superseded by the recommendation of 2026-11");

        // audited as the system, naming the later period and the recommendation that took over
        var entries = jdbc.sql("""
                        SELECT target, details::text FROM audit_log
                        WHERE hospital_id = ? AND action = 'INCENTIVE_SANCTION_TERMINATION_SUPERSEDED' ORDER BY id""")
                .param(h.hospital.id()).query().listOfRows();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).get("target")).isEqualTo("sanction:" + october.get("id").asLong());
        JsonNode details = json.readTree((String) entries.get(1).get("details"));
        assertThat(details.get("laterPeriod").asString()).isEqualTo("2026-11");
        assertThat(details.get("supersededBy").asLong()).isEqualTo(november.get("id").asLong());

        // deciding the superseded one is refused; November's is decided, and nothing waits for LOW any more
        h.as(h.manager, json(post("/api/v1/sanctions/" + october.get("id").asLong() + "/decision"),
                "{\"terminate\": false, \"note\": \"再观察\"}")).andExpect(status().isConflict());
        h.as(h.manager, json(post("/api/v1/sanctions/" + november.get("id").asLong() + "/decision"),
                "{\"terminate\": false, \"note\": \"再观察一个季度\"}")).andExpect(status().isOk());
        assertThat(page(h.manager, "/")).doesNotContain("work-kind-incentive-termination");
    }

    @Test
    void theMoneyFollowsThePublishedEvaluationNotTheEventsAsTheyAreLater() throws Exception {
        Hospital4Incentives h = new Hospital4Incentives(mvc, json, users, hospitals);
        h.examCentres(List.of("F1"));
        // Q3 2026: 10 referrals → score 100, tier A, rank 1; 4 arrivals, which the scheme does not read
        h.referrals("F1", "2026-08-03", 10);
        List<String> arrivals = h.arrivals("F1", "2026-08-04", 4);
        long v1 = h.publish("2026-Q3", "EXAM_CENTER");
        assertThat(list(h, "2026-Q3")).isEmpty();   // no rules yet: nothing drafted on publication

        // after the publication one arrival is voided: the rollups now hold 3 arrivals, v1 keeps 4
        h.voidEvent(arrivals.get(0));
        long fee = h.rule(ARRIVAL_FEE);
        h.as(h.manager, json(post("/api/v1/incentive-rules/" + fee + "/sign-off"),
                "{\"justification\": \"到诊仅作服务量核对，法务已审\"}")).andExpect(status().isOk());
        h.as(h.office, post("/api/v1/statements/from-evaluation/" + v1)).andExpect(status().isOk())
                .andExpect(jsonPath("$.drafted").value(1));

        // ARRIVAL-FEE from v1's frozen total: 4 × 12.345 = 49.380 → 49.38 (the live rollups would give
        // 3 × 12.345 = 37.035 → 37.04)
        long first = idOf(h, "2026-Q3", "F1", 1);
        JsonNode fromV1 = statement(h, first);
        money(line(fromV1, "ARRIVAL-FEE").get("basis"), "4");
        money(line(fromV1, "ARRIVAL-FEE").get("amount"), "49.38");
        money(fromV1.get("result").get("measureTotals").get("arrivals"), "4");
        money(fromV1.get("result").get("measureTotals").get("referrals"), "10");
        money(fromV1.get("total"), "49.38");

        // a new version run now freezes the 3 arrivals; its publication supersedes the draft of v1:
        // 3 × 12.345 = 37.035 → 37.04
        h.publish("2026-Q3", "EXAM_CENTER");
        assertThat(statement(h, first).get("status").asString()).isEqualTo("SUPERSEDED");
        JsonNode fromV2 = statement(h, idOf(h, "2026-Q3", "F1", 1));
        assertThat(fromV2.get("evaluationVersion").asInt()).isEqualTo(2);
        money(line(fromV2, "ARRIVAL-FEE").get("basis"), "3");
        money(line(fromV2, "ARRIVAL-FEE").get("amount"), "37.04");
        money(fromV2.get("total"), "37.04");
        // and v1's statement still shows what v1 gave
        money(statement(h, first).get("total"), "49.38");
    }

    @Test
    void anEvaluationWithoutFrozenMeasureTotalsIsNotPaidOnAMeasure() throws Exception {
        Hospital4Incentives h = new Hospital4Incentives(mvc, json, users, hospitals);
        h.examCentres(List.of("G1"));
        h.referrals("G1", "2026-08-03", 10);
        h.arrivals("G1", "2026-08-04", 2);
        // an evaluation as run before measure totals were stored with the scorecards (2026-12-04)
        long old = h.run("2026-Q3", "EXAM_CENTER");
        assertThat(jdbc.sql("DELETE FROM evaluation_measure_totals WHERE hospital_id = :h AND evaluation_id = :e")
                .param("h", h.hospital.id()).param("e", old).update()).isEqualTo(1);
        h.publish(old);
        h.rule(SERVICE_FEE);
        long fee = h.rule(ARRIVAL_FEE);
        h.as(h.manager, json(post("/api/v1/incentive-rules/" + fee + "/sign-off"),
                "{\"justification\": \"到诊仅作服务量核对，法务已审\"}")).andExpect(status().isOk());

        // refused with the remedy, and nothing drafted (not even the fixed service fee)
        h.as(h.office, post("/api/v1/statements/from-evaluation/" + old)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:meridian:incentive:no-measure-totals"))
                .andExpect(jsonPath("$.detail", containsString("重新运行该评估并发布新版本")))
                .andExpect(jsonPath("$.reason", containsString("'arrivals'")));
        assertThat(list(h, "2026-Q3")).isEmpty();

        // the remedy: version 2 keeps its totals and is drafted on publication:
        // SERVICE-FEE A 5000 × 1.2 = 6000 > cap 5500 → 5500.00; ARRIVAL-FEE 2 × 12.345 = 24.69; total 5524.69
        h.publish("2026-Q3", "EXAM_CENTER");
        JsonNode drafted = statement(h, idOf(h, "2026-Q3", "G1", 1));
        assertThat(drafted.get("evaluationVersion").asInt()).isEqualTo(2);
        money(line(drafted, "SERVICE-FEE").get("amount"), "5500.00");
        money(line(drafted, "ARRIVAL-FEE").get("amount"), "24.69");
        money(drafted.get("total"), "5524.69");
    }

    JsonNode sanctions(Hospital4Incentives h) throws Exception {
        return h.read(h.as(h.analyst, get("/api/v1/sanctions?size=1000")).andExpect(status().isOk())).get("items");
    }

    JsonNode sanctionById(Hospital4Incentives h, long id) throws Exception {
        return sanctions(h).valueStream().filter(s -> s.get("id").asLong() == id).findFirst().orElseThrow();
    }

    JsonNode sanction(Hospital4Incentives h, String channel, String period) throws Exception {
        return sanctions(h).valueStream().filter(s -> s.get("channelCode").asString().equals(channel)
                && s.get("period").asString().equals(period)).findFirst().orElseThrow();
    }
}
