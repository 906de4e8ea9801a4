package org.meridian.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Monthly statistics of a department sent as FHIR R4 {@code MeasureReport}s (docs/units.md, FHIR), in a hospital of
 * its own. The test clock stands on 2027-01-15 in Shanghai: 2027-02 is in the future.
 * <pre>
 * entry 0 Organization DEP-CARD                                           → 200, only a reference
 * entry 1 report of 2026-11 for the Organization above, two coded groups:
 *           discharges measureScore 312; bed_days populations initial 2,600 and measure-population 2,480
 *                                                                          → 201, discharges 312, bed_days 2,480
 * entry 2 report of 2026-10 (month precision) for identifier DEP-CARD, one group without a code, the measure
 *           http://his.example/fhir/Measure/discharges|3, one population of 298 → 201, discharges 298
 * entry 3 period 2026-11-01 to 2026-12-31 (two months)                     → 400, nothing stored
 * entry 4 report of 2026-09: discharges 305 and "operations" (no such measure) → 400 for the entry, yet
 *           discharges 305 is kept
 * entry 5 a report of type individual                                       → 400
 * entry 6 a report of 2027-02, a month in the future                        → 400
 * so the department holds discharges 2026-09 305, 2026-10 298, 2026-11 312 and bed_days 2026-11 2,480: 4 values.
 * </pre>
 */
@MeridianTest
class MeasureReportTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    TestHospital h;

    @BeforeEach
    void hospital() throws Exception {
        h = new TestHospital(mvc, users, hospitals);
        h.as(h.office, json(post("/api/v1/units"), """
                {"code": "DEP-CARD", "name": "心内科", "kind": "DEPARTMENT", "type": "CLINICAL"}"""))
                .andExpect(status().isCreated());
        for (String m : List.of("discharges", "bed_days")) {
            h.as(h.office, json(post("/api/v1/measures"), """
                    {"code": "%s", "nameZh": "%s", "unit": "人次", "aggregation": "SUM"}""".formatted(m, m)))
                    .andExpect(status().isCreated());
        }
    }

    static MeasureReport report(String subjectCode, String start, String end) {
        MeasureReport r = new MeasureReport();
        r.setStatus(MeasureReport.MeasureReportStatus.COMPLETE);
        r.setType(MeasureReport.MeasureReportType.SUMMARY);
        r.setSubject(new Reference().setIdentifier(new Identifier().setValue(subjectCode)));
        r.setPeriod(new Period().setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(end)));
        return r;
    }

    static CodeableConcept code(String code) {
        CodeableConcept c = new CodeableConcept();
        c.addCoding().setSystem("urn:meridian:measure").setCode(code);
        return c;
    }

    static MeasureReport.MeasureReportGroupComponent scored(MeasureReport r, String measure, String value) {
        MeasureReport.MeasureReportGroupComponent g = r.addGroup();
        g.setCode(code(measure));
        g.setMeasureScore(new Quantity().setValue(new BigDecimal(value)));
        return g;
    }

    Bundle batch() {
        Bundle b = new Bundle().setType(Bundle.BundleType.BATCH);
        Organization card = new Organization();
        card.addIdentifier().setSystem("urn:meridian:unit").setValue("DEP-CARD");
        add(b, "urn:uuid:card", card);

        MeasureReport nov = report("ignored", "2026-11-01", "2026-11-30");
        nov.setSubject(new Reference("urn:uuid:card"));
        scored(nov, "discharges", "312");
        MeasureReport.MeasureReportGroupComponent beds = nov.addGroup();
        beds.setCode(code("bed_days"));
        beds.addPopulation().setCount(2600).setCode(code("initial-population"));
        beds.addPopulation().setCount(2480).setCode(code("measure-population"));
        add(b, "urn:uuid:nov", nov);

        MeasureReport oct = report("DEP-CARD", "2026-10", "2026-10");
        oct.setMeasure("http://his.example/fhir/Measure/discharges|3");
        oct.addGroup().addPopulation().setCount(298);
        add(b, "urn:uuid:oct", oct);

        MeasureReport twoMonths = report("DEP-CARD", "2026-11-01", "2026-12-31");
        scored(twoMonths, "discharges", "640");
        add(b, "urn:uuid:two", twoMonths);

        MeasureReport sep = report("DEP-CARD", "2026-09-01T00:00:00+08:00", "2026-09-30T23:59:59+08:00");
        scored(sep, "discharges", "305");
        scored(sep, "operations", "41");
        add(b, "urn:uuid:sep", sep);

        MeasureReport individual = report("DEP-CARD", "2026-08-01", "2026-08-31");
        individual.setType(MeasureReport.MeasureReportType.INDIVIDUAL);
        scored(individual, "discharges", "1");
        add(b, "urn:uuid:ind", individual);

        MeasureReport future = report("DEP-CARD", "2027-02-01", "2027-02-28");
        scored(future, "discharges", "300");
        add(b, "urn:uuid:fut", future);
        return b;
    }

    static void add(Bundle b, String fullUrl, Resource r) {
        b.addEntry().setFullUrl(fullUrl).setResource(r).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(r.fhirType());
    }

    MvcResult send(Resource resource) throws Exception {
        return h.as(h.office, post("/fhir/r4").contentType("application/fhir+json")
                .content(FHIR.newJsonParser().encodeResourceToString(resource))).andReturn();
    }

    static Bundle answer(MvcResult result) throws Exception {
        return FHIR.newJsonParser().parseResource(Bundle.class, result.getResponse().getContentAsString());
    }

    static List<String> statuses(MvcResult result) throws Exception {
        return answer(result).getEntry().stream().map(e -> e.getResponse().getStatus()).toList();
    }

    static String diagnostics(MvcResult result, int entry) throws Exception {
        return ((OperationOutcome) answer(result).getEntry().get(entry).getResponse().getOutcome()).getIssue().stream()
                .map(i -> i.getExpression().get(0).getValue() + " " + i.getDiagnostics()).toList().toString();
    }

    @Test
    void eachGroupOfAMonthlyReportBecomesAStatisticAndABadReportNeverCostsTheGoodOnes() throws Exception {
        MvcResult result = send(batch());
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(statuses(result)).containsExactly("200 OK", "201 Created", "201 Created", "400 Bad Request",
                "400 Bad Request", "400 Bad Request", "400 Bad Request");
        assertThat(diagnostics(result, 1)).contains("stored discharges 2026-11 of DEP-CARD = 312")
                .contains("stored bed_days 2026-11 of DEP-CARD = 2480");
        assertThat(diagnostics(result, 3)).contains("is not one calendar month");
        assertThat(diagnostics(result, 4))
                .contains("Bundle.entry[4].MeasureReport.group[0] stored discharges 2026-09 of DEP-CARD = 305")
                .contains("Bundle.entry[4].MeasureReport.group[1] measure: unknown statistic measure 'operations'");
        assertThat(diagnostics(result, 5)).contains("MeasureReport.type must be summary, not individual");
        assertThat(diagnostics(result, 6)).contains("the month 2027-02 is in the future");

        h.as(h.analyst, get("/api/v1/statistics?unit=DEP-CARD&from=2026-01&to=2027-01"))
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[?(@.measure == 'discharges' && @.month == '2026-09')].value").value(305))
                .andExpect(jsonPath("$[?(@.measure == 'discharges' && @.month == '2026-10')].value").value(298))
                .andExpect(jsonPath("$[?(@.measure == 'discharges' && @.month == '2026-11')].value").value(312))
                .andExpect(jsonPath("$[?(@.measure == 'bed_days' && @.month == '2026-11')].value").value(2480));

        // sent again: the stored values are duplicates, nothing changes, the bad reports are still refused
        MvcResult again = send(batch());
        assertThat(statuses(again)).containsExactly("200 OK", "200 OK", "200 OK", "400 Bad Request",
                "400 Bad Request", "400 Bad Request", "400 Bad Request");
        assertThat(diagnostics(again, 1)).contains("the value already stored; ignored");
        h.as(h.analyst, get("/api/v1/statistics/restatements?unit=DEP-CARD")).andExpect(jsonPath("$.total").value(0));
        h.as(h.analyst, get("/api/v1/statistics?unit=DEP-CARD&from=2026-01&to=2027-01"))
                .andExpect(jsonPath("$.length()").value(4));
    }

    @Test
    void aReportAloneRestatesAMonthWithItsReason() throws Exception {
        MeasureReport first = report("DEP-CARD", "2026-11-01", "2026-11-30");
        scored(first, "discharges", "312");
        assertThat(statuses(send(first))).containsExactly("201 Created");

        MeasureReport corrected = report("DEP-CARD", "2026-11-01", "2026-11-30");
        scored(corrected, "discharges", "310");
        corrected.addExtension("urn:meridian:fhir:restatement-reason", new StringType("两例转科重复计入"));
        MvcResult result = send(corrected);
        assertThat(statuses(result)).containsExactly("201 Created");
        assertThat(diagnostics(result, 0)).contains("restated discharges 2026-11 of DEP-CARD = 310");
        h.as(h.analyst, get("/api/v1/statistics/restatements?unit=DEP-CARD"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].oldValue").value(312))
                .andExpect(jsonPath("$.items[0].newValue").value(310))
                .andExpect(jsonPath("$.items[0].reason").value("两例转科重复计入"));
    }

    @Test
    void aReportOfAnUnknownUnitOrWithoutAValueIsRefusedAndATransactionIsNotTheirPlace() throws Exception {
        MeasureReport unknown = report("DEP-NONE", "2026-11-01", "2026-11-30");
        scored(unknown, "discharges", "12");
        MvcResult r1 = send(unknown);
        assertThat(statuses(r1)).containsExactly("400 Bad Request");
        assertThat(diagnostics(r1, 0)).contains("unit: unknown department or institution 'DEP-NONE'");

        MeasureReport empty = report("DEP-CARD", "2026-11-01", "2026-11-30");
        empty.addGroup().setCode(code("discharges"));
        MvcResult r2 = send(empty);
        assertThat(statuses(r2)).containsExactly("400 Bad Request");
        assertThat(diagnostics(r2, 0)).contains("has no value");

        MeasureReport good = report("DEP-CARD", "2026-11-01", "2026-11-30");
        scored(good, "discharges", "312");
        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        add(transaction, "urn:uuid:t", good);
        MvcResult r3 = send(transaction);
        assertThat(r3.getResponse().getStatus()).isEqualTo(400);
        assertThat(r3.getResponse().getContentAsString()).contains("not in a transaction");

        h.as(h.analyst, get("/api/v1/statistics?unit=DEP-CARD&from=2026-01&to=2027-01"))
                .andExpect(jsonPath("$.length()").value(0));
    }
}
