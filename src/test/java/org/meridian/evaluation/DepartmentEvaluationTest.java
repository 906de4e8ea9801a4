package org.meridian.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Departments evaluated by the engine through the API (network.md §1, §2, §5): units from the unit registry,
 * statistics aggregated over the quarter as each measure says, event measures by {@code attributes.department},
 * a missing statistic, a tie, dimension scores and the matrix, on {@link Wards}' quarter worked out by hand there.
 */
@MeridianTest
class DepartmentEvaluationTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    @Test
    void departmentScorecardsAreComputedFromStatisticsAndEventsWithAMissingStatisticNullAndATieSharingItsRank()
            throws Exception {
        Wards w = new Wards(mvc, users, hospitals);
        long q3 = w.run("2026-Q3", "CLINICAL");
        String answer = w.scorecards(w.analyst, q3);
        // only the four evaluable clinical departments: not LAB (medical technology), not OLD (terminated)
        List<String> units = JsonPath.read(answer, "$.items[*].unit");
        assertThat(units).containsExactly("RESP", "CARD", "EYE", "ORTH");   // rank order, the tie by code
        List<Object> channels = JsonPath.read(answer, "$.items[*].channel");
        assertThat(channels).containsOnlyNulls();

        // totals (weights MORT 2, BEDS 1, SAT 1, AW 1, REF 1; whole weight 6), ranks 1, 2, 3, 3 and tiers
        // RESP: MORT null → (50 + 90 + 70 + 100) / 4 = 77.5, coverage 4 / 6 = 0.6667, tier B (≥ 70)
        Map<String, Object> resp = card(answer, "RESP");
        assertNumber(resp.get("total"), "77.5");
        assertNumber(resp.get("coverage"), "0.6667");
        assertThat(resp.get("rank")).isEqualTo(1);
        assertThat(resp.get("tier")).isEqualTo("B");
        // CARD: (2 × 50 + 80 + 80 + 80 + 50) / 6 = 390 / 6 = 65, tier C
        Map<String, Object> card = card(answer, "CARD");
        assertNumber(card.get("total"), "65");
        assertThat(card.get("rank")).isEqualTo(2);
        assertThat(card.get("tier")).isEqualTo("C");
        // ORTH: (2 × 75 + 100 + 55 + 50 + 0) / 6 = 355 / 6 = 59.1667 → 59.17; EYE: (2 × 100 + 40 + 50 + 40 + 25) / 6
        // = 355 / 6 → 59.17 as well: the same rounded total, the same rank 3
        for (String tied : List.of("ORTH", "EYE")) {
            Map<String, Object> c = card(answer, tied);
            assertNumber(c.get("total"), "59.17");
            assertThat(c.get("rank")).as(tied).isEqualTo(3);
            assertThat(c.get("coverage")).as(tied).isEqualTo(1);
        }

        // indicator values and scores
        // MORT = 1000 × deaths / discharges, LINEAR 20 → 0: CARD 1000 × 4 / 400 = 10 → 50; ORTH 1000 × 2 / 400 = 5
        // → 75; EYE 1000 × 0 / 200 = 0 → 100 (a reported 0); RESP never reported deaths in the quarter (its October
        // value is outside): no value, no score. Peer median of 10, 5, 0 = 5.
        assertLine(answer, "CARD", "MORT", "10", "50");
        assertLine(answer, "ORTH", "MORT", "5", "75");
        assertLine(answer, "EYE", "MORT", "0", "100");
        assertLine(answer, "RESP", "MORT", null, null);
        assertNumber(line(answer, "ORTH", "MORT").get("peerMedian"), "5");
        // BEDS = bed_days / days, 2026-Q3 has 31 + 31 + 30 = 92 days; LINEAR 0 → 50: CARD 3680 / 92 = 40 → 80,
        // ORTH 4600 / 92 = 50 → 100, RESP 2300 / 92 = 25 → 50, EYE 1840 / 92 = 20 → 40
        assertLine(answer, "CARD", "BEDS", "40", "80");
        assertLine(answer, "ORTH", "BEDS", "50", "100");
        assertLine(answer, "RESP", "BEDS", "25", "50");
        assertLine(answer, "EYE", "BEDS", "20", "40");
        // SAT = satisfaction (AVERAGE of the months reported), LINEAR 60 → 100: CARD (90 + 94) / 2 = 92 → 80;
        // ORTH (80 + 84 + 82) / 3 = 82 → 55; RESP 96 → 90; EYE (70 + 80 + 90) / 3 = 80 → 50
        assertLine(answer, "CARD", "SAT", "92", "80");
        assertLine(answer, "ORTH", "SAT", "82", "55");
        assertLine(answer, "RESP", "SAT", "96", "90");
        assertLine(answer, "EYE", "SAT", "80", "50");
        // AW = awareness (LAST month reported), LINEAR 0 → 100: CARD September 75 restated to 80 → 80; ORTH only July
        // 50; RESP July 90, August 70 → 70; EYE September 40
        assertLine(answer, "CARD", "AW", "80", "80");
        assertLine(answer, "ORTH", "AW", "50", "50");
        assertLine(answer, "RESP", "AW", "70", "70");
        assertLine(answer, "EYE", "AW", "40", "40");
        // REF = referrals of the events naming the department, LINEAR 0 → 4: CARD 2 → 50 (its October one is
        // outside), ORTH none → 0 (an event measure without events is 0, not missing), RESP 4 → 100, EYE 1 → 25
        assertLine(answer, "CARD", "REF", "2", "50");
        assertLine(answer, "ORTH", "REF", "0", "0");
        assertLine(answer, "RESP", "REF", "4", "100");
        assertLine(answer, "EYE", "REF", "1", "25");

        // dimension scores in scheme order, performance (all but BRAND) and brand
        // CARD: QUALITY 50, EFFICIENCY 80, SATISFACTION 80, BRAND 80, SOCIAL 50;
        //       performance (2 × 50 + 80 + 80 + 50) / 5 = 62; brand 80
        assertDimensions(answer, "CARD", "50", "80", "80", "80", "50");
        assertNumber(card.get("performance"), "62");
        assertNumber(card.get("brand"), "80");
        // ORTH: performance (2 × 75 + 100 + 55 + 0) / 5 = 61; brand 50
        assertDimensions(answer, "ORTH", "75", "100", "55", "50", "0");
        assertNumber(card(answer, "ORTH").get("performance"), "61");
        assertNumber(card(answer, "ORTH").get("brand"), "50");
        // RESP: QUALITY has no value (score null, coverage 0); performance (50 + 90 + 100) / 3 = 80; brand 70
        assertDimensions(answer, "RESP", null, "50", "90", "70", "100");
        List<Object> respQualityCoverage = JsonPath.read(answer,
                "$.items[?(@.unit == 'RESP')].dimensions[?(@.dimension == 'QUALITY')].coverage");
        assertNumber(respQualityCoverage.get(0), "0");
        assertNumber(resp.get("performance"), "80");
        assertNumber(resp.get("brand"), "70");
        // EYE: performance (2 × 100 + 40 + 50 + 25) / 5 = 63; brand 40
        assertDimensions(answer, "EYE", "100", "40", "50", "40", "25");
        assertNumber(card(answer, "EYE").get("performance"), "63");
        assertNumber(card(answer, "EYE").get("brand"), "40");

        // the matrix: performance median of 61, 62, 63, 80 = (62 + 63) / 2 = 62.5; brand median of 40, 50, 70, 80
        // = (50 + 70) / 2 = 60. CARD (62, 80) BRAND_AT_RISK; ORTH (61, 50) WEAK; RESP (80, 70) STAR;
        // EYE (63, 40) UNDER_RECOGNISED; no published quarter before: no previous quadrant
        w.as(w.analyst, get("/api/v1/evaluations/" + q3 + "/matrix")).andExpect(status().isOk())
                .andExpect(jsonPath("$.thresholds.performance").value(62.5))
                .andExpect(jsonPath("$.thresholds.brand").value(60))
                .andExpect(jsonPath("$.units.length()").value(4))
                .andExpect(jsonPath("$.units[?(@.unit == 'CARD')].quadrant").value("BRAND_AT_RISK"))
                .andExpect(jsonPath("$.units[?(@.unit == 'ORTH')].quadrant").value("WEAK"))
                .andExpect(jsonPath("$.units[?(@.unit == 'RESP')].quadrant").value("STAR"))
                .andExpect(jsonPath("$.units[?(@.unit == 'EYE')].quadrant").value("UNDER_RECOGNISED"))
                .andExpect(jsonPath("$.units[?(@.unit == 'EYE')].previousQuadrant").value(
                        org.hamcrest.Matchers.contains((Object) null)));
    }

    @Test
    void aPublishedDepartmentEvaluationIsFrozenAgainstRestatementsAndHiddenFromChannelUsers() throws Exception {
        Wards w = new Wards(mvc, users, hospitals);
        long q3 = w.run("2026-Q3", "CLINICAL");
        w.publish(q3);
        // CARD's September awareness restated again, 80 → 100 (LAST: AW 100 → score 100): the published version keeps
        // 80; a new run makes version 2 with CARD total (2 × 50 + 80 + 80 + 100 + 50) / 6 = 410 / 6 = 68.33
        w.statistics("""
                [{"unit": "CARD", "month": "2026-09", "measure": "awareness", "value": 100, "reason": "复核问卷"}]""");
        assertNumber(card(w.scorecards(w.analyst, q3), "CARD").get("total"), "65");
        long v2 = w.run("2026-Q3", "CLINICAL");
        assertThat(v2).isNotEqualTo(q3);
        assertNumber(card(w.scorecards(w.analyst, v2), "CARD").get("total"), "68.33");
        // a channel's own user sees no department evaluation, not even a published one
        String channelUser = w.channelUser(w.channel);
        w.as(channelUser, get("/api/v1/evaluations/" + q3)).andExpect(status().isNotFound());
        w.as(channelUser, get("/api/v1/evaluations/" + q3 + "/scorecards")).andExpect(status().isNotFound());
        w.as(channelUser, get("/api/v1/evaluations")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        // tiers are a channel's: applying them to departments is refused
        w.as(w.office, post("/api/v1/evaluations/" + q3 + "/apply-tiers")).andExpect(status().isConflict());
        // another hospital does not find it
        TestHospital other = new TestHospital(mvc, users, hospitals);
        other.as(other.analyst, get("/api/v1/evaluations/" + q3 + "/scorecards")).andExpect(status().isNotFound());
    }

    @Test
    void anUnknownMeasureInAFormulaAndAnUnknownUnitTypeAreClearProblemsAndNothingIsKept() throws Exception {
        Wards w = new Wards(mvc, users, hospitals);
        // "dischargez" is no measure of the catalogue (discharges is)
        w.as(w.office, json(post("/api/v1/indicators"), Wards.indicator("BAD_MORT", "QUALITY", "LOWER_IS_BETTER",
                        "1000 * deaths / dischargez")).param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("formula"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("dischargez")));
        w.as(w.analyst, get("/api/v1/indicators").param("size", "200"))
                .andExpect(jsonPath("$.items[?(@.code == 'BAD_MORT')]").isEmpty())
                .andExpect(jsonPath("$.items[?(@.code == 'MORT')]").isNotEmpty());
        // another hospital's statistic measure is unknown here
        TestHospital other = new TestHospital(mvc, users, hospitals);
        other.as(other.office, json(post("/api/v1/indicators"), Wards.indicator("MORT_X", "QUALITY",
                        "LOWER_IS_BETTER", "1000 * deaths / discharges")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("formula"));
        // an unknown unit type, for a scheme and for an evaluation
        w.as(w.office, json(put("/api/v1/schemes/WARD"), Wards.SCHEME).param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitType"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("WARD")));
        w.as(w.office, json(post("/api/v1/evaluations"), "{\"period\": \"2026-Q3\", \"unitType\": \"WARD\"}")
                        .param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitType"));
        // a department type without a scheme is a conflict that says so, and nothing is made
        w.as(w.office, json(post("/api/v1/evaluations"),
                        "{\"period\": \"2026-Q3\", \"unitType\": \"MEDICAL_TECHNOLOGY\"}"))
                .andExpect(status().isConflict());
        w.as(w.analyst, get("/api/v1/evaluations").param("unitType", "MEDICAL_TECHNOLOGY"))
                .andExpect(jsonPath("$.total").value(0));
    }

    // ---- reading the answer ---------------------------------------------------------------------------------

    static Map<String, Object> card(String answer, String unit) {
        List<Map<String, Object>> found = JsonPath.read(answer, "$.items[?(@.unit == '" + unit + "')]");
        assertThat(found).as(unit).hasSize(1);
        return found.get(0);
    }

    static Map<String, Object> line(String answer, String unit, String code) {
        List<Map<String, Object>> found = JsonPath.read(answer,
                "$.items[?(@.unit == '" + unit + "')].indicators[?(@.code == '" + code + "')]");
        assertThat(found).as(unit + " " + code).hasSize(1);
        return found.get(0);
    }

    static void assertLine(String answer, String unit, String code, String value, String score) {
        Map<String, Object> l = line(answer, unit, code);
        assertNumber(l.get("value"), value, unit + " " + code + " value");
        assertNumber(l.get("score"), score, unit + " " + code + " score");
    }

    /** The dimension scores in scheme order: QUALITY, EFFICIENCY, SATISFACTION, BRAND, SOCIAL. */
    static void assertDimensions(String answer, String unit, String... scores) {
        List<String> dims = JsonPath.read(answer, "$.items[?(@.unit == '" + unit + "')].dimensions[*].dimension");
        assertThat(dims).as(unit).containsExactly("QUALITY", "EFFICIENCY", "SATISFACTION", "BRAND", "SOCIAL");
        List<Object> got = JsonPath.read(answer, "$.items[?(@.unit == '" + unit + "')].dimensions[*].score");
        for (int i = 0; i < scores.length; i++) {
            assertNumber(got.get(i), scores[i], unit + " " + dims.get(i));
        }
    }

    static void assertNumber(Object actual, String expected) {
        assertNumber(actual, expected, "");
    }

    static void assertNumber(Object actual, String expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
            return;
        }
        assertThat(actual).as(what).isNotNull();
        assertThat(new BigDecimal(String.valueOf(actual))).as(what).isEqualByComparingTo(expected);
    }

    /**
     * A hospital with four evaluable clinical departments (CARD 心内科, ORTH 骨科, RESP 呼吸内科, EYE 眼科), a
     * medical-technology one (LAB 检验科) and a terminated clinical one (OLD), its statistic measures
     * {@code discharges}, {@code deaths}, {@code bed_days} (SUM), {@code satisfaction} (AVERAGE), {@code awareness}
     * (LAST), one channel (CH) whose referrals name departments, and the CLINICAL scheme:
     * <pre>
     * code  dimension     formula                      weight  rule
     * MORT  QUALITY       1000 * deaths / discharges      2    LINEAR 20 → 0 (lower is better)
     * BEDS  EFFICIENCY    bed_days / days                 1    LINEAR 0 → 50
     * SAT   SATISFACTION  satisfaction                    1    LINEAR 60 → 100
     * AW    BRAND         awareness                       1    LINEAR 0 → 100
     * REF   SOCIAL        referrals                       1    LINEAR 0 → 4
     * </pre>
     * Statistics of 2026-Q3 (— = not reported):
     * <pre>
     *       discharges       deaths      bed_days          satisfaction   awareness       referrals (events)
     *       Jul Aug Sep      Jul Aug Sep Jul  Aug  Sep     Jul Aug Sep    Jul Aug Sep
     * CARD  100 100 200 =400  2  1  1 =4 1200 1240 1240    90  —  94      —  60  75→80    2 (+1 in October)
     * ORTH  130 130 140 =400  1  —  1 =2 1500 1550 1550    80  84  82     50  —   —       0
     * RESP   80  80  90       —  —  —    700  800  800     —   —  96      90  70  —       4
     * EYE    60  70  70 =200  —  —  0 =0  600  620  620    70  80  90     —   —  40       1
     * </pre>
     * RESP's deaths of October (3) lie outside the quarter; CARD's September awareness 75 is restated to 80 with a
     * reason; one referral names the unknown department NOPE and counts nowhere.
     */
    static final class Wards extends TestHospital {

        static final String SCHEME = """
                {"indicators": [
                   {"code": "MORT", "weight": 2, "scoring": {"method": "LINEAR", "zero": 20, "full": 0}},
                   {"code": "BEDS", "weight": 1, "scoring": {"method": "LINEAR", "zero": 0, "full": 50}},
                   {"code": "SAT", "weight": 1, "scoring": {"method": "LINEAR", "zero": 60, "full": 100}},
                   {"code": "AW", "weight": 1, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}},
                   {"code": "REF", "weight": 1, "scoring": {"method": "LINEAR", "zero": 0, "full": 4}}],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""";

        final long channel;

        Wards(MockMvc mvc, TestUsers users, Hospitals hospitals) throws Exception {
            super(mvc, users, hospitals, "WD", "科室评估医院");
            unit("CARD", "心内科", "CLINICAL", null);
            unit("ORTH", "骨科", "CLINICAL", null);
            unit("RESP", "呼吸内科", "CLINICAL", null);
            unit("EYE", "眼科", "CLINICAL", null);
            unit("LAB", "检验科", "MEDICAL_TECHNOLOGY", null);
            unit("OLD", "老年病科", "CLINICAL", "TERMINATED");
            measure("discharges", "出院人次", "SUM");
            measure("deaths", "死亡人数", "SUM");
            measure("bed_days", "实际占用床日", "SUM");
            measure("satisfaction", "患者满意度", "AVERAGE");
            measure("awareness", "品牌知晓率", "LAST");
            for (String[] i : List.of(
                    new String[] {"MORT", "QUALITY", "LOWER_IS_BETTER", "1000 * deaths / discharges"},
                    new String[] {"BEDS", "EFFICIENCY", "HIGHER_IS_BETTER", "bed_days / days"},
                    new String[] {"SAT", "SATISFACTION", "HIGHER_IS_BETTER", "satisfaction"},
                    new String[] {"AW", "BRAND", "HIGHER_IS_BETTER", "awareness"},
                    new String[] {"REF", "SOCIAL", "HIGHER_IS_BETTER", "referrals"})) {
                as(office, json(post("/api/v1/indicators"), indicator(i[0], i[1], i[2], i[3])))
                        .andExpect(status().isCreated());
            }
            scheme("CLINICAL", SCHEME);
            List<String> rows = new ArrayList<>();
            monthly(rows, "CARD", "discharges", "100", "100", "200");
            monthly(rows, "CARD", "deaths", "2", "1", "1");
            monthly(rows, "CARD", "bed_days", "1200", "1240", "1240");
            monthly(rows, "CARD", "satisfaction", "90", null, "94");
            monthly(rows, "CARD", "awareness", null, "60", "75");
            monthly(rows, "ORTH", "discharges", "130", "130", "140");
            monthly(rows, "ORTH", "deaths", "1", null, "1");
            monthly(rows, "ORTH", "bed_days", "1500", "1550", "1550");
            monthly(rows, "ORTH", "satisfaction", "80", "84", "82");
            monthly(rows, "ORTH", "awareness", "50", null, null);
            monthly(rows, "RESP", "discharges", "80", "80", "90");
            monthly(rows, "RESP", "bed_days", "700", "800", "800");
            monthly(rows, "RESP", "satisfaction", null, null, "96");
            monthly(rows, "RESP", "awareness", "90", "70", null);
            monthly(rows, "EYE", "discharges", "60", "70", "70");
            monthly(rows, "EYE", "deaths", null, null, "0");
            monthly(rows, "EYE", "bed_days", "600", "620", "620");
            monthly(rows, "EYE", "satisfaction", "70", "80", "90");
            monthly(rows, "EYE", "awareness", null, null, "40");
            rows.add(row("RESP", "2026-10", "deaths", "3"));
            rows.add(row("LAB", "2026-09", "discharges", "999"));
            rows.add(row("OLD", "2026-09", "discharges", "999"));
            statistics("[" + String.join(",", rows) + "]");
            statistics("""
                    [{"unit": "CARD", "month": "2026-09", "measure": "awareness", "value": 80, "reason": "问卷补录"}]""");
            channel = channel("CH", "REFERRAL_INSTITUTION", null, null);
            List<String> events = new ArrayList<>();
            int n = 0;
            for (String[] r : List.of(new String[] {"CARD", "2026-07-03"}, new String[] {"CARD", "2026-09-20"},
                    new String[] {"CARD", "2026-10-02"}, new String[] {"RESP", "2026-07-10"},
                    new String[] {"RESP", "2026-08-10"}, new String[] {"RESP", "2026-08-11"},
                    new String[] {"RESP", "2026-09-30"}, new String[] {"EYE", "2026-08-15"},
                    new String[] {"NOPE", "2026-08-15"})) {
                events.add(event("WD-REF-" + (++n), "REFERRAL", "CH", r[1] + "T10:00:00+08:00",
                        ", \"referralId\": \"R" + n + "\", \"attributes\": {\"department\": \"" + r[0] + "\"}"));
            }
            events(("[" + String.join(",", events) + "]"), n);
        }

        static String indicator(String code, String dimension, String direction, String formula) {
            return """
                    {"code": "%s", "nameZh": "指标 %s", "nameEn": "Indicator %s", "unitZh": "分", "unitEn": "points",
                     "direction": "%s", "formula": "%s", "dimension": "%s"}"""
                    .formatted(code, code, code, direction, formula, dimension);
        }

        void unit(String code, String name, String type, String status) throws Exception {
            as(office, json(post("/api/v1/units"), """
                    {"code": "%s", "name": "%s", "kind": "DEPARTMENT", "type": "%s"%s}"""
                    .formatted(code, name, type, status == null ? "" : ", \"status\": \"" + status + "\"")))
                    .andExpect(status().isCreated());
        }

        void measure(String code, String name, String aggregation) throws Exception {
            as(office, json(post("/api/v1/measures"), """
                    {"code": "%s", "nameZh": "%s", "unit": "个", "aggregation": "%s"}"""
                    .formatted(code, name, aggregation))).andExpect(status().isCreated());
        }

        static void monthly(List<String> rows, String unit, String measure, String jul, String aug, String sep) {
            String[] values = {jul, aug, sep};
            String[] months = {"2026-07", "2026-08", "2026-09"};
            for (int i = 0; i < 3; i++) {
                if (values[i] != null) {
                    rows.add(row(unit, months[i], measure, values[i]));
                }
            }
        }

        static String row(String unit, String month, String measure, String value) {
            return "{\"unit\": \"%s\", \"month\": \"%s\", \"measure\": \"%s\", \"value\": %s}"
                    .formatted(unit, month, measure, value);
        }

        void statistics(String rows) throws Exception {
            as(office, json(post("/api/v1/statistics"), rows)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.rejected.length()").value(0));
        }
    }
}
