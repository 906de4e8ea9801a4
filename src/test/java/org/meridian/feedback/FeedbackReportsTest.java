package org.meridian.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing an evaluation gives every channel its feedback report, with figures checked against the hand-computed
 * table of {@link Ward}; generating again changes nothing; reports of evaluations published before are made on
 * demand; a channel user sees only its own channel's report, views and acknowledges it, and the office sees it.
 */
@MeridianTest
class FeedbackReportsTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;
    @Autowired AuditLog audit;
    @Autowired UserDetailsService accounts;

    private String reportsOf(Ward w, String user, long evaluationId) throws Exception {
        return w.as(user, get("/api/v1/feedback-reports").param("evaluationId", String.valueOf(evaluationId)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static long idOf(String list, String channel) {
        List<Number> ids = JsonPath.read(list, "$.items[?(@.channel == '" + channel + "')].id");
        assertThat(ids).as("report of " + channel).hasSize(1);
        return ids.get(0).longValue();
    }

    /** A page request as the signed-in user (pages take a session, not HTTP Basic). */
    private ResultActions page(String username,
                                MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(accounts.loadUserByUsername(username))));
    }

    private static List<Object> list(String json, String path) {
        return JsonPath.read(json, path);
    }

    @SuppressWarnings("unchecked")
    private static List<String> keys(Object object) {
        return List.copyOf(((Map<String, Object>) object).keySet());
    }

    private static BigDecimal decimal(Object v) {
        return new BigDecimal(v.toString());
    }

    @Test
    void publishingGivesEveryChannelItsReportWithFiguresAgainstThePeersTrendAndSuggestions() throws Exception {
        Ward w = new Ward(mvc, users, hospitals);
        // the hospital's rules: the defaults (below 60), plus a stricter one of its own, minus satisfaction's
        String rules = w.as(w.office, get("/api/v1/feedback-rules")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> seeded = JsonPath.read(rules, "$.items[*].indicatorCode");
        assertThat(seeded).contains("REFERRAL_VOLUME", "ARRIVAL_RATE", "SATISFACTION", "COMPLAINT_RATE");
        List<Object> satisfaction = list(rules, "$.items[?(@.indicatorCode == 'SATISFACTION')].id");
        assertThat(satisfaction).hasSize(1);
        long satisfactionRule = ((Number) satisfaction.get(0)).longValue();
        w.as(w.office, Ward.json(put("/api/v1/feedback-rules/" + satisfactionRule), """
                {"indicatorCode": "SATISFACTION", "below": "60", "textZh": "满意度偏低", "textEn": "Low satisfaction",
                 "enabled": false}""")).andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        w.as(w.office, Ward.json(post("/api/v1/feedback-rules"), """
                {"indicatorCode": "ARRIVAL_RATE", "below": 30, "textZh": "到诊率严重偏低：请逐例回访未到诊患者。",
                 "textEn": "Very low arrival rate: call back every patient who did not come."}"""))
                .andExpect(status().isCreated());

        long id = w.publishedSeptember();
        String list = reportsOf(w, w.office, id);
        assertThat(list(list, "$.items[*].channel")).containsExactly("FA", "FC", "FB");
        assertThat(list(list, "$.items[*].status"))
                .containsOnly("GENERATED").hasSize(3);

        String fb = w.as(w.office, get("/api/v1/feedback-reports/" + idOf(list, "FB"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Map<String, Object> c = JsonPath.read(fb, "$.content");
        assertThat(c.get("channelName")).isEqualTo("康桥转诊中心 FB");
        assertThat(decimal(c.get("total"))).isEqualByComparingTo("36.00");
        assertThat(c.get("rank")).isEqualTo(3);
        assertThat(c.get("units")).isEqualTo(3);
        assertThat(c.get("tier")).isEqualTo("D");
        // arrival rate: FB 60 % (score 20) against the values 100, 60, 75 (median 75) and the scores 100, 20, 50
        assertThat(decimal(list(fb, "$.content.indicators[?(@.code == 'ARRIVAL_RATE')].value")
                .get(0))).isEqualByComparingTo("60");
        assertThat(decimal(list(fb, "$.content.indicators[?(@.code == 'ARRIVAL_RATE')].score")
                .get(0))).isEqualByComparingTo("20");
        assertThat(decimal(list(fb, "$.content.indicators[?(@.code == 'ARRIVAL_RATE')].peerMedianValue").get(0))).isEqualByComparingTo("75");
        assertThat(decimal(list(fb, "$.content.indicators[?(@.code == 'ARRIVAL_RATE')].peerMedianScore").get(0))).isEqualByComparingTo("50");
        assertThat(list(fb, "$.content.indicators[*].nameZh"))
                .containsExactly("转诊量", "到诊率", "投诉率", "患者满意度");
        // against the peers' median scores (volume 100/50/80 → 80, arrival 100/20/50 → 50, complaint 100/0/100 → 100,
        // satisfaction 100/50/50 → 50) FB stands −30, −30, −100 and level: nothing above the median, and to improve
        // the complaint rate (−100), then of the two at −30 the heavier volume (weight 40 against 30)
        assertThat(list(fb, "$.content.strongest")).isEmpty();
        assertThat(list(fb, "$.content.weakest")).containsExactly("COMPLAINT_RATE", "REFERRAL_VOLUME");
        // defaults in their order (satisfaction's disabled), then the hospital's own rule
        assertThat(list(fb, "$.content.suggestions[*].indicatorCode"))
                .containsExactly("REFERRAL_VOLUME", "ARRIVAL_RATE", "COMPLAINT_RATE", "ARRIVAL_RATE");
        assertThat((String) JsonPath.read(fb, "$.content.suggestions[3].textZh")).startsWith("到诊率严重偏低");
        // August (no events: every measure 0) and September
        assertThat(list(fb, "$.content.trend[*].period")).containsExactly("2026-08", "2026-09");
        assertThat(decimal(JsonPath.read(fb, "$.content.trend[1].total"))).isEqualByComparingTo("36.00");

        String fc = w.as(w.office, get("/api/v1/feedback-reports/" + idOf(list, "FC")))
                .andReturn().getResponse().getContentAsString();
        assertThat(decimal(JsonPath.read(fc, "$.content.total"))).isEqualByComparingTo("67.00");
        assertThat(list(fc, "$.content.suggestions[*].indicatorCode"))
                .containsExactly("ARRIVAL_RATE");
        String fa = w.as(w.office, get("/api/v1/feedback-reports/" + idOf(list, "FA")))
                .andReturn().getResponse().getContentAsString();
        assertThat(list(fa, "$.content.suggestions")).isEmpty();
        assertThat((String) JsonPath.read(fa, "$.content.tier")).isEqualTo("A");
        // reading as the office records no view
        assertThat(list(reportsOf(w, w.office, id), "$.items[*].status")).containsOnly("GENERATED");
    }

    @Test
    void generatingAgainChangesNothingAndEarlierEvaluationsGetTheirReportsOnDemand() throws Exception {
        Ward w = new Ward(mvc, users, hospitals);
        long id = w.publishedSeptember();
        long before = idOf(reportsOf(w, w.office, id), "FB");
        w.as(w.office, post("/api/v1/evaluations/" + id + "/feedback-reports")).andExpect(status().isOk())
                .andExpect(jsonPath("$.generated").value(0)).andExpect(jsonPath("$.reports").value(3));
        assertThat(idOf(reportsOf(w, w.office, id), "FB")).isEqualTo(before);

        // as if the evaluation had been published before the feedback module existed
        jdbc.sql("DELETE FROM feedback_report WHERE hospital_id = :h AND evaluation_id = :e")
                .param("h", w.hospital.id()).param("e", id).update();
        assertThat((Integer) JsonPath.read(reportsOf(w, w.office, id), "$.total")).isZero();
        w.as(w.office, post("/api/v1/evaluations/" + id + "/feedback-reports")).andExpect(status().isOk())
                .andExpect(jsonPath("$.generated").value(3));
        assertThat((Integer) JsonPath.read(reportsOf(w, w.office, id), "$.total")).isEqualTo(3);

        long draft = w.run("2026-10");
        w.as(w.office, post("/api/v1/evaluations/" + draft + "/feedback-reports")).andExpect(status().isConflict());
        w.as(w.user(Role.ANALYST), post("/api/v1/evaluations/" + id + "/feedback-reports"))
                .andExpect(status().isForbidden());
        // August's and September's on publication, September's again on demand
        assertThat(audit.recent(w.hospital.id(), "FEEDBACK_REPORTS_GENERATED", 10)).extracting(AuditLog.Entry::actor)
                .containsExactly(w.office, "system:feedback", "system:feedback");
    }

    @Test
    void aChannelUserSeesOnlyItsOwnReportViewsAndAcknowledgesItAndTheOfficeSeesTheStatus() throws Exception {
        Ward w = new Ward(mvc, users, hospitals);
        long id = w.publishedSeptember();
        String list = reportsOf(w, w.office, id);
        long fa = idOf(list, "FA");
        long fb = idOf(list, "FB");
        String partner = w.channelUser("FB");

        // its list holds its own reports only (August's and September's), newest first
        String mine = w.as(partner, get("/api/v1/feedback-reports")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list(mine, "$.items[*].channel")).containsOnly("FB").hasSize(2);
        assertThat(list(mine, "$.items[*].period")).containsExactly("2026-09", "2026-08");
        assertThat(list(reportsOf(w, partner, id), "$.items[*].channel")).containsExactly("FB");

        // another channel's report is not found, whichever way it is asked for
        w.as(partner, get("/api/v1/feedback-reports/" + fa)).andExpect(status().isNotFound());
        w.as(partner, get("/api/v1/feedback-reports/" + fa + "/pdf")).andExpect(status().isNotFound());
        w.as(partner, post("/api/v1/feedback-reports/" + fa + "/acknowledge")).andExpect(status().isNotFound());
        page(partner, get("/feedback/reports/" + fa)).andExpect(status().isNotFound());
        page(partner, get("/feedback/reports/" + fa + "/pdf")).andExpect(status().isNotFound());
        page(partner, get("/feedback/evaluations/" + id)).andExpect(status().isForbidden());
        // another hospital's office does not find it either; regulators have no feedback at all
        Ward other = new Ward(mvc, users, hospitals);
        other.as(other.office, get("/api/v1/feedback-reports/" + fb)).andExpect(status().isNotFound());
        page(other.office, get("/feedback/reports/" + fb)).andExpect(status().isNotFound());
        String regulator = w.user(Role.REGULATOR);
        w.as(regulator, get("/api/v1/feedback-reports/" + fb)).andExpect(status().isForbidden());
        page(regulator, get("/feedback")).andExpect(status().isForbidden());
        // the office reads but cannot acknowledge for the channel
        w.as(w.office, post("/api/v1/feedback-reports/" + fb + "/acknowledge")).andExpect(status().isForbidden());
        assertThat(list(reportsOf(w, w.office, id), "$.items[?(@.channel == 'FB')].status"))
                .containsExactly("GENERATED");

        // the first view by the channel's user is recorded, with who
        w.as(partner, get("/api/v1/feedback-reports/" + fb)).andExpect(status().isOk())
                .andExpect(jsonPath("$.report.status").value("VIEWED"))
                .andExpect(jsonPath("$.report.viewedBy").value(partner));
        String viewedAt = list(reportsOf(w, w.office, id), "$.items[?(@.channel == 'FB')].viewedAt").get(0).toString();
        String reportPage = page(partner, get("/feedback/reports/" + fb)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        // the channel's user may appeal the result from its report: the appeal form of this evaluation
        assertThat(reportPage).contains("id=\"appeal-link\"", "href=\"/appeals/new?evaluation=" + id + "\"");
        assertThat(page(w.office, get("/feedback/reports/" + fb)).andReturn().getResponse().getContentAsString())
                .as("the office files no appeal for a channel from its report").doesNotContain("id=\"appeal-link\"");
        assertThat(list(reportsOf(w, w.office, id), "$.items[?(@.channel == 'FB')].viewedAt").get(0).toString()).isEqualTo(viewedAt);

        w.as(partner, post("/api/v1/feedback-reports/" + fb + "/acknowledge")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.acknowledgedBy").value(partner));
        // acknowledging twice records nothing twice
        w.as(partner, post("/api/v1/feedback-reports/" + fb + "/acknowledge")).andExpect(status().isOk());
        assertThat(audit.recent(w.hospital.id(), "FEEDBACK_REPORT_ACKNOWLEDGED", 10)).hasSize(1)
                .first().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(partner);
                    assertThat(e.target()).isEqualTo("feedback report " + fb);
                });
        assertThat(audit.recent(w.hospital.id(), "FEEDBACK_REPORT_VIEWED", 10)).hasSize(1);

        String unacknowledged = w.as(w.office, get("/api/v1/feedback-reports").param("evaluationId",
                String.valueOf(id)).param("status", "unacknowledged")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list(unacknowledged, "$.items[*].channel")).containsExactly("FA", "FC");
        w.as(w.office, get("/api/v1/feedback-reports").param("evaluationId", String.valueOf(id))
                .param("status", "seen")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }
    /** The report's JSON is part of the integration API: its fields, their order and the numbers' form stay. */
    @Test
    void aReportOverTheApiKeepsItsFieldsTheirOrderAndTheNumbersForm() throws Exception {
        Ward w = new Ward(mvc, users, hospitals);
        long id = w.publishedSeptember();
        long fb = idOf(reportsOf(w, w.office, id), "FB");
        String json = w.as(w.office, get("/api/v1/feedback-reports/" + fb)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        // read in order (JsonPath's maps are not ordered)
        Map<?, ?> whole = JsonMapper.builder().build().readValue(json, LinkedHashMap.class);
        Map<?, ?> content = (Map<?, ?>) whole.get("content");
        assertThat(keys(whole)).containsExactly("report", "content");
        assertThat(keys(whole.get("report"))).containsExactly("id", "evaluationId", "channel",
                "channelName", "period", "unitType", "version", "total", "rank", "units", "tier", "status",
                "generatedAt", "viewedAt", "viewedBy", "acknowledgedAt", "acknowledgedBy",
                // added last: who of a department or institution confirmed its report (null for a channel's)
                "confirmedBy");
        assertThat(keys(content)).containsExactly("channel", "channelName", "region",
                "period", "unitType", "version", "total", "rank", "units", "tier", "coverage", "indicators", "trend",
                "strongest", "weakest", "suggestions", "dimensions", "performance", "brand", "quadrant");
        assertThat(keys(((List<?>) content.get("indicators")).get(0))).containsExactly("code",
                "nameZh", "nameEn", "value", "score", "weight", "peerMedianValue", "peerMedianScore", "sample");
        assertThat(keys(((List<?>) content.get("trend")).get(0)))
                .containsExactly("period", "total", "rank", "tier");
        assertThat(keys(((List<?>) content.get("suggestions")).get(0)))
                .containsExactly("indicatorCode", "below", "quadrant", "textZh", "textEn");
        // totals with two decimals, other numbers with at most four and no trailing zeros, in the text itself
        assertThat(json).contains("\"total\":36.00,\"rank\":3,\"units\":3,\"tier\":\"D\",\"status\":\"GENERATED\"")
                .contains("{\"period\":\"2026-09\",\"total\":36.00,\"rank\":3,\"tier\":\"D\"}")
                .contains("{\"code\":\"ARRIVAL_RATE\",\"nameZh\":\"到诊率\"");
        assertThat(JsonPath.<String>read(json, "$.report.generatedAt")).endsWith("Z");
        assertThat(JsonPath.<Object>read(json, "$.report.viewedAt")).isNull();
    }
}
