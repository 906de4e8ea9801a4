package org.meridian.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.meridian.exam.ExamRegion.exam;
import static org.meridian.support.TestHospital.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A regulator's repeat figures suppress every row (and total) over fewer distinct patients than
 * {@code meridian.region.min-records} (5 here, the default); a hospital's staff see their own rows as they are. Worked
 * by hand in a region of its own ({@link ExamRegion}: CT 30 days REGION, HB 7 days ALLIANCE, GLU 1 day REGION), every
 * record at the hospital itself, in October 2026 unless said (Shanghai, UTC+8; every instant at 00:00Z is that day):
 * <pre>
 * item  patients (records)                                   records  patients  regulator
 * CT    P1 10-02 and 10-20, P2 10-03 … P6 10-07 (one each)   7        6         shown (6 ≥ 5)
 * HB    P1 10-02 … P4 10-05 (one each)                       4        4         suppressed (4 &lt; 5)
 * GLU   P9 10-01, 10-03, 10-05, 10-07, 10-09                 5        1         suppressed: 5 records, 1 patient
 * </pre>
 * Hospital A receives them latest first in two batches (P1's CT of 10-20 and GLU 10-09, 10-07 first, the rest after),
 * hospital B the same records of its own patients (B-P1 …) in one batch in date order: both keep CT 6, HB 4, GLU 1
 * patients, whatever the order of arrival. A's HB in November adds P5, P6, P7 (3 patients): Q4's HB row covers at least
 * 4 (October's) and at most 7 patients, so it is suppressed (a period's row is shown only when one month alone reaches
 * 5). MRI, sent before it joins the catalogue (M1 twice, M2 … M5: 6 records, 5 patients), counts its patients once
 * when it joins: shown.
 */
@MeridianTest
class SmallNumbersTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired java.time.Clock clock;

    ExamRegion r;
    String a;
    String b;

    @BeforeEach
    void region() throws Exception {
        r = new ExamRegion(mvc, users, hospitals, jdbc);
        a = r.a.hospital.code();
        b = r.b.hospital.code();
    }

    /** The records of the table at one hospital, their recordIds and patients' ids prefixed (recordIds are the region's). */
    private static List<String[]> october(String prefix) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {prefix + "ct1", prefix + "P1", "CT", "2026-10-02"});
        out.add(new String[] {prefix + "ct1b", prefix + "P1", "CT", "2026-10-20"});
        for (int p = 2; p <= 6; p++) {
            out.add(new String[] {prefix + "ct" + p, prefix + "P" + p, "CT", "2026-10-0" + (p + 1)});
        }
        for (int p = 1; p <= 4; p++) {
            out.add(new String[] {prefix + "hb" + p, prefix + "P" + p, "HB", "2026-10-0" + (p + 1)});
        }
        for (int d = 1; d <= 9; d += 2) {
            out.add(new String[] {prefix + "glu" + d, prefix + "P9", "GLU", "2026-10-0" + d});
        }
        return out;
    }

    private static String batch(String institution, List<String[]> records) {
        return "[" + String.join(",", records.stream().map(x -> exam(x[0], institution, x[1], x[2],
                x[3] + "T00:00:00Z", true, null)).toList()) + "]";
    }

    @Test
    void theRegulatorSeesNoRowOfFewerThanFivePatients() throws Exception {
        List<String[]> atA = october("");
        List<String[]> late = atA.stream().filter(x -> x[0].equals("ct1b") || x[0].equals("glu9")
                || x[0].equals("glu7")).toList();
        List<String[]> early = atA.stream().filter(x -> !late.contains(x)).toList();
        send(r.a, batch(a, late), late.size());
        send(r.a, batch(a, early), early.size());
        send(r.b, batch(b, october("B-")), atA.size());

        // the kept distinct patients, whatever the order of arrival, and equal to the records counted afresh
        assertThat(patients(r.a.hospital.id())).containsExactly("CT 7 6", "GLU 5 1", "HB 4 4");
        assertThat(patients(r.b.hospital.id())).containsExactly("CT 7 6", "GLU 5 1", "HB 4 4");
        assertThat(kept()).isEqualTo(counted());

        // the regulator: A's CT shown, its HB (4 patients) and GLU (5 records of 1 patient) suppressed
        String at = "$.items[?(@.institution == '" + a + "' && @.item == '%s')]";
        r.a.as(r.regulator, get("/api/v1/exams/repeats?period=2026-10")).andExpect(status().isOk())
                .andExpect(jsonPath("$.minPatients").value(5))
                .andExpect(jsonPath("$.items", hasSize(6)))
                .andExpect(jsonPath(at.formatted("CT") + ".records").value(7))
                .andExpect(jsonPath(at.formatted("CT") + ".suppressed").value(false))
                .andExpect(jsonPath(at.formatted("HB") + ".suppressed").value(true))
                .andExpect(jsonPath(at.formatted("HB") + ".records").value((Object) null))
                .andExpect(jsonPath(at.formatted("HB") + ".repeats").value((Object) null))
                .andExpect(jsonPath(at.formatted("HB") + ".rate").value((Object) null))
                .andExpect(jsonPath(at.formatted("HB") + ".avoidableCost").value((Object) null))
                .andExpect(jsonPath(at.formatted("GLU") + ".suppressed").value(true))
                .andExpect(jsonPath(at.formatted("GLU") + ".records").value((Object) null))
                .andExpect(jsonPath("$.items[?(@.suppressed == true)]", hasSize(4)));
        // A's analyst sees A's own rows as they are
        r.a.as(r.a.analyst, get("/api/v1/exams/repeats?period=2026-10"))
                .andExpect(jsonPath("$.items", hasSize(3)))
                .andExpect(jsonPath("$.items[?(@.suppressed == true)]").isEmpty())
                .andExpect(jsonPath(at.formatted("HB") + ".records").value(4))
                .andExpect(jsonPath(at.formatted("GLU") + ".records").value(5));

        // the page says so, without numbers; the totals of HB alone (at most 4 + 4 patients, at least 4) too
        String html = page(r.regulator, "/exams?period=2026-10");
        assertThat(html).contains("少于 5 人，不予显示").containsPattern("id=\"total-records\">32<");
        assertThat(page(r.regulator, "/exams?period=2026-10&item=HB"))
                .contains("合计少于 5 人，不予显示").doesNotContain("id=\"total-records\"");
        assertThat(page(r.a.analyst, "/exams?period=2026-10&item=HB")).doesNotContain("不予显示")
                .containsPattern("id=\"total-records\">4<");

        // November adds HB for P5, P6, P7 at A: Q4's row covers 4 to 7 patients, so it stays suppressed
        send(r.a, batch(a, List.of(new String[] {"hb5", "P5", "HB", "2026-11-02"},
                new String[] {"hb6", "P6", "HB", "2026-11-03"}, new String[] {"hb7", "P7", "HB", "2026-11-04"})), 3);
        r.a.as(r.regulator, get("/api/v1/exams/repeats?period=2026-Q4&item=HB&institution=" + a))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].suppressed").value(true));
        r.a.as(r.regulator, get("/api/v1/exams/repeats?period=2026-Q4&item=CT&institution=" + a))
                .andExpect(jsonPath("$.items[0].suppressed").value(false))
                .andExpect(jsonPath("$.items[0].records").value(7));
        r.a.as(r.a.analyst, get("/api/v1/exams/repeats?period=2026-Q4&item=HB"))
                .andExpect(jsonPath("$.items[0].records").value(7));
    }

    @Test
    void anItemJoiningTheCatalogueCountsItsPatientsOnce() throws Exception {
        send(r.a, batch(a, List.of(new String[] {"m1", "M1", "MRI", "2026-10-02"},
                new String[] {"m1b", "M1", "MRI", "2026-10-12"}, new String[] {"m2", "M2", "MRI", "2026-10-03"},
                new String[] {"m3", "M3", "MRI", "2026-10-04"}, new String[] {"m4", "M4", "MRI", "2026-10-05"},
                new String[] {"m5", "M5", "MRI", "2026-10-06"})), 6);
        r.a.as(r.regulator, get("/api/v1/exams/repeats?period=2026-10")).andExpect(jsonPath("$.items").isEmpty());
        r.item("MRI", "磁共振", "EXAMINATION", 30, "REGION", "500.00");
        assertThat(patients(r.a.hospital.id())).containsExactly("MRI 6 5");
        r.a.as(r.regulator, get("/api/v1/exams/repeats?period=2026-10"))
                .andExpect(jsonPath("$.items[0].item").value("MRI"))
                .andExpect(jsonPath("$.items[0].suppressed").value(false))
                .andExpect(jsonPath("$.items[0].records").value(6));
        // and later records keep counting: M6 is the sixth patient, M2 again none
        send(r.a, batch(a, List.of(new String[] {"m6", "M6", "MRI", "2026-10-20"},
                new String[] {"m2b", "M2", "MRI", "2026-10-21"})), 2);
        assertThat(patients(r.a.hospital.id())).containsExactly("MRI 8 6");
        assertThat(kept()).isEqualTo(counted());
    }

    /** A hospital's kept October rows as "item records patients", by item. */
    private List<String> patients(long hospitalId) {
        return jdbc.sql("""
                        SELECT item || ' ' || records || ' ' || patients FROM exam_figure
                        WHERE region_id = :r AND hospital_id = :h AND month = DATE '2026-10-01' ORDER BY item""")
                .param("r", r.region).param("h", hospitalId).query(String.class).list();
    }

    private List<String> kept() {
        return jdbc.sql("""
                        SELECT hospital_id || '/' || institution_id || '/' || item || '/' || month || ' ' || records
                               || ' ' || patients
                        FROM exam_figure WHERE region_id = :r AND records > 0 ORDER BY 1""")
                .param("r", r.region).query(String.class).list();
    }

    private List<String> counted() {
        return jdbc.sql("""
                        SELECT hospital_id || '/' || institution_id || '/' || item || '/' || month || ' ' || count(*)
                               || ' ' || count(DISTINCT patient)
                        FROM exam_record WHERE region_id = :r
                        GROUP BY hospital_id, institution_id, item, month ORDER BY 1""")
                .param("r", r.region).query(String.class).list();
    }

    private void send(TestHospital h, String body, int accepted) throws Exception {
        h.as(h.office, json(post("/api/v1/exams"), body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(accepted));
    }

    private String page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(user(accounts.loadForSignIn(username, clock.instant()).orElseThrow()))
                        .accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
