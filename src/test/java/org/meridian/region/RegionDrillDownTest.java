package org.meridian.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The regulator's drill-down (region → district → hospital) and the data completeness grid (issue 16). In a region
 * of its own, on the test clock's day 2027-01-15, so the completeness window is January to December 2026:
 * <ul>
 * <li>A (三级医院, 城东区) and C (基层, 城东区), B (二级医院, 城西区).</li>
 * <li>Chest CT (30 days, whole region, 200.00 CNY) in October 2026: patient P1 at B on the 1st and at A on the 2nd
 * (a repeat at A: same item, another institution, 1 day later, within 30 days), P2 and P3 at A, P4 and P5 at C, P6,
 * P7 and P8 at B. So A has 3 records and 1 repeat, C 2 records and no repeat, B 4 records and no repeat (P1 at B is
 * the first). Every record is another patient's, so records and patients are equal: 城东区 = A + C = 3 + 2 = 5
 * records of 5 patients (A's 3 and C's 2 only bound the district's from 3 to 5, so they are counted: P1, P2, P3,
 * P4, P5, not fewer than 5: shown), 1 repeat, rate 1 / 5 = 20.0 %, avoidable cost 1 × 200.00 = 200.00. 城西区 = B =
 * 4 patients (fewer than 5: hidden). A alone: 3 patients, hidden.</li>
 * <li>A's events: March 2026 five complaints of five patients (5 patients, not fewer than 5: the count 5 shown);
 * April six complaints of four patients (4 patients, fewer than 5: "reported", no count); no other month. So A
 * misses events in 12 − 2 = 10 months. A's statistics: one value for March and one for May, so it misses 12 − 2 = 10
 * months of statistics. B and C report nothing: 12 and 12 each. 城东区 misses 10 + 12 = 22 months of events and
 * 10 + 12 = 22 of statistics.</li>
 * </ul>
 */
@MeridianTest
class RegionDrillDownTest {

    @Autowired TestRegions regions;
    @Autowired Hospitals hospitals;

    TestRegion r;
    TestHospital c;
    String patient;

    @BeforeEach
    void region() throws Exception {
        r = regions.create();
        c = r.join();
        hospitals.describe(r.a.hospital.id(), UnitType.TERTIARY_HOSPITAL, "三级甲等", "城东区");
        hospitals.describe(c.hospital.id(), UnitType.PRIMARY_CARE, "未定级", "城东区");
        hospitals.describe(r.b.hospital.id(), UnitType.SECONDARY_HOSPITAL, "二级乙等", "城西区");

        r.item("CT", "胸部 CT", "EXAMINATION", "200.00");
        patient = "P-" + UUID.randomUUID();
        String ac = r.a.hospital.code();
        String bc = r.b.hospital.code();
        String cc = c.hospital.code();
        exams(r.b, exam("b1", bc, patient + "-1", 1), exam("b6", bc, patient + "-6", 3),
                exam("b7", bc, patient + "-7", 4), exam("b8", bc, patient + "-8", 5));
        exams(r.a, exam("a1", ac, patient + "-1", 2), exam("a2", ac, patient + "-2", 3),
                exam("a3", ac, patient + "-3", 4));
        exams(c, exam("c4", cc, patient + "-4", 3), exam("c5", cc, patient + "-5", 4));

        r.a.channel("W1", "EXAM_CENTER", null, null);
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            events.add(complaint("2026-03-1" + i, patient + "-m" + i));
        }
        for (int i = 1; i <= 6; i++) {
            // six complaints of four patients: the fifth and sixth repeat the first two
            events.add(complaint("2026-04-1" + i, patient + "-a" + ((i - 1) % 4 + 1)));
        }
        r.a.events("[" + String.join(",", events) + "]", 11);
        r.a.as(r.a.office, json(post("/api/v1/units"), """
                {"code": "D1", "name": "内科", "kind": "DEPARTMENT", "type": "CLINICAL"}"""))
                .andExpect(status().isCreated());
        r.a.as(r.a.office, json(post("/api/v1/measures"), """
                {"code": "open_beds_x", "nameZh": "开放床位", "unit": "张", "aggregation": "LAST"}"""))
                .andExpect(status().isCreated());
        r.a.as(r.a.office, json(post("/api/v1/statistics"), """
                [{"unit": "D1", "month": "2026-03", "measure": "open_beds_x", "value": 40},
                 {"unit": "D1", "month": "2026-05", "measure": "open_beds_x", "value": 42}]"""))
                .andExpect(status().isOk());
    }

    private static String complaint(String day, String patientId) {
        return TestHospital.event("E-" + UUID.randomUUID(), "COMPLAINT", "W1", day + "T10:00:00+08:00",
                ", \"patientId\": \"" + patientId + "\"");
    }

    private static void exams(TestHospital h, String... rows) throws Exception {
        h.as(h.office, json(post("/api/v1/exams"), "[" + String.join(",", rows) + "]")).andExpect(status().isOk());
    }

    static String exam(String id, String institution, String patient, int day) {
        return """
                {"recordId": "rid-%s-%s", "institution": "%s", "patientId": "%s", "item": "CT",
                 "performedAt": "2026-10-%02dT08:00:00+08:00", "recognisable": true}"""
                .formatted(id, UUID.randomUUID(), institution, patient, day);
    }

    /** The text of the element carrying {@code marker} up to the end of its row (tags stripped, spaces collapsed). */
    private static String row(String html, String marker) {
        int start = html.indexOf(marker);
        assertThat(start).as("a row with " + marker).isPositive();
        String tr = html.substring(start, html.indexOf("</tr>", start));
        return tr.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    @Test
    void theDistrictsAddUpTheirHospitalsAndHideTotalsOfFewerThanFiveRecords() throws Exception {
        String districts = regions.page(r.regulator, "/region/districts?period=2026-10");
        // 城东区: hospitals A and C, 5 records (shown), 1 repeat, 20.0 %, 200.00; 22 and 22 months missing
        assertThat(row(districts, "data-district=\"城东区\"")).contains("城东区 2 0 5 1 20.0 % 200.00 22 22");
        // 城西区: B alone, 4 records: hidden; 12 and 12 months missing
        assertThat(row(districts, "data-district=\"城西区\"")).contains("城西区 1 0 少于 5 人，不予显示 — — — 12 12");

        String east = regions.page(r.regulator, "/region/districts?period=2026-10&district=城东区");
        assertThat(east).contains("共 2 家");
        // within the district each hospital has fewer than 5 patients (A 3, C 2): both hidden
        assertThat(row(east, "data-hospital=\"" + r.a.hospital.code() + "\"")).contains(r.a.hospital.name(),
                "少于 5 人，不予显示").doesNotContain("%");
        assertThat(east).doesNotContain("data-hospital=\"" + r.b.hospital.code() + "\"");

        String one = regions.page(r.regulator, "/region/institutions/" + r.a.hospital.code() + "?period=2026-10");
        assertThat(one).contains(r.a.hospital.name(), "三级医院", "三级甲等");
        // A's only item has 3 patients, fewer than 5: left out and said
        assertThat(one).contains("另有 1 个项目在本周期少于 5 人，不予显示").doesNotContain("data-item=\"CT\"");
        assertThat(row(one, "data-month=\"2026-03\"")).contains("2026年3月 5 1");
        assertThat(row(one, "data-month=\"2026-04\"")).contains("2026年4月 已报（少于 5 人） 未报");
        assertThat(row(one, "data-month=\"2026-05\"")).contains("2026年5月 未报 1");
        // never a patient or a record id
        for (String html : List.of(districts, east, one)) {
            // (record ids start "rid-": a bare "a1-" was once found inside a random CSRF token of the page)
            assertThat(html).doesNotContain(patient, "rid-a1-", "rid-b1-");
        }
    }

    @Test
    void oneInstitutionIsShownUnderTheTabItWasOpenedFrom() throws Exception {
        String a = "data-hospital=\"" + r.a.hospital.code() + "\"";
        // each list links to A naming its own tab, and A's page marks that tab (and keeps it when the period changes)
        List<String[]> lists = List.of(new String[] {"/region/workbench?period=2026-10", "工作台"},
                new String[] {"/region/districts?period=2026-10&district=城东区", "区县"},
                new String[] {"/region/completeness", "上报完整性"},
                new String[] {"/region/rankings?period=2026-10", "排名"});
        for (String[] list : lists) {
            String link = link(regions.page(r.regulator, list[0]), a);
            assertThat(link).startsWith("/region/institutions/" + r.a.hospital.code());
            String one = regions.page(r.regulator, link);
            assertThat(activeTab(one)).as("A opened from " + list[0]).isEqualTo(list[1]);
            if (!list[1].equals("排名")) {
                assertThat(one).containsPattern("<input type=\"hidden\" name=\"from\" value=\"[a-z]+\">");
            }
        }
        // A's own address, or one naming no tab it knows, is under the rankings, the region's list of institutions
        String institution = "/region/institutions/" + r.a.hospital.code() + "?period=2026-10";
        assertThat(activeTab(regions.page(r.regulator, institution))).isEqualTo("排名");
        assertThat(activeTab(regions.page(r.regulator, institution + "&from=nowhere"))).isEqualTo("排名");
        // the region administrator has no workbench tab: a link naming it is under the rankings too
        assertThat(activeTab(regions.page(r.regionAdmin, institution + "&from=workbench"))).isEqualTo("排名");
        assertThat(activeTab(regions.page(r.regionAdmin, institution + "&from=districts"))).isEqualTo("区县");
    }

    /** The address of the first link inside the element carrying {@code marker}, unescaped. */
    private static String link(String html, String marker) {
        int start = html.indexOf(marker);
        assertThat(start).as("a row with " + marker).isPositive();
        int href = html.indexOf("href=\"", start) + "href=\"".length();
        return html.substring(href, html.indexOf('"', href)).replace("&amp;", "&");
    }

    /** The text of the marked tab of the regulator's tabs. */
    private static String activeTab(String html) {
        String tabs = html.substring(html.indexOf("id=\"regulator-tabs\""));
        tabs = tabs.substring(0, tabs.indexOf("</nav>"));
        int marked = tabs.indexOf("aria-current=\"page\"");
        assertThat(marked).as("a marked tab").isPositive();
        assertThat(tabs.indexOf("aria-current=\"page\"", marked + 1)).as("only one marked tab").isNegative();
        return tabs.substring(tabs.indexOf('>', marked) + 1, tabs.indexOf("</a>", marked)).strip();
    }

    @Test
    void theCompletenessGridSaysWhoHasNotReportedWhichMonth() throws Exception {
        String grid = regions.page(r.regulator, "/region/completeness");
        assertThat(grid).contains("数据上报完整性", "共 3 家");
        String a = row(grid, "data-hospital=\"" + r.a.hospital.code() + "\"");
        assertThat(a).contains(r.a.hospital.name(), "事件 10 · 统计 10");
        String months = grid.substring(grid.indexOf("data-hospital=\"" + r.a.hospital.code() + "\""));
        assertThat(cell(months, "2026-03")).isEqualTo("事件 5 统计 1");
        assertThat(cell(months, "2026-04")).isEqualTo("事件 已报（少于 5 人） 统计 未报");
        assertThat(cell(months, "2026-05")).isEqualTo("事件 未报 统计 1");
        assertThat(cell(months, "2026-12")).isEqualTo("事件 未报 统计 未报");
        // the current month (January 2027) is still being reported and is not in the window
        assertThat(months).doesNotContain("data-month=\"2027-01\"").contains("data-month=\"2026-01\"");
        assertThat(row(grid, "data-hospital=\"" + r.b.hospital.code() + "\"")).contains("事件 12 · 统计 12");
        // filtered by district, and as an htmx fragment
        String west = regions.as(r.regulator,
                        get("/region/completeness?district=城西区").header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(west).contains("共 1 家", r.b.hospital.name()).doesNotContain(r.a.hospital.name(), "<html");
        assertThat(grid).doesNotContain(patient);
    }

    @Test
    void theCompletenessGridIsAWorkbook() throws Exception {
        byte[] xlsx = regions.download(r.regulator, "/region/completeness.xlsx?district=城东区");
        List<List<String>> rows = AllianceReportTest.rows(xlsx);
        // row 2 holds the months (2026-01 in columns 4 and 5, events then statistics), row 3 the column names
        assertThat(rows.get(1)).containsSequence("2026-01", null, "2026-02");
        List<String> a = rows.stream().filter(x -> !x.isEmpty() && r.a.hospital.code().equals(x.get(0))).findFirst()
                .orElseThrow();
        // months missing 10 and 10; March (columns 8, 9): 5 events, 1 value; April (10, 11): hidden, missing
        assertThat(a.subList(2, 4)).containsExactly("10", "10");
        assertThat(a.subList(8, 12)).containsExactly("5", "1", "已报（少于 5 人）", "未报");
        // B is in 城西区: not in this workbook
        assertThat(rows.stream().anyMatch(x -> !x.isEmpty() && r.b.hospital.code().equals(x.get(0)))).isFalse();
    }

    /** The text of one month's cell of the first row in {@code html}. */
    private static String cell(String html, String month) {
        int start = html.indexOf("data-month=\"" + month + "\"");
        assertThat(start).as("a cell of " + month).isPositive();
        String td = html.substring(html.indexOf('>', start) + 1, html.indexOf("</td>", start));
        return td.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
    }

    @Test
    void anotherRegionsPeopleFindNothingAndHospitalStaffAreRefused() throws Exception {
        TestRegion other = regions.create();
        String institution = "/region/institutions/" + r.a.hospital.code();
        regions.open(other.regulator, institution).andExpect(status().isNotFound());
        regions.open(other.regionAdmin, institution).andExpect(status().isNotFound());
        assertThat(regions.page(other.regulator, "/region/completeness")).doesNotContain(r.a.hospital.name());
        assertThat(regions.page(other.regulator, "/region/districts")).doesNotContain("城东区");
        // the region administrator of A's region reads them too
        assertThat(regions.page(r.regionAdmin, institution)).contains(r.a.hospital.name());
        // hospital staff, even its administrator, hold no region role
        for (String caller : new String[] {r.a.analyst, r.hospitalAdmin, r.b.user(Role.ADMIN)}) {
            regions.open(caller, "/region/districts").andExpect(status().isForbidden());
            regions.open(caller, "/region/completeness").andExpect(status().isForbidden());
            regions.open(caller, institution).andExpect(status().isForbidden());
        }
    }

    @Test
    void theDistrictsAndOneDistrictAreWorkbooks() throws Exception {
        List<List<String>> rows = AllianceReportTest.rows(regions.download(r.regionAdmin,
                "/region/districts.xlsx?period=2026-10"));
        assertThat(rows.get(1)).containsSequence("周期", "2026-10");
        // 城东区: A and C, none published, 3 + 2 = 5 records, 1 repeat, 1 / 5 = 0.200000, 200.00; 10 + 12 = 22 months
        // without events, 10 + 12 = 22 without statistics
        assertThat(RegulatorWorkbenchTest.sheetRow(rows, "城东区")).containsExactly("城东区", "2", "0", "5", "1",
                "0.200000", "200.00", "22", "22");
        // 城西区: B alone, 4 records: hidden; 12 and 12 months missing
        assertThat(RegulatorWorkbenchTest.sheetRow(rows, "城西区")).containsExactly("城西区", "1", "0", "少于 5 人，不予显示",
                null, null, null, "12", "12");
        // one district: its hospitals as the workbench lists them, each hidden (A 3 records, C 2)
        List<List<String>> district = AllianceReportTest.rows(regions.download(r.regulator,
                "/region/districts.xlsx?period=2026-10&district=城东区"));
        assertThat(district.get(0)).containsExactly("城东区");
        assertThat(RegulatorWorkbenchTest.sheetRow(district, r.a.hospital.code())).contains("三级医院", "少于 5 人，不予显示");
        assertThat(RegulatorWorkbenchTest.sheetRow(district, c.hospital.code())).contains("基层医疗卫生机构");
        assertThat(district.stream().anyMatch(x -> !x.isEmpty() && r.b.hospital.code().equals(x.get(0)))).isFalse();
        assertThat(district.toString()).doesNotContain(patient);
    }
}
