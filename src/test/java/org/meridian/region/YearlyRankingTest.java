package org.meridian.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.UnitType;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The region's yearly ranking of performance and brand, published by the evaluation centre and read by the regulator,
 * worked by hand. Three primary-care hospitals A, B and C are institutions of the centre; its evaluator records their
 * statistics (10,000 outpatient visits and 0 discharges in each month reported) and scores them on two indicators of
 * weight 1: APPOINTMENT_RATE = 100 × appointment_visits / outpatient_visits, linear from 10 (0 points) to 50 (100) —
 * an efficiency indicator, so the performance (绩效); COMPLAINT_RATE_10K = 10,000 × patient_complaints /
 * (visits + discharges), linear from 6 (0 points) down to 1 (100) — the brand dimension, so the brand index (品牌指数).
 * <pre>
 *            2026-01 (= Q1)                 2026-04 (= Q2)
 * A   3,000 booked → 30 % → 50       4,000 → 40 % → 75
 *     2 complaints → 2 → 80           4 → 4 → 40
 * B   5,000 → 50 % → 100             4,500 → 45 % → 87.5
 *     1 → 1 → 100                     3 → 3 → 60
 * C   2,000 → 20 % → 25              nothing (no value in Q2)
 *     2 → 2 → 80
 * </pre>
 * Published: January 2026, Q1 and Q2 of primary care. The year is made of the quarters (longer than months; January
 * is not counted again): performance B (100 + 87.5) / 2 = 93.75 rank 1, A (50 + 75) / 2 = 62.50 rank 2, C 25.00 over
 * 1 of 2 quarters, not ranked; brand B (100 + 60) / 2 = 80.00 rank 1, A (80 + 40) / 2 = 60.00 rank 2, C 80.00 over 1
 * of 2, not ranked.
 * <p>Then B's Q2 bookings are restated to 5,000 (50 % → 100) and Q2 is run and published again (its version 2): the
 * published yearly ranking stays as it was (93.75) until the evaluator publishes the year again (version 2: B
 * (100 + 100) / 2 = 100.00).
 */
@MeridianTest
class YearlyRankingTest {

    @Autowired TestRegions regions;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;

    TestRegion r;
    TestHospital c;
    String evaluator;

    @BeforeEach
    void region() throws Exception {
        r = regions.create();
        c = r.join();
        for (TestHospital h : List.of(r.a, r.b, c)) {
            hospitals.describe(h.hospital.id(), UnitType.PRIMARY_CARE, "未定级", "城东区");
        }
        evaluator = "yr-" + UUID.randomUUID().toString().substring(0, 8);
        as(r.regionAdmin, json(post("/api/v1/region/centre"), """
                {"code": "YR-%s", "name": "年度排名评价中心", "admin": {"username": "%s", "displayName": "孙老师"}}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6).toUpperCase(), evaluator)))
                .andExpect(status().isCreated());
        as(r.regionAdmin, json(post("/api/v1/region/centre/sync"), "{\"from\": \"2026-01\", \"to\": \"2026-06\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.added.length()").value(3));
        as(evaluator, json(put("/api/v1/schemes/PRIMARY_CARE"), """
                {"indicators": [
                  {"code": "APPOINTMENT_RATE", "weight": 1, "scoring": {"method": "LINEAR", "zero": 10, "full": 50}},
                  {"code": "COMPLAINT_RATE_10K", "weight": 1, "scoring": {"method": "LINEAR", "zero": 6, "full": 1}}],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 60}]}""")).andExpect(status().isOk());
        statistics(r.a, "2026-01", 3000, 2);
        statistics(r.a, "2026-04", 4000, 4);
        statistics(r.b, "2026-01", 5000, 1);
        statistics(r.b, "2026-04", 4500, 3);
        statistics(c, "2026-01", 2000, 2);
    }

    private ResultActions as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return regions.as(username, request.with(csrf()));
    }

    private void statistics(TestHospital h, String month, int booked, int complaints) throws Exception {
        String unit = h.hospital.code();
        as(evaluator, json(post("/api/v1/statistics"), """
                [{"unit": "%1$s", "month": "%2$s", "measure": "outpatient_visits", "value": 10000},
                 {"unit": "%1$s", "month": "%2$s", "measure": "discharges", "value": 0},
                 {"unit": "%1$s", "month": "%2$s", "measure": "appointment_visits", "value": %3$d},
                 {"unit": "%1$s", "month": "%2$s", "measure": "patient_complaints", "value": %4$d}]"""
                .formatted(unit, month, booked, complaints))).andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected.length()").value(0));
    }

    private void runAndPublish(String period) throws Exception {
        String run = as(evaluator, json(post("/api/v1/evaluations"), """
                {"period": "%s", "unitType": "PRIMARY_CARE"}""".formatted(period))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(run, "$.id")).longValue();
        as(evaluator, post("/api/v1/evaluations/" + id + "/publish")).andExpect(status().isOk());
    }

    private String html(String username, String path) throws Exception {
        return as(username, get(path).accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private static String row(String html, TestHospital h) {
        return AllianceReportTest.text(html, "data-institution=\"" + h.hospital.code() + "\"", "</tr>");
    }

    @Test
    void theEvaluatorPublishesTheYearAndTheRegulatorReadsItAsPublished() throws Exception {
        runAndPublish("2026-01");
        runAndPublish("2026-Q1");
        runAndPublish("2026-Q2");
        // nothing published yet: the regulator is told so
        as(r.regulator, get("/api/v1/region/yearly-rankings?year=2026")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:meridian:region:yearly-ranking-not-found"));
        assertThat(html(r.regulator, "/region/yearly-ranking?year=2026")).contains("2026 年度排名尚未发布")
                .doesNotContain("id=\"yearly-table\"", "id=\"publish-form\"");
        // the evaluator sees what it would publish
        assertThat(row(html(evaluator, "/region/yearly-ranking?year=2026"), r.b)).contains("93.75（2 / 2 期）");
        // without a year, on the test clock's 2027-01-15, the year just ended (its December complete), not the new one
        assertThat(html(evaluator, "/region/yearly-ranking")).contains("id=\"f-year\"", "value=\"2026\"");
        as(evaluator, get("/api/v1/region/yearly-rankings/preview")).andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2026));

        as(evaluator, json(post("/api/v1/region/yearly-rankings"), "{\"year\": 2026}")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.publishedBy").value(evaluator));
        String b = r.b.hospital.code();
        String a = r.a.hospital.code();
        as(r.regulator, get("/api/v1/region/yearly-rankings?year=2026")).andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2026))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.types[2].periods").value(Matchers.contains("2026-Q1", "2026-Q2")))
                .andExpect(jsonPath("$.types[2].unitType").value("PRIMARY_CARE"))
                .andExpect(jsonPath("$.types[2].institutions[0].institution").value(b))
                .andExpect(jsonPath("$.types[2].institutions[0].performance").value(93.75))
                .andExpect(jsonPath("$.types[2].institutions[0].performanceRank").value(1))
                .andExpect(jsonPath("$.types[2].institutions[0].performancePeriods").value(2))
                .andExpect(jsonPath("$.types[2].institutions[0].brand").value(80.0))
                .andExpect(jsonPath("$.types[2].institutions[0].brandRank").value(1))
                .andExpect(jsonPath("$.types[2].institutions[1].institution").value(a))
                .andExpect(jsonPath("$.types[2].institutions[1].performance").value(62.5))
                .andExpect(jsonPath("$.types[2].institutions[1].performanceRank").value(2))
                .andExpect(jsonPath("$.types[2].institutions[1].brand").value(60.0))
                .andExpect(jsonPath("$.types[2].institutions[1].brandRank").value(2))
                .andExpect(jsonPath("$.types[2].institutions[2].institution").value(c.hospital.code()))
                .andExpect(jsonPath("$.types[2].institutions[2].performance").value(25.0))
                .andExpect(jsonPath("$.types[2].institutions[2].performancePeriods").value(1))
                .andExpect(jsonPath("$.types[2].institutions[2].performanceRank").doesNotExist())
                .andExpect(jsonPath("$.types[2].institutions[2].brand").value(80.0))
                .andExpect(jsonPath("$.types[2].institutions[2].brandRank").doesNotExist())
                .andExpect(jsonPath("$.types[0].periods.length()").value(0));
        // the page, as the regulator reads it: ordered by performance, or by brand
        String page = html(r.regulator, "/region/yearly-ranking?year=2026&type=PRIMARY_CARE");
        assertThat(page).contains("2026 年度排名：第 1 版", "依据周期：2026-Q1、2026-Q2", "共 3 家机构");
        assertThat(row(page, r.b)).contains("1", r.b.hospital.name(), "93.75（2 / 2 期）", "80.00（2 / 2 期）");
        assertThat(row(page, r.a)).contains("2", "62.50（2 / 2 期）", "60.00（2 / 2 期）");
        assertThat(row(page, c)).contains("缺期，不排名", "25.00（1 / 2 期）", "80.00（1 / 2 期）");
        assertThat(page.indexOf("data-institution=\"" + b)).isLessThan(page.indexOf("data-institution=\"" + a));
        List<List<String>> sheet = AllianceReportTest.rows(as(r.regulator, get("/region/yearly-ranking.xlsx?year=2026"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(RegulatorWorkbenchTest.sheetRow(sheet, b)).containsExactly(b, r.b.hospital.name(),
                "基层医疗卫生机构", "城东区", "1", "93.75", "2 / 2", "1", "80.00", "2 / 2", "2026-Q1、2026-Q2");
        assertThat(RegulatorWorkbenchTest.sheetRow(sheet, c.hospital.code()).subList(4, 10))
                .containsExactly("缺期，不排名", "25.00", "1 / 2", "缺期，不排名", "80.00", "1 / 2");

        // B's Q2 restated and Q2 published again: the published year stays until the evaluator publishes it again
        statistics(r.b, "2026-04", 5000, 3);
        runAndPublish("2026-Q2");
        as(r.regulator, get("/api/v1/region/yearly-rankings?year=2026")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.types[2].institutions[0].performance").value(93.75));
        as(evaluator, get("/api/v1/region/yearly-rankings/preview?year=2026")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").doesNotExist())
                .andExpect(jsonPath("$.types[2].institutions[0].performance").value(100.0));
        as(evaluator, post("/region/yearly-ranking/publish").param("year", "2026").accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection());
        as(r.regulator, get("/api/v1/region/yearly-rankings")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.types[2].institutions[0].performance").value(100.0));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'REGION_YEARLY_RANKING_PUBLISHED'"
                + " AND actor = :u").param("u", evaluator).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void badInputIsSaidAndOnlyTheCentrePublishesWhatOnlyTheRegionReads() throws Exception {
        // nothing published in 2025: refused, nothing stored
        as(evaluator, json(post("/api/v1/region/yearly-rankings"), "{\"year\": 2025}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("2025 年尚未发布任何机构评价")));
        as(evaluator, json(post("/api/v1/region/yearly-rankings"), "{\"year\": \"26\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("year"));
        as(evaluator, json(post("/api/v1/region/yearly-rankings"), "{}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
        as(r.regulator, get("/api/v1/region/yearly-rankings?year=twenty")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
        assertThat(html(r.regulator, "/region/yearly-ranking?year=twenty")).contains("id=\"filter-errors\"",
                "年度“twenty”无效");
        runAndPublish("2026-Q1");
        // the regulator and the region administrator read but do not publish; a hospital's staff neither
        for (String reader : new String[] {r.regulator, r.regionAdmin}) {
            as(reader, json(post("/api/v1/region/yearly-rankings"), "{\"year\": 2026}")).andExpect(status().isForbidden());
            as(reader, post("/region/yearly-ranking/publish").param("year", "2026").accept(MediaType.TEXT_HTML))
                    .andExpect(status().isForbidden());
        }
        for (String staff : new String[] {r.a.office, r.hospitalAdmin}) {
            as(staff, json(post("/api/v1/region/yearly-rankings"), "{\"year\": 2026}")).andExpect(status().isForbidden());
            as(staff, get("/api/v1/region/yearly-rankings?year=2026")).andExpect(status().isForbidden());
            as(staff, get("/api/v1/region/yearly-rankings/preview?year=2026")).andExpect(status().isForbidden());
            as(staff, get("/region/yearly-ranking").accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM region_yearly_ranking WHERE hospital_id = :h")
                .param("h", hospitals.regionCentre(r.id).orElseThrow().id()).query(Long.class).single()).isZero();
        as(evaluator, json(post("/api/v1/region/yearly-rankings"), "{\"year\": 2026}")).andExpect(status().isCreated());
        // another region reads none of it
        TestRegion other = regions.create();
        as(other.regulator, get("/api/v1/region/yearly-rankings?year=2026")).andExpect(status().isNotFound());
        assertThat(html(other.regulator, "/region/yearly-ranking?year=2026")).contains("2026 年度排名尚未发布")
                .doesNotContain(r.a.hospital.code());
    }
}
