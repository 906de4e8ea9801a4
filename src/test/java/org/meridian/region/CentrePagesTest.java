package org.meridian.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The page that sets up the region's evaluation centre (区域评价中心), for the region administrator. A region of its
 * own: A (tertiary) and B (primary care), which reports 1,000 outpatient visits of October 2026 for itself (its
 * INSTITUTION unit with its own code), and C, which has no institution type. Bringing October in: A and B become
 * institutions of the centre (2 added), C is left out for its missing type, A reported nothing for itself, and B's one
 * value is written (1 written, 0 restated, 0 duplicates).
 */
@MeridianTest
class CentrePagesTest {

    @Autowired TestRegions regions;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;

    TestRegion r;
    TestHospital c;

    @BeforeEach
    void region() throws Exception {
        r = regions.create();
        c = r.join();
        hospitals.describe(r.a.hospital.id(), UnitType.TERTIARY_HOSPITAL, "三级甲等", "城东区");
        hospitals.describe(r.b.hospital.id(), UnitType.PRIMARY_CARE, "未定级", "城西区");
        r.b.as(r.b.office, json(post("/api/v1/measures"), """
                {"code": "outpatient_visits", "nameZh": "门急诊人次", "unit": "人次", "aggregation": "SUM"}"""))
                .andExpect(status().isCreated());
        r.b.as(r.b.office, json(post("/api/v1/units"), """
                {"code": "%s", "name": "本院", "kind": "INSTITUTION", "type": "PRIMARY_CARE"}"""
                .formatted(r.b.hospital.code()))).andExpect(status().isCreated());
        r.b.as(r.b.office, json(post("/api/v1/statistics"), """
                [{"unit": "%s", "month": "2026-10", "measure": "outpatient_visits", "value": 1000}]"""
                .formatted(r.b.hospital.code()))).andExpect(status().isOk());
    }

    private ResultActions as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return regions.as(username, request.with(csrf()).accept(MediaType.TEXT_HTML));
    }

    private String page(String username) throws Exception {
        return as(username, get("/region/centre")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static String row(String html, TestHospital h) {
        return AllianceReportTest.text(html, "data-hospital=\"" + h.hospital.code() + "\"", "</tr>");
    }

    private static MockHttpServletRequestBuilder create(String code, String name, String username,
                                                        String displayName) {
        return post("/region/centre").param("code", code).param("name", name).param("adminUsername", username)
                .param("adminDisplayName", displayName);
    }

    @Test
    void theRegionAdministratorSetsUpTheCentreNamesItsEvaluatorAndBringsTheHospitalsIn() throws Exception {
        String code = "RC-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String evaluator = "eval-" + UUID.randomUUID().toString().substring(0, 8);

        String before = page(r.regionAdmin);
        assertThat(before).contains("id=\"centre-form\"").doesNotContain("id=\"sync-form\"");
        assertThat(row(before, r.a)).contains(r.a.hospital.name(), "三级医院", "城东区", "尚未纳入");
        assertThat(row(before, c)).contains("未定机构类型，不参评");

        // every problem beside its field, everything typed kept, nothing stored
        String bad = as(r.regionAdmin, create("bad code!", "测试区域评价中心", "x", " ")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(AllianceReportTest.text(bad, "id=\"code-error\"", "</span>")).contains("编码“bad code!”无效");
        assertThat(AllianceReportTest.text(bad, "id=\"adminDisplayName-error\"", "</span>")).contains("必填");
        assertThat(AllianceReportTest.text(bad, "id=\"adminUsername-error\"", "</span>")).contains("用户名“x”无效");
        assertThat(bad).doesNotContain("id=\"name-error\"")
                .contains("value=\"bad code!\"", "value=\"测试区域评价中心\"", "value=\"x\"");
        assertThat(hospitals.regionCentre(r.id)).isEmpty();

        MvcResult created = as(r.regionAdmin, create(code, "测试区域评价中心", evaluator, "孙老师"))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-store")).andReturn();
        String answer = created.getResponse().getContentAsString();
        String cell = AllianceReportTest.text(answer, "id=\"created-password\"", "</code>");
        String password = cell.substring(cell.indexOf('>') + 1).strip();
        assertThat(password).matches("[A-Za-z0-9]{16}");
        assertThat(AllianceReportTest.text(answer, "id=\"created-username\"", "</dd>")).contains(evaluator);
        long centreId = hospitals.regionCentre(r.id).orElseThrow().id();
        assertThat(accounts.hospitalOf(evaluator)).contains(centreId);
        // the page then shows the centre and its evaluator, and the one-time password never again
        String after = page(r.regionAdmin);
        assertThat(AllianceReportTest.text(after, "id=\"centre-card\"", "</dl>"))
                .contains("测试区域评价中心", code, "孙老师（" + evaluator + "）");
        assertThat(after).contains("id=\"sync-form\"").doesNotContain("id=\"centre-form\"", password);

        // a second centre is refused and its account not made
        String second = as(r.regionAdmin, create(code + "X", "第二中心", evaluator + "x", "王老师"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("本区域已设立评价中心");
        assertThat(accounts.usernameTaken(evaluator + "x")).isFalse();

        // months that cannot be read, or a span backwards: beside the fields, typed kept, nothing brought in
        String months = as(r.regionAdmin, post("/region/centre/sync").param("from", "2026-13").param("to", ""))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(AllianceReportTest.text(months, "id=\"sync-from-error\"", "</span>")).contains("月份“2026-13”无效");
        assertThat(AllianceReportTest.text(months, "id=\"sync-to-error\"", "</span>")).contains("必填");
        assertThat(months).contains("value=\"2026-13\"");
        String backwards = as(r.regionAdmin, post("/region/centre/sync").param("from", "2026-10").param("to", "2026-09"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(AllianceReportTest.text(backwards, "id=\"sync-to-error\"", "</span>")).contains("起始不晚于截止");
        assertThat(backwards).contains("value=\"2026-10\"", "value=\"2026-09\"");
        assertThat(row(page(r.regionAdmin), r.b)).contains("尚未纳入");

        MvcResult synced = as(r.regionAdmin, post("/region/centre/sync").param("from", "2026-10").param("to", "2026-10"))
                .andExpect(redirectedUrl("/region/centre")).andReturn();
        String told = (String) synced.getFlashMap().get("synced");
        assertThat(told).contains("新增机构 2 家，更新 0 家", "统计数据写入 1 条（其中更正 0 条），重复 0 条",
                "未登记自身机构单位（无自报数据）的医院：" + r.a.hospital.code(),
                "未定机构类型、未参评的医院：" + c.hospital.code());
        assertThat(synced.getFlashMap().get("syncedSpan")).isEqualTo("2026年10月至2026年10月");
        String in = page(r.regionAdmin);
        assertThat(row(in, r.a)).contains("已纳入");
        assertThat(row(in, r.b)).contains("已纳入");
        assertThat(row(in, c)).contains("未定机构类型，不参评");
        assertThat(jdbc.sql("SELECT count(*) FROM statistic WHERE hospital_id = :h").param("h", centreId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyTheRegionAdministratorSetsUpTheCentre() throws Exception {
        for (String other : new String[] {r.regulator, r.hospitalAdmin, r.b.analyst}) {
            as(other, get("/region/centre")).andExpect(status().isForbidden());
            as(other, create("RC-NO", "不该设立", "no-" + UUID.randomUUID().toString().substring(0, 8), "无"))
                    .andExpect(status().isForbidden());
            as(other, post("/region/centre/sync").param("from", "2026-10").param("to", "2026-10"))
                    .andExpect(status().isForbidden());
        }
        assertThat(hospitals.regionCentre(r.id)).isEmpty();
        // another region's administrator sees its own region's hospitals, never these
        TestRegion other = regions.create();
        assertThat(page(other.regionAdmin)).doesNotContain(r.a.hospital.code(), r.b.hospital.code())
                .contains(other.a.hospital.code());
    }
}
