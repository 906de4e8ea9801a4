package org.meridian.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The regulator's workbench, the home page of a REGULATOR (issue 16 part 2). In a region of its own:
 * <ul>
 * <li>hospital A published its September 2026 evaluation of exam centres: W1 with 5 referrals scores 50, W2 with 8
 * scores 80 (one indicator, linear from 0 to 10 referrals), so 2 units, mean (50 + 80) / 2 = 65.0, best 80.0; its
 * October run is a draft and not shown;</li>
 * <li>chest CT (30 days, whole region, 200.00 CNY) in October 2026: patient P1 at B on the 1st, then at A on the 2nd
 * (a repeat), and patients P2…P5 once each at A. A: 5 records, 1 repeat, rate 1/5 = 20.0 %, avoidable cost 200.00.
 * B: 1 record, fewer than the 5 below which figures are hidden.</li>
 * </ul>
 */
@MeridianTest
class RegulatorWorkbenchTest {

    @Autowired TestRegions regions;

    TestRegion r;
    String patient;

    @BeforeEach
    void region() throws Exception {
        r = regions.create();
        TestHospital a = r.a;
        a.channel("W1", "EXAM_CENTER", null, null);
        a.channel("W2", "EXAM_CENTER", null, null);
        a.scheme("EXAM_CENTER", """
                {"indicators": [{"code": "REFERRAL_VOLUME", "weight": 10, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}}],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}]}""");
        a.events("[" + referrals("W1", "x", 5) + "," + referrals("W2", "y", 8) + "]", 13);
        a.publish(a.run("2026-09", "EXAM_CENTER"));
        a.run("2026-10", "EXAM_CENTER");

        r.item("CT", "胸部 CT", "EXAMINATION", "200.00");
        patient = "P-" + UUID.randomUUID();
        String ac = a.hospital.code();
        String bc = r.b.hospital.code();
        r.b.as(r.b.office, json(post("/api/v1/exams"), "[" + exam("b1", bc, patient, 1) + "]"))
                .andExpect(status().isOk());
        StringBuilder rows = new StringBuilder(exam("a1", ac, patient, 2));
        for (int i = 2; i <= 5; i++) {
            rows.append(",").append(exam("a" + i, ac, patient + "-" + i, i + 1));
        }
        a.as(a.office, json(post("/api/v1/exams"), "[" + rows + "]")).andExpect(status().isOk());
    }

    static String referrals(String channel, String prefix, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(b.isEmpty() ? "" : ",").append(TestHospital.event(prefix + i + "-" + UUID.randomUUID(),
                    "REFERRAL", channel, "2026-09-10T10:00:00+08:00", ", \"referralId\": \"" + prefix + "R" + i + "\""));
        }
        return b.toString();
    }

    static String exam(String id, String institution, String patient, int day) {
        return """
                {"recordId": "rid-%s-%s", "institution": "%s", "patientId": "%s", "item": "CT",
                 "performedAt": "2026-10-%02dT08:00:00Z", "recognisable": true}"""
                .formatted(id, UUID.randomUUID(), institution, patient, day);
    }

    /** The text of one hospital's row (tags stripped, spaces collapsed). */
    private static String row(String html, String code) {
        int start = html.indexOf("data-hospital=\"" + code + "\"");
        assertThat(start).as("a row of " + code).isPositive();
        String tr = html.substring(start, html.indexOf("</tr>", start));
        return tr.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    @Test
    void theRegulatorsHomeIsTheWorkbenchWithEachHospitalsPublishedAndRepeatFigures() throws Exception {
        String home = regions.page(r.regulator, "/?period=2026-10");
        assertThat(home).contains("监管工作台", "共 2 家");
        assertThat(row(home, r.a.hospital.code())).contains(r.a.hospital.name(), "2026-09 · 体检中心 · 2 个单位",
                "65.0", "5", "1", "20.0 %", "200.00");
        assertThat(row(home, r.b.hospital.code())).contains(r.b.hospital.name(), "尚未发布", "少于 5 人，不予显示")
                .doesNotContain("%");
        // aggregates only: no patient id, no record id, and no hospital of another region
        TestRegion other = regions.create();
        String again = regions.page(r.regulator, "/?period=2026-10");
        assertThat(again).doesNotContain(patient, "rid-a1-", "rid-b1-", other.a.hospital.name());
        // English, and the same page at its own address
        assertThat(regions.page(r.regulator, "/region/workbench?period=2026-10&lang=en"))
                .contains("Regulator&#39;s workbench", "20.0 %", "None published yet");
    }

    /**
     * Hospital totals are suppressed by patients, not records: B receives six more CT records in October, all of one
     * new patient Q on the 3rd to the 8th, so B has 1 + 6 = 7 records (5 or more, shown by the old rule) of 2
     * patients (the set-up's P1 and Q): fewer than 5, hidden on the workbench, in the workbook and on B's own page
     * (its one item, CT, too). A keeps 5 records of 5 patients: shown.
     */
    @Test
    void aHospitalsFiguresAreHiddenBelowFivePatientsHoweverManyRecords() throws Exception {
        String q = "Q-" + UUID.randomUUID();
        StringBuilder rows = new StringBuilder();
        for (int day = 3; day <= 8; day++) {
            rows.append(rows.isEmpty() ? "" : ",").append(exam("q" + day, r.b.hospital.code(), q, day));
        }
        r.b.as(r.b.office, json(post("/api/v1/exams"), "[" + rows + "]")).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(6));
        String home = regions.page(r.regulator, "/?period=2026-10");
        assertThat(row(home, r.b.hospital.code())).contains("少于 5 人，不予显示").doesNotContain("%", " 7 ");
        assertThat(row(home, r.a.hospital.code())).contains("20.0 %");
        List<List<String>> sheet = AllianceReportTest.rows(regions.download(r.regulator,
                "/region/workbench.xlsx?period=2026-10"));
        assertThat(sheetRow(sheet, r.b.hospital.code())).contains("少于 5 人，不予显示").doesNotContain("7");
        String one = regions.page(r.regulator, "/region/institutions/" + r.b.hospital.code() + "?period=2026-10");
        assertThat(one).contains("少于 5 人，不予显示", "另有 1 个项目在本周期少于 5 人，不予显示")
                .doesNotContain("data-item=\"CT\"");
    }

    @Test
    void theWorkbenchFiltersAndPagesAndSaysABadPeriod() throws Exception {
        String filtered = regions.page(r.regulator, "/?period=2026-10&q=" + r.b.hospital.code());
        assertThat(filtered).contains("共 1 家", r.b.hospital.name()).doesNotContain("data-hospital=\""
                + r.a.hospital.code() + "\"");
        String fragment = regions.as(r.regulator, get("/region/workbench?period=2026-10").header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("id=\"workbench-results\"").doesNotContain("<html");
        // an unreadable period is said, and the reporting year's figures shown: the year of the last whole month,
        // 2026 on the test clock's 2027-01-15 (January's new year has no data yet), with A's October records
        String bad = regions.page(r.regulator, "/?period=2026-13");
        assertThat(bad).contains("id=\"filter-errors\"", "2026-13", "value=\"2026\"").doesNotContain("value=\"2027\"");
        assertThat(row(bad, r.a.hospital.code())).contains("20.0 %");
        // and the same year when none is asked for, without a problem
        String none = regions.page(r.regulator, "/");
        assertThat(none).contains("value=\"2026\"").doesNotContain("id=\"filter-errors\"");
        assertThat(row(none, r.a.hospital.code())).contains("20.0 %");
        // a period that is asked for is shown as asked, even the new year's empty January
        assertThat(row(regions.page(r.regulator, "/?period=2027-01"), r.a.hospital.code())).doesNotContain("20.0 %");
    }

    @Test
    void nobodyElseOpensTheWorkbench() throws Exception {
        for (String caller : new String[] {r.a.analyst, r.regionAdmin, r.hospitalAdmin}) {
            regions.open(caller, "/region/workbench").andExpect(status().isForbidden());
        }
        // an analyst's home is still the hospital's own workbench
        assertThat(regions.page(r.a.analyst, "/")).contains("id=\"inbox\"").doesNotContain("监管工作台");
    }

    @Test
    void theWorkbenchIsAWorkbookOfEveryHospitalTheFiltersKeep() throws Exception {
        List<List<String>> rows = AllianceReportTest.rows(regions.download(r.regulator,
                "/region/workbench.xlsx?period=2026-10"));
        assertThat(rows.get(0)).containsExactly("监管工作台");
        assertThat(rows.get(1)).containsSequence("周期", "2026-10");
        // A: its September evaluation of exam centres, 2 units, mean 65.0; 5 records, 1 repeat, 1 / 5 = 0.200000, 200.00
        assertThat(sheetRow(rows, r.a.hospital.code())).containsSequence("2026-09", "体检中心", "2", "65.0", "5", "1",
                "0.200000", "200.00");
        // B: nothing published; 1 record, fewer than 5: said, no figure
        assertThat(sheetRow(rows, r.b.hospital.code())).contains("尚未发布", "少于 5 人，不予显示").doesNotContain("1");
        assertThat(rows.stream().flatMap(List::stream).map(String::valueOf).toList().toString())
                .doesNotContain(patient);
        // the filters of the page: only B
        List<List<String>> filtered = AllianceReportTest.rows(regions.download(r.regulator,
                "/region/workbench.xlsx?period=2026-10&q=" + r.b.hospital.code()));
        assertThat(filtered.stream().filter(x -> !x.isEmpty()).map(x -> x.get(0)).toList())
                .contains(r.b.hospital.code()).doesNotContain(r.a.hospital.code());
        // hospital staff do not get it
        regions.as(r.a.analyst, get("/region/workbench.xlsx")).andExpect(status().isForbidden());
    }

    static List<String> sheetRow(List<List<String>> rows, String code) {
        return rows.stream().filter(x -> !x.isEmpty() && code.equals(x.get(0))).findFirst().orElseThrow();
    }
}
