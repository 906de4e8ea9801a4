package org.meridian.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.exam.ExamRegion.exam;
import static org.meridian.support.TestHospital.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The repeat-examination pages. Two records of patient P1's chest CT in October 2026: b1 at hospital B on the 1st,
 * a1 at hospital A on the 2nd (24 h later, CT recognised 30 days in the region), so a1 is a repeat; and a2 at A for
 * patient P2 with no earlier record. A's row: records 2, repeats 1, rate 1/2 = 50.0 %, avoidable cost 1 × 200.00.
 */
@MeridianTest
class ExamPagesTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired java.time.Clock clock;

    ExamRegion r;
    String patient;

    @BeforeEach
    void region() throws Exception {
        r = new ExamRegion(mvc, users, hospitals, jdbc);
        patient = "P-" + java.util.UUID.randomUUID();
        String a = r.a.hospital.code();
        String b = r.b.hospital.code();
        r.b.as(r.b.office, json(post("/api/v1/exams"),
                "[" + exam("b1", b, patient, "CT", "2026-10-01T08:00:00Z", true, null) + "]")).andExpect(status().isOk());
        r.a.as(r.a.office, json(post("/api/v1/exams"), "[" + exam("a1", a, patient, "CT", "2026-10-02T08:00:00Z", true,
                null) + "," + exam("a2", a, "P2-" + patient, "CT", "2026-10-03T08:00:00Z", true, null) + "]"))
                .andExpect(status().isOk());
    }

    @Test
    void theFiguresPageShowsTheHospitalsOwnRowsInWords() throws Exception {
        String html = page(r.a.analyst, "/exams?period=2026-10");
        assertThat(html).contains("胸部 CT", "2026年10月", "50.0 %", "200.00", r.a.hospital.name())
                .doesNotContain(r.b.hospital.name(), patient, "REGION", "EXAMINATION");
        assertThat(page(r.a.analyst, "/exams?period=2026-10&lang=en")).contains("Oct 2026", "50.0 %",
                "Mutual recognition");
        // htmx asks for the results alone
        String fragment = mvc.perform(signedIn(r.a.analyst, get("/exams?period=2026-10")).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("id=\"exam-results\"").doesNotContain("<html");
        // a bad filter is said and the unfiltered figures shown
        assertThat(page(r.a.analyst, "/exams?period=2026-10&item=NOPE")).contains("id=\"filter-errors\"", "NOPE",
                "50.0 %");
    }

    @Test
    void theFiguresArePagedByTwentyFiveRowsUnderThePeriodsTotals() throws Exception {
        // one record of each of the three items in each month of 2026 at A: 36 rows (A, item, month); with the two
        // records of October from the set-up, 38 records in all
        String a = r.a.hospital.code();
        StringBuilder batch = new StringBuilder("[");
        for (int month = 1; month <= 12; month++) {
            for (String item : List.of("CT", "HB", "GLU")) {
                batch.append(batch.length() > 1 ? "," : "").append(exam("m" + month + item, a, "PM-" + patient, item,
                        "2026-%02d-15T08:00:00Z".formatted(month), true, null));
            }
        }
        r.a.as(r.a.office, json(post("/api/v1/exams"), batch + "]")).andExpect(status().isOk());
        String first = page(r.a.analyst, "/exams?period=2026");
        assertThat(first).contains("共 36 行", "第 1 / 2 页", "id=\"page-next\"");
        assertThat(tableRows(first)).as("the table's head and 25 rows").isEqualTo(1 + 25);
        String second = page(r.a.analyst, "/exams?period=2026&page=1");
        assertThat(second).contains("共 36 行", "第 2 / 2 页", "id=\"page-prev\"");
        assertThat(tableRows(second)).as("the head and the other 11 rows").isEqualTo(1 + 11);
        // the totals are the period's on every page: 38 records
        for (String html : List.of(first, second)) {
            assertThat(html).containsPattern("id=\"total-records\">38<");
        }
    }

    /**
     * The regulator's year, two pages, and the totals of every row on each of them. Besides the set-up (b1 at B; a1,
     * a repeat, and a2 at A, all chest CT in October), A performs one record of each item (CT, GLU, HB) in each month
     * of 2026 on the 10th, each of a patient of its own, so none is a repeat; B then performs chest CT for the
     * patients of A's January to June CT a day later (24 h, within CT's 30 days, anywhere in the region): six repeats
     * at B. Rows, by hospital (A was created first), institution, item (CT, GLU, HB) and month: A 3 × 12 = 36 (A's
     * October CT holds a1, a2 and its own record), B 6 + 1 (October, b1) = 7; 43 rows, pages of 25 and 18. The second
     * page starts with A's HB of February (A's CT 12 + GLU 12 + HB of January make the first 25) and ends with B's
     * October CT. Records 36 + 3 (set-up) + 6 = 45, repeats 1 (a1) + 6 = 7, rate 7 / 45 = 15.555… % = 15.6 %, avoidable
     * cost 7 × 200.00 = 1,400.00. Chest CT alone: rows 12 + 7 = 19, records 12 + 2 + 1 + 6 = 21, repeats 7, rate
     * 7 / 21 = 33.3 %, cost 1,400.00. Each row covers one patient, so a regulator sees the rows and totals suppressed
     * (fewer than 5 patients); hospital A's analyst sees A's own, as they are.
     */
    private void aYearOfTwoHospitals() throws Exception {
        String a = r.a.hospital.code();
        String b = r.b.hospital.code();
        List<String> atA = new java.util.ArrayList<>();
        List<String> atB = new java.util.ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            for (String item : List.of("CT", "GLU", "HB")) {
                String who = "T" + month + item + "-" + patient;
                atA.add(exam("t" + month + item, a, who, item, "2026-%02d-10T08:00:00Z".formatted(month), true, null));
                if (item.equals("CT") && month <= 6) {
                    atB.add(exam("u" + month, b, who, item, "2026-%02d-11T08:00:00Z".formatted(month), true, null));
                }
            }
        }
        r.a.as(r.a.office, json(post("/api/v1/exams"), "[" + String.join(",", atA) + "]")).andExpect(status().isOk());
        r.b.as(r.b.office, json(post("/api/v1/exams"), "[" + String.join(",", atB) + "]")).andExpect(status().isOk());
    }

    @Test
    void theTotalsAreThePeriodsOnEveryPage() throws Exception {
        aYearOfTwoHospitals();
        String first = page(r.regulator, "/exams?period=2026");
        String second = page(r.regulator, "/exams?period=2026&page=1");
        assertThat(first).contains("共 43 行", "第 1 / 2 页");
        assertThat(tableRows(first)).isEqualTo(1 + 25);
        assertThat(second).contains("共 43 行", "第 2 / 2 页");
        assertThat(tableRows(second)).isEqualTo(1 + 18);
        // the rows keep their order across the pages: A's HB of February first on the second, B's October CT last
        String body = second.substring(second.indexOf("<tbody>", second.indexOf("id=\"figure-table\"")));
        List<String> rows = List.of(body.substring(0, body.indexOf("</tbody>")).split("<tr>"));
        assertThat(rows.get(1)).contains(r.a.hospital.name(), "糖化血红蛋白", "2026年2月");
        assertThat(rows.get(rows.size() - 1)).contains(r.b.hospital.name(), "胸部 CT", "2026年10月");
        // every row covers one patient (each a month of one item at one institution), so a regulator sees neither
        // the rows' figures nor the totals, on every page (the largest row's patients, 1, is under 5)
        for (String html : List.of(first, second)) {
            assertThat(html).contains("合计少于 5 人，不予显示").doesNotContain("id=\"total-records\">45<");
        }
        // filtered, the totals are the filter's: chest CT alone, one page, suppressed alike
        String ct = page(r.regulator, "/exams?period=2026&item=CT");
        assertThat(ct).contains("共 19 行", "合计少于 5 人，不予显示").doesNotContain("id=\"page-next\"");
        // hospital A's analyst sees A's rows and totals only: 36 rows, 36 + 2 = 38 records, 1 repeat (a1),
        // 1 / 38 = 2.63… % = 2.6 %, 200.00
        String own = page(r.a.analyst, "/exams?period=2026&page=1");
        assertThat(own).contains("共 36 行", "第 2 / 2 页", "id=\"total-records\">38<", "id=\"total-repeats\">1<",
                "id=\"total-rate\">2.6 %<", "id=\"total-cost\">200.00<").doesNotContain(r.b.hospital.name());
    }

    @Test
    void aPagePastTheLastShowsTheLast() throws Exception {
        aYearOfTwoHospitals();
        String last = page(r.regulator, "/exams?period=2026&page=1");
        // page 8 of a list of 2 pages (a link kept from a longer list, or typed): the second page, as it is
        String past = page(r.regulator, "/exams?period=2026&page=7");
        assertThat(past).contains("共 43 行", "第 2 / 2 页", "id=\"page-prev\"", "合计少于 5 人，不予显示")
                .doesNotContain("id=\"page-next\"", "所选周期没有互认目录项目的检查记录");
        assertThat(tableRows(past)).isEqualTo(1 + 18);
        assertThat(table(past)).isEqualTo(table(last));
        // its way back is to the first page (the address without a page), the one before the page shown
        assertThat(past).contains("<a href=\"/exams?period=2026\" id=\"page-prev\">");
        // an empty period has one empty page, whatever page is asked
        assertThat(page(r.regulator, "/exams?period=2025&page=3")).contains("共 0 行", "id=\"total-records\">0<",
                        "所选周期没有互认目录项目的检查记录")
                .doesNotContain("id=\"figure-table\"", "id=\"page-prev\"");
    }

    /** The figures' table of a page. */
    private static String table(String html) {
        String table = html.substring(html.indexOf("id=\"figure-table\""));
        return table.substring(0, table.indexOf("</table>"));
    }

    /** The rows of the figures' table, its head included. */
    private static int tableRows(String html) {
        String table = html.substring(html.indexOf("id=\"figure-table\""));
        return table.substring(0, table.indexOf("</table>")).split("<tr>", -1).length - 1;
    }

    @Test
    void theRegulatorSeesTheRegionButNoListOfRecords() throws Exception {
        String html = page(r.regulator, "/exams?period=2026-10");
        assertThat(html).contains(r.a.hospital.name(), r.b.hospital.name()).doesNotContain("id=\"repeats-link\"");
        mvc.perform(signedIn(r.regulator, get("/exams/repeats?period=2026-10")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
    }

    @Test
    void theListOfRepeatsNamesRecordsNeverPatients() throws Exception {
        String html = page(r.a.analyst, "/exams/repeats?period=2026-10");
        assertThat(html).contains("a1", r.b.hospital.name(), "2026-10-01 16:00", "2026-10-02 16:00", "共 1 条")
                .doesNotContain(patient, ">a2<");
        assertThat(page(r.a.analyst, "/exams/repeats?period=2026-10&outcome=SAME_INSTITUTION")).contains("共 0 条");
    }

    /** A page request of a person signed in to the browser (pages answer HTTP Basic with the sign-in page). */
    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signedIn(String username,
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
        return request.with(user(accounts.loadForSignIn(username, clock.instant()).orElseThrow()));
    }

    private String page(String user, String path) throws Exception {
        return mvc.perform(signedIn(user, get(path)).accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }
}
