package org.meridian.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
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

/**
 * The alliance's primary-care visit share (基层诊疗量占比, issue 16 point 4) and its members' shares at a .x5 boundary,
 * worked by hand. A region of its own: tertiary hospital A leads an alliance with secondary hospital B, primary-care
 * hospital C and A's own community health centre A/CHC (an INSTITUTION unit of type PRIMARY_CARE).
 * <ul>
 * <li>Visits (statistic {@code outpatient_visits}, 门急诊人次) each hospital reports for its member units — for itself
 * an INSTITUTION unit with its own hospital code: A 7,000 in October and 5,000 in November (and 9,999 in September,
 * outside the quarter); B 5,000 in October; C 1,500 in October and 1,000 in November; A/CHC 1,000 in November.</li>
 * <li>2026-Q4: primary care C 2,500 + A/CHC 1,000 = 3,500; all A 12,000 + B 5,000 + 3,500 = 20,500; share 3,500 /
 * 20,500 = 0.1707317… → 0.170732, shown 17.1 %.</li>
 * <li>2026-10: A/CHC reported nothing in October: no share, and the page says which member did not report.</li>
 * <li>Chest CT (30 days, whole region) in October: B examines P1…P11 on the 1st; A examines P1…P6 on the 2nd (6
 * repeats of B's), C P7…P11 on the 3rd (5 repeats). The alliance: 22 records, 11 repeats, 50.0 %. A's share of the
 * repeats 6 / 11 = 0.5454545… → 0.545455, 54.5 % (kept to 4 decimals it was 0.5455 and the page showed 54.6 %); C's
 * 5 / 11 = 0.454545, 45.5 %; A's share of the records 6 / 22 = 0.272727, 27.3 %; B's 11 / 22 = 0.5, 50.0 %.</li>
 * </ul>
 */
@MeridianTest
class AlliancePrimaryCareTest {

    @Autowired TestRegions regions;
    @Autowired Hospitals hospitals;

    TestRegion r;
    TestHospital c;
    String code;
    String patient;

    @BeforeEach
    void region() throws Exception {
        r = regions.create();
        c = r.join();
        hospitals.describe(r.a.hospital.id(), UnitType.TERTIARY_HOSPITAL, "三级甲等", "城东区");
        hospitals.describe(r.b.hospital.id(), UnitType.SECONDARY_HOSPITAL, "二级甲等", "城东区");
        hospitals.describe(c.hospital.id(), UnitType.PRIMARY_CARE, "未定级", "城东区");
        for (TestHospital h : List.of(r.a, r.b, c)) {
            h.as(h.office, json(post("/api/v1/measures"), """
                    {"code": "outpatient_visits", "nameZh": "门急诊人次", "unit": "人次", "aggregation": "SUM"}"""))
                    .andExpect(status().isCreated());
            unit(h, h.hospital.code(), h == c ? "PRIMARY_CARE" : h == r.a ? "TERTIARY_HOSPITAL" : "SECONDARY_HOSPITAL");
        }
        unit(r.a, "CHC", "PRIMARY_CARE");
        code = r.alliance("基层医联体", a(), r.b.hospital.code(), c.hospital.code(), "CHC");
        patient = "P-" + UUID.randomUUID();
    }

    private String a() {
        return r.a.hospital.code();
    }

    private static void unit(TestHospital h, String code, String type) throws Exception {
        h.as(h.office, json(post("/api/v1/units"), """
                {"code": "%s", "name": "机构 %s", "kind": "INSTITUTION", "type": "%s"}""".formatted(code, code, type)))
                .andExpect(status().isCreated());
    }

    private static void visits(TestHospital h, String unit, String... monthAndValue) throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < monthAndValue.length; i += 2) {
            rows.add("{\"unit\": \"%s\", \"month\": \"%s\", \"measure\": \"outpatient_visits\", \"value\": %s}"
                    .formatted(unit, monthAndValue[i], monthAndValue[i + 1]));
        }
        h.as(h.office, json(post("/api/v1/statistics"), "[" + String.join(",", rows) + "]"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rejected.length()").value(0));
    }

    private void reportVisits() throws Exception {
        visits(r.a, a(), "2026-09", "9999", "2026-10", "7000", "2026-11", "5000");
        visits(r.b, r.b.hospital.code(), "2026-10", "5000");
        visits(c, c.hospital.code(), "2026-10", "1500", "2026-11", "1000");
        visits(r.a, "CHC", "2026-11", "1000");
    }

    @Test
    void theShareOfVisitsAtPrimaryCareMembersOnThePageInTheApiAndInTheWorkbook() throws Exception {
        reportVisits();
        String html = regions.page(r.regulator, "/region/alliances/" + code + "?period=2026-Q4");
        assertThat(AllianceReportTest.text(html, "id=\"alliance-primary-care\"", "</dl>"))
                .contains("基层诊疗量占比 17.1 %", "基层成员门急诊人次 3,500", "全部成员门急诊人次 20,500");
        assertThat(AllianceReportTest.text(html, "data-member=\"" + a() + "\"", "</tr>")).endsWith(" 12,000 ");
        assertThat(AllianceReportTest.text(html, "data-member=\"" + c.hospital.code() + "\"", "</tr>"))
                .endsWith(" 2,500 · 基层 ");
        assertThat(AllianceReportTest.text(html, "data-member=\"" + a() + "/CHC\"", "</tr>"))
                .endsWith(" 1,000 · 基层 ");

        String answer = r.b.as(r.b.analyst, get("/api/v1/alliances/" + code + "/report?period=2026-Q4"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators.primaryCareVisitShare.share").value(0.170732))
                .andExpect(jsonPath("$.indicators.primaryCareVisitShare.primaryCareVisits").value(3500))
                .andExpect(jsonPath("$.indicators.primaryCareVisitShare.visits").value(20500))
                .andExpect(jsonPath("$.indicators.notComputed.length()").value(0))
                .andReturn().getResponse().getContentAsString();
        assertThat((List<Object>) JsonPath.read(answer, "$.members[?(@.institution == '" + a()
                + "')].visits.months")).containsExactly(2);
        assertThat((List<Object>) JsonPath.read(answer, "$.members[?(@.institution == '" + a()
                + "/CHC')].visits.primaryCare")).containsExactly(true);

        byte[] xlsx = regions.download(r.regulator, "/region/alliances/" + code + "/report.xlsx?period=2026-Q4");
        List<List<String>> rows = AllianceReportTest.rows(xlsx);
        assertThat(rows.get(7)).containsSequence("基层诊疗量占比", "0.170732");
        assertThat(rows.get(8)).containsSequence("基层成员门急诊人次", "3500");
        assertThat(rows.get(9)).containsSequence("全部成员门急诊人次", "20500");
        List<String> cRow = rows.stream().filter(x -> !x.isEmpty() && c.hospital.code().equals(x.get(0)))
                .findFirst().orElseThrow();
        assertThat(cRow.subList(15, 17)).containsExactly("2500", "基层");
    }

    @Test
    void aMemberThatReportedNoVisitsIsNamedAndNoShareIsGiven() throws Exception {
        String html = regions.page(r.regulator, "/region/alliances/" + code + "?period=2026-Q4");
        assertThat(AllianceReportTest.text(html, "id=\"alliance-primary-care\"", "</dl>"))
                .contains("基层诊疗量占比 无数据：").doesNotContain("%", "基层成员门急诊人次");
        reportVisits();
        // October: A/CHC reported nothing then
        html = regions.page(r.regulator, "/region/alliances/" + code + "?period=2026-10");
        assertThat(AllianceReportTest.text(html, "id=\"alliance-primary-care\"", "</dl>"))
                .contains("基层诊疗量占比 无数据：机构 CHC 本周期未报门急诊人次").doesNotContain("%");
        assertThat(AllianceReportTest.text(html, "data-member=\"" + a() + "/CHC\"", "</tr>")).endsWith(" 未报 ");
        r.a.as(r.a.analyst, get("/api/v1/alliances/" + code + "/report?period=2026-10")).andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators.primaryCareVisitShare.share").doesNotExist())
                .andExpect(jsonPath("$.indicators.primaryCareVisitShare.unreported[0]").value(a() + "/CHC"));
    }

    @Test
    void membersSharesOfRecordsAndRepeatsAreRoundedOnceAtTheBoundary() throws Exception {
        r.item("CT", "胸部 CT", "EXAMINATION", "200.00");
        List<String> atB = new ArrayList<>();
        for (int p = 1; p <= 11; p++) {
            atB.add(RegionDrillDownTest.exam("b", r.b.hospital.code(), patient + "-" + p, 1));
        }
        List<String> atA = new ArrayList<>();
        for (int p = 1; p <= 6; p++) {
            atA.add(RegionDrillDownTest.exam("a", a(), patient + "-" + p, 2));
        }
        List<String> atC = new ArrayList<>();
        for (int p = 7; p <= 11; p++) {
            atC.add(RegionDrillDownTest.exam("c", c.hospital.code(), patient + "-" + p, 3));
        }
        for (var sent : List.of(java.util.Map.entry(r.b, atB), java.util.Map.entry(r.a, atA),
                java.util.Map.entry(c, atC))) {
            sent.getKey().as(sent.getKey().office, json(post("/api/v1/exams"), "[" + String.join(",", sent.getValue())
                    + "]")).andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(sent.getValue().size()));
        }
        String html = regions.page(r.regulator, "/region/alliances/" + code + "?period=2026-10");
        assertThat(AllianceReportTest.text(html, "id=\"alliance-indicators\"", "id=\"alliance-referrals\""))
                .contains("检查人次 22", "重复检查 11", "医联体重复检查率 50.0 %");
        // records, repeats, rate, cost, share of the records, share of the repeats
        assertThat(AllianceReportTest.text(html, "data-member=\"" + a() + "\"", "</tr>"))
                .contains("6 6 100.0 % 1,200.00 27.3 % 54.5 %");
        assertThat(AllianceReportTest.text(html, "data-member=\"" + c.hospital.code() + "\"", "</tr>"))
                .contains("5 5 100.0 % 1,000.00 22.7 % 45.5 %");
        assertThat(AllianceReportTest.text(html, "data-member=\"" + r.b.hospital.code() + "\"", "</tr>"))
                .contains("11 0 0.0 % 0.00 50.0 % 0.0 %");
        String answer = r.a.as(r.a.analyst, get("/api/v1/alliances/" + code + "/report?period=2026-10"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<Object>) JsonPath.read(answer, "$.members[?(@.institution == '" + a()
                + "')].repeatShare")).containsExactly(0.545455);
        assertThat((List<Object>) JsonPath.read(answer, "$.members[?(@.institution == '" + a()
                + "')].recordShare")).containsExactly(0.272727);
    }
}
