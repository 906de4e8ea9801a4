package org.meridian.insight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.SchemeCatalogue;
import org.meridian.indicator.WeightMethod;
import org.meridian.indicator.WeightingRecord;
import org.meridian.shared.UnitType;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.MonthEvents;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The weighting assistant of the scheme editor (issue 13 point 3), server-rendered: AHP weights with λmax, CI and CR
 * recomputed on every change, the judgements to revisit when CR ≥ 0.10, entropy and combined weights from a published
 * period, the weights put into the unsaved draft, and the method with its inputs kept with the saved version and told
 * on the scheme page. Bad input answers 400 naming the field, and nothing is saved.
 *
 * <p>The 3 × 3 matrix used (转诊量, 到诊率, 患者满意度): a12 = 2, a13 = 4, a23 = 2. It is consistent (a13 = a12·a23), so
 * its principal eigenvector is any column normalised: (4, 2, 1)/7 = 0.571429, 0.285714, 0.142857; A w = 3 w, so
 * λmax = 3, CI = 0 and CR = 0 (Saaty 1980: a consistent matrix has λmax = n). As scheme points with two decimals summing
 * to 100: 57.142857 → 57.14, 28.571429 → 28.57, 14.285714 → 14.28 + the one hundredth left over (its remainder 0.5714 is
 * the largest) = 14.29; 57.14 + 28.57 + 14.29 = 100.
 */
@MeridianTest
class WeightingAssistantPagesTest {

    private static final String SCHEME = """
            {"indicators": [
               {"code": "REFERRAL_VOLUME", "weight": 30, "scoring": {"method": "PEER_RANK"}},
               {"code": "ARRIVAL_RATE", "weight": 30, "scoring": {"method": "LINEAR", "zero": 50, "full": 90}},
               {"code": "SATISFACTION", "weight": 40, "scoring": {"method": "PEER_RANK"}}],
             "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""";
    private static final String CODES = "REFERRAL_VOLUME,ARRIVAL_RATE,SATISFACTION";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService details;
    @Autowired SchemeCatalogue schemes;

    private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder b) {
        return b.with(user(details.loadUserByUsername(username))).with(csrf());
    }

    private TestHospital hospital() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        h.scheme("OTHER", SCHEME);
        return h;
    }

    @Test
    void ahpWeightsOfAConsistentMatrixGoIntoTheDraftAndTheSavedVersionSaysWhereTheyCameFrom() throws Exception {
        TestHospital h = hospital();
        mvc.perform(as(h.office, get("/indicators/schemes/OTHER/weighting")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("转诊量 与 到诊率")))
                .andExpect(content().string(containsString("name=\"judgements[2]\"")))
                .andExpect(content().string(containsString("转诊量 极端重要（9）")))
                .andExpect(content().string(containsString("到诊率 稍微重要（1/3）")));

        // a change in the form (htmx): only the results come back, recomputed
        String results = mvc.perform(as(h.office, post("/indicators/schemes/OTHER/weighting"))
                        .header("HX-Request", "true")
                        .param("judgements[0]", "2").param("judgements[1]", "4").param("judgements[2]", "2")
                        .param("method", "AHP").param("alpha", "0.5"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(results).doesNotContain("<html").contains("id=\"lambda-max\">3.000<", "id=\"cr\">0.000<",
                "判断前后一致", "id=\"weighting-apply\"");
        assertThat(row(results, "REFERRAL_VOLUME")).contains("57.1%", "57.14");
        assertThat(row(results, "ARRIVAL_RATE")).contains("28.6%", "28.57");
        assertThat(row(results, "SATISFACTION")).contains("14.3%", "14.29");

        // "use in the draft": the editor with the weights in, nothing saved yet
        mvc.perform(as(h.office, post("/indicators/schemes/OTHER/draft")).param("weightingMethod", "AHP")
                        .param("weightingCodes", CODES).param("weightingMatrix", "1,2,4;1/2,1,2;1/4,1/2,1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"weighted-draft\"")))
                .andExpect(content().string(containsString("value=\"57.14\"")))
                .andExpect(content().string(containsString("value=\"14.29\"")))
                .andExpect(content().string(containsString("name=\"weightingMatrix\" value=\"1,2,4;1/2,1,2;1/4,1/2,1\"")));
        assertThat(schemes.history(h.hospital.id(), UnitType.OTHER)).hasSize(1);

        mvc.perform(as(h.office, save(CODES, "1,2,4;1/2,1,2;1/4,1/2,1", "57.14", "28.57", "14.29")))
                .andExpect(redirectedUrl("/indicators/schemes/OTHER?saved=2"));
        WeightingRecord record = schemes.weighting(h.hospital.id(), UnitType.OTHER, 2).orElseThrow();
        assertThat(record.inputs().method()).isEqualTo(WeightMethod.AHP);
        assertThat(record.inputs().matrix().get(2).get(0)).isEqualTo(0.25);
        assertThat(record.result().cr()).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-9));
        mvc.perform(as(h.analyst, get("/indicators/schemes/OTHER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "第 2 版的权重由层次分析法得出：3 个指标两两比较（判断如下），最大特征值 λmax = 3.000，一致性比率 CR = 0.000")))
                .andExpect(content().string(containsString("「转诊量」比「到诊率」介于同等与稍微重要之间（2）")))
                .andExpect(content().string(containsString("「转诊量」比「患者满意度」介于稍微与明显重要之间（4）")))
                .andExpect(content().string(not(containsString("手工调整"))));

        // saved again with one weight adjusted by hand: the page says so
        mvc.perform(as(h.office, save(CODES, "1,2,4;1/2,1,2;1/4,1/2,1", "60", "28.57", "14.29")))
                .andExpect(redirectedUrl("/indicators/schemes/OTHER?saved=3"));
        mvc.perform(as(h.analyst, get("/indicators/schemes/OTHER")))
                .andExpect(content().string(containsString("保存前手工调整了「转诊量」的权重：赋权结果 57.14，保存为 60。")));

        // a version saved by hand says so
        h.scheme("OTHER", SCHEME);
        mvc.perform(as(h.analyst, get("/indicators/schemes/OTHER")))
                .andExpect(content().string(containsString("第 4 版的权重为手工设定（未使用赋权助手）。")));
    }

    /**
     * a12 = 3, a13 = 1/5, a23 = 5: for n = 3 the eigenvector is proportional to the rows' geometric means (Crawford &amp;
     * Williams 1985), (0.6^⅓, (5/3)^⅓, 1) = (0.843433, 1.185631, 1) → w = (0.278447, 0.391418, 0.330135), and
     * λmax = 1 + r^⅓ + r^−⅓ with r = a12·a23/a13 = 75: 1 + 4.217163 + 0.237126 = 5.454289; CI = 2.454289/2 = 1.227144;
     * CR = CI/0.58 = 2.115766.
     */
    @Test
    void inconsistentJudgementsAreFlaggedWithThePairsToRevisitAndCannotGoIntoTheScheme() throws Exception {
        TestHospital h = hospital();
        String results = mvc.perform(as(h.office, post("/indicators/schemes/OTHER/weighting"))
                        .header("HX-Request", "true")
                        .param("judgements[0]", "3").param("judgements[1]", "1/5").param("judgements[2]", "5")
                        .param("method", "AHP"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(results).contains("id=\"cr\">2.116<", "id=\"lambda-max\">5.454<", "id=\"ci\">1.227<",
                        "判断前后矛盾", "转诊量 与 到诊率：您的判断为“转诊量 稍微重要（3）”",
                        "转诊量 与 患者满意度：您的判断为“患者满意度 明显重要（1/5）”",
                        "到诊率 与 患者满意度：您的判断为“到诊率 明显重要（5）”", "判断不一致（CR = 2.116")
                .doesNotContain("id=\"weighting-apply\"");
        assertThat(row(results, "REFERRAL_VOLUME")).contains("27.8%");
        assertThat(row(results, "ARRIVAL_RATE")).contains("39.1%");

        mvc.perform(as(h.office, post("/indicators/schemes/OTHER/draft")).param("weightingMethod", "AHP")
                        .param("weightingCodes", CODES).param("weightingMatrix", "1,3,1/5;1/3,1,5;5,1/5,1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("weighting.matrix"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("CR = 2.116")));
        assertThat(schemes.history(h.hospital.id(), UnitType.OTHER)).hasSize(1);
    }

    @Test
    void raggedOrNonReciprocalMatricesAreRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
        TestHospital h = hospital();
        mvc.perform(as(h.office, post("/indicators/schemes/OTHER/draft")).param("weightingMethod", "AHP")
                        .param("weightingCodes", CODES).param("weightingMatrix", "1,2,4;1/2,1;1/4,1/2,1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:meridian:insight:invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("weighting.matrix[1]"))
                .andExpect(jsonPath("$.errors[0].message").value("判断矩阵须为方阵（每行 3 个值）"));
        mvc.perform(as(h.office, post("/indicators/schemes/OTHER/draft")).param("weightingMethod", "AHP")
                        .param("weightingCodes", CODES).param("weightingMatrix", "1,2,4;1,1,2;1/4,1/2,1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("weighting.matrix[1][0]"))
                .andExpect(jsonPath("$.errors[0].message").value("第 0 与第 1 项的判断不互为倒数"));
        mvc.perform(as(h.office, post("/indicators/schemes/OTHER/draft")).param("weightingMethod", "AHP")
                        .param("weightingCodes", CODES).param("weightingMatrix", "1,x,4;1/2,1,2;1/4,1/2,1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("weighting.matrix[0][1]"));

        // saving the editor with a tampered matrix: the form again with the problem, no new version
        mvc.perform(as(h.office, save(CODES, "1,2,4;1,1,2;1/4,1/2,1", "57.14", "28.57", "14.29")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"weighting-error\"")))
                .andExpect(content().string(containsString("第 0 与第 1 项的判断不互为倒数")))
                .andExpect(content().string(containsString("value=\"57.14\"")));
        // weighed indicators that are not the ones included
        mvc.perform(as(h.office, save("REFERRAL_VOLUME,ARRIVAL_RATE", "1,2;1/2,1", "57.14", "28.57", "14.29")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("方案纳入的指标与赋权时的不同")));
        assertThat(schemes.history(h.hospital.id(), UnitType.OTHER)).hasSize(1);
        assertThat(schemes.weighting(h.hospital.id(), UnitType.OTHER, 2)).isEmpty();
    }

    /**
     * Entropy from the published September of three channels (MonthEvents: referrals and arrivals): 转诊量 10, 4, 2 and
     * 到诊率 50 %, 100 %, 100 %. Min–max (both higher-is-better): 转诊量 (1, 0.25, 0) → p = (0.8, 0.2, 0),
     * e = −(0.8 ln 0.8 + 0.2 ln 0.2)/ln 3 = 0.500402/1.098612 = 0.455486, d = 0.544514; 到诊率 (0, 1, 1) → p = (0, ½, ½),
     * e = ln 2/ln 3 = 0.630930, d = 0.369070. w = d/Σd = 0.596020, 0.403980. AHP with a12 = 3: w = (0.75, 0.25).
     * Combined with α = 0.5: 0.5·0.75 + 0.5·0.596020 = 0.673010 → 67.30, and 0.326990 → 32.70.
     */
    @Test
    void entropyAndCombinedWeightsComeFromThePublishedPeriodsValues() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        h.scheme("OTHER", """
                {"indicators": [
                   {"code": "REFERRAL_VOLUME", "weight": 50, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}},
                   {"code": "ARRIVAL_RATE", "weight": 50, "scoring": {"method": "LINEAR", "zero": 50, "full": 100}}],
                 "tiers": [{"tier": "A", "minTotal": 85}]}""");
        for (String c : List.of("P1", "P2", "P3")) {
            h.channel(c, "OTHER", null, null);
        }
        List<String> events = new ArrayList<>();
        MonthEvents.add(events, "P1", "2026-09", 10, 5);
        MonthEvents.add(events, "P2", "2026-09", 4, 4);
        MonthEvents.add(events, "P3", "2026-09", 2, 2);
        h.events("[" + String.join(",", events) + "]", events.size());
        h.publish(h.run("2026-09", "OTHER"));

        String combined = mvc.perform(as(h.office, post("/indicators/schemes/OTHER/weighting"))
                        .header("HX-Request", "true").param("judgements[0]", "3").param("method", "COMBINED")
                        .param("alpha", "0.5").param("period", "2026-09"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(combined).contains("熵权依据 2026-09 已发布评估中 3 个渠道的指标值。");
        assertThat(row(combined, "REFERRAL_VOLUME")).contains("75.0%", "59.6%", "67.3%", "67.30");
        assertThat(row(combined, "ARRIVAL_RATE")).contains("25.0%", "40.4%", "32.7%", "32.70");

        mvc.perform(as(h.office, post("/indicators/schemes/OTHER/draft")).param("weightingMethod", "ENTROPY")
                        .param("weightingCodes", "REFERRAL_VOLUME,ARRIVAL_RATE").param("weightingPeriod", "2026-09"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"59.6\"")))
                .andExpect(content().string(containsString("value=\"40.4\"")));
        mvc.perform(as(h.office, post("/indicators/schemes/OTHER/draft")).param("weightingMethod", "ENTROPY")
                        .param("weightingCodes", "REFERRAL_VOLUME,ARRIVAL_RATE").param("weightingPeriod", "2026-08"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("weighting.period"))
                .andExpect(jsonPath("$.errors[0].message").value("2026-08 没有已发布的评估"));
    }

    /** The results table's row of one indicator. */
    private static String row(String html, String code) {
        int start = html.indexOf("id=\"weight-" + code + "\"");
        assertThat(start).as("row of " + code).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    /** The editor's save with the three indicators and the assistant's hidden fields. */
    private static MockHttpServletRequestBuilder save(String codes, String matrix, String w0, String w1, String w2) {
        return post("/indicators/schemes/OTHER")
                .param("rows[0].code", "REFERRAL_VOLUME").param("rows[0].included", "true").param("rows[0].weight", w0)
                .param("rows[0].method", "PEER_RANK")
                .param("rows[1].code", "ARRIVAL_RATE").param("rows[1].included", "true").param("rows[1].weight", w1)
                .param("rows[1].method", "LINEAR").param("rows[1].zero", "50").param("rows[1].full", "90")
                .param("rows[2].code", "SATISFACTION").param("rows[2].included", "true").param("rows[2].weight", w2)
                .param("rows[2].method", "PEER_RANK")
                .param("tiers[0].tier", "A").param("tiers[0].minTotal", "85")
                .param("tiers[1].tier", "B").param("tiers[1].minTotal", "70")
                .param("tiers[2].tier", "C").param("tiers[2].minTotal", "55")
                .param("weightingMethod", "AHP").param("weightingCodes", codes).param("weightingMatrix", matrix);
    }
}
