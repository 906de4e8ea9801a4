package org.meridian.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Exam records as FHIR R4 DiagnosticReport and ImagingStudy (docs/exams.md, FHIR), in {@link ExamRegion} (chest CT:
 * 30 days, region-wide, 200.00 CNY). Hospital A sends a batch; each entry is answered on its own (bad ones refused
 * with the element they came from, the good ones kept). Hospital B then sends an earlier CT of the same patient, which
 * arrives later and still makes A's record a repeat. Worked by hand for A in October 2026:
 * <ul>
 *   <li>dr-1, patient X, 2026-10-05 09:00 +08:00, final → a repeat of B's is-b-1 (2026-10-03, available, 2 days
 *       before, within 30 days, another institution);</li>
 *   <li>is-2, patient Y, 2026-10-31T23:30 without offset: read in Shanghai, so 31 October (as UTC it would be
 *       1 November in Shanghai and count in November) → no earlier record: not a repeat;</li>
 *   <li>dr-7, item MRI-X: stored, not in the catalogue, not counted.</li>
 * </ul>
 * So A's CT row: 2 records, 1 repeat, rate 1 / 2 = 0.5, avoidable cost 1 × 200.00 = 200.00.
 */
@MeridianTest
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class ExamFhirTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;

    ExamRegion r;
    String a;
    String b;
    String patientX;
    String patientY;
    String tag;

    @BeforeEach
    void region() throws Exception {
        r = new ExamRegion(mvc, users, hospitals, jdbc);
        a = r.a.hospital.code();
        b = r.b.hospital.code();
        tag = UUID.randomUUID().toString().substring(0, 8);
        patientX = "ID-X-" + UUID.randomUUID();
        patientY = "ID-Y-" + UUID.randomUUID();
    }

    private static String report(String id, String status, String subject, String performer, String code, String at,
                                 String extension) {
        return """
                {"resourceType": "DiagnosticReport", "identifier": [{"system": "urn:his:accession", "value": "%s"}],
                 "status": "%s", "code": {"coding": [{"system": "urn:region:exam-item", "code": "%s"}]},
                 "subject": %s, "performer": [%s], "effectiveDateTime": "%s"%s}"""
                .formatted(id, status, code, subject, performer, at, extension == null ? "" : ", " + extension);
    }

    private static String study(String id, String status, String subject, String performer, String code, String at) {
        return """
                {"resourceType": "ImagingStudy", "identifier": [{"value": "%s"}], "status": "%s",
                 "subject": %s, "started": "%s", "procedureCode": [{"coding": [{"code": "%s"}]}],
                 "series": [{"uid": "1.2.3", "modality": {"code": "CT"}, "performer": [{"actor": %s}]}]}"""
                .formatted(id, status, subject, at, code, performer);
    }

    private static String byIdentifier(String type, String value) {
        return "{\"type\": \"" + type + "\", \"identifier\": {\"value\": \"" + value + "\"}}";
    }

    private static String entry(String fullUrl, String resource) {
        return "{\"fullUrl\": \"" + fullUrl + "\", \"resource\": " + resource + "}";
    }

    private static String bundle(String type, String... entries) {
        return "{\"resourceType\": \"Bundle\", \"type\": \"" + type + "\", \"entry\": [" + String.join(",", entries)
                + "]}";
    }

    private String send(String user, org.meridian.support.TestHospital h, String body, int expected) throws Exception {
        return h.as(user, post("/fhir/r4").contentType("application/fhir+json").content(body))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }

    private String batchOfA() {
        String org = "{\"reference\": \"urn:uuid:org-a\"}";
        return bundle("batch",
                entry("urn:uuid:pat-x", "{\"resourceType\": \"Patient\", \"identifier\": [{\"value\": \"" + patientX
                        + "\"}]}"),
                entry("urn:uuid:org-a", "{\"resourceType\": \"Organization\", \"identifier\": [{\"value\": \"" + a
                        + "\"}]}"),
                entry("urn:uuid:dr-1", report("dr-1-" + tag, "final", "{\"reference\": \"urn:uuid:pat-x\"}", org, "CT",
                        "2026-10-05T09:00:00+08:00", null)),
                entry("urn:uuid:is-2", study("is-2-" + tag, "available", byIdentifier("Patient", patientY),
                        byIdentifier("Organization", a), "CT", "2026-10-31T23:30:00")),
                entry("urn:uuid:dr-3", report("dr-3-" + tag, "cancelled", byIdentifier("Patient", patientX), org,
                        "CT", "2026-10-06T09:00:00+08:00", null)),
                entry("urn:uuid:dr-4", report("dr-4-" + tag, "final", "{\"reference\": \"Patient/123\"}", org, "CT",
                        "2026-10-06T09:00:00+08:00", null)),
                entry("urn:uuid:dr-5", report("dr-5-" + tag, "final", byIdentifier("Patient", patientX),
                        byIdentifier("Organization", b), "CT", "2026-10-06T09:00:00+08:00", null)),
                entry("urn:uuid:dr-6", report("dr-6-" + tag, "final", byIdentifier("Patient", patientX), org, "CT",
                        "2026-10-06T09:00:00+08:00", "\"extension\": [{\"url\": \"urn:meridian:fhir:exam-exception\","
                                + " \"valueCode\": \"TIRED\"}]")),
                entry("urn:uuid:dr-7", report("dr-7-" + tag, "final", byIdentifier("Patient", patientX), org, "MRI-X",
                        "2026-10-06T09:00:00+08:00", null)));
    }

    private static String entryStatus(String answer, int entry) {
        return JsonPath.read(answer, "$.entry[" + entry + "].response.status");
    }

    private static String diagnostics(String answer, int entry) {
        List<String> texts = JsonPath.read(answer, "$.entry[" + entry + "].response.outcome.issue[*].diagnostics");
        return String.join(" | ", texts);
    }

    @Test
    void eachResourceIsOneExamRecordCheckedOnItsOwnAndAnEarlierOneArrivingLaterMakesARepeat(
            org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        String answer = send(r.a.office, r.a, batchOfA(), 200);
        assertThat(entryStatus(answer, 0)).isEqualTo("200 OK"); // the Patient, a reference only
        assertThat(entryStatus(answer, 2)).isEqualTo("201 Created");
        assertThat(diagnostics(answer, 2)).isEqualTo("stored as exam record dr-1-" + tag);
        assertThat(entryStatus(answer, 3)).isEqualTo("201 Created");
        assertThat(entryStatus(answer, 4)).isEqualTo("400 Bad Request");
        assertThat(diagnostics(answer, 4)).contains("DiagnosticReport.status cancelled is not an exam performed");
        assertThat(entryStatus(answer, 5)).isEqualTo("400 Bad Request");
        assertThat(diagnostics(answer, 5)).contains("DiagnosticReport.subject must name the patient by an identifier");
        assertThat(entryStatus(answer, 6)).isEqualTo("400 Bad Request");
        assertThat(diagnostics(answer, 6)).isEqualTo("institution (DiagnosticReport.performer): institution '" + b
                + "' belongs to another hospital; this hospital cannot send its records");
        assertThat(entryStatus(answer, 7)).isEqualTo("400 Bad Request");
        assertThat(diagnostics(answer, 7)).startsWith(
                "exception (DiagnosticReport.extension): the region has no exception reason 'TIRED'");
        assertThat(entryStatus(answer, 8)).isEqualTo("201 Created");
        assertThat(diagnostics(answer, 8)).contains("item 'MRI-X' is not in the region's catalogue: kept, not counted");
        assertThat(answer).doesNotContain(patientX).doesNotContain(patientY);

        // before B's record arrives, A's October CT has 2 records and no repeat
        assertThat(ctRow()).containsEntry("records", 2).containsEntry("repeats", 0);

        // B's earlier CT of patient X arrives later: A's dr-1 becomes a repeat
        String fromB = send(r.b.office, r.b, study("is-b-1-" + tag, "available", byIdentifier("Patient", patientX),
                byIdentifier("Organization", b), "CT", "2026-10-03T08:00:00+08:00"), 200);
        assertThat(entryStatus(fromB, 0)).isEqualTo("201 Created");
        Map<String, Object> row = ctRow();
        assertThat(row).containsEntry("records", 2).containsEntry("repeats", 1);
        assertThat(((Number) row.get("rate")).doubleValue()).isEqualTo(0.5);
        assertThat(((Number) row.get("avoidableCost")).doubleValue()).isEqualTo(200.00);

        // sent again: duplicates, nothing changes; the bad entries are refused again
        String again = send(r.a.office, r.a, batchOfA(), 200);
        assertThat(entryStatus(again, 2)).isEqualTo("200 OK");
        assertThat(diagnostics(again, 2)).contains("duplicate of exam record dr-1-" + tag);
        assertThat(entryStatus(again, 3)).isEqualTo("200 OK");
        assertThat(entryStatus(again, 8)).isEqualTo("200 OK");
        assertThat(entryStatus(again, 6)).isEqualTo("400 Bad Request");
        assertThat(ctRow()).containsEntry("records", 2).containsEntry("repeats", 1);
        assertThat(jdbc.sql("SELECT count(*) FROM exam_record WHERE region_id = :r").param("r", r.region)
                .query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM exam_record WHERE CAST(patient AS text) IN (:p)")
                .param("p", List.of(patientX, patientY)).query(Long.class).single()).isZero();
        assertThat(output.getAll()).as("the log").doesNotContain(patientX).doesNotContain(patientY);
    }

    @Test
    void examsAreTakenAloneOrInABatchNeverInATransactionAndOnlyByWhoMaySendRecords() throws Exception {
        String inTransaction = send(r.a.office, r.a, bundle("transaction", entry("urn:uuid:dr",
                report("dr-t-" + tag, "final", byIdentifier("Patient", patientX), byIdentifier("Organization", a),
                        "CT", "2026-10-05T09:00:00+08:00", null))), 400);
        assertThat(inTransaction).contains("a DiagnosticReport or ImagingStudy is taken alone or in a batch Bundle");
        // an analyst reads, never sends
        send(r.a.analyst, r.a, report("dr-n-" + tag, "final", byIdentifier("Patient", patientX),
                byIdentifier("Organization", a), "CT", "2026-10-05T09:00:00+08:00", null), 403);
        // a preliminary report is stored, not recognisable: it can be repeated, it makes no repeat of a later one
        String pending = send(r.a.office, r.a, report("dr-p-" + tag, "preliminary", byIdentifier("Patient", patientX),
                byIdentifier("Organization", a), "CT", "2026-10-05T09:00:00+08:00", null), 200);
        assertThat(entryStatus(pending, 0)).isEqualTo("201 Created");
        assertThat(jdbc.sql("SELECT recognisable FROM exam_record WHERE region_id = :r").param("r", r.region)
                .query(Boolean.class).single()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> ctRow() throws Exception {
        String json = r.a.as(r.a.analyst, get("/api/v1/exams/repeats?period=2026-10&item=CT"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> items = JsonPath.read(json, "$.items[?(@.institution == '" + a + "')]");
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
