package org.meridian.region;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The regulator's rankings by API (docs/region.md, network.md §5 style). Chest CT (30 days, region-wide, 200.00 CNY)
 * in October 2026, worked by hand:
 * <ul>
 *   <li>B: patients 1–5 once each on the 1st → 5 records, 5 patients, 0 repeats, rate 0, cost 0.00;</li>
 *   <li>A: the same five patients on the 2nd → each a repeat of B's result of the day before: 5 records, 5 repeats,
 *       rate 5 / 5 = 1, cost 5 × 200.00 = 1000.00;</li>
 *   <li>C: patients 6 and 7 once → 2 patients, fewer than 5: not ranked, no figures.</li>
 * </ul>
 * By rate or by cost, lowest first: B 1st, A 2nd; C listed after them as TOO_FEW.
 */
@MeridianTest
class RankingApiTest {

    @Autowired TestRegions regions;

    private static String exam(String institution, String patient, int day) {
        return """
                {"recordId": "rk-%s", "institution": "%s", "patientId": "%s", "item": "CT",
                 "performedAt": "2026-10-%02dT08:00:00+08:00", "recognisable": true}"""
                .formatted(UUID.randomUUID(), institution, patient, day);
    }

    private static void send(TestHospital h, List<String> rows) throws Exception {
        h.as(h.office, json(post("/api/v1/exams"), "[" + String.join(",", rows) + "]"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rejected.length()").value(0));
    }

    @Test
    void theRegulatorReadsTheRankingAndATrendWithTheirFiguresAndNoPatient() throws Exception {
        TestRegion r = regions.create();
        TestRegion other = regions.create();
        TestHospital c = r.join();
        r.item("CT", "胸部 CT", "EXAMINATION", "200.00");
        String patient = "RK-" + UUID.randomUUID() + "-";
        List<String> ofB = new ArrayList<>();
        List<String> ofA = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ofB.add(exam(r.b.hospital.code(), patient + i, 1));
            ofA.add(exam(r.a.hospital.code(), patient + i, 2));
        }
        send(r.b, ofB);
        send(r.a, ofA);
        send(c, List.of(exam(c.hospital.code(), patient + 6, 3), exam(c.hospital.code(), patient + 7, 3)));

        for (String by : new String[] {"RATE", "COST"}) {
            r.a.as(r.regulator, get("/api/v1/region/rankings?period=2026-10&by=" + by))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.period").value("2026-10"))
                    .andExpect(jsonPath("$.by").value(by))
                    .andExpect(jsonPath("$.ranked").value(2))
                    .andExpect(jsonPath("$.group").value(3))
                    .andExpect(jsonPath("$.total").value(3))
                    .andExpect(jsonPath("$.items[*].hospital").value(Matchers.contains(r.b.hospital.code(),
                            r.a.hospital.code(), c.hospital.code())))
                    .andExpect(jsonPath("$.items[0].rank").value(1))
                    .andExpect(jsonPath("$.items[0].repeats").value(0))
                    .andExpect(jsonPath("$.items[1].rank").value(2))
                    .andExpect(jsonPath("$.items[1].records").value(5))
                    .andExpect(jsonPath("$.items[1].patients").value(5))
                    .andExpect(jsonPath("$.items[1].repeats").value(5))
                    .andExpect(jsonPath("$.items[1].rate").value(Matchers.closeTo(1.0, 1e-9)))
                    .andExpect(jsonPath("$.items[1].avoidableCost").value(Matchers.closeTo(1000.0, 1e-9)))
                    .andExpect(jsonPath("$.items[2].standing").value("TOO_FEW"))
                    .andExpect(jsonPath("$.items[2].rank").value(Matchers.nullValue()))
                    .andExpect(jsonPath("$.items[2].records").value(Matchers.nullValue()))
                    .andExpect(content().string(Matchers.not(Matchers.containsString(patient))));
        }
        // paged: the second page of one row is A; the answer's fields are those of every list, beside the ranking's own
        r.a.as(r.regionAdmin, get("/api/v1/region/rankings?period=2026-10&size=1&page=1"))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].hospital").value(r.a.hospital.code()))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.minPatients").isNumber())
                .andExpect(jsonPath("$.entries").doesNotExist());

        // A's trend: October, rate 1, 2nd of the 2 ranked; the region's ranked together: 5 repeats / 10 records
        r.a.as(r.regulator, get("/api/v1/region/rankings/{code}/trend?month=2026-10", r.a.hospital.code()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(12))
                .andExpect(jsonPath("$.items[11].month").value("2026-10"))
                .andExpect(jsonPath("$.items[11].rate").value(Matchers.closeTo(1.0, 1e-9)))
                .andExpect(jsonPath("$.items[11].rank").value(2))
                .andExpect(jsonPath("$.items[11].ranked").value(2))
                .andExpect(jsonPath("$.items[11].regionRate").value(Matchers.closeTo(0.5, 1e-9)));

        // another region's hospital is not found; a hospital's own staff may not read the region
        other.a.as(other.regulator, get("/api/v1/region/rankings/{code}/trend", r.a.hospital.code()))
                .andExpect(status().isNotFound());
        r.a.as(r.a.office, get("/api/v1/region/rankings?period=2026-10")).andExpect(status().isForbidden());
        // every unreadable filter named at once
        r.a.as(r.regulator, get("/api/v1/region/rankings?period=2026-13&by=SPEED&type=CLINIC"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("period", "by", "type")));
        r.a.as(r.regulator, get("/api/v1/region/rankings/{code}/trend?month=October", r.a.hospital.code()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
    }
}
