package org.meridian.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.evaluation.DepartmentEvaluationTest.assertNumber;
import static org.meridian.support.TestHospital.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Feedback reports of departments (docs/feedback.md): each department of a published evaluation gets its report with
 * its dimension scores, performance, brand index and quadrant, and the suggestion of its quadrant's rule first. The
 * quarter is {@link DepartmentEvaluationTest.Wards}' 2026-Q3, whose arithmetic is there:
 * <pre>
 * CARD total 65 rank 2 of 4; QUALITY 50, EFFICIENCY 80, SATISFACTION 80, BRAND 80, SOCIAL 50 (scheme order);
 *      performance (2 × 50 + 80 + 80 + 50) / 5 = 62; brand 80
 * matrix thresholds: performance (62 + 63) / 2 = 62.5, brand (50 + 70) / 2 = 60
 *      CARD (62, 80) BRAND_AT_RISK, ORTH (61, 50) WEAK, RESP (80, 70) STAR, EYE (63, 40) UNDER_RECOGNISED
 * quadrant rules before publishing: WEAK's text changed, UNDER_RECOGNISED disabled, the other two as seeded
 * → CARD quotes the default BRAND_AT_RISK text, ORTH the changed WEAK text, RESP the default STAR text, EYE none;
 *   no indicator rule names MORT, BEDS, SAT, AW or REF, so these are all their suggestions
 * </pre>
 */
@MeridianTest
class DepartmentFeedbackTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired Accounts accounts;
    @Autowired Clock clock;

    @Test
    void eachDepartmentHearsItsDimensionsPerformanceBrandAndWhatItsQuadrantAsksOfIt() throws Exception {
        DepartmentEvaluationTest.Wards w = new DepartmentEvaluationTest.Wards(mvc, users, hospitals);

        // bad input: every problem at once, nothing changed
        w.as(w.office, json(put("/api/v1/feedback-rules/quadrants"), """
                {"quadrant": "MIDDLE", "textZh": " ", "textEn": "%s"}""".formatted("x".repeat(501))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'quadrant')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'textZh')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'textEn')]").exists());
        w.as(w.office, get("/api/v1/feedback-rules/quadrants")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[?(@.quadrant == 'WEAK')].textZh").value(
                        org.hamcrest.Matchers.contains(org.hamcrest.Matchers.startsWith("绩效与品牌双低"))));
        w.as(w.office, json(put("/api/v1/feedback-rules/quadrants"), """
                {"quadrant": "WEAK", "textZh": "双低：请科主任一个月内提交整改计划。",
                 "textEn": "Both low: the head of department files a plan within a month."}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(true));
        w.as(w.office, json(put("/api/v1/feedback-rules/quadrants"), """
                {"quadrant": "UNDER_RECOGNISED", "textZh": "酒香也怕巷子深。", "textEn": "Make it known.",
                 "enabled": false}""")).andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        w.as(w.analyst, json(put("/api/v1/feedback-rules/quadrants"), """
                {"quadrant": "STAR", "textZh": "x", "textEn": "x"}""")).andExpect(status().isForbidden());

        long q3 = w.run("2026-Q3", "CLINICAL");
        w.publish(q3);
        String list = w.as(w.analyst, get("/api/v1/feedback-reports").param("evaluationId", String.valueOf(q3)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // rank order; ORTH and EYE tie on rank 3, by code
        List<String> units = JsonPath.read(list, "$.items[*].channel");
        assertThat(units).containsExactly("RESP", "CARD", "EYE", "ORTH");

        String card = report(w, list, "CARD");
        assertNumber(JsonPath.read(card, "$.content.total"), "65");
        assertThat((Integer) JsonPath.read(card, "$.content.rank")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(card, "$.content.units")).isEqualTo(4);
        List<String> dims = JsonPath.read(card, "$.content.dimensions[*].dimension");
        assertThat(dims).containsExactly("QUALITY", "EFFICIENCY", "SATISFACTION", "BRAND", "SOCIAL");
        List<Object> scores = JsonPath.read(card, "$.content.dimensions[*].score");
        String[] expected = {"50", "80", "80", "80", "50"};
        for (int i = 0; i < expected.length; i++) {
            assertNumber(scores.get(i), expected[i], dims.get(i));
        }
        assertNumber(JsonPath.read(card, "$.content.performance"), "62");
        assertNumber(JsonPath.read(card, "$.content.brand"), "80");
        assertThat((String) JsonPath.read(card, "$.content.quadrant")).isEqualTo("BRAND_AT_RISK");
        assertThat((List<?>) JsonPath.read(card, "$.content.suggestions")).hasSize(1);
        assertThat((String) JsonPath.read(card, "$.content.suggestions[0].quadrant")).isEqualTo("BRAND_AT_RISK");
        assertThat((String) JsonPath.read(card, "$.content.suggestions[0].textZh")).startsWith("品牌高、绩效低");

        assertThat((String) JsonPath.read(report(w, list, "ORTH"), "$.content.suggestions[0].textZh"))
                .isEqualTo("双低：请科主任一个月内提交整改计划。");
        assertThat((String) JsonPath.read(report(w, list, "RESP"), "$.content.suggestions[0].textZh"))
                .startsWith("绩效与品牌双高");
        assertThat((String) JsonPath.read(report(w, list, "EYE"), "$.content.quadrant")).isEqualTo("UNDER_RECOGNISED");
        assertThat((List<?>) JsonPath.read(report(w, list, "EYE"), "$.content.suggestions")).isEmpty();

        // generating again makes nothing new
        w.as(w.office, post("/api/v1/evaluations/" + q3 + "/feedback-reports")).andExpect(status().isOk())
                .andExpect(jsonPath("$.generated").value(0));

        // the department head reads the PDF: dimensions, performance, brand index and the quadrant
        long cardId = id(list, "CARD");
        byte[] pdf = w.as(w.analyst, get("/api/v1/feedback-reports/" + cardId + "/pdf")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("心内科", "维度得分", "医疗质量 50.00", "运营效率 80.00", "品牌 80.00",
                    "绩效 62.00", "品牌指数 80.00", "品牌高、绩效低");
            assertThat(text).doesNotContain("渠道考核评估反馈报告");
        }

        // a channel's user never sees a department's report, whatever its id
        String partner = w.channelUser(w.channel);
        w.as(partner, get("/api/v1/feedback-reports/" + cardId)).andExpect(status().isNotFound());
        String mine = w.as(partner, get("/api/v1/feedback-reports")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((List<?>) JsonPath.read(mine, "$.items")).isEmpty();
    }

    /**
     * A department has no account of its own: the office hands its report over and records who confirmed receiving
     * it. Bad input is refused on {@code confirmedBy} and changes nothing; an analyst may not record it, a channel's
     * user never sees the report; the first record stands (a second changes nothing), the report is 已确认 without
     * having been "viewed", and it leaves the office's list of unconfirmed reports.
     */
    @Test
    void theOfficeRecordsWhoOfTheDepartmentConfirmedReceivingItsReport() throws Exception {
        DepartmentEvaluationTest.Wards w = new DepartmentEvaluationTest.Wards(mvc, users, hospitals);
        long q3 = w.run("2026-Q3", "CLINICAL");
        w.publish(q3);
        String list = w.as(w.analyst, get("/api/v1/feedback-reports").param("evaluationId", String.valueOf(q3)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long card = id(list, "CARD");
        String ack = "/api/v1/feedback-reports/" + card + "/acknowledge";

        w.as(w.office, json(post(ack), "{}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("confirmedBy"));
        w.as(w.office, json(post(ack), "{\"confirmedBy\": \"" + "王".repeat(51) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("confirmedBy"));
        w.as(w.analyst, json(post(ack), "{\"confirmedBy\": \"王主任\"}")).andExpect(status().isForbidden());
        String partner = w.channelUser(w.channel);
        w.as(partner, post(ack)).andExpect(status().isNotFound());
        w.as(w.analyst, get("/api/v1/feedback-reports/" + card)).andExpect(jsonPath("$.report.status").value("GENERATED"));

        w.as(w.office, json(post(ack), "{\"confirmedBy\": \" 王主任 \"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.confirmedBy").value("王主任"))
                .andExpect(jsonPath("$.acknowledgedBy").value(w.office))
                .andExpect(jsonPath("$.viewedAt").doesNotExist());
        w.as(w.office, json(post(ack), "{\"confirmedBy\": \"李副主任\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.confirmedBy").value("王主任"));
        String open = w.as(w.analyst, get("/api/v1/feedback-reports").param("evaluationId", String.valueOf(q3))
                .param("status", "unacknowledged")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        List<String> waiting = JsonPath.read(open, "$.items[*].channel");
        assertThat(waiting).containsExactly("RESP", "EYE", "ORTH");

        // the pages: the office's form for another department, refused without a name, then recorded; the report
        // says who confirmed and who recorded it, and the delivery list shows it
        long resp = id(list, "RESP");
        var office = user(accounts.loadForSignIn(w.office, clock.instant()).orElseThrow());
        assertThat(mvc.perform(get("/feedback/reports/" + resp).with(office)).andReturn().getResponse()
                .getContentAsString()).contains("id=\"confirm-form\"", "登记确认");
        var refused = mvc.perform(post("/feedback/reports/" + resp + "/acknowledge").with(office).with(csrf())
                .param("confirmedBy", " ")).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(refused.getFlashMap().get("confirmError")).isEqualTo("请填写确认人");
        mvc.perform(post("/feedback/reports/" + resp + "/acknowledge").with(office).with(csrf())
                .param("confirmedBy", "赵护士长")).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/feedback/reports/" + resp).with(office)).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("科室或机构确认人 赵护士长", "由 " + w.office + " 登记").doesNotContain("id=\"confirm-form\"");
        String delivery = mvc.perform(get("/feedback/evaluations/" + q3).with(office)).andReturn().getResponse()
                .getContentAsString();
        assertThat(delivery).contains("赵护士长（" + w.office + " 登记）", "王主任（" + w.office + " 登记）");
    }

    private static long id(String list, String unit) {
        return ((Number) ((List<?>) JsonPath.read(list, "$.items[?(@.channel == '" + unit + "')].id")).get(0))
                .longValue();
    }

    private String report(DepartmentEvaluationTest.Wards w, String list, String unit) throws Exception {
        return w.as(w.analyst, get("/api/v1/feedback-reports/" + id(list, unit))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
