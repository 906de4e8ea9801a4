package org.meridian.evaluation;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.meridian.evaluation.EvaluationApiTest.arrivals;
import static org.meridian.evaluation.EvaluationApiTest.referrals;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Indicator dimensions, dimension scores on scorecards and the performance–brand matrix through the API
 * (network.md §2 and §5), on {@link Brands}' two months worked out by hand there.
 */
@MeridianTest
class MatrixApiTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService accounts;

    @Test
    void anIndicatorTakesItsDimensionDefaultsToChannelAndAnUnknownOneIsRefusedWithEveryProblem() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        h.as(h.office, json(post("/api/v1/indicators"), Brands.indicator("REACH_X", "BRAND", "arrivals")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.dimension").value("BRAND"));
        h.as(h.office, json(post("/api/v1/indicators"), """
                {"code": "PLAIN_X", "nameZh": "普通", "nameEn": "Plain", "unitZh": "人次", "unitEn": "visits",
                 "direction": "HIGHER_IS_BETTER", "formula": "referrals"}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.dimension").value("CHANNEL"));
        h.as(h.office, json(post("/api/v1/indicators"), Brands.indicator("ODD_X", "FAME", "(referrals"))
                        .param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("dimension", "formula")))
                .andExpect(jsonPath("$.errors[?(@.field == 'dimension')].message").value(
                        "Unknown dimension: FAME (use QUALITY, EFFICIENCY, SUSTAINABILITY, SATISFACTION, SOCIAL, "
                                + "BRAND or CHANNEL)"));
        h.as(h.analyst, get("/api/v1/indicators").param("size", "100"))
                .andExpect(jsonPath("$.items[?(@.code == 'REACH_X')].dimension").value("BRAND"))
                .andExpect(jsonPath("$.items[?(@.code == 'ARRIVAL_RATE')].dimension").value("CHANNEL"))
                .andExpect(jsonPath("$.items[*].code").value(not(hasItem("ODD_X"))));
    }

    @Test
    void scorecardsCarryTheirDimensionScoresPerformanceAndBrand() throws Exception {
        Brands b = new Brands(mvc, users, hospitals);
        long september = b.september();
        String cards = b.scorecards(b.analyst, september);
        // P: QUALITY 80 (coverage 1), BRAND 75 (coverage 1); performance 80, brand 75; total (2 × 80 + 75) / 3 = 78.33
        b.as(b.analyst, get("/api/v1/evaluations/" + september + "/scorecards"))
                .andExpect(jsonPath("$.items[?(@.channel == 'P')].total").value(78.33))
                .andExpect(jsonPath("$.items[?(@.channel == 'P')].dimensions[*].dimension")
                        .value(org.hamcrest.Matchers.contains("QUALITY", "BRAND")))
                .andExpect(jsonPath("$.items[?(@.channel == 'P')].dimensions[0].score").value(80))
                .andExpect(jsonPath("$.items[?(@.channel == 'P')].dimensions[1].score").value(75))
                .andExpect(jsonPath("$.items[?(@.channel == 'P')].dimensions[1].coverage").value(1))
                .andExpect(jsonPath("$.items[?(@.channel == 'P')].performance").value(80))
                .andExpect(jsonPath("$.items[?(@.channel == 'P')].brand").value(75))
                // S: no referrals: VOLUME 0 → score 0; SHARE divides by zero → no brand, BRAND coverage 0
                .andExpect(jsonPath("$.items[?(@.channel == 'S')].performance").value(0))
                .andExpect(jsonPath("$.items[?(@.channel == 'S')].brand").value(org.hamcrest.Matchers.contains(
                        (Object) null)))
                .andExpect(jsonPath("$.items[?(@.channel == 'S')].dimensions[1].coverage").value(0));
        org.assertj.core.api.Assertions.assertThat(cards).contains("\"dimensions\"");
    }

    @Test
    void theMatrixPlacesEveryUnitWithBothValuesByTheMediansAndNamesTheQuadrantOfThePeriodBefore()
            throws Exception {
        Brands b = new Brands(mvc, users, hospitals);
        long september = b.september();
        // thresholds: performance median of 80, 40, 60 = 60; brand median of 75, 100, 50 = 75 (S has no brand)
        b.as(b.analyst, get("/api/v1/evaluations/" + september + "/matrix"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.thresholds.performance").value(60))
                .andExpect(jsonPath("$.thresholds.brand").value(75))
                .andExpect(jsonPath("$.units[*].unit").value(containsInAnyOrder("P", "Q", "R")))
                // P (80, 75): on the brand threshold → high → STAR; in August (20, 100) BRAND_AT_RISK
                .andExpect(jsonPath("$.units[?(@.unit == 'P')].quadrant").value("STAR"))
                .andExpect(jsonPath("$.units[?(@.unit == 'P')].previousQuadrant").value("BRAND_AT_RISK"))
                // Q (40, 100): BRAND_AT_RISK; August (100, 90) STAR
                .andExpect(jsonPath("$.units[?(@.unit == 'Q')].quadrant").value("BRAND_AT_RISK"))
                .andExpect(jsonPath("$.units[?(@.unit == 'Q')].previousQuadrant").value("STAR"))
                // R (60, 50): on the performance threshold → UNDER_RECOGNISED; August (40, 25) the same
                .andExpect(jsonPath("$.units[?(@.unit == 'R')].quadrant").value("UNDER_RECOGNISED"))
                .andExpect(jsonPath("$.units[?(@.unit == 'R')].previousQuadrant").value("UNDER_RECOGNISED"))
                .andExpect(jsonPath("$.units[?(@.unit == 'R')].performance").value(60));
        // August has no published month before it: no previous quadrant
        b.as(b.analyst, get("/api/v1/evaluations/" + b.august + "/matrix"))
                .andExpect(jsonPath("$.thresholds.performance").value(40))
                .andExpect(jsonPath("$.thresholds.brand").value(90))
                .andExpect(jsonPath("$.units[?(@.unit == 'Q')].quadrant").value("STAR"))
                .andExpect(jsonPath("$.units[?(@.unit == 'Q')].previousQuadrant").value(
                        org.hamcrest.Matchers.contains((Object) null)));
    }

    @Test
    void theFeedbackReportOfAPublishedEvaluationQuotesTheDimensionsAndTheQuadrant() throws Exception {
        Brands b = new Brands(mvc, users, hospitals);
        long september = b.september();
        b.publish(september);
        String list = b.as(b.analyst, get("/api/v1/feedback-reports").param("evaluationId", "" + september))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Integer> ids = com.jayway.jsonpath.JsonPath.read(list, "$.items[?(@.channel == 'P')].id");
        // P: QUALITY 80, BRAND 75, performance 80, brand 75, STAR (see theMatrixPlaces…)
        b.as(b.analyst, get("/api/v1/feedback-reports/" + ids.get(0)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.performance").value(80))
                .andExpect(jsonPath("$.content.brand").value(75))
                .andExpect(jsonPath("$.content.quadrant").value("STAR"))
                .andExpect(jsonPath("$.content.dimensions[*].dimension")
                        .value(org.hamcrest.Matchers.contains("QUALITY", "BRAND")))
                .andExpect(jsonPath("$.content.dimensions[0].score").value(80));
        // the report page quotes them: 绩效 80.00, 品牌指数 75.00, 双高, and each dimension with its score
        String page = mvc.perform(get("/feedback/reports/" + ids.get(0)).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(accounts.loadUserByUsername(b.analyst))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page).contains("id=\"report-performance\">80.00<",
                "id=\"report-brand\">75.00<", "id=\"report-quadrant\">双高<", "id=\"report-dimension-BRAND\"");
        // S has no brand: not placed, no quadrant
        List<Integer> s = com.jayway.jsonpath.JsonPath.read(list, "$.items[?(@.channel == 'S')].id");
        b.as(b.analyst, get("/api/v1/feedback-reports/" + s.get(0)))
                .andExpect(jsonPath("$.content.quadrant").doesNotExist())
                .andExpect(jsonPath("$.content.performance").value(0));
    }

    @Test
    void aDraftOfThePeriodBeforeDoesNotCountAndOnlyAnalystsOfTheHospitalSeeTheMatrix() throws Exception {
        Brands b = new Brands(mvc, users, hospitals);
        long september = b.september(false);
        long august = b.august;
        b.as(b.analyst, get("/api/v1/evaluations/" + september + "/matrix"))
                .andExpect(jsonPath("$.units[?(@.unit == 'P')].previousQuadrant").value(
                        org.hamcrest.Matchers.contains((Object) null)));
        b.as(b.channelUser(b.p), get("/api/v1/evaluations/" + september + "/matrix"))
                .andExpect(status().isForbidden());
        TestHospital other = new TestHospital(mvc, users, hospitals);
        other.as(other.analyst, get("/api/v1/evaluations/" + august + "/matrix")).andExpect(status().isNotFound());
    }

    /**
     * A hospital of unit type REFERRAL_INSTITUTION with two own indicators: VOLUME (QUALITY, {@code referrals},
     * weight 2, LINEAR 0 → 10) and SHARE (BRAND, {@code 100 * arrivals / referrals}, weight 1, LINEAR 0 → 100),
     * and four channels P, Q, R, S.
     * <pre>
     *            August                                     September
     *   referrals arrivals  perf  brand  quadrant   referrals arrivals  perf  brand  quadrant
     * P     2        2       20    100  BRAND_AT_RISK   8        6       80    75   STAR
     * Q    10        9      100     90  STAR            4        4       40   100   BRAND_AT_RISK
     * R     4        1       40     25  UNDER_RECOGN.   6        3       60    50   UNDER_RECOGNISED
     * S     0        0        0      —  (left out)      0        0        0     —   (left out)
     * </pre>
     * (VOLUME 10 or more scores 100: Q's 10 → 100.) August thresholds: medians of 20, 100, 40 = 40 and of
     * 100, 90, 25 = 90. September: medians of 80, 40, 60 = 60 and of 75, 100, 50 = 75.
     */
    static final class Brands extends TestHospital {

        static final String TYPE = "REFERRAL_INSTITUTION";
        final long p;
        long august;

        Brands(MockMvc mvc, TestUsers users, Hospitals hospitals) throws Exception {
            super(mvc, users, hospitals, "MX", "矩阵测试医院");
            as(office, json(post("/api/v1/indicators"), indicator("VOLUME", "QUALITY", "referrals")))
                    .andExpect(status().isCreated());
            as(office, json(post("/api/v1/indicators"), indicator("SHARE", "BRAND", "100 * arrivals / referrals")))
                    .andExpect(status().isCreated());
            scheme(TYPE, """
                    {"indicators": [
                       {"code": "VOLUME", "weight": 2, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}},
                       {"code": "SHARE", "weight": 1, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}}],
                     "tiers": [{"tier": "A", "minTotal": 85}]}""");
            p = channel("P", TYPE, null, null);
            for (String c : List.of("Q", "R", "S")) {
                channel(c, TYPE, null, null);
            }
        }

        static String indicator(String code, String dimension, String formula) {
            return """
                    {"code": "%s", "nameZh": "指标 %s", "nameEn": "Indicator %s", "unitZh": "人次", "unitEn": "visits",
                     "direction": "HIGHER_IS_BETTER", "formula": "%s", "dimension": "%s"}"""
                    .formatted(code, code, code, formula, dimension);
        }

        void month(String prefix, String day, int[] referrals, int[] arrivals) throws Exception {
            List<String> parts = new ArrayList<>();
            String[] codes = {"P", "Q", "R"};
            for (int i = 0; i < codes.length; i++) {
                parts.add(referrals(codes[i], prefix + codes[i] + "R", referrals[i], day));
                parts.add(arrivals(codes[i], prefix + codes[i] + "A", arrivals[i], day));
            }
            int n = java.util.Arrays.stream(referrals).sum() + java.util.Arrays.stream(arrivals).sum();
            events("[" + String.join(",", parts) + "]", n);
        }

        long august(boolean publish) throws Exception {
            month("AUG", "2026-08-12", new int[] {2, 10, 4}, new int[] {2, 9, 1});
            august = run("2026-08", TYPE);
            if (publish) {
                publish(august);
            }
            return august;
        }

        /** August published, then September run (a draft). */
        long september() throws Exception {
            return september(true);
        }

        long september(boolean publishAugust) throws Exception {
            august(publishAugust);
            month("SEP", "2026-09-10", new int[] {8, 4, 6}, new int[] {6, 4, 3});
            return run("2026-09", TYPE);
        }
    }
}
