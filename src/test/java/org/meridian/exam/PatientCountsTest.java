package org.meridian.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.exam.ExamRegion.exam;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.Actor;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The distinct patients of a hospital per period, kept as batches arrive (never counted afresh), worked by hand in a
 * region of its own ({@link ExamRegion}: CT 30 days, REGION, 200.00 CNY). Hospital A in Shanghai (UTC+8); all records
 * at A itself, in three batches:
 * <pre>
 * 1  P1 CT 2026-01-10   P2 CT 2026-03-05
 * 2  P1 CT 2026-03-20   P2 CT 2026-03-06 (SAME_INSTITUTION of P2's first)   P3 XYZ 2026-03-07 (not in the catalogue)
 * 3  P1 CT 2026-07-01   P1 CT 2026-12-31T17:00Z (1 January 2027 local: the next year)
 * </pre>
 * Patients of catalogue items at A in 2026: January 1 (P1), March 2 (P1, P2), July 1 (P1); Q1 2 (P1 in both months
 * counts once), Q3 1, H1 2, H2 1, the year 2 (P1, P2); 2027: January 1 (P1). Records in 2026: P1 3 + P2 2 = 5, repeats
 * 0. Then XYZ joins the catalogue: P3 counts from then on — March 3, Q1 3, H1 3, the year 3 — and so does its
 * record: 6 in 2026.
 */
@MeridianTest
class PatientCountsTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;
    @Autowired RepeatFigures figures;

    ExamRegion r;
    String a;
    Actor region;

    @BeforeEach
    void region() throws Exception {
        r = new ExamRegion(mvc, users, hospitals, jdbc);
        a = r.a.hospital.code();
        region = Actor.system(r.a.hospital.id(), "test");
    }

    @Test
    void distinctPatientsPerPeriodFollowTheBatchesAndTheCatalogue() throws Exception {
        send("[" + String.join(",",
                exam("p1", a, "P1", "CT", "2026-01-10T08:00:00Z", true, null),
                exam("p2", a, "P2", "CT", "2026-03-05T08:00:00Z", true, null)) + "]");
        send("[" + String.join(",",
                exam("p3", a, "P1", "CT", "2026-03-20T08:00:00Z", true, null),
                exam("p4", a, "P2", "CT", "2026-03-06T08:00:00Z", true, null),
                exam("p5", a, "P3", "XYZ", "2026-03-07T08:00:00Z", true, null)) + "]");
        send("[" + String.join(",",
                exam("p6", a, "P1", "CT", "2026-07-01T08:00:00Z", true, null),
                exam("p7", a, "P1", "CT", "2026-12-31T17:00:00Z", true, null)) + "]");

        assertThat(patients(1, 12)).isEqualTo(2);
        assertThat(patients(1, 3)).isEqualTo(2);
        assertThat(patients(7, 9)).isEqualTo(1);
        assertThat(patients(1, 6)).isEqualTo(2);
        assertThat(patients(7, 12)).isEqualTo(1);
        assertThat(patients(3, 3)).isEqualTo(2);
        assertThat(patients(2, 2)).isZero();
        assertThat(byMonth()).isEqualTo(Map.of(YearMonth.of(2026, 1), 1L, YearMonth.of(2026, 3), 2L,
                YearMonth.of(2026, 7), 1L));
        assertThat(total(1, 12).records()).isEqualTo(5);
        assertThat(total(1, 12).repeats()).isZero();
        assertThat(figures.hospitalTotals(region, YearMonth.of(2027, 1), YearMonth.of(2027, 1), false))
                .singleElement().satisfies(t -> assertThat(t.patients()).isEqualTo(1));
        // February to April is no kept period: counted from the records, the same answer as kept ones would be
        assertThat(patients(2, 4)).isEqualTo(2);

        r.item("XYZ", "示例：新项目", "LABORATORY", 7, "REGION", "5.00");
        assertThat(patients(3, 3)).isEqualTo(3);
        assertThat(patients(1, 3)).isEqualTo(3);
        assertThat(patients(1, 6)).isEqualTo(3);
        assertThat(patients(1, 12)).isEqualTo(3);
        assertThat(patients(7, 12)).isEqualTo(1);
        assertThat(total(1, 12).records()).isEqualTo(6);
    }

    private void send(String body) throws Exception {
        r.a.as(r.a.office, json(post("/api/v1/exams"), body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").isEmpty());
    }

    private org.meridian.exam.HospitalRepeats total(int fromMonth, int toMonth) {
        List<org.meridian.exam.HospitalRepeats> rows = figures.hospitalTotals(region, YearMonth.of(2026, fromMonth),
                YearMonth.of(2026, toMonth), false);
        assertThat(rows).allSatisfy(t -> assertThat(t.hospitalId()).isEqualTo(r.a.hospital.id()));
        return rows.isEmpty() ? null : rows.get(0);
    }

    private long patients(int fromMonth, int toMonth) {
        org.meridian.exam.HospitalRepeats t = total(fromMonth, toMonth);
        return t == null ? 0 : t.patients();
    }

    private Map<YearMonth, Long> byMonth() {
        return figures.hospitalTotals(region, YearMonth.of(2026, 1), YearMonth.of(2026, 12), true).stream()
                .collect(Collectors.toMap(org.meridian.exam.HospitalRepeats::month,
                        org.meridian.exam.HospitalRepeats::patients));
    }
}
