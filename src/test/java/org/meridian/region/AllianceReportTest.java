package org.meridian.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The alliance report of a period (issue 16, network.md §4). In a region of its own: the alliance led by hospital A
 * with member B; hospital C is in the region but not in the alliance.
 * <ul>
 * <li>A published its September 2026 evaluation of exam centres: W1 with 5 referrals scores 50, W2 with 8 scores 80
 * (linear from 0 to 10 referrals), so 2 units, mean (50 + 80) / 2 = 65.0. B has published nothing.</li>
 * <li>Chest CT (30 days, whole region, 200.00 CNY) in October 2026: at B patients P1 (1st), P2 (2nd), P3 (3rd), P8
 * (4th); at A P1 (2nd: a repeat of B's of the 1st), P2 (5th: a repeat of B's of the 2nd), P4, P5, P7 (6th–8th); at
 * C P6 (1st) and P4 (9th: a repeat of A's, but C is no member).</li>
 * <li>The alliance: A 5 + B 4 = 9 records, 2 repeats (both at A), rate 2 / 9 = 0.222222 → 22.2 %, avoidable cost
 * 2 × 200.00 = 400.00. A: 5 records (not fewer than 5: shown), 2 repeats, 2 / 5 = 40.0 %, 400.00, share of the
 * records 5 / 9 = 0.555556 → 55.6 %, of the repeats 2 / 2 = 100.0 % (fractions to 6 decimals). B: 4 records, fewer than 5: hidden, and its
 * shares too (they would give its count away).</li>
 * </ul>
 */
@MeridianTest
class AllianceReportTest {

    @Autowired TestRegions regions;

    TestRegion r;
    TestHospital c;
    String patient;
    String code;

    @BeforeEach
    void region() throws Exception {
        r = regions.create();
        c = r.join();
        TestHospital a = r.a;
        a.channel("W1", "EXAM_CENTER", null, null);
        a.channel("W2", "EXAM_CENTER", null, null);
        a.scheme("EXAM_CENTER", """
                {"indicators": [{"code": "REFERRAL_VOLUME", "weight": 10, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}}],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}]}""");
        a.events("[" + RegulatorWorkbenchTest.referrals("W1", "x", 5) + ","
                + RegulatorWorkbenchTest.referrals("W2", "y", 8) + "]", 13);
        a.publish(a.run("2026-09", "EXAM_CENTER"));

        r.item("CT", "胸部 CT", "EXAMINATION", "200.00");
        code = r.alliance("测试医联体", a.hospital.code(), r.b.hospital.code());
        patient = "P-" + UUID.randomUUID();
        String ac = a.hospital.code();
        String bc = r.b.hospital.code();
        String cc = c.hospital.code();
        exams(r.b, exam(bc, 1, 1), exam(bc, 2, 2), exam(bc, 3, 3), exam(bc, 8, 4));
        exams(a, exam(ac, 1, 2), exam(ac, 2, 5), exam(ac, 4, 6), exam(ac, 5, 7), exam(ac, 7, 8));
        exams(c, exam(cc, 6, 1), exam(cc, 4, 9));
    }

    /**
     * The page that makes an alliance is the region administrator's: a hospital's administrator, a regulator and an
     * analyst get 403 for the form and its answer. It offers the region's three hospitals by name (no code shown); a
     * member not of the region (a forged form) is said beside the members with everything kept, and nothing stored.
     */
    @Test
    void theRegionAdministratorMakesAnAllianceOnItsPage() throws Exception {
        for (String caller : new String[] {r.hospitalAdmin, r.regulator, r.a.analyst}) {
            regions.open(caller, "/region/alliances/new").andExpect(status().isForbidden());
            regions.as(caller, post("/region/alliances").with(csrf()).param("code", "X").param("name", "x")
                    .param("lead", r.a.hospital.code())).andExpect(status().isForbidden());
        }
        String form = regions.page(r.regionAdmin, "/region/alliances/new");
        assertThat(form).contains(r.a.hospital.name(), r.b.hospital.name(), c.hospital.name())
                .doesNotContain(">" + r.a.hospital.code() + "<");
        String answer = regions.as(r.regionAdmin, post("/region/alliances").with(csrf())
                        .accept(org.springframework.http.MediaType.TEXT_HTML).param("code", "NEW-1")
                        .param("name", "新医联体").param("lead", c.hospital.code())
                        .param("members", r.b.hospital.code()).param("members", "NOWHERE"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("id=\"members-error\"", "本区域没有机构“NOWHERE”", "value=\"NEW-1\"",
                "value=\"新医联体\"");
        regions.as(r.regionAdmin, get("/api/v1/alliances")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.length()")
                        .value(1));
        regions.as(r.regionAdmin, post("/region/alliances").with(csrf()).param("code", "NEW-1")
                        .param("name", "新医联体").param("lead", c.hospital.code()).param("members", r.b.hospital.code()))
                .andExpect(redirectedUrl("/region/alliances"));
        regions.as(r.regionAdmin, get("/api/v1/alliances")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                        "$[?(@.code == 'NEW-1')].members[*].code").value(org.hamcrest.Matchers.containsInAnyOrder(
                        c.hospital.code(), r.b.hospital.code())));
    }

    private String exam(String institution, int p, int day) {
        return RegionDrillDownTest.exam("x", institution, patient + "-" + p, day);
    }

    private static void exams(TestHospital h, String... rows) throws Exception {
        h.as(h.office, json(post("/api/v1/exams"), "[" + String.join(",", rows) + "]")).andExpect(status().isOk());
    }

    static String text(String html, String marker, String end) {
        int start = html.indexOf(marker);
        assertThat(start).as(marker).isPositive();
        return html.substring(start, html.indexOf(end, start)).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    @Test
    void theReportShowsTheAlliancesRepeatFiguresAndEachMembersScoreAndContribution() throws Exception {
        String html = regions.page(r.regulator, "/region/alliances/" + code + "?period=2026-10");
        assertThat(html).contains("测试医联体", r.a.hospital.name());
        assertThat(text(html, "id=\"alliance-indicators\"", "id=\"alliance-referrals\""))
                .contains("检查人次 9", "重复检查 2", "医联体重复检查率 22.2 %", "400.00");
        // no referral out at all: counts of 0 and no share; no visits reported: said in words, not shown as zero
        assertThat(text(html, "id=\"alliance-referrals\"", "</dl>")).contains("上转人次（成员 → 牵头机构） 0",
                "下转人次（牵头机构 → 成员） 0", "下转占比 —");
        assertThat(text(html, "id=\"alliance-primary-care\"", "</dl>")).contains("基层诊疗量占比 无数据：",
                r.a.hospital.name(), r.b.hospital.name(), "本周期未报门急诊人次");
        assertThat(text(html, "data-member=\"" + r.a.hospital.code() + "\"", "</tr>"))
                .contains("牵头", "2026-09 · 体检中心 · 2 个单位 · 平均 65.0", "5 2 40.0 % 400.00 55.6 % 100.0 %");
        assertThat(text(html, "data-member=\"" + r.b.hospital.code() + "\"", "</tr>"))
                .contains("成员", "尚未发布", "少于 5 人，不予显示 — — — — —");
        assertThat(html).doesNotContain(c.hospital.name(), patient);
    }

    @Test
    void theAlliancesHospitalsAndTheRegulatorSeeItAndNobodyElse() throws Exception {
        regions.page(r.a.analyst, "/region/alliances/" + code + "?period=2026-10");
        regions.page(r.b.analyst, "/region/alliances/" + code + "?period=2026-10");
        assertThat(regions.page(r.b.analyst, "/region/alliances")).contains("测试医联体");
        // C is in the region but not in the alliance: not found, and not listed
        regions.open(c.analyst, "/region/alliances/" + code).andExpect(status().isNotFound());
        regions.open(c.analyst, "/region/alliances/" + code + "/report.xlsx").andExpect(status().isNotFound());
        assertThat(regions.page(c.analyst, "/region/alliances")).doesNotContain("测试医联体");
        // another region's regulator: not found
        TestRegion other = regions.create();
        regions.open(other.regulator, "/region/alliances/" + code).andExpect(status().isNotFound());
        // a channel user holds no hospital role
        regions.open(r.a.channelUser(r.a.channel("W9", "EXAM_CENTER", null, null)), "/region/alliances/" + code)
                .andExpect(status().isForbidden());
    }

    @Test
    void theReportIsAWorkbookWithTheSameFigures() throws Exception {
        byte[] xlsx = regions.download(r.regulator, "/region/alliances/" + code + "/report.xlsx?period=2026-10");
        List<List<String>> rows = rows(xlsx);
        assertThat(rows.get(0)).containsSequence("医联体", "测试医联体");
        assertThat(rows.get(3)).containsSequence("医联体重复检查率", null, "9", "2", "0.222222", "400.00");
        List<String> a = rows.stream().filter(x -> !x.isEmpty() && r.a.hospital.code().equals(x.get(0))).findFirst()
                .orElseThrow();
        assertThat(a).containsSequence("牵头", "2026-09", "65.0", "5", "2", "0.400000", "400.00", "0.555556", "1.000000");
        List<String> b = rows.stream().filter(x -> !x.isEmpty() && r.b.hospital.code().equals(x.get(0))).findFirst()
                .orElseThrow();
        assertThat(b).contains("少于 5 人，不予显示").doesNotContain("4");
        assertThat(String.join(" ", rows.stream().flatMap(List::stream).map(String::valueOf).toList()))
                .doesNotContain(patient);
    }

    static List<List<String>> rows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             var stream = wb.getFirstSheet().openStream()) {
            for (Row row : (Iterable<Row>) stream::iterator) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell == null ? null : cell.getText()));
                rows.add(cells);
            }
        }
        return rows;
    }
}
