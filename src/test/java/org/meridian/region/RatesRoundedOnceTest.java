package org.meridian.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A repeat rate is shown in per cent rounded once from its counts, and kept to 6 decimals as a fraction (issue 16).
 * In a region of its own, chest CT (30 days, whole region, 200.00 CNY) in October 2026:
 * <ul>
 * <li>B examines patients P1…P6 on the 1st: 6 records, no repeat (0.0 %);</li>
 * <li>A examines P1…P6 again on the 2nd (6 repeats of B's results, 1 day old) and P7…P11 for the first time on the
 * 3rd: 11 records of 11 patients, 6 repeats.</li>
 * </ul>
 * A's rate is 6 / 11 = 0.545454…: 54.5454… % shows as 54.5 %, and the fraction to 6 decimals is 0.545455. Rounded
 * first to 4 decimals (0.5455) it showed 54.6 % before. The two ranked hospitals together: 6 repeats of 6 + 11 = 17
 * records, 6 / 17 = 0.352941… → 35.3 %.
 */
@MeridianTest
class RatesRoundedOnceTest {

    @Autowired TestRegions regions;
    @Autowired Hospitals hospitals;

    TestRegion r;
    String a;

    @BeforeEach
    void region() throws Exception {
        r = regions.create();
        a = r.a.hospital.code();
        r.item("CT", "胸部 CT", "EXAMINATION", "200.00");
        String patient = "RO-" + UUID.randomUUID() + "-";
        List<String> ofB = new ArrayList<>();
        List<String> ofA = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            ofB.add(RegulatorWorkbenchTest.exam("b" + i, r.b.hospital.code(), patient + i, 1));
            ofA.add(RegulatorWorkbenchTest.exam("a" + i, a, patient + i, 2));
        }
        for (int i = 7; i <= 11; i++) {
            ofA.add(RegulatorWorkbenchTest.exam("a" + i, a, patient + i, 3));
        }
        send(r.b, ofB);
        send(r.a, ofA);
    }

    private static void send(TestHospital h, List<String> rows) throws Exception {
        h.as(h.office, json(post("/api/v1/exams"), "[" + String.join(",", rows) + "]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(rows.size()));
    }

    /** The text from the element carrying {@code marker} to the end of its row (tags stripped). */
    private static String row(String html, String marker) {
        int start = html.indexOf(marker);
        assertThat(start).as(marker).isPositive();
        return html.substring(start, html.indexOf("</tr>", start)).replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ");
    }

    @Test
    void theExamFiguresShow54Point5AndKeepSixDecimals() throws Exception {
        r.a.as(r.a.analyst, get("/api/v1/exams/repeats?period=2026-10"))
                .andExpect(jsonPath("$.items[0].records").value(11))
                .andExpect(jsonPath("$.items[0].repeats").value(6))
                .andExpect(jsonPath("$.items[0].rate").value(0.545455));
        String figures = regions.page(r.a.analyst, "/exams?period=2026-10");
        assertThat(figures).contains("54.5 %").doesNotContain("54.6 %");
        // the period's total over A's one row is the same 6 / 11
        assertThat(figures.substring(figures.indexOf("id=\"total-rate\""))).startsWith("id=\"total-rate\">54.5 %<");
    }

    @Test
    void theRegionsPagesShow54Point5AndItsApiAndWorkbooksSixDecimals() throws Exception {
        assertThat(row(regions.page(r.regulator, "/region/workbench?period=2026-10"), "data-hospital=\"" + a + "\""))
                .contains("11", "6", "54.5 %").doesNotContain("54.6");
        assertThat(row(regions.page(r.regulator, "/region/rankings?period=2026-10"), "data-hospital=\"" + a + "\""))
                .contains("54.5 %");
        r.a.as(r.regulator, get("/api/v1/region/rankings?period=2026-10"))
                .andExpect(jsonPath("$.items[?(@.hospital == '" + a + "')].rate").value(0.545455));

        String institution = regions.page(r.regulator, "/region/institutions/" + a + "?period=2026-10");
        assertThat(institution.substring(institution.indexOf("id=\"institution-rate\"")))
                .startsWith("id=\"institution-rate\">54.5 %<");
        assertThat(row(institution, "data-item=\"CT\"")).contains("54.5 %");
        // October in the trend: A 54.5 %, the ranked hospitals together 6 / 17 → 35.3 %
        assertThat(row(institution, "data-trend=\"2026-10\"")).contains("54.5 %", "35.3 %");
        r.a.as(r.regulator, get("/api/v1/region/rankings/{code}/trend?month=2026-10", a))
                .andExpect(jsonPath("$.items[11].rate").value(0.545455))
                .andExpect(jsonPath("$.items[11].regionRate").value(0.352941));

        List<List<String>> sheet = AllianceReportTest.rows(regions.download(r.regulator, "/region/workbench.xlsx?period=2026-10"));
        assertThat(RegulatorWorkbenchTest.sheetRow(sheet, a)).containsSequence("11", "6", "0.545455", "1200.00");
    }
}
