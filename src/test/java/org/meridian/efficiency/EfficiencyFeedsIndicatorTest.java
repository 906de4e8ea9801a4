package org.meridian.efficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Efficiency feeds an indicator of a scheme (issue 15, point 2): publishing a run records each unit's score as the
 * statistic {@code dea_efficiency} (per cent) of every month of its period, which a department scheme's indicator
 * then reads like any other statistic.
 *
 * <p>The run is DEAP 2.1's example EG1 ({@link Departments}): CCR input-oriented scores exactly 1/2, 1, 5/6, 5/7 and
 * 1 for D1–D5, i.e. 50 %, 100 %, 83.3333 % (83.333… to four decimals), 71.4286 % (71.42857… rounded up) and 100 %.
 */
@MeridianTest
class EfficiencyFeedsIndicatorTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    static final String[] PERCENT = {"50", "100", "83.3333", "71.4286", "100"};

    @Test
    void aPublishedRunsScoresAreMonthlyStatisticsThatAnIndicatorScores() throws Exception {
        Departments h = new Departments(mvc, users, hospitals);
        long id = h.run(Departments.EG1_RUN);
        // a draft records nothing: the measure does not exist yet
        assertThat(values(h, "D3")).isEmpty();
        // published by someone reading English: the measure is still named in both languages from the bundles
        h.as(h.office, post("/api/v1/efficiency-runs/" + id + "/publish?lang=en")).andExpect(status().isOk());

        // every month of 2026-Q4 holds the unit's score as a per cent
        for (int k = 0; k < Departments.CODES.length; k++) {
            List<Map<String, Object>> v = values(h, Departments.CODES[k]);
            assertThat(v).extracting(m -> m.get("month")).containsExactly("2026-10", "2026-11", "2026-12");
            for (Map<String, Object> m : v) {
                assertThat(new BigDecimal(String.valueOf(m.get("value")))).as(Departments.CODES[k])
                        .isEqualByComparingTo(PERCENT[k]);
            }
        }
        // the measure is the hospital's own now, named in words
        String measures = h.as(h.analyst, get("/api/v1/measures")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat((List<Object>) JsonPath.read(measures, "$..[?(@.code == 'dea_efficiency')].nameZh"))
                .containsExactly("DEA 效率得分");
        assertThat((List<Object>) JsonPath.read(measures, "$..[?(@.code == 'dea_efficiency')].nameEn"))
                .containsExactly("DEA efficiency score");

        // an indicator over it, alone in the clinical departments' scheme: LINEAR 0 → 100, so score = value and the
        // total is the unit's efficiency in per cent; AVERAGE over three equal months is that month's value
        h.as(h.office, json(post("/api/v1/indicators"), """
                {"code": "EFF", "nameZh": "DEA 效率", "nameEn": "DEA efficiency", "unitZh": "%", "unitEn": "%",
                 "direction": "HIGHER_IS_BETTER", "formula": "dea_efficiency", "dimension": "EFFICIENCY"}"""))
                .andExpect(status().isCreated());
        h.scheme("CLINICAL", """
                {"indicators": [{"code": "EFF", "weight": 1, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}}],
                 "tiers": [{"tier": "A", "minTotal": 90}, {"tier": "B", "minTotal": 60}]}""");
        long evaluation = h.run("2026-Q4", "CLINICAL");
        String cards = h.scorecards(h.analyst, evaluation);
        // ranks: D2 and D5 (100) share 1, then D3 (83.33) 3, D4 (71.43) 4, D1 (50) 5; tiers A (≥ 90) for D2 and
        // D5, B (≥ 60) for D3 and D4, and D1 below the lowest threshold is D
        String[] tiers = {"D", "A", "B", "B", "A"};
        int[] ranks = {5, 1, 3, 4, 1};
        for (int k = 0; k < Departments.CODES.length; k++) {
            String u = Departments.CODES[k];
            Map<String, Object> card = ((List<Map<String, Object>>) JsonPath.read(cards,
                    "$.items[?(@.unit == '" + u + "')]")).get(0);
            assertThat(((Number) card.get("total")).doubleValue()).as(u)
                    .isCloseTo(Double.parseDouble(PERCENT[k]), within(0.005));
            assertThat(card.get("rank")).as(u).isEqualTo(ranks[k]);
            assertThat(card.get("tier")).as(u).isEqualTo(tiers[k]);
            Object value = JsonPath.read(cards, "$.items[?(@.unit == '" + u + "')].indicators[0].value");
            assertThat(new BigDecimal(String.valueOf(((List<?>) value).get(0)))).as(u)
                    .isEqualByComparingTo(PERCENT[k]);
        }
    }

    @Test
    void aSecondRunPublishedForTheSameMonthsRestatesTheScoresWithItsReason() throws Exception {
        Departments h = new Departments(mvc, users, hospitals);
        h.as(h.office, post("/api/v1/efficiency-runs/" + h.run(Departments.EG1_RUN) + "/publish"))
                .andExpect(status().isOk());
        // D1 restates December's beds 50 → 20, i.e. (x1, x2; y) = (2, 2; 1) in DEAP's units. Per unit of output the
        // firms' inputs are D2 (1, 2), D5 (3, 1), D3 (2, 2), D4 (3, 2), D1 now (2, 2); the frontier between D2 and D5
        // is (1 + 2t, 2 - t), which the ray θ (2, 2) meets where 1 + 2t = 2 - t, t = 1/3: (5/3, 5/3), θ = 5/6 →
        // 83.3333 %. D1's point lies inside the frontier, so no other firm's score moves.
        h.statistics(List.of(Departments.row("D1", "2026-12", "beds", 20)));
        long second = h.run(Departments.EG1_RUN);
        h.as(h.office, post("/api/v1/efficiency-runs/" + second + "/publish")).andExpect(status().isOk());
        for (Map<String, Object> m : values(h, "D1")) {
            assertThat(new BigDecimal(String.valueOf(m.get("value")))).isEqualByComparingTo("83.3333");
        }
        // the restatement history names the efficiency run as the reason; D2's unchanged 100 % is no restatement
        String restated = h.as(h.analyst, get("/api/v1/statistics/restatements?unit=D1")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(restated, "$.items[?(@.measure == 'dea_efficiency')].reason"))
                .hasSize(3).containsOnly("效率评价 2026-Q4 发布（CCR，第 " + second + " 号）");
        String none = h.as(h.analyst, get("/api/v1/statistics/restatements?unit=D2")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((List<Object>) JsonPath.read(none, "$.items[?(@.measure == 'dea_efficiency')]")).isEmpty();

        // D1's December beds back to 50, the third run (θ = 1/2 again, 50 %) published by someone reading English:
        // its reason is the English one
        h.statistics(List.of(Departments.row("D1", "2026-12", "beds", 50)));
        long third = h.run(Departments.EG1_RUN);
        h.as(h.office, post("/api/v1/efficiency-runs/" + third + "/publish?lang=en")).andExpect(status().isOk());
        String again = h.as(h.analyst, get("/api/v1/statistics/restatements?unit=D1")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(again, "$.items[?(@.measure == 'dea_efficiency')].reason"))
                .hasSize(6).containsOnly("效率评价 2026-Q4 发布（CCR，第 " + second + " 号）",
                        "Efficiency run no. " + third + " for 2026-Q4 published (CCR)");
    }

    List<Map<String, Object>> values(Departments h, String unit) throws Exception {
        String answer = h.as(h.analyst, get("/api/v1/statistics?unit=" + unit + "&from=2026-10&to=2026-12"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(answer, "$[?(@.measure == 'dea_efficiency')]");
    }
}
