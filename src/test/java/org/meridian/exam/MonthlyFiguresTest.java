package org.meridian.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.exam.ExamRegion.exam;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The figures kept month by month as batches arrive (the monthly figures are changed by each batch, not recounted),
 * worked by hand in a region of its own ({@link ExamRegion}: CT 30 days, REGION, 200.00 CNY). Hospitals in Shanghai
 * (UTC+8), so 2026-10-31T17:00Z is 1 November 01:00 local and counts in November. Batches in this order:
 * <pre>
 * 1 (A)  a1  A  P1 CT 2026-10-20T00:00Z  Oct   NONE → REPEAT after batch 2 (b1 at B 5 days earlier)
 *        a2  A  P1 CT 2026-10-31T17:00Z  Nov   SAME_INSTITUTION (a1, 11 d 17 h earlier at A) → REPEAT after batch 2
 *                                                (b1 at B, 16 d 17 h earlier: another institution wins)
 * 2 (B)  b1  B  P1 CT 2026-10-15T00:00Z  Oct   NONE (first of P1)
 * 3 (A)  a2 again, same content: duplicate; a1 again with another instant: rejected (recordId taken), nothing changes;
 *        a3  A  P1 CT 2026-11-05T00:00Z  Nov   NONE: exception EMERGENCY
 * 4 (B)  b2  B  P3 CT 2026-11-10T00:00Z  Nov   NONE
 *        b3  B  P3 CT 2026-11-12T00:00Z  Nov   SAME_INSTITUTION (b2, same batch) → REPEAT after batch 5
 * 5 (A)  c1  A-CLINIC P3 CT 2026-11-11T00:00Z Nov REPEAT of b2 (B, 1 day earlier); b3 then has c1 (another
 *                                                institution, 1 day earlier) → REPEAT of c1
 * </pre>
 * Figures (records / repeats / same-institution repeats):
 * <pre>
 * after 1:  Oct A 1/0/0;                 Nov A 1/0/1
 * after 2:  Oct A 1/1/0, B 1/0/0;        Nov A 1/1/0
 * after 3:  Oct unchanged;               Nov A 2/1/0 (a2, a3)
 * after 4:  Nov B 2/0/1
 * after 5:  Nov A 2/1/0, A-CLINIC 1/1/0, B 2/1/0 (b3)
 * </pre>
 * Avoidable cost = repeats × 200.00: November A 200.00, A-CLINIC 200.00, B 200.00.
 */
@MeridianTest
class MonthlyFiguresTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;
    @Autowired RepeatFigures figures;

    ExamRegion r;
    String a;
    String b;

    @BeforeEach
    void region() throws Exception {
        r = new ExamRegion(mvc, users, hospitals, jdbc);
        a = r.a.hospital.code();
        b = r.b.hospital.code();
    }

    @Test
    void batchesTouchingTheSamePatientAndItemKeepTheMonthlyFiguresRight() throws Exception {
        send(r.a, "[" + String.join(",",
                exam("a1", a, "P1", "CT", "2026-10-20T00:00:00Z", true, null),
                exam("a2", a, "P1", "CT", "2026-10-31T17:00:00Z", true, null)) + "]")
                .andExpect(jsonPath("$.accepted").value(2));
        expect("2026-10", row(a, 1, 0, 0));
        expect("2026-11", row(a, 1, 0, 1));

        send(r.b, "[" + exam("b1", b, "P1", "CT", "2026-10-15T00:00:00Z", true, null) + "]")
                .andExpect(jsonPath("$.accepted").value(1));
        expect("2026-10", row(a, 1, 1, 0), row(b, 1, 0, 0));
        expect("2026-11", row(a, 1, 1, 0));

        send(r.a, "[" + String.join(",",
                exam("a2", a, "P1", "CT", "2026-10-31T17:00:00Z", true, null),
                exam("a1", a, "P1", "CT", "2026-10-21T00:00:00Z", true, null),
                exam("a3", a, "P1", "CT", "2026-11-05T00:00:00Z", true, "EMERGENCY")) + "]")
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.rejected.length()").value(1))
                .andExpect(jsonPath("$.rejected[0].index").value(1));
        expect("2026-10", row(a, 1, 1, 0), row(b, 1, 0, 0));
        expect("2026-11", row(a, 2, 1, 0));

        send(r.b, "[" + String.join(",",
                exam("b2", b, "P3", "CT", "2026-11-10T00:00:00Z", true, null),
                exam("b3", b, "P3", "CT", "2026-11-12T00:00:00Z", true, null)) + "]")
                .andExpect(jsonPath("$.accepted").value(2));
        expect("2026-11", row(a, 2, 1, 0), row(b, 2, 0, 1));

        send(r.a, "[" + exam("c1", "A-CLINIC", "P3", "CT", "2026-11-11T00:00:00Z", true, null) + "]")
                .andExpect(jsonPath("$.accepted").value(1));
        expect("2026-10", row(a, 1, 1, 0), row(b, 1, 0, 0));
        expect("2026-11", row(a, 2, 1, 0), row("A-CLINIC", 1, 1, 0), row(b, 2, 1, 0));
        // read by each hospital's staff: a regulator's rows of one patient are suppressed (SmallNumbersTest)
        r.b.as(r.b.analyst, get("/api/v1/exams/repeats?period=2026-11&institution=" + b))
                .andExpect(jsonPath("$.items[0].avoidableCost").value(200.00))
                .andExpect(jsonPath("$.items[0].rate").value(0.5));
        // the whole of Q4 at once adds the months: A 1 + 2 records, 1 + 1 repeats
        r.a.as(r.a.analyst, get("/api/v1/exams/repeats?period=2026-Q4&institution=" + a))
                .andExpect(jsonPath("$.items[0].records").value(3))
                .andExpect(jsonPath("$.items[0].repeats").value(2))
                .andExpect(jsonPath("$.items[0].avoidableCost").value(400.00));

        // and the figures kept equal the records counted afresh, row by row, their distinct patients too (P1's two
        // November records at A, a2 and a3, arrived in two batches and count one patient)
        assertThat(kept()).isEqualTo(counted());
    }

    private record Row(String institution, long records, long repeats, long same) {
    }

    private static Row row(String institution, long records, long repeats, long same) {
        return new Row(institution, records, repeats, same);
    }

    /**
     * The region's rows of the month as kept, read as Meridian for the region (a regulator would see these rows of one
     * or two patients suppressed).
     */
    private void expect(String period, Row... rows) {
        List<RepeatFigure> got = figures.figures(Actor.system(r.a.hospital.id(), "test"), new RepeatFigures.Query(
                Period.parse(period).orElseThrow(), null, null, null, null), false);
        assertThat(got).extracting(f -> new Row(f.institution().code(), f.records(), f.repeats(),
                f.sameInstitutionRepeats())).containsExactlyInAnyOrder(rows);
    }

    private List<String> kept() {
        return jdbc.sql("""
                        SELECT hospital_id || '/' || institution_id || '/' || item || '/' || month || ' ' || records
                               || ' ' || repeats || ' ' || same || ' ' || patients
                        FROM exam_figure WHERE region_id = :r AND records > 0 ORDER BY 1""")
                .param("r", r.region).query(String.class).list();
    }

    private List<String> counted() {
        return jdbc.sql("""
                        SELECT hospital_id || '/' || institution_id || '/' || item || '/' || month || ' ' || count(*)
                               || ' ' || count(*) FILTER (WHERE outcome = 'REPEAT')
                               || ' ' || count(*) FILTER (WHERE outcome = 'SAME_INSTITUTION')
                               || ' ' || count(DISTINCT patient)
                        FROM exam_record WHERE region_id = :r
                        GROUP BY hospital_id, institution_id, item, month ORDER BY 1""")
                .param("r", r.region).query(String.class).list();
    }

    private ResultActions send(TestHospital h, String body) throws Exception {
        return h.as(h.office, json(post("/api/v1/exams"), body)).andExpect(status().isOk());
    }
}
