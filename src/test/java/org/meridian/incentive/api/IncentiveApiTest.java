package org.meridian.incentive.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import jakarta.servlet.http.Cookie;
import org.meridian.shared.Actor;
import org.meridian.channel.ChannelDraft;
import org.meridian.channel.ChannelRegistry;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The incentive API end to end on the real database. Each test works in a hospital of its own, because
 * a hospital's rules apply to all of its statements.
 */
@MeridianTest
class IncentiveApiTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired ChannelRegistry channels;
    @Autowired java.time.Clock clock;

    Hospital hospital;
    String office;
    String office2;
    String manager;
    String analyst;

    long evaluation;

    /**
     * One indicator, referral volume, scored linearly from 0 (no referral) to 100 (100 or more referrals), so that a
     * channel's total is its number of referrals; A from 85, B from 70, C from 55.
     */
    static final String SCHEME = """
            {"indicators": [{"code": "REFERRAL_VOLUME", "weight": 100,
                             "scoring": {"method": "LINEAR", "zero": 0, "full": 100}}],
             "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""";

    /**
     * Referrals of each exam centre in August 2026, and so (see {@link #SCHEME}) its total, tier and rank in the
     * published evaluation of 2026-Q3: EXAM-H 95 (A, 1), EXAM-A 90 (A, 2), EXAM-G 89 (A, 3), EXAM-F 88 (A, 4),
     * EXAM-B 87 (A, 5), EXAM-C 86 (A, 6), EXAM-D 75 (B, 7), EXAM-X 60 (C, 8), EXAM-E 58 (C, 9).
     */
    static final Map<String, Integer> REFERRALS = new LinkedHashMap<>();

    static {
        REFERRALS.put("EXAM-H", 95);
        REFERRALS.put("EXAM-A", 90);
        REFERRALS.put("EXAM-G", 89);
        REFERRALS.put("EXAM-F", 88);
        REFERRALS.put("EXAM-B", 87);
        REFERRALS.put("EXAM-C", 86);
        REFERRALS.put("EXAM-D", 75);
        REFERRALS.put("EXAM-X", 60);
        REFERRALS.put("EXAM-E", 58);
    }

    /** A hospital of its own with its exam centres and the published evaluation of 2026-Q3 they take results from. */
    @BeforeEach
    void ownHospital() throws Exception {
        TestHospital own = new TestHospital(mvc, users, hospitals);
        hospital = own.hospital;
        office = own.office;
        analyst = own.analyst;
        office2 = users.create(hospital.id(), Role.CHANNEL_MANAGER, null);
        manager = users.create(hospital.id(), Role.HOSPITAL_MANAGER, null);
        // statements only name channels registered in the hospital
        for (String code : REFERRALS.keySet()) {
            channels.register(Actor.system(hospital.id(), "test"), new ChannelDraft(code, "体检中心 " + code, "EXAM_CENTER", null, null,
                    null, null, null, null, null, null, null, null));
        }
        own.scheme("EXAM_CENTER", SCHEME);
        List<String> events = new ArrayList<>();
        REFERRALS.forEach((code, n) -> {
            for (int i = 0; i < n; i++) {
                String id = code + "-" + i;
                events.add(TestHospital.event(id, "REFERRAL", code, "2026-08-10T12:00:00+08:00",
                        ", \"referralId\": \"R-" + id + "\""));
            }
        });
        own.events("[" + String.join(",", events) + "]", 728);   // 95 + 90 + 89 + 88 + 87 + 86 + 75 + 60 + 58
        evaluation = own.run("2026-Q3", "EXAM_CENTER");
        own.publish(evaluation);
    }

    static final String SERVICE_FEE = """
            {"code": "SERVICE-FEE", "name": "服务费", "type": "FEE", "validFrom": "2026-01-01",
             "baseKind": "FIXED", "baseAmount": 5000, "rateBy": "TIER",
             "tierRates": {"A": 1.2, "B": 1.0, "C": 0.5}, "cap": 5500}""";
    static final String GREEN = """
            {"code": "GREEN", "name": "绿色通道", "type": "PRIORITY", "validFrom": "2026-01-01",
             "benefit": "绿色通道名额", "tierQuotas": {"A": 10, "B": 5}}""";
    static final String TOP3 = """
            {"code": "TOP3", "name": "季度评优", "type": "AWARD", "unitType": "EXAM_CENTER", "validFrom": "2026-01-01",
             "topN": 3, "awardPeriod": "QUARTER", "awardInKind": "进修培训名额"}""";
    static final String REFERRAL_FEE = """
            {"code": "PER-REFERRAL", "name": "按转诊量返费", "type": "FEE", "validFrom": "2026-01-01",
             "baseKind": "MEASURE", "baseMeasure": "referrals", "rateBy": "TIER", "tierRates": {"A": 50, "B": 30}}""";

    /** A statement of 2026-Q3 prepared by hand: the result comes from the published evaluation. */
    static String prepare(String channel) {
        return "{\"period\": \"2026-Q3\", \"channelCode\": \"" + channel + "\"}";
    }

    ResultActions call(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(httpBasic(user, TestUsers.PASSWORD)).accept(MediaType.APPLICATION_JSON));
    }

    ResultActions postJson(String url, String body, String user) throws Exception {
        return call(post(url).contentType(MediaType.APPLICATION_JSON).content(body), user);
    }

    /** The same in English (the language cookie), where a test reads the reasons. */
    ResultActions postJsonEn(String url, String body, String user) throws Exception {
        return call(post(url).contentType(MediaType.APPLICATION_JSON).content(body)
                .cookie(new Cookie("meridian-lang", "en")), user);
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** A time written by the API within the last minute of the injected clock. */
    void recent(String at) {
        java.time.Instant now = clock.instant();
        assertThat(java.time.OffsetDateTime.parse(at).toInstant()).isBetween(now.minusSeconds(60), now);
    }

    long createRule(String body) throws Exception {
        return body(postJson("/api/v1/incentive-rules", body, office).andExpect(status().isCreated())).get("id")
                .asLong();
    }

    long prepareStatement(String body, String user) throws Exception {
        return body(postJson("/api/v1/statements", body, user).andExpect(status().isCreated())).get("id").asLong();
    }

    static BigDecimal sumOfLines(JsonNode statement) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : statement.get("lines")) {
            sum = sum.add(line.get("amount").decimalValue());
        }
        return sum;
    }

    @Test
    void workedExampleFromRulesToAPaidStatement() throws Exception {
        createRule(SERVICE_FEE);
        createRule(GREEN);
        createRule(TOP3);

        // EXAM-A is tier A, rank 2 in the published 2026-Q3: fee 5000 × 1.2 = 6000 > cap 5500 → 5500.00; award in
        // kind (rank 2 ≤ 3); green channel 10 places. Total 5500.00.
        ResultActions prepared = postJson("/api/v1/statements", prepare("EXAM-A"), office);
        // money is written with its two decimals, as finance reads it
        assertThat(prepared.andReturn().getResponse().getContentAsString()).contains("\"amount\":5500.00",
                "\"total\":5500.00");
        JsonNode draft = body(prepared
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.preparedBy").value(office))
                .andExpect(jsonPath("$.lines", hasSize(3)))
                .andExpect(jsonPath("$.result.tier").value("A"))
                .andExpect(jsonPath("$.result.rank").value(2))
                .andExpect(jsonPath("$.evaluationId").value(evaluation))
                .andExpect(jsonPath("$.currency").value("CNY")));
        long id = draft.get("id").asLong();
        assertThat(draft.get("total").decimalValue()).isEqualByComparingTo("5500.00");
        // the lines and the rules are written at the hospital's "now": the injected clock (in tests 2027-01-15,
        // moving a few milliseconds a call), not the database's wall clock
        for (JsonNode line : draft.get("lines")) {
            assertThat(line.get("createdAt").asString()).satisfies(this::recent);
        }
        for (JsonNode rule : body(call(get("/api/v1/incentive-rules"), analyst)).get("items")) {
            assertThat(rule.get("createdAt").asString()).satisfies(this::recent);
        }
        JsonNode fee = draft.get("lines").valueStream().filter(l -> l.get("ruleType").asString().equals("FEE"))
                .findFirst().orElseThrow();
        assertThat(fee.get("amount").decimalValue()).isEqualByComparingTo("5500.00");
        assertThat(fee.get("basis").decimalValue()).isEqualByComparingTo("5000");
        assertThat(fee.get("rate").decimalValue()).isEqualByComparingTo("1.2");
        assertThat(fee.get("explanation").asString()).contains("基数为固定金额 5000 元", "等级 A 的费率为 1.2",
                "超过每期上限 5500 元");
        call(get("/api/v1/statements/" + draft.get("id").asLong() + "?lang=en"), analyst)
                .andExpect(jsonPath("$.lines[?(@.ruleType == 'FEE')].explanation").value(
                        "Base: fixed amount of CNY 5000; Rate of tier A: 1.2; 5000 × 1.2 = 6000; "
                                + "Above the cap per period of CNY 5500: the cap is paid"));
        assertThat(draft.get("lines").valueStream().filter(l -> l.get("ruleType").asString().equals("PRIORITY"))
                .findFirst().orElseThrow().get("quantity").asInt()).isEqualTo(10);

        // correction on the draft: −120.50 with a reason → 5379.50
        JsonNode adjusted = body(postJson("/api/v1/statements/" + id + "/adjustments",
                "{\"amount\": -120.50, \"reason\": \"重复计费冲回\"}", office).andExpect(status().isOk()));
        assertThat(adjusted.get("total").decimalValue()).isEqualByComparingTo("5379.50");
        assertThat(sumOfLines(adjusted)).isEqualByComparingTo(adjusted.get("total").decimalValue());

        call(post("/api/v1/statements/" + id + "/review"), manager).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVIEWED")).andExpect(jsonPath("$.reviewedBy").value(manager));
        call(post("/api/v1/statements/" + id + "/approve"), manager).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED")).andExpect(jsonPath("$.approvedBy").value(manager));
        JsonNode paid = body(call(post("/api/v1/statements/" + id + "/pay"), manager).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID")));
        assertThat(paid.get("total").decimalValue()).isEqualByComparingTo("5379.50");

        call(get("/api/v1/statements?period=2026-Q3"), analyst).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].total").value(5379.50))
                .andExpect(jsonPath("$.items[0].lineCount").value(4));
        assertThat(audit.recent(hospital.id(), "INCENTIVE_STATEMENT", 20)).extracting(AuditLog.Entry::action)
                .contains("INCENTIVE_STATEMENT_PREPARED", "INCENTIVE_STATEMENT_ADJUSTED",
                        "INCENTIVE_STATEMENT_REVIEWED", "INCENTIVE_STATEMENT_APPROVED", "INCENTIVE_STATEMENT_PAID");
    }

    @Test
    void aRuleBasedOnReferralsWaitsForAHospitalManagersSignOff() throws Exception {
        long ruleId = body(postJson("/api/v1/incentive-rules", REFERRAL_FEE, office).andExpect(status().isCreated())
                .andExpect(jsonPath("$.compliance.status").value("COMPLIANCE_REVIEW_REQUIRED"))
                .andExpect(jsonPath("$.compliance.reason", containsString("referrals")))
                .andExpect(jsonPath("$.inEffect").value(false))).get("id").asLong();

        // not in effect: no line from it
        long before = prepareStatement(prepare("EXAM-B"), office);
        call(get("/api/v1/statements/" + before), analyst).andExpect(jsonPath("$.lines", hasSize(0)));

        // the channel office cannot sign off; a manager must give a justification
        postJson("/api/v1/incentive-rules/" + ruleId + "/sign-off", "{\"justification\": \"ok\"}", office)
                .andExpect(status().isForbidden());
        postJson("/api/v1/incentive-rules/" + ruleId + "/sign-off", "{\"justification\": \"  \"}", manager)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("justification"));
        call(get("/api/v1/incentive-rules/" + ruleId), analyst)
                .andExpect(jsonPath("$.compliance.status").value("COMPLIANCE_REVIEW_REQUIRED"));

        postJson("/api/v1/incentive-rules/" + ruleId + "/sign-off",
                "{\"justification\": \"法务意见 2026-07：按转诊人次支付的是信息服务费，已备案\"}", manager)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.compliance.status").value("SIGNED_OFF"))
                .andExpect(jsonPath("$.compliance.signedOffBy").value(manager))
                .andExpect(jsonPath("$.compliance.justification", containsString("法务意见")))
                .andExpect(jsonPath("$.inEffect").value(true));
        assertThat(audit.recent(hospital.id(), "INCENTIVE_RULE_SIGNED_OFF", 5))
                .anySatisfy(e -> assertThat(e.details()).contains("法务意见"));

        // now in effect: EXAM-C's 86 referrals frozen with its scorecard × 50 (tier A) = 4300.00
        long after = prepareStatement(prepare("EXAM-C"), office);
        call(get("/api/v1/statements/" + after), analyst).andExpect(jsonPath("$.lines", hasSize(1)))
                .andExpect(jsonPath("$.total").value(4300.00));
        // a second sign-off is refused
        postJson("/api/v1/incentive-rules/" + ruleId + "/sign-off", "{\"justification\": \"again\"}", manager)
                .andExpect(status().isConflict());
    }

    @Test
    void overlappingBandsNegativeRatesAndUnknownUnitTypesAreRefusedAndNothingIsSaved() throws Exception {
        postJsonEn("/api/v1/incentive-rules", """
                {"code": "BANDS", "name": "分数段", "type": "FEE", "validFrom": "2026-01-01", "baseKind": "FIXED",
                 "baseAmount": 1000, "rateBy": "SCORE_BAND",
                 "scoreBands": [{"from": 85, "rate": 1.2}, {"from": 70, "to": 90, "rate": -1}]}""", office)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("scoreBands[1].rate")))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("negative"))));
        postJsonEn("/api/v1/incentive-rules", """
                {"code": "BANDS", "name": "分数段", "type": "FEE", "validFrom": "2026-01-01", "baseKind": "FIXED",
                 "baseAmount": 1000, "rateBy": "SCORE_BAND",
                 "scoreBands": [{"from": 85, "rate": 1.2}, {"from": 70, "to": 90, "rate": 1}]}""", office)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("overlap")));
        postJsonEn("/api/v1/incentive-rules", """
                {"code": "AWARD-X", "name": "评优", "type": "AWARD", "unitType": "SPA", "validFrom": "2026-01-01",
                 "topN": 3, "awardPeriod": "QUARTER", "awardInKind": "锦旗"}""", office)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitType"))
                .andExpect(jsonPath("$.errors[0].message", containsString("Unknown unitType \"SPA\"")));
        postJsonEn("/api/v1/incentive-rules", "{\"code\": \"X1\", \"baseAmount\": \"lots\"}", office)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
        call(get("/api/v1/incentive-rules"), analyst).andExpect(jsonPath("$.items", hasSize(0)));
        assertThat(audit.recent(hospital.id(), "INCENTIVE_RULE", 5)).isEmpty();
    }

    @Test
    void thePreparerCannotApproveAndAPaidStatementIsNeverEdited() throws Exception {
        createRule(SERVICE_FEE);
        // the manager prepares; another person reviews; the manager may not approve their own statement
        long id = prepareStatement(prepare("EXAM-D"), manager);
        call(post("/api/v1/statements/" + id + "/review"), manager).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason", containsString("reviewer must not be the preparer")));
        call(post("/api/v1/statements/" + id + "/review"), office).andExpect(status().isOk());
        call(post("/api/v1/statements/" + id + "/approve"), manager).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason", containsString("approver must not be the preparer")));
        call(get("/api/v1/statements/" + id), analyst).andExpect(jsonPath("$.status").value("REVIEWED"))
                .andExpect(jsonPath("$.approvedBy").doesNotExist());
        // the channel office cannot approve at all
        call(post("/api/v1/statements/" + id + "/approve"), office2).andExpect(status().isForbidden());
        String otherManager = users.create(hospital.id(), Role.HOSPITAL_MANAGER, null);
        call(post("/api/v1/statements/" + id + "/approve"), otherManager).andExpect(status().isOk());
        call(post("/api/v1/statements/" + id + "/pay"), otherManager).andExpect(status().isOk());

        // paid: an adjustment is refused and changes nothing; EXAM-D is B → 5000 × 1.0 = 5000.00 stays
        postJson("/api/v1/statements/" + id + "/adjustments", "{\"amount\": 10, \"reason\": \"补发\"}", office)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason", containsString("PAID and is never edited")));
        call(get("/api/v1/statements/" + id), analyst).andExpect(jsonPath("$.lines", hasSize(1)))
                .andExpect(jsonPath("$.total").value(5000.00)).andExpect(jsonPath("$.status").value("PAID"));
        // nor can the database be made to change a line
        assertThatThrownBy(() -> jdbc.sql("UPDATE incentive_statement_line SET amount = 1 WHERE hospital_id = :h")
                .param("h", hospital.id()).update()).hasMessageContaining("never changed");
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO incentive_statement_line (hospital_id, statement_id, line_no, rule_type, amount,
                            reason, created_by) VALUES (:h, :s, 99, 'ADJUSTMENT', 1.00, 'x', 'sql')""")
                .param("h", hospital.id()).param("s", id).update()).hasMessageContaining("only to a DRAFT");
        assertThatThrownBy(() -> jdbc.sql("UPDATE incentive_statement SET approved_by = prepared_by WHERE hospital_id = :h")
                .param("h", hospital.id()).update()).hasMessageContaining("check constraint");

        // the correction is a new statement naming the original, with adjustment lines, through four eyes again
        JsonNode correction = body(call(post("/api/v1/statements/" + id + "/corrections"), office)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.corrects").value(id))
                .andExpect(jsonPath("$.sequence").value(2))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.lines", hasSize(0))));
        long cid = correction.get("id").asLong();
        postJson("/api/v1/statements/" + cid + "/adjustments", "{\"amount\": 250, \"reason\": \"等级复议改为 A\"}",
                office).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(250.00));
        call(post("/api/v1/statements/" + cid + "/review"), office).andExpect(status().isForbidden());
    }

    @Test
    void badStatementInputListsEveryField() throws Exception {
        postJson("/api/v1/statements", """
                {"period": "2026-Q5", "result": {"channelCode": "", "unitType": "CASINO", "tier": "A", "total": 120,
                 "rank": 0, "measureTotals": {"patients": 3}}}""", office)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("period",
                        "result.unitType", "result.channelCode", "result.total", "result.rank",
                        "result.measureTotals.patients")));
        postJson("/api/v1/statements/999999999/adjustments", "{\"amount\": 1, \"reason\": \"x\"}", office)
                .andExpect(status().isNotFound());
        long id = prepareStatement(prepare("EXAM-E"), office);
        postJson("/api/v1/statements/" + id + "/adjustments", "{\"amount\": 0.001}", office)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("amount", "reason")));
        postJson("/api/v1/statements", prepare("EXAM-E"), office).andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason", containsString("already has statement " + id)));
        call(get("/api/v1/statements/" + id), analyst).andExpect(jsonPath("$.lines", hasSize(0)));
    }

    /**
     * A client that still sends {@code result} (the API before results came from published evaluations) keeps
     * working when it sends what the published evaluation says, and is refused, naming each field, when it sends
     * anything else — a tier, total, rank or measure total that no published evaluation gave — with nothing stored.
     */
    @Test
    void aResultSentByAnOlderClientMustAgreeWithThePublishedEvaluation() throws Exception {
        createRule(SERVICE_FEE);
        // EXAM-F in the published 2026-Q3: 88 referrals → total 88, tier A, rank 4 (see REFERRALS)
        String invented = """
                {"period": "2026-Q3", "result": {"channelCode": "EXAM-F", "unitType": "EXAM_CENTER", "tier": "B",
                 "total": 90, "rank": 1, "measureTotals": {"referrals": 40, "arrivals": 0}}}""";
        postJsonEn("/api/v1/statements", invented, office).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("result.tier",
                        "result.total", "result.rank", "result.measureTotals.referrals")))
                .andExpect(jsonPath("$.errors[?(@.field == 'result.tier')].message").value(
                        "The published evaluation (2026-Q3, version 1) gives this channel A; the request says B. A "
                                + "statement takes its result from the published evaluation: leave out result, or "
                                + "send what it says."))
                .andExpect(jsonPath("$.errors[?(@.field == 'result.measureTotals.referrals')].message",
                        hasItem(containsString("gives this channel 88; the request says 40"))));
        postJson("/api/v1/statements", invented, office).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'result.rank')].message",
                        hasItem(containsString("已发布评估（2026-Q3 第 1 版）中该渠道为 4，请求中为 1"))));
        // a channel named twice, differently
        postJson("/api/v1/statements", """
                {"period": "2026-Q3", "channelCode": "EXAM-F", "result": {"channelCode": "EXAM-A"}}""", office)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("result.channelCode"));
        // a period without a published evaluation: no tier can be claimed, only "unrated"
        postJsonEn("/api/v1/statements", """
                {"period": "2026-Q2", "result": {"channelCode": "EXAM-F", "unitType": "EXAM_CENTER", "tier": "A"}}""",
                office).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("result.tier"))
                .andExpect(jsonPath("$.errors[0].message", containsString(
                        "No published evaluation of 2026-Q2 scores this channel")));
        // refused: nothing prepared, nothing audited
        call(get("/api/v1/statements"), analyst).andExpect(jsonPath("$.total").value(0));
        assertThat(audit.recent(hospital.id(), "INCENTIVE_STATEMENT", 5)).isEmpty();

        // what the evaluation published (the total to 2 decimals, a subset of the measure totals) is accepted
        JsonNode agreed = body(postJson("/api/v1/statements", """
                {"period": "2026-Q3", "result": {"channelCode": "EXAM-F", "unitType": "EXAM_CENTER", "tier": "A",
                 "total": 88.00, "rank": 4, "measureTotals": {"referrals": 88}}}""", office)
                .andExpect(status().isCreated()));
        assertThat(agreed.get("evaluationId").asLong()).isEqualTo(evaluation);
        assertThat(agreed.get("result").get("tier").asString()).isEqualTo("A");
        // A: 5000 × 1.2 = 6000 > cap 5500 → 5500.00
        assertThat(agreed.get("total").decimalValue()).isEqualByComparingTo("5500.00");
        // and "unrated" where there is no published evaluation: no tier, so no fee
        JsonNode unrated = body(postJson("/api/v1/statements", """
                {"period": "2026-Q2", "result": {"channelCode": "EXAM-F", "tier": "UNRATED"}}""", office)
                .andExpect(status().isCreated()));
        assertThat(unrated.get("result").get("tier").asString()).isEqualTo("UNRATED");
        assertThat(unrated.path("evaluationId").isNull() || unrated.path("evaluationId").isMissingNode()).isTrue();
        assertThat(unrated.get("lines").size()).isZero();
        call(get("/api/v1/statements"), analyst).andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void rolesAndHospitals() throws Exception {
        long ruleId = createRule(GREEN);
        String partner = users.create(hospital.id(), Role.CHANNEL_USER, 1L);
        call(get("/api/v1/incentive-rules"), partner).andExpect(status().isForbidden());
        call(get("/api/v1/statements"), partner).andExpect(status().isForbidden());
        call(get("/api/v1/incentive-rules"), analyst).andExpect(status().isOk()).andExpect(jsonPath("$.items", hasSize(1)));
        postJson("/api/v1/incentive-rules", TOP3, analyst).andExpect(status().isForbidden());
        postJson("/api/v1/statements", prepare("EXAM-F"), analyst).andExpect(status().isForbidden());
        // another hospital never sees this hospital's rule
        String stranger = users.create(users.otherHospital().id(), Role.HOSPITAL_MANAGER, null);
        call(get("/api/v1/incentive-rules/" + ruleId), stranger).andExpect(status().isNotFound());
        long statementId = prepareStatement(prepare("EXAM-F"), office);
        call(get("/api/v1/statements/" + statementId), stranger).andExpect(status().isNotFound());
        call(post("/api/v1/statements/" + statementId + "/review"), stranger).andExpect(status().isNotFound());
        call(get("/api/v1/statements"), stranger).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].channelCode", org.hamcrest.Matchers.not(hasItem("EXAM-F"))));
    }

    @Test
    void aNewVersionEndsThePreviousOneAndAppliesFromItsDate() throws Exception {
        long v1 = createRule(SERVICE_FEE);
        long v2 = createRule(SERVICE_FEE.replace("2026-01-01", "2026-09-01").replace("\"cap\": 5500", "\"cap\": 5800"));
        call(get("/api/v1/incentive-rules/" + v1), analyst).andExpect(jsonPath("$.validTo").value("2026-08-31"))
                .andExpect(jsonPath("$.version").value(1));
        call(get("/api/v1/incentive-rules/" + v2), analyst).andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.validTo").doesNotExist());
        // Q3 ends 2026-09-30: version 2 applies; EXAM-G is A: 5000 × 1.2 = 6000 > 5800 → 5800.00
        long id = prepareStatement(prepare("EXAM-G"), office);
        call(get("/api/v1/statements/" + id), analyst).andExpect(jsonPath("$.lines[0].ruleVersion").value(2))
                .andExpect(jsonPath("$.total").value(5800.00));
        // a version that does not start after the latest one is refused
        postJson("/api/v1/incentive-rules", SERVICE_FEE.replace("2026-01-01", "2026-06-01"), office)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("validFrom"));
        postJson("/api/v1/incentive-rules", GREEN.replace("GREEN", "SERVICE-FEE").replace("2026-01-01", "2026-12-01"),
                office).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("type"));
    }

    @Test
    void defaultTemplatesRewardQualityWithNonCashBenefits() throws Exception {
        JsonNode installed = body(postJson("/api/v1/incentive-rules/templates", "{\"validFrom\": \"2026-01-01\"}",
                office).andExpect(status().isOk()));
        assertThat(installed.size()).isGreaterThanOrEqualTo(4);
        for (JsonNode rule : installed) {
            assertThat(rule.get("compliance").get("status").asString()).isEqualTo("NOT_REQUIRED");
            assertThat(rule.get("definition").get("awardAmount").isNull()).isTrue();
            assertThat(rule.get("type").asString()).isIn("PRIORITY", "AWARD", "SANCTION");
        }
        // installing again adds nothing
        postJson("/api/v1/incentive-rules/templates", "{\"validFrom\": \"2026-01-01\"}", office)
                .andExpect(jsonPath("$", hasSize(0)));
        // a top-3 exam centre in tier A (EXAM-H, rank 1) gets places and an award in kind, and 0.00 CNY
        call(get("/api/v1/statements/" + prepareStatement(prepare("EXAM-H"), office)), analyst)
                .andExpect(jsonPath("$.total").value(0.00))
                .andExpect(jsonPath("$.lines[*].benefit", hasItem("绿色通道名额")))
                .andExpect(jsonPath("$.lines[*].benefit", hasItem("优秀合作渠道证书及学术交流名额")));
        // the sanction template: D in two consecutive quarters → probation
        postJson("/api/v1/incentive-rules/sanction-recommendations", """
                {"channelCode": "EXAM-H", "unitType": "EXAM_CENTER",
                 "history": [{"period": "2026-Q2", "tier": "D"}, {"period": "2026-Q3", "tier": "D"}]}""", analyst)
                .andExpect(status().isOk()).andExpect(jsonPath("$.level").value("PROBATION"))
                .andExpect(jsonPath("$.consecutivePeriods").value(2));
        postJson("/api/v1/incentive-rules/sanction-recommendations", """
                {"channelCode": "EXAM-H", "unitType": "EXAM_CENTER", "history": [{"period": "2026-Q3", "tier": "B"}]}""",
                analyst).andExpect(status().isNoContent());
    }

    @Test
    void xlsxExportTotalsTheLines() throws Exception {
        createRule(SERVICE_FEE);
        createRule(GREEN);
        long id = prepareStatement(prepare("EXAM-X"), office);
        postJson("/api/v1/statements/" + id + "/adjustments", "{\"amount\": 33.33, \"reason\": \"差旅补贴\"}", office)
                .andExpect(status().isOk());
        byte[] xlsx = call(get("/api/v1/statements/" + id + "/xlsx"), analyst).andExpect(status().isOk())
                .andExpect(content().contentType(StatementsApi.XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            Row header = rows.stream().filter(r -> "行号".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(header.getCellText(7)).isEqualTo("金额（元）");
            BigDecimal sum = BigDecimal.ZERO;
            int i = header.getRowNum();
            // EXAM-X is C: 5000 × 0.5 = 2500.00; + 33.33 = 2533.33
            while (!rows.get(i).getCellText(0).isEmpty()) {
                sum = sum.add(new BigDecimal(rows.get(i).getCellText(7)));
                i++;
            }
            assertThat(rows.get(i).getCellText(6)).isEqualTo("合计");
            assertThat(new BigDecimal(rows.get(i).getCellText(7))).isEqualByComparingTo(sum)
                    .isEqualByComparingTo("2533.33");
            assertThat(rows.get(i - 1).getCellText(10)).contains("差旅补贴");
        }
    }
}
