package org.meridian.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.UnitType;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ranking of the region's institutions and an institution's trend (issue 16), worked by hand. A region of its
 * own with A and C (城东区) and B, D, E, F (城西区); catalogue: chest CT (30 days, whole region, 200.00 CNY) and a blood
 * count LAB (30 days, whole region, 20.00 CNY).
 * <p>
 * <b>September 2026</b>: A does CT for q1–q5 on the 1st–5th (first examinations); B does CT for q1–q5 on the
 * 20th–24th: each a repeat (A's result 19 days old, within 30 days, another institution). A: 5 records, 5 patients,
 * 0 repeats, rate 0; B: 5 records, 5 patients, 5 repeats, rate 5 / 5 = 1. By rate: A 1st, B 2nd.
 * <p>
 * <b>October 2026</b>:
 * <ul>
 * <li>B: CT and LAB for p1–p6 on the 1st–6th, all first: 12 records, 6 patients, 0 repeats, rate 0, cost 0.</li>
 * <li>A: CT for p1, p2 on the 10th (repeats of B's, 9 and 8 days old) and p7, p8, p9 (first): 5 records, 5 patients,
 * 2 repeats, rate 2 / 5 = 0.4 = 40.0 %, cost 2 × 200.00 = 400.00.</li>
 * <li>C: LAB for p1, p2, p3 on the 12th (repeats of B's) and p15, p16, p17 (first): 6 records, 6 patients, 3 repeats,
 * rate 3 / 6 = 0.5 = 50.0 %, cost 3 × 20.00 = 60.00.</li>
 * <li>D: CT for p1 on the 15th (a repeat): 1 record of 1 patient, fewer than 5: not ranked, figures hidden.</li>
 * <li>E: LAB for r1–r5 (first): 5 records, 5 patients, 0 repeats, rate 0, cost 0.</li>
 * <li>F: nothing.</li>
 * </ul>
 * By rate (lowest first, equal values share a rank): B 0 and E 0 both 1st, A 0.4 3rd, C 0.5 4th; D and F unranked;
 * 4 of 6 ranked. Changes against September: B was 2nd, now 1st: up 1; A was 1st, now 3rd: down 2; C and E were not
 * ranked in September: new. By cost: B 0 and E 0 1st, C 60.00 3rd, A 400.00 4th. In 城东区 alone: A 1st, C 2nd.
 * <p>
 * <b>A's trend</b> (12 months to October 2026): September rank 1 of 2 (A and B), the ranked hospitals' rate
 * (0 + 5) / (5 + 5) = 50.0 %; October rank 3 of 4 (B, E, A, C; D has too few patients), the rate
 * (0 + 0 + 2 + 3) / (12 + 5 + 5 + 6) = 5 / 28 = 0.17857 → 17.9 %; August none.
 */
@MeridianTest
class InstitutionRankingTest {

    @Autowired TestRegions regions;
    @Autowired Hospitals hospitals;

    TestRegion r;
    TestHospital c;
    TestHospital d;
    TestHospital e;
    TestHospital f;
    String patient;

    @BeforeEach
    void region() throws Exception {
        r = regions.create();
        c = r.join();
        d = r.join();
        e = r.join();
        f = r.join();
        hospitals.describe(r.a.hospital.id(), UnitType.TERTIARY_HOSPITAL, "三级甲等", "城东区");
        hospitals.describe(c.hospital.id(), UnitType.PRIMARY_CARE, "未定级", "城东区");
        for (TestHospital h : List.of(r.b, d, e, f)) {
            hospitals.describe(h.hospital.id(), UnitType.SECONDARY_HOSPITAL, "二级乙等", "城西区");
        }
        r.item("CT", "胸部 CT", "EXAMINATION", "200.00");
        r.item("LAB", "血常规", "LABORATORY", "20.00");
        patient = "P-" + UUID.randomUUID();
        for (int i = 1; i <= 5; i++) {
            exams(r.a, exam(r.a, "q" + i, "CT", "2026-09-0" + i));
            exams(r.b, exam(r.b, "q" + i, "CT", "2026-09-2" + (i - 1)));
        }
        for (int i = 1; i <= 6; i++) {
            exams(r.b, exam(r.b, "p" + i, "CT", "2026-10-0" + i), exam(r.b, "p" + i, "LAB", "2026-10-0" + i));
        }
        for (String p : List.of("p1", "p2", "p7", "p8", "p9")) {
            exams(r.a, exam(r.a, p, "CT", "2026-10-10"));
        }
        for (String p : List.of("p1", "p2", "p3", "p15", "p16", "p17")) {
            exams(c, exam(c, p, "LAB", "2026-10-12"));
        }
        exams(d, exam(d, "p1", "CT", "2026-10-15"));
        for (int i = 1; i <= 5; i++) {
            exams(e, exam(e, "r" + i, "LAB", "2026-10-20"));
        }
    }

    private void exams(TestHospital h, String... rows) throws Exception {
        h.as(h.office, json(post("/api/v1/exams"), "[" + String.join(",", rows) + "]")).andExpect(status().isOk());
    }

    private String exam(TestHospital h, String who, String item, String day) {
        return """
                {"recordId": "%s", "institution": "%s", "patientId": "%s-%s", "item": "%s",
                 "performedAt": "%sT08:00:00+08:00", "recognisable": true}"""
                .formatted(UUID.randomUUID(), h.hospital.code(), patient, who, item, day);
    }

    private static String row(String html, String marker) {
        int start = html.indexOf(marker);
        assertThat(start).as("a row with " + marker).isPositive();
        String tr = html.substring(html.indexOf('>', start) + 1, html.indexOf("</tr>", start));
        return tr.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
    }

    private static String of(TestHospital h) {
        return "data-hospital=\"" + h.hospital.code() + "\"";
    }

    @Test
    void institutionsAreRankedByRepeatRateLowestFirstWithTiesSharingARank() throws Exception {
        String html = regions.page(r.regulator, "/region/rankings?period=2026-10");
        assertThat(html).contains("机构排名", "共 6 家");
        // rank, name, type, district, records, patients, repeats, rate, cost, change
        assertThat(row(html, of(r.b))).isEqualTo("1 " + r.b.hospital.name()
                + " 二级医院 城西区 12 6 0 0.0 % 0.00 ↑ 1（上期第 2）");
        assertThat(row(html, of(e))).startsWith("1 ").endsWith("5 5 0 0.0 % 0.00 新上榜");
        assertThat(row(html, of(r.a))).isEqualTo("3 " + r.a.hospital.name()
                + " 三级医院 城东区 5 5 2 40.0 % 400.00 ↓ 2（上期第 1）");
        assertThat(row(html, of(c))).startsWith("4 ").endsWith("6 6 3 50.0 % 60.00 新上榜");
        assertThat(row(html, of(d))).startsWith("少于 5 人，不排名 ").endsWith("— — — — — —");
        assertThat(row(html, of(f))).startsWith("无检查记录 ");
        // ranked first, then the unranked: D before F (too few before none)
        assertThat(html.indexOf(of(c))).isLessThan(html.indexOf(of(d)));
        assertThat(html.indexOf(of(d))).isLessThan(html.indexOf(of(f)));
        assertThat(html).doesNotContain(patient);
    }

    @Test
    void theCostRankingTheDistrictGroupAndTheTextFilter() throws Exception {
        String cost = regions.page(r.regulator, "/region/rankings?period=2026-10&by=COST");
        assertThat(row(cost, of(c))).startsWith("3 ");
        assertThat(row(cost, of(r.a))).startsWith("4 ");
        assertThat(row(cost, of(r.b))).startsWith("1 ");

        String east = regions.page(r.regulator, "/region/rankings?period=2026-10&district=城东区");
        assertThat(east).contains("共 2 家");
        assertThat(row(east, of(r.a))).startsWith("1 ");
        assertThat(row(east, of(c))).startsWith("2 ");

        // the text narrows the rows, not the group: C keeps its 4th place in the region
        String one = regions.page(r.regulator, "/region/rankings?period=2026-10&q=" + c.hospital.code());
        assertThat(one).contains("共 1 家").doesNotContain(of(r.a));
        assertThat(row(one, of(c))).startsWith("4 ");
    }

    @Test
    void theRankingIsAWorkbookOfEveryRow() throws Exception {
        byte[] xlsx = regions.download(r.regulator, "/region/rankings.xlsx?period=2026-10");
        List<List<String>> rows = AllianceReportTest.rows(xlsx);
        assertThat(rows.get(1)).containsSequence("周期", "2026-10", "参与排名 4 家 / 共 6 家");
        List<String> a = rows.stream().filter(x -> x.size() > 1 && r.a.hospital.code().equals(x.get(1))).findFirst()
                .orElseThrow();
        // rank 3; 5 records, 5 patients, 2 repeats, rate 0.4 as a fraction, 400 CNY; was 1st, moved −2
        assertThat(a).containsSequence("3", r.a.hospital.code(), r.a.hospital.name(), "三级医院", "城东区", "5", "5",
                "2", "0.400000", "400.00", "1", "-2");
        List<String> dRow = rows.stream().filter(x -> x.size() > 1 && d.hospital.code().equals(x.get(1)))
                .findFirst().orElseThrow();
        assertThat(dRow.get(0)).isEqualTo("少于 5 人，不排名");
        assertThat(dRow.stream().skip(5).filter(java.util.Objects::nonNull).filter(s -> !s.isEmpty())).isEmpty();
        assertThat(String.join(" ", rows.stream().flatMap(List::stream).map(String::valueOf).toList()))
                .doesNotContain(patient);
    }

    @Test
    void anInstitutionShowsItsMonthlyRateAndRankInTheRegion() throws Exception {
        String html = regions.page(r.regulator, "/region/institutions/" + r.a.hospital.code() + "?period=2026-10");
        assertThat(html).contains("id=\"trend-chart\"");
        assertThat(row(html, "data-trend=\"2026-09\"")).isEqualTo("2026年9月 0.0 % 第 1 / 2 50.0 %");
        assertThat(row(html, "data-trend=\"2026-10\"")).isEqualTo("2026年10月 40.0 % 第 3 / 4 17.9 %");
        assertThat(row(html, "data-trend=\"2026-08\"")).isEqualTo("2026年8月 — — —");
        assertThat(html).contains("data-trend=\"2025-11\"").doesNotContain("data-trend=\"2025-10\"",
                "data-trend=\"2026-11\"");
        assertThat(html).doesNotContain(patient);
    }

    @Test
    void onlyTheRegionsReadersSeeTheRankingAndItHasNothingToWrite() throws Exception {
        regions.open(r.hospitalAdmin, "/region/rankings").andExpect(status().isForbidden());
        regions.open(r.a.analyst, "/region/rankings.xlsx").andExpect(status().isForbidden());
        // a regulator reads and writes nothing: not even the catalogue the ranking is computed from
        r.a.as(r.regulator, json(put("/api/v1/exam-items/CT"), """
                {"name": "胸部 CT", "category": "EXAMINATION", "validDays": 1, "scope": "REGION", "price": 0}"""))
                .andExpect(status().isForbidden());
        assertThat(regions.page(r.regionAdmin, "/region/rankings?period=2026-10")).contains("机构排名");
    }
}
