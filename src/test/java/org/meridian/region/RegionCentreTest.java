package org.meridian.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.UnitType;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The region's own institution evaluations (issue 16 point 3) end to end, worked by hand. A region of its own: A
 * (tertiary), B and C (primary care) report statistics for themselves (an INSTITUTION unit with their own code); D
 * (primary care) has no such unit. The region administrator sets up the evaluation centre and brings in the hospitals
 * and September–October 2026; the centre's evaluator scores primary care on one indicator, APPOINTMENT_RATE = 100 ×
 * appointment_visits / outpatient_visits, linear from 10 (0 points) to 50 (100 points), and publishes October.
 * <ul>
 * <li>B, October: 2,000 visits, 600 booked, then restated to 700 → 35 % → (35 − 10) / 40 × 100 = 62.5. B's own
 * measure b_custom is not in the centre's catalogue: not brought in.</li>
 * <li>C: September 900 / 100 (another period), October 1,000 / 450 → 45 % → (45 − 10) / 40 × 100 = 87.5.</li>
 * <li>A: October 9,000 visits (a tertiary hospital: another type). D: nothing → no total.</li>
 * <li>First sync: 4 institutions added; values A 1 + B 2 + C 4 = 7 written; D without a unit of its own. After B's
 * restatement a second sync sends the 7 again: B's October appointments is a restatement (counted in accepted, as
 * the statistics intake counts), the other 6 are duplicates: accepted 1, restated 1, duplicates 6.</li>
 * <li>Published October: C 1st 87.5, B 2nd 62.5, D no total and so neither rank nor tier.</li>
 * <li>On the regulator's workbench, the drill-down and the workbook each hospital shows where it stands in that
 * evaluation: 2 institutions have a total and are ranked, so C "87.5 · 1 / 2 · 等级 A" (87.5 ≥ 85), B
 * "62.5 · 2 / 2 · 等级 B" (60 ≤ 62.5 < 85), D "无数据" without a rank; A, a tertiary hospital, none (the region published no tertiary
 * evaluation). The workbook keeps the totals as scored, to 2 decimals: 87.50 and 62.50.</li>
 * </ul>
 */
@MeridianTest
class RegionCentreTest {

    @Autowired TestRegions regions;
    @Autowired Hospitals hospitals;

    TestRegion r;
    TestHospital c;
    TestHospital d;

    @BeforeEach
    void region() {
        r = regions.create();
        c = r.join();
        d = r.join();
        hospitals.describe(r.a.hospital.id(), UnitType.TERTIARY_HOSPITAL, "三级甲等", "城东区");
        hospitals.describe(r.b.hospital.id(), UnitType.PRIMARY_CARE, "未定级", "城东区");
        hospitals.describe(c.hospital.id(), UnitType.PRIMARY_CARE, "未定级", "城西区");
        hospitals.describe(d.hospital.id(), UnitType.PRIMARY_CARE, "未定级", "南湖区");
    }

    private ResultActions as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return regions.as(username, request);
    }

    private static void self(TestHospital h, String... measureMonthValue) throws Exception {
        for (String m : List.of("outpatient_visits", "appointment_visits", "b_custom")) {
            h.as(h.office, json(post("/api/v1/measures"), """
                    {"code": "%s", "nameZh": "%s", "unit": "人次", "aggregation": "SUM"}""".formatted(m, m)))
                    .andExpect(status().isCreated());
        }
        h.as(h.office, json(post("/api/v1/units"), """
                {"code": "%s", "name": "本院", "kind": "INSTITUTION", "type": "PRIMARY_CARE"}"""
                .formatted(h.hospital.code()))).andExpect(status().isCreated());
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < measureMonthValue.length; i += 3) {
            rows.append(rows.isEmpty() ? "" : ",").append("""
                    {"unit": "%s", "month": "%s", "measure": "%s", "value": %s}""".formatted(h.hospital.code(),
                    measureMonthValue[i + 1], measureMonthValue[i], measureMonthValue[i + 2]));
        }
        h.as(h.office, json(post("/api/v1/statistics"), "[" + rows + "]")).andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected.length()").value(0));
    }

    @Test
    void theRegionSetsUpItsCentreBringsInTheHospitalsAndTheRegulatorReadsWhatTheCentrePublished() throws Exception {
        String code = "RC-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String evaluator = "eval-" + UUID.randomUUID().toString().substring(0, 8);
        as(r.regulator, get("/api/v1/region/evaluations")).andExpect(status().isOk())
                .andExpect(jsonPath("$.centre").doesNotExist()).andExpect(jsonPath("$.items.length()").value(0));
        assertThat(page(r.regulator)).contains("本区域尚未设立区域评价中心");
        as(r.regionAdmin, json(post("/api/v1/region/centre/sync"), "{\"from\": \"2026-09\", \"to\": \"2026-10\"}"))
                .andExpect(status().isNotFound());

        String body = """
                {"code": "%s", "name": "区域评价中心", "admin": {"username": "%s", "displayName": "孙老师"}}"""
                .formatted(code, evaluator);
        // only the region administrator sets it up
        as(r.regulator, json(post("/api/v1/region/centre"), body)).andExpect(status().isForbidden());
        as(r.hospitalAdmin, json(post("/api/v1/region/centre"), body)).andExpect(status().isForbidden());
        as(r.regionAdmin, json(post("/api/v1/region/centre"), "{\"name\": \"\", \"admin\": {\"username\": \"x\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("code", "name",
                        "adminUsername", "adminDisplayName")));
        as(r.regionAdmin, json(post("/api/v1/region/centre"), body)).andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.admin.oneTimePassword").isString());
        as(r.regionAdmin, json(post("/api/v1/region/centre"), body.replace(code, code + "X")
                .replace(evaluator, evaluator + "x"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        // the centre is not one of the region's hospitals
        as(r.regulator, get("/api/v1/region/hospitals")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4));

        self(r.a, "outpatient_visits", "2026-10", "9000");
        self(r.b, "outpatient_visits", "2026-10", "2000", "appointment_visits", "2026-10", "600",
                "b_custom", "2026-10", "5");
        self(c, "outpatient_visits", "2026-09", "900", "appointment_visits", "2026-09", "100",
                "outpatient_visits", "2026-10", "1000", "appointment_visits", "2026-10", "450");
        as(r.regulator, json(post("/api/v1/region/centre/sync"), "{\"from\": \"2026-09\", \"to\": \"2026-10\"}"))
                .andExpect(status().isForbidden());
        as(r.regionAdmin, json(post("/api/v1/region/centre/sync"), "{\"from\": \"2026-9\", \"to\": \"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("from", "to")));
        as(r.regionAdmin, json(post("/api/v1/region/centre/sync"), "{\"from\": \"2026-09\", \"to\": \"2026-10\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added.length()").value(4))
                .andExpect(jsonPath("$.accepted").value(7))
                .andExpect(jsonPath("$.withoutOwnUnit[0]").value(d.hospital.code()));
        r.b.as(r.b.office, json(post("/api/v1/statistics"), """
                [{"unit": "%s", "month": "2026-10", "measure": "appointment_visits", "value": 700}]"""
                .formatted(r.b.hospital.code()))).andExpect(status().isOk());
        as(r.regionAdmin, json(post("/api/v1/region/centre/sync"), "{\"from\": \"2026-09\", \"to\": \"2026-10\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added.length()").value(0))
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.restated").value(1))
                .andExpect(jsonPath("$.duplicates").value(6));

        // the centre's evaluator keeps the scheme and runs October with the existing API
        as(evaluator, json(put("/api/v1/schemes/PRIMARY_CARE"), """
                {"indicators": [{"code": "APPOINTMENT_RATE", "weight": 1, "scoring": {"method": "LINEAR", "zero": 10, "full": 50}}],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 60}]}""")).andExpect(status().isOk());
        String run = as(evaluator, json(post("/api/v1/evaluations"), """
                {"period": "2026-10", "unitType": "PRIMARY_CARE"}""")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(run, "$.id")).longValue();
        // a draft is not the region's result
        as(r.regulator, get("/api/v1/region/evaluations")).andExpect(status().isOk())
                .andExpect(jsonPath("$.centre").value(code)).andExpect(jsonPath("$.items.length()").value(0));
        as(evaluator, post("/api/v1/evaluations/" + id + "/publish")).andExpect(status().isOk());

        String answer = as(r.regulator, get("/api/v1/region/evaluations")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].unitType").value("PRIMARY_CARE"))
                .andExpect(jsonPath("$.items[0].period").value("2026-10"))
                .andExpect(jsonPath("$.items[0].institutions[0].institution").value(c.hospital.code()))
                .andExpect(jsonPath("$.items[0].institutions[0].rank").value(1))
                .andExpect(jsonPath("$.items[0].institutions[0].total").value(87.5))
                .andExpect(jsonPath("$.items[0].institutions[0].tier").value("A"))
                .andExpect(jsonPath("$.items[0].institutions[1].institution").value(r.b.hospital.code()))
                .andExpect(jsonPath("$.items[0].institutions[1].total").value(62.5))
                .andExpect(jsonPath("$.items[0].institutions[2].institution").value(d.hospital.code()))
                .andReturn().getResponse().getContentAsString();
        assertThat((Object) JsonPath.read(answer, "$.items[0].institutions[2].total")).isNull();
        as(r.regulator, get("/api/v1/region/evaluations?period=2026-09")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0));
        as(r.regulator, get("/api/v1/region/evaluations?period=soon")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"));

        String html = page(r.regulator);
        assertThat(AllianceReportTest.text(html, "id=\"evaluation-PRIMARY_CARE\"", "</table>"))
                .contains("1 " + c.hospital.name() + " 城西区 87.5 A", "2 " + r.b.hospital.name() + " 城东区 62.5 B",
                        "— " + d.hospital.name() + " 南湖区 无数据 —");
        assertThat(html).doesNotContain("sync-form", "to-centre");
        assertThat(page(r.regionAdmin)).contains("id=\"to-centre\"", "区域评价中心（" + code + "）");
        // where each stands, on the workbench, the drill-down and in the workbook
        String workbench = as(r.regulator, get("/region/workbench?period=2026-10").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(row(workbench, c)).contains("87.5 · 1 / 2 · 等级 A");
        assertThat(row(workbench, r.b)).contains("62.5 · 2 / 2 · 等级 B");
        assertThat(row(workbench, d)).contains("无数据").doesNotContain("等级");
        assertThat(row(workbench, r.a)).doesNotContain("等级", "无数据");
        String drill = as(r.regulator, get("/region/institutions/" + c.hospital.code() + "?period=2026-10")
                .accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(AllianceReportTest.text(drill, "id=\"institution-summary\"", "</dl>"))
                .contains("区域机构评价 2026-10 · 基层医疗卫生机构", "区域评价得分 87.5", "区域评价名次 1 / 2 · 等级 A");
        String drillA = as(r.regulator, get("/region/institutions/" + r.a.hospital.code() + "?period=2026-10")
                .accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(AllianceReportTest.text(drillA, "id=\"institution-summary\"", "</dl>"))
                .contains("区域机构评价 尚无区域评价").doesNotContain("区域评价得分");
        List<List<String>> sheet = AllianceReportTest.rows(as(r.regulator, get("/region/workbench.xlsx?period=2026-10"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(RegulatorWorkbenchTest.sheetRow(sheet, "医院编码").subList(12, 17)).containsExactly("区域评价周期", "区域评价名次", "区域评价参与排名机构数",
                "区域评价得分", "区域评价等级");
        assertThat(RegulatorWorkbenchTest.sheetRow(sheet, c.hospital.code()).subList(12, 17))
                .containsExactly("2026-10", "1", "2", "87.50", "A");
        assertThat(RegulatorWorkbenchTest.sheetRow(sheet, r.b.hospital.code()).subList(12, 17))
                .containsExactly("2026-10", "2", "2", "62.50", "B");
        assertThat(RegulatorWorkbenchTest.sheetRow(sheet, d.hospital.code()).subList(12, 16))
                .containsExactly("2026-10", null, "2", "无数据");
        assertThat(RegulatorWorkbenchTest.sheetRow(sheet, r.a.hospital.code()).size()).isLessThanOrEqualTo(12);

        // a hospital's staff do not read the region's page
        as(r.b.analyst, get("/region/evaluations").accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
        as(r.b.analyst, get("/api/v1/region/evaluations")).andExpect(status().isForbidden());
    }

    /** A hospital's row of the workbench as text. */
    private static String row(String html, TestHospital h) {
        return AllianceReportTest.text(html, "data-hospital=\"" + h.hospital.code() + "\"", "</tr>");
    }

    private String page(String username) throws Exception {
        return as(username, get("/region/evaluations").accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
