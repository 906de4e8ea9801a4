package org.meridian.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.exam.ExamRegion.exam;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Exam records and the catalogue through the API: bad input, duplicates, who may write, no clear patient id. */
@MeridianTest
@ExtendWith(OutputCaptureExtension.class)
class ExamIntakeTest {

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

    @Test
    void badRowsAreRejectedWithEveryReasonAndTheGoodOnesKept() throws Exception {
        r.a.as(r.a.office, json(post("/api/v1/exams"), "[" + String.join(",",
                exam("ok-1", a, "P1", "CT", "2026-10-01T08:00:00Z", true, null),
                exam("bad-1", "NOWHERE", "P1", "CT", "2026-10-01T08:00:00Z", true, null),
                exam("bad-2", b, "P1", "CT", "2026-10-01T08:00:00Z", true, null),
                exam("bad-3", a, "P1", "CT", "2026-10-01T08:00:00Z", true, "TIRED"),
                exam("bad-4", a, "P1", "CT", "yesterday", true, null),
                exam("bad-5", a, "P1", "CT", "2027-01-20T00:00:00Z", true, null),
                "{\"recordId\": \"bad-6\", \"institution\": \"" + a + "\", \"item\": \"CT\","
                        + " \"performedAt\": \"2026-10-01T08:00:00Z\", \"recognisable\": \"maybe\"}",
                exam("ok-2", "A-CLINIC", "P2", "CT", "2026-10-02T08:00:00Z", false, "CONDITION_CHANGED")) + "]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected.length()").value(6))
                .andExpect(jsonPath("$.rejected[0].index").value(1))
                .andExpect(jsonPath("$.rejected[0].recordId").value("bad-1"))
                .andExpect(jsonPath("$.rejected[0].errors[0].field").value("institution"))
                .andExpect(jsonPath("$.rejected[0].errors[0].message")
                        .value("this hospital has no institution 'NOWHERE' (its own code or an institution it registered)"))
                .andExpect(jsonPath("$.rejected[1].errors[0].message").value("institution '" + b
                        + "' belongs to another hospital; this hospital cannot send its records"))
                .andExpect(jsonPath("$.rejected[2].errors[0].field").value("exception"))
                .andExpect(jsonPath("$.rejected[3].errors[0].field").value("performedAt"))
                // the test clock stands on 2027-01-15: the 20th is more than 24 h ahead
                .andExpect(jsonPath("$.rejected[4].errors[0].field").value("performedAt"))
                .andExpect(jsonPath("$.rejected[5].errors[*].field").value(org.hamcrest.Matchers.contains(
                        "patientId", "recognisable")));
        // Chinese on request
        r.a.as(r.a.office, json(post("/api/v1/exams?lang=zh-CN"),
                        "[" + exam("bad-7", a, "P1", "CT", "2026-10-01T08:00:00Z", true, "TIRED") + "]"))
                .andExpect(jsonPath("$.rejected[0].errors[0].message").value(org.hamcrest.Matchers.startsWith(
                        "本区域没有例外理由编码“TIRED”")));
        // a body that is not an array stores nothing
        r.a.as(r.a.office, json(post("/api/v1/exams"), "{\"recordId\": \"x\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aResendIsADuplicateAndATakenRecordIdWithOtherContentIsRejected() throws Exception {
        String row = exam("d-1", a, "P1", "CT", "2026-10-01T08:00:00Z", true, null);
        r.a.as(r.a.office, json(post("/api/v1/exams"), "[" + row + "," + row + "]"))
                .andExpect(jsonPath("$.accepted").value(1)).andExpect(jsonPath("$.duplicates").value(1));
        // the same instant written with another offset is the same record
        r.a.as(r.a.office, json(post("/api/v1/exams"), "["
                        + exam("d-1", a, "P1", "CT", "2026-10-01T16:00:00+08:00", true, null) + ","
                        + exam("d-1", a, "P1", "CT", "2026-10-02T08:00:00Z", true, null) + "]"))
                .andExpect(jsonPath("$.accepted").value(0)).andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.rejected[0].index").value(1))
                .andExpect(jsonPath("$.rejected[0].errors[0].message")
                        .value("recordId 'd-1' is already taken by a record with different content"));
        // recordId is unique in the region: hospital B cannot reuse it either
        r.b.as(r.b.office, json(post("/api/v1/exams"),
                        "[" + exam("d-1", b, "P1", "CT", "2026-10-01T08:00:00Z", true, null) + "]"))
                .andExpect(jsonPath("$.accepted").value(0)).andExpect(jsonPath("$.rejected[0].errors[0].field")
                        .value("recordId"));
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aCsvFileIsReadLikeTheJson() throws Exception {
        String csv = "recordId,institution,patientId,item,performedAt,recognisable,exception\n"
                + "f-1," + a + ",P1,CT,2026-10-01T08:00:00Z,true,\n"
                + "f-2,A-CLINIC,P1,CT,2026-10-02T08:00:00Z,true,\n"
                + "f-3," + a + ",P1,CT,2026-10-03 08:00,true,\n"
                + "f-3b," + a + ",P1,CT,2026/10/5 8:30,true,\n"
                + "f-3c," + a + ",P1,CT,yesterday,true,\n";
        r.a.as(r.a.office, multipart("/api/v1/exams/import").file(new MockMultipartFile("file", "exams.csv",
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(4))
                .andExpect(jsonPath("$.encoding").value("UTF-8"))
                .andExpect(jsonPath("$.rejected.length()").value(1))
                .andExpect(jsonPath("$.rejected[0].index").value(5))
                .andExpect(jsonPath("$.rejected[0].errors[0].field").value("performedAt"));
        // times without offset read in the hospital's zone, Asia/Shanghai (UTC+8), as event files' are
        assertThat(jdbc.sql("SELECT performed_at FROM exam_record WHERE record_id IN ('f-3', 'f-3b') ORDER BY 1")
                .query(java.time.OffsetDateTime.class).list()).extracting(java.time.OffsetDateTime::toInstant)
                .containsExactly(java.time.Instant.parse("2026-10-03T00:00:00Z"),
                        java.time.Instant.parse("2026-10-05T00:30:00Z"));
        // as Chinese Excel saves CSV: GB18030, here with a patient named in Chinese
        r.a.as(r.a.office, multipart("/api/v1/exams/import").file(new MockMultipartFile("file", "exams.csv", "text/csv",
                        ("recordId,institution,patientId,item,performedAt,recognisable,exception\n"
                                + "f-4," + a + ",张三,CT,2026-10-04T08:00:00Z,true,\n").getBytes(java.nio.charset.Charset.forName("GB18030")))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.encoding").value("GB18030"));
        r.a.as(r.a.office, multipart("/api/v1/exams/import").file(new MockMultipartFile("file", "exams.csv",
                        "text/csv", "recordId,who\n".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        // f-2 at A-CLINIC repeats f-1 at A (CT is recognised in the whole region, 30 days)
        r.a.as(r.a.analyst, get("/api/v1/exams/repeats?period=2026-10&institution=A-CLINIC"))
                .andExpect(jsonPath("$.items[0].repeats").value(1));
    }

    /**
     * A NUL (U+0000) in any cell of an exam-record file (issue 18 point 4): PostgreSQL can store no text with one and
     * refuses even to look one up. Its row is rejected on that field; the file's other rows are kept.
     */
    @Test
    void aNulInAnyCellRejectsItsRowOnThatFieldAndTheRestOfTheFileIsKept() throws Exception {
        String csv = String.join("\n", "recordId,institution,patientId,item,performedAt,recognisable,exception",
                "n-1," + a + ",P1,CT,2026-10-01T08:00:00Z,true,",
                "n-2," + a + "\u0000X,P1,CT,2026-10-02T08:00:00Z,true,",
                "n-\u00003," + a + ",P1,CT,2026-10-03T08:00:00Z,true,",
                "n-4," + a + ",P\u00001,CT,2026-10-04T08:00:00Z,true,",
                "n-5," + a + ",P1,C\u0000T,2026-10-05T08:00:00Z,true,",
                "n-6," + a + ",P1,CT,2026-10-06\u0000T08:00:00Z,true,",
                "n-7," + a + ",P1,CT,2026-10-07T08:00:00Z,true,CONDITION\u0000CHANGED",
                "n-8," + a + ",P2,CT,2026-10-08T08:00:00Z,true,");
        r.a.as(r.a.office, multipart("/api/v1/exams/import?lang=en").file(new MockMultipartFile("file", "nul.csv",
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected[*].index").value(org.hamcrest.Matchers.contains(2, 3, 4, 5, 6, 7)))
                .andExpect(jsonPath("$.rejected[0].recordId").value("n-2"))
                .andExpect(jsonPath("$.rejected[0].errors[0].field").value("institution"))
                .andExpect(jsonPath("$.rejected[0].errors[0].message").value(
                        "contains a character that cannot be stored (U+0000 or an unpaired surrogate)"))
                .andExpect(jsonPath("$.rejected[1].errors[0].field").value("recordId"))
                .andExpect(jsonPath("$.rejected[2].errors[0].field").value("patientId"))
                .andExpect(jsonPath("$.rejected[3].errors[0].field").value("item"))
                .andExpect(jsonPath("$.rejected[4].errors[0].field").value("performedAt"))
                .andExpect(jsonPath("$.rejected[5].errors[0].field").value("exception"));
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void theCatalogueIsKeptByTheRegionAdministratorAndReadByEveryone() throws Exception {
        r.a.as(r.regionAdmin, json(put("/api/v1/exam-items/MRI"), """
                {"name": "", "category": "PHOTO", "validDays": 0, "scope": "WORLD", "price": -1}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "name", "category", "validDays", "scope", "price")));
        r.a.as(r.regulator, json(put("/api/v1/exam-items/MRI"), """
                {"name": "MRI", "category": "EXAMINATION", "validDays": 30, "scope": "REGION", "price": 500}"""))
                .andExpect(status().isForbidden());
        r.a.as(r.a.office, json(put("/api/v1/exam-items/MRI"), """
                {"name": "MRI", "category": "EXAMINATION", "validDays": 30, "scope": "REGION", "price": 500}"""))
                .andExpect(status().isForbidden());
        r.a.as(r.regulator, json(post("/api/v1/exams"),
                        "[" + exam("g-1", a, "P1", "CT", "2026-10-01T08:00:00Z", true, null) + "]"))
                .andExpect(status().isForbidden());
        r.a.as(r.regulator, json(post("/api/v1/alliances"), """
                {"code": "ALL-2", "name": "x", "lead": "%s", "members": []}""".formatted(a)))
                .andExpect(status().isForbidden());
        r.b.as(r.b.analyst, get("/api/v1/exam-items")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].code").value("CT"));
        r.a.as(r.regulator, get("/api/v1/exam-exception-reasons")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.containsInAnyOrder("CONDITION_CHANGED",
                        "EMERGENCY", "PATIENT_REQUEST", "RESULT_TOO_OLD", "QC_FAILED")));
        String csv = "code,name,category,validDays,scope,price\nUS,超声,EXAMINATION,30,ALLIANCE,120\n"
                + "BAD,坏,EXAMINATION,x,REGION,1\n";
        r.a.as(r.regionAdmin, multipart("/api/v1/exam-items/import").file(new MockMultipartFile("file", "items.csv",
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("rows[2].validDays"));
        r.a.as(r.a.analyst, get("/api/v1/exam-items")).andExpect(jsonPath("$.length()").value(3));
        r.a.as(r.regionAdmin, multipart("/api/v1/exam-items/import").file(new MockMultipartFile("file", "items.csv",
                        "text/csv", csv.replace("x,REGION", "7,REGION").getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.put").value(2));
        r.a.as(r.a.analyst, get("/api/v1/exam-items")).andExpect(jsonPath("$.length()").value(5));
        // an alliance with an unknown member: every problem at once
        r.a.as(r.regionAdmin, json(post("/api/v1/alliances"), """
                {"code": "ALL-1", "name": "", "lead": "NOWHERE", "members": ["A-CLINIC", "ELSEWHERE"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "name", "lead", "members[1]")));
        r.a.as(r.regionAdmin, json(post("/api/v1/alliances"), """
                {"code": "ALL-1", "name": "again", "lead": "%s", "members": []}""".formatted(b)))
                .andExpect(status().isConflict());
        r.b.as(r.b.analyst, get("/api/v1/alliances")).andExpect(jsonPath("$[0].code").value("ALL-1"))
                .andExpect(jsonPath("$[0].lead.code").value(a))
                .andExpect(jsonPath("$[0].members[1].code").value("A-CLINIC"));
    }

    /**
     * In a zone with daylight saving time a wall-clock time without offset may name no instant or two: Europe/Berlin
     * moved its clocks from 02:00 to 03:00 on 29 March 2026 and from 03:00 back to 02:00 on 25 October 2026 (the last
     * Sundays of March and October, EU Directive 2000/84/EC). Both are refused with the reason, never guessed; the
     * same times with their offsets are taken.
     */
    @Test
    void aTimeWithoutOffsetThatNeverHappenedOrHappenedTwiceIsRefused() throws Exception {
        jdbc.sql("UPDATE hospital SET time_zone = 'Europe/Berlin' WHERE id = :h").param("h", r.a.hospital.id()).update();
        r.a.as(r.a.office, json(post("/api/v1/exams"), "[" + String.join(",",
                        exam("dst-1", a, "P1", "CT", "2026-03-29 02:30", true, null),
                        exam("dst-2", a, "P1", "CT", "2026-10-25T02:30:00", true, null),
                        exam("dst-3", a, "P1", "CT", "2026-10-25T02:30:00+02:00", true, null),
                        exam("dst-4", a, "P1", "CT", "2026-10-24 02:30", true, null)) + "]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected[0].recordId").value("dst-1"))
                .andExpect(jsonPath("$.rejected[0].errors[0].message").value("performedAt '2026-03-29 02:30' does"
                        + " not exist in Europe/Berlin: the clocks jumped from 02:00 to 03:00 that day; give it with its"
                        + " offset"))
                .andExpect(jsonPath("$.rejected[1].recordId").value("dst-2"))
                .andExpect(jsonPath("$.rejected[1].errors[0].message").value("performedAt '2026-10-25T02:30:00'"
                        + " happened twice in Europe/Berlin: the clocks went back from 03:00 to 02:00 that day; give it"
                        + " with its offset"));
        // 24 October is still summer time (UTC+2): 02:30 there is 00:30 UTC
        assertThat(jdbc.sql("SELECT performed_at FROM exam_record WHERE record_id = 'dst-4'")
                .query(java.time.OffsetDateTime.class).single().toInstant())
                .isEqualTo(java.time.Instant.parse("2026-10-24T00:30:00Z"));
    }

    /**
     * The region keeps its own list of exception reasons (network.md §4: "codes from the region's list"): the
     * catalogue's keeper, the region administrator, adds one and renames a default; a record may then carry the new
     * code; bad input is refused field by field with nothing changed; the channel office, the regulator and a
     * hospital's administrator may not change the list.
     */
    @Test
    void theRegionKeepsItsOwnExceptionReasons() throws Exception {
        String secondOpinion = """
                {"nameZh": "第二诊疗意见", "nameEn": "Second opinion"}""";
        r.a.as(r.a.office, json(put("/api/v1/exam-exception-reasons/SECOND_OPINION"), secondOpinion))
                .andExpect(status().isForbidden());
        r.a.as(r.regulator, json(put("/api/v1/exam-exception-reasons/SECOND_OPINION"), secondOpinion))
                .andExpect(status().isForbidden());
        r.a.as(r.admin, json(put("/api/v1/exam-exception-reasons/SECOND_OPINION"), secondOpinion))
                .andExpect(status().isForbidden());
        r.a.as(r.regionAdmin, json(put("/api/v1/exam-exception-reasons/bad code"), "{\"nameZh\": \"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("code", "nameZh")));
        r.a.as(r.regionAdmin, json(put("/api/v1/exam-exception-reasons/SECOND_OPINION"), secondOpinion))
                .andExpect(status().isOk()).andExpect(jsonPath("$.code").value("SECOND_OPINION"))
                .andExpect(jsonPath("$.nameEn").value("Second opinion"));
        r.a.as(r.regionAdmin, json(put("/api/v1/exam-exception-reasons/EMERGENCY"), "{\"nameZh\": \"急诊急救\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.nameEn").value("急诊急救"));
        // the five defaults and the new one, by code
        r.a.as(r.a.office, get("/api/v1/exam-exception-reasons")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.contains("CONDITION_CHANGED", "EMERGENCY",
                        "PATIENT_REQUEST", "QC_FAILED", "RESULT_TOO_OLD", "SECOND_OPINION")))
                .andExpect(jsonPath("$[1].nameZh").value("急诊急救"));
        r.a.as(r.a.office, json(post("/api/v1/exams"), "["
                        + exam("so-1", a, "P1", "CT", "2026-10-01T08:00:00Z", true, "SECOND_OPINION") + "]"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
    }

    /** At most 10,000 records a call (network.md §5): one more refuses the whole array, and nothing is stored. */
    @Test
    void moreThanTenThousandRecordsInOneCallAreRefusedWhole() throws Exception {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 10_001; i++) {
            body.append(i == 0 ? "" : ",").append(exam("many-" + i, a, "P" + i, "CT", "2026-10-01T08:00:00Z", true,
                    null));
        }
        r.a.as(r.a.office, json(post("/api/v1/exams"), body.append(']').toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        assertThat(count()).isZero();
    }

    /**
     * An item or an alliance changes every hospital's figures, so no one hospital's ADMIN keeps them: the item, the
     * import and the alliance answer 403 (the usual problem details) and change nothing; the first administrator, who
     * holds ADMIN and REGION_ADMIN, still keeps them.
     */
    @Test
    void aHospitalsAdministratorKeepsNeitherTheCatalogueNorTheAlliances() throws Exception {
        String item = """
                {"name": "MRI", "category": "EXAMINATION", "validDays": 30, "scope": "REGION", "price": 500}""";
        String alliance = """
                {"code": "ALL-2", "name": "乙医联体", "lead": "%s", "members": ["%s"]}""".formatted(a, b);
        for (var request : List.of(json(put("/api/v1/exam-items/MRI"), item), json(post("/api/v1/alliances"), alliance),
                multipart("/api/v1/exam-items/import").file(new MockMultipartFile("file", "items.csv", "text/csv",
                        "code,name,category,validDays,scope,price\nUS,超声,EXAMINATION,30,ALLIANCE,120\n"
                                .getBytes(StandardCharsets.UTF_8))))) {
            r.a.as(r.admin, request).andExpect(status().isForbidden())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .contentTypeCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:meridian:security:forbidden"))
                    .andExpect(jsonPath("$.status").value(403));
        }
        r.a.as(r.a.analyst, get("/api/v1/exam-items")).andExpect(jsonPath("$.length()").value(3));
        r.a.as(r.a.analyst, get("/api/v1/alliances")).andExpect(jsonPath("$.length()").value(1));

        String first = users.createWithRoles(r.a.hospital.id(), org.meridian.shared.security.Role.ADMIN,
                org.meridian.shared.security.Role.REGION_ADMIN);
        r.a.as(first, json(put("/api/v1/exam-items/MRI"), item)).andExpect(status().isOk());
        r.a.as(first, json(post("/api/v1/alliances"), alliance)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.lead.code").value(a));
        r.a.as(r.a.analyst, get("/api/v1/exam-items")).andExpect(jsonPath("$.length()").value(4));
    }

    @Test
    void noClearPatientIdReachesTheDatabaseOrTheLogs(CapturedOutput output) throws Exception {
        String patient = "PATIENT-" + UUID.randomUUID();
        r.a.as(r.a.office, json(post("/api/v1/exams"), "[" + String.join(",",
                exam("p-1", a, patient, "CT", "2026-10-01T08:00:00Z", true, null),
                exam("p-2", "NOWHERE", patient, "CT", "2026-10-01T08:00:00Z", true, "TIRED"),
                exam("p-3", a, patient, "CT", "2026-10-02T08:00:00Z", true, null)) + "]"))
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected[0].errors[*].message").value(
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString(patient)))));
        // and by a CSV file, with a row rejected for its item code, whose reason names the row and not the patient
        r.a.as(r.a.office, multipart("/api/v1/exams/import").file(new MockMultipartFile("file", "exams.csv",
                        "text/csv", ("recordId,institution,patientId,item,performedAt,recognisable,exception\n"
                        + "p-4," + a + "," + patient + ",CT,2026-10-04T08:00:00Z,true,\n"
                        + "p-5," + a + "," + patient + ",ct ct,2026-10-04T08:00:00Z,true,\n")
                        .getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected[0].errors[*].message").value(
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString(patient)))));
        // every text, JSON and uuid column of every table, not only the exam module's
        List<String[]> columns = jdbc.sql("""
                        SELECT table_name, column_name FROM information_schema.columns
                        WHERE table_schema = current_schema()
                          AND data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'uuid')""")
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        assertThat(columns).extracting(c -> c[0] + "." + c[1]).contains("exam_record.patient", "audit_log.details");
        for (String[] c : columns) {
            long hits = jdbc.sql("SELECT count(*) FROM " + c[0] + " WHERE CAST(" + c[1] + " AS text) LIKE :p")
                    .param("p", "%" + patient + "%").query(Long.class).single();
            assertThat(hits).as(c[0] + "." + c[1]).isZero();
        }
        assertThat(jdbc.sql("SELECT count(DISTINCT patient) FROM exam_record WHERE region_id = :r")
                .param("r", r.region).query(Long.class).single()).isEqualTo(1);
        assertThat(output.getAll()).doesNotContain(patient);
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM exam_record WHERE region_id = :r").param("r", r.region)
                .query(Long.class).single();
    }
}
