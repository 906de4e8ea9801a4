package org.meridian.exam;

import static org.hamcrest.Matchers.hasSize;
import static org.meridian.exam.ExamRegion.exam;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Repeat examinations worked out by hand (docs/exams.md) in a region of its own ({@link ExamRegion}: CT 30 days
 * REGION 200.00, HB 7 days ALLIANCE 30.00, GLU 1 day REGION 10.00; alliance ALL-1 = hospital A + A-CLINIC). Every
 * record below is recognisable unless said, all in October 2026 in Shanghai (UTC+8):
 * <pre>
 * rec  at         patient item  instant (UTC)            expected
 * b1   B          P1      CT    2026-10-01 08:00:00      NONE (first)
 * a1   A          P1      CT    2026-10-31 08:00:00      REPEAT: b1 is 30 × 24 h = 720 h earlier, t − 720 h ≤ t′ (boundary in)
 * b2   B          P2      CT    2026-10-01 08:00:00      NONE
 * a2   A          P2      CT    2026-10-31 08:00:01      NONE: b2 is 720 h + 1 s earlier (boundary out)
 * a3   A          P3      CT    2026-10-05 10:00 local   NONE (no offset: 02:00 UTC)
 * a4   A          P3      CT    2026-10-06 02:00:00      SAME_INSTITUTION: a3 24 h earlier at A itself
 * b3   B          P4      CT    2026-10-10 00:00:00      NONE
 * a5   A          P4      CT    2026-10-11 00:00:00      NONE: carries exception EMERGENCY
 * b4   B          P5      CT    2026-10-12 00:00:00      NONE, not recognisable
 * a6   A          P5      CT    2026-10-13 00:00:00      NONE: the only earlier record is not recognisable
 * b5   B          P6      HB    2026-10-15 00:00:00      NONE
 * a7   A          P6      HB    2026-10-16 00:00:00      NONE: B shares no alliance with A (scope ALLIANCE)
 * c1   A-CLINIC   P6      HB    2026-10-17 00:00:00      REPEAT: a7 (A, same alliance ALL-1) 24 h earlier
 * b6   B          P7      GLU   2026-10-20 00:00:00      NONE
 * a8   A          P7      GLU   2026-10-21 08:00 local   REPEAT: no offset, so 00:00 UTC, exactly 24 h after b6
 * a9   A          P8      XYZ   2026-10-21 00:00:00      accepted, not in the catalogue, not counted
 * </pre>
 * Hospital A's figures for 2026-10 (one row per institution × item):
 * <pre>
 * A        CT   records 6 (a1 a2 a3 a4 a5 a6)  repeats 1 (a1)  same 1 (a4)  rate 1/6 = 0.166667 cost 1 × 200 = 200.00
 * A        GLU  records 1 (a8)                 repeats 1       same 0       rate 1/1 = 1.000000 cost 10.00
 * A        HB   records 1 (a7)                 repeats 0       same 0       rate 0.000000      cost 0.00
 * A-CLINIC HB   records 1 (c1)                 repeats 1       same 0       rate 1.000000      cost 30.00
 * </pre>
 * and hospital B's: CT 4 records (b1–b4), GLU 1 (b6), HB 1 (b5), none a repeat.
 */
@MeridianTest
class RepeatFiguresTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;

    ExamRegion r;
    String a;
    String b;

    @BeforeEach
    void region() throws Exception {
        r = new ExamRegion(mvc, users, hospitals, jdbc);
        a = r.a.hospital.code();
        b = r.b.hospital.code();
    }

    /** The later records arrive first, the earlier ones after them: the outcomes are those of the table. */
    @Test
    void theFiguresMatchTheHandComputedCaseWhateverTheOrderOfArrival() throws Exception {
        send(r.a, "[" + String.join(",",
                exam("a1", a, "P1", "CT", "2026-10-31T08:00:00Z", true, null),
                exam("a2", a, "P2", "CT", "2026-10-31T08:00:01Z", true, null),
                exam("a4", a, "P3", "CT", "2026-10-06T02:00:00Z", true, null),
                exam("a5", a, "P4", "CT", "2026-10-11T00:00:00Z", true, "EMERGENCY"),
                exam("a6", a, "P5", "CT", "2026-10-13T00:00:00Z", true, null),
                exam("c1", "A-CLINIC", "P6", "HB", "2026-10-17T00:00:00Z", true, null),
                exam("a8", a, "P7", "GLU", "2026-10-21T08:00:00", true, null),
                exam("a9", a, "P8", "XYZ", "2026-10-21T00:00:00Z", true, null)) + "]", 8)
                .andExpect(jsonPath("$.notInCatalogue").value(1));
        // nothing earlier has arrived yet: no repeat at all
        r.a.as(r.a.analyst, get("/api/v1/exams/repeats?period=2026-10"))
                .andExpect(jsonPath("$.items[?(@.repeats > 0)]").isEmpty())
                .andExpect(jsonPath("$.items[?(@.sameInstitutionRepeats > 0)]").isEmpty());
        send(r.b, "[" + String.join(",",
                exam("b1", b, "P1", "CT", "2026-10-01T08:00:00Z", true, null),
                exam("b2", b, "P2", "CT", "2026-10-01T08:00:00Z", true, null),
                exam("b3", b, "P4", "CT", "2026-10-10T00:00:00Z", true, null),
                exam("b4", b, "P5", "CT", "2026-10-12T00:00:00Z", false, null),
                exam("b5", b, "P6", "HB", "2026-10-15T00:00:00Z", true, null),
                exam("b6", b, "P7", "GLU", "2026-10-20T00:00:00Z", true, null)) + "]", 6);
        send(r.a, "[" + String.join(",",
                exam("a7", a, "P6", "HB", "2026-10-16T00:00:00Z", true, null),
                exam("a3", a, "P3", "CT", "2026-10-05T10:00:00", true, null)) + "]", 2);

        r.a.as(r.a.analyst, get("/api/v1/exams/repeats?period=2026-10")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(4))
                .andExpect(jsonPath("$.items[0].institution").value(a))
                .andExpect(jsonPath("$.items[0].item").value("CT"))
                .andExpect(jsonPath("$.items[0].records").value(6))
                .andExpect(jsonPath("$.items[0].repeats").value(1))
                .andExpect(jsonPath("$.items[0].sameInstitutionRepeats").value(1))
                .andExpect(jsonPath("$.items[0].rate").value(0.166667))
                .andExpect(jsonPath("$.items[0].avoidableCost").value(200.00))
                .andExpect(jsonPath("$.items[1].item").value("GLU"))
                .andExpect(jsonPath("$.items[1].records").value(1))
                .andExpect(jsonPath("$.items[1].repeats").value(1))
                .andExpect(jsonPath("$.items[1].rate").value(1.0))
                .andExpect(jsonPath("$.items[1].avoidableCost").value(10.00))
                .andExpect(jsonPath("$.items[2].item").value("HB"))
                .andExpect(jsonPath("$.items[2].institution").value(a))
                .andExpect(jsonPath("$.items[2].repeats").value(0))
                .andExpect(jsonPath("$.items[3].institution").value("A-CLINIC"))
                .andExpect(jsonPath("$.items[3].item").value("HB"))
                .andExpect(jsonPath("$.items[3].repeats").value(1))
                .andExpect(jsonPath("$.items[3].avoidableCost").value(30.00));
        // hospital B sees only its own rows, none a repeat
        r.b.as(r.b.analyst, get("/api/v1/exams/repeats?period=2026-10"))
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[?(@.institution == '" + a + "')]").isEmpty())
                .andExpect(jsonPath("$.items[?(@.item == 'CT')].records").value(4))
                .andExpect(jsonPath("$.items[?(@.repeats > 0)]").isEmpty());
        // the regulator sees both hospitals: 4 + 3 rows; filters by institution, item and alliance. Only A's CT
        // covers 5 patients (P1, P2, P3 twice, P4, P5); every other row covers 1 to 4 and is suppressed
        r.a.as(r.regulator, get("/api/v1/exams/repeats?period=2026-Q4"))
                .andExpect(jsonPath("$.items.length()").value(7))
                .andExpect(jsonPath("$.items[?(@.suppressed == false)].institution").value(a))
                .andExpect(jsonPath("$.items[?(@.suppressed == false)].item").value("CT"))
                .andExpect(jsonPath("$.items[?(@.suppressed == false)].records").value(6))
                .andExpect(jsonPath("$.items[?(@.suppressed == true && @.records == null)]", hasSize(6)));
        r.a.as(r.regulator, get("/api/v1/exams/repeats?period=2026&item=HB"))
                .andExpect(jsonPath("$.items.length()").value(3));
        r.a.as(r.regulator, get("/api/v1/exams/repeats?period=2026-10&alliance=ALL-1"))
                .andExpect(jsonPath("$.items.length()").value(4))
                .andExpect(jsonPath("$.items[?(@.hospital == '" + b + "')]").isEmpty());
        r.a.as(r.regulator, get("/api/v1/exams/repeats?period=2026-10&institution=" + b))
                .andExpect(jsonPath("$.items.length()").value(3));
        r.a.as(r.a.analyst, get("/api/v1/exams/repeats?period=2026-10&institution=A-CLINIC"))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].rate").value(1.0));
        // month by month: everything is in October
        r.a.as(r.a.analyst, get("/api/v1/exams/repeats?period=2026&byMonth=true"))
                .andExpect(jsonPath("$.items[0].month").value("2026-10"));
        r.a.as(r.a.analyst, get("/api/v1/exams/repeats?period=2026-09"))
                .andExpect(jsonPath("$.items").isEmpty());

        // the list names records, never patients: a1 (REPEAT of B's b1, whose recordId is B's and not shown),
        // a4 (same institution, of a3), a8 (REPEAT of b6), c1 (REPEAT of a7); latest first
        r.a.as(r.a.analyst, get("/api/v1/exams/repeat-records?period=2026-10")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[0].recordId").value("a1"))
                .andExpect(jsonPath("$.items[0].earlierHospital").value(b))
                .andExpect(jsonPath("$.items[0].earlierRecordId").doesNotExist())
                .andExpect(jsonPath("$.items[1].recordId").value("a8"))
                .andExpect(jsonPath("$.items[2].recordId").value("c1"))
                .andExpect(jsonPath("$.items[2].earlierRecordId").value("a7"))
                .andExpect(jsonPath("$.items[3].recordId").value("a4"))
                .andExpect(jsonPath("$.items[3].outcome").value("SAME_INSTITUTION"))
                .andExpect(jsonPath("$.items[*].patientId").doesNotExist());
        r.a.as(r.a.analyst, get("/api/v1/exams/repeat-records?period=2026-10&outcome=SAME_INSTITUTION"))
                .andExpect(jsonPath("$.total").value(1));
        r.a.as(r.regulator, get("/api/v1/exams/repeat-records?period=2026-10")).andExpect(status().isForbidden());
    }

    /** A catalogue change recomputes: CT's validity cut to 29 days makes a1 (720 h after b1) no repeat. */
    @Test
    void changingAnItemsValidityRecomputesItsRecords() throws Exception {
        send(r.b, "[" + exam("b1", b, "P1", "CT", "2026-10-01T08:00:00Z", true, null) + "]", 1);
        send(r.a, "[" + exam("a1", a, "P1", "CT", "2026-10-31T08:00:00Z", true, null) + "]", 1);
        r.a.as(r.a.analyst, get("/api/v1/exams/repeats?period=2026-10"))
                .andExpect(jsonPath("$.items[0].repeats").value(1));
        r.item("CT", "胸部 CT", "EXAMINATION", 29, "REGION", "200.00");
        r.a.as(r.a.analyst, get("/api/v1/exams/repeats?period=2026-10"))
                .andExpect(jsonPath("$.items[0].repeats").value(0));
        // and back to REGION 30 days, but now ALLIANCE: B shares no alliance with A, so still none
        r.item("CT", "胸部 CT", "EXAMINATION", 30, "ALLIANCE", "200.00");
        r.a.as(r.a.analyst, get("/api/v1/exams/repeats?period=2026-10"))
                .andExpect(jsonPath("$.items[0].repeats").value(0));
        r.item("CT", "胸部 CT", "EXAMINATION", 30, "REGION", "200.00");
        r.a.as(r.a.analyst, get("/api/v1/exams/repeats?period=2026-10"))
                .andExpect(jsonPath("$.items[0].repeats").value(1));
    }

    private org.springframework.test.web.servlet.ResultActions send(TestHospital h, String body, int accepted)
            throws Exception {
        return h.as(h.office, json(post("/api/v1/exams"), body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(accepted))
                .andExpect(jsonPath("$.rejected").isEmpty());
    }
}
