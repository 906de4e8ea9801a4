package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.support.Fuzz;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 18 point 15 at the HTTP level (docs/security.md, Hostile input): batches of good and hostile rows sent as
 * {@code POST /api/v1/events}, as CSV and XLSX files to {@code POST /api/v1/imports} and as FHIR bundles to
 * {@code POST /fhir/r4}. Never a 500; a batch is never partial: every good row is stored, every row is accounted for
 * (accepted, duplicate or rejected), every rejection names its row. Few tries, each a real request with the database
 * behind it; {@link EventReadersFuzzTest} does the thousands at reader level.
 */
@MeridianTest
class IntakeHttpFuzzTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired TestChannels channels;
    @Autowired JdbcClient jdbc;

    final String p = "fz" + UUID.randomUUID().toString().substring(0, 8) + "-";
    String manager;
    int batch;

    @BeforeEach
    void hospital() {
        manager = users.create(Role.CHANNEL_MANAGER);
        channels.create(users.firstHospital().id(), p + "CH");
    }

    /** A batch: the rows, and which of them are good. */
    record Batch(List<Map<String, String>> rows, Set<Integer> good) {
    }

    Batch batch(Fuzz.Gen gen) {
        String prefix = p + (batch++) + "-";
        List<Map<String, String>> rows = new ArrayList<>();
        Set<Integer> good = new HashSet<>();
        int n = gen.between(1, gen.size());
        for (int i = 0; i < n; i++) {
            if (gen.chance(0.5)) {
                good.add(i);
                rows.add(FuzzRows.good(prefix + i, p + "CH", gen));
            } else {
                rows.add(FuzzRows.hostile(prefix + i, p + "CH", gen));
            }
        }
        return new Batch(rows, good);
    }

    /** The answer accounts for every row, rejects only with reasons naming the row, and every good row is stored. */
    void noPartialBatch(Batch batch, JsonNode answer, int firstIndex, int blankRows) {
        int n = batch.rows().size();
        Set<Integer> rejected = new HashSet<>();
        for (JsonNode r : answer.get("rejected")) {
            int index = r.get("index").asInt();
            assertThat(index).as("a rejection names its row").isBetween(firstIndex, firstIndex + n - 1);
            assertThat(rejected.add(index)).as("row %d rejected once", index).isTrue();
            assertThat(r.get("errors")).as("row %d has its reasons", index).isNotEmpty();
        }
        assertThat(answer.get("accepted").asInt() + answer.get("duplicates").asInt() + rejected.size())
                .as("every row accounted for").isEqualTo(n - blankRows);
        for (int i : batch.good()) {
            assertThat(rejected).as("good row %d kept: %s", i + firstIndex, answer.get("rejected")).doesNotContain(i + firstIndex);
            String eventId = batch.rows().get(i).get("eventId");
            assertThat(jdbc.sql("SELECT count(*) FROM intake_event WHERE event_id = :e").param("e", eventId)
                    .query(Long.class).single()).as("good row %s stored", eventId).isEqualTo(1);
        }
    }

    JsonNode answered(MvcResult result) throws Exception {
        int status = result.getResponse().getStatus();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(status).as("status of %s", body).isLessThan(500);
        return status == 200 ? JSON.readTree(body) : null;
    }

    @Test
    void eventBatchesThroughTheApi() {
        Fuzz.check("POST /api/v1/events", 18_15_20L, 25, 30, this::batch, batch -> {
            ArrayNode body = JsonNodeFactory.instance.arrayNode();
            for (Map<String, String> row : batch.rows()) {
                ObjectNode event = body.addObject();
                ObjectNode attributes = JsonNodeFactory.instance.objectNode();
                row.forEach((k, v) -> {
                    if (v.isEmpty()) {
                        return;
                    }
                    if (k.equals("value") && v.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
                        event.put(k, new BigDecimal(v));
                    } else {
                        (FuzzRows.COLUMNS.contains(k) ? event : attributes).put(k, v);
                    }
                });
                if (!attributes.isEmpty()) {
                    event.set("attributes", attributes);
                }
            }
            try {
                JsonNode answer = answered(mvc.perform(post("/api/v1/events").with(httpBasic(manager, TestUsers.PASSWORD))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsBytes(body))).andReturn());
                assertThat(answer).as("a well-formed array is answered 200").isNotNull();
                noPartialBatch(batch, answer, 0, 0);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void eventFilesThroughTheImport() {
        Fuzz.check("POST /api/v1/imports", 18_15_21L, 16, 30, this::batch, batch -> {
            List<String> header = new ArrayList<>(FuzzRows.COLUMNS);
            FuzzRows.attributeColumns(batch.rows()).stream().map(String::strip)
                    .filter(c -> !c.isEmpty() && !header.contains(c)).distinct().forEach(header::add);
            List<List<String>> cells = new ArrayList<>();
            for (Map<String, String> row : batch.rows()) {
                cells.add(header.stream().map(c -> row.getOrDefault(c, row.getOrDefault(" " + c, ""))).toList());
            }
            boolean xlsx = batch.rows().size() % 2 == 0;
            Fuzz.Gen quoting = new Fuzz.Gen(new java.util.SplittableRandom(batch.rows().size()), 1);
            EventReadersFuzzTest.Sheet sheet = new EventReadersFuzzTest.Sheet(header, xlsx
                    ? cells.stream().map(r -> r.stream().map(EventReadersFuzzTest::xmlSafe).toList()).toList() : cells);
            byte[] file = xlsx ? EventReadersFuzzTest.xlsx(sheet, quoting) : EventReadersFuzzTest.csv(sheet, quoting);
            try {
                JsonNode answer = answered(mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile("file", p + batch.rows().size() + (xlsx ? ".xlsx" : ".csv"),
                                "application/octet-stream", file))
                        .header("Accept-Language", "en").with(httpBasic(manager, TestUsers.PASSWORD))).andReturn());
                assertThat(answer).as("a file of well-formed rows is answered 200").isNotNull();
                // a blank row (every cell empty, or made so by xmlSafe) keeps its number but is skipped, not counted
                int blank = (int) sheet.rows().stream().filter(r -> r.stream().allMatch(String::isBlank)).count();
                noPartialBatch(batch, answer, 1, blank);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void fhirBundles() {
        Fuzz.check("POST /fhir/r4", 18_15_22L, 25, 8, gen -> FuzzRows.fhirBundle(gen, p + (batch++) + "-", p + "CH"), bundle -> {
            try {
                MvcResult result = mvc.perform(post("/fhir/r4").with(httpBasic(manager, TestUsers.PASSWORD))
                        .contentType("application/fhir+json").content(bundle)).andReturn();
                String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(result.getResponse().getStatus()).as("status of %s", body).isLessThan(500);
                JsonNode answer = JSON.readTree(body);
                assertThat(answer.get("resourceType").asString()).isIn("Bundle", "OperationOutcome");
                JsonNode sent;
                try {
                    sent = JSON.readTree(bundle);
                } catch (tools.jackson.core.JacksonException damaged) {
                    sent = null;
                }
                if (answer.get("resourceType").asString().equals("Bundle") && sent != null && sent.has("entry")) {
                    assertThat(answer.get("entry")).as("one answer per entry").hasSize(sent.get("entry").size());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    // ---- what the fuzzing found, kept as plain regression tests ------------------------------------------------

    @Test
    void aRowDatedBeforeAnyLocalDateIsRejectedAndTheRestOfItsBatchKept() throws Exception {
        // found by EventReadersFuzzTest: the second row failed its whole batch with a 500 (DateTimeException); the
        // third is now refused by the same rule (before 1900-01-01)
        String body = """
                [{"eventId":"%1$s1","type":"ARRIVED","channel":"%1$sCH","occurredAt":"2026-09-03T10:15:00+08:00"},
                 {"eventId":"%1$s2","type":"ARRIVED","channel":"%1$sCH","occurredAt":"-999999999-01-01T00:00:00+18:00"},
                 {"eventId":"%1$s3","type":"ARRIVED","channel":"%1$sCH","occurredAt":"0000-01-01T00:00:00Z"},
                 {"eventId":1e999999999,"type":"ARRIVED","channel":"%1$sCH","occurredAt":"2026-09-03T10:15:00+08:00",
                  "attributes":{"note":1e999999999}}]""".formatted(p);
        JsonNode answer = answered(mvc.perform(post("/api/v1/events").with(httpBasic(manager, TestUsers.PASSWORD))
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(body)).andReturn());
        assertThat(answer.get("rejected")).extracting(r -> r.get("index").asInt()).containsExactly(1, 2);
        assertThat(answer.get("rejected").get(0).get("codes").get(0).asString())
                .isEqualTo("OCCURRED_AT_TOO_EARLY");
        assertThat(answer.get("accepted").asInt() + answer.get("duplicates").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM intake_event WHERE event_id IN (:a, '1E+999999999')")
                .param("a", p + "1").query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFhirNumberWithAHugeExponentIsRefusedBeforeTheParserWritesItOut() throws Exception {
        // found by fhirBundles: HAPI's JSON parser writes a decimal out in full before reading it, so this 15-byte
        // number kept a request thread busy for minutes (the fuzz run was stopped after 9 minutes in BigInteger)
        String report = """
                {"resourceType":"MeasureReport","status":"complete","type":"summary",
                 "measure":"urn:meridian:measure:discharges","subject":{"identifier":{"value":"NOPE"}},
                 "period":{"start":"2026-09-01","end":"2026-09-30"},"group":[{"measureScore":{"value":1e999999999}}]}""";
        MvcResult result = mvc.perform(post("/fhir/r4").with(httpBasic(manager, TestUsers.PASSWORD))
                .contentType("application/fhir+json").content(report)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("OperationOutcome",
                "the number 1E+999999999 is too large or too small to be read");
    }

    @Test
    void aFileRowRejectedForANulIsKeptWithItsReasonAndTheRestOfTheFileStored() throws Exception {
        // found by eventFilesThroughTheImport: the rejected row's values (and its reason, which quotes the value) were
        // kept for the rejection list as they came, NUL and all, which PostgreSQL refused: the whole import was a 500
        String csv = String.join("\n", "eventId,type,channel,occurredAt,referralId,patientId,value,note",
                p + "n1,ARRIVED," + p + "CH,2026-09-03T10:15:00+08:00,,,,ok",
                p + "n2,ARRIVED," + p + "CH,2026-09-03\u0000T10:15:00+08:00,,,,a\u0000b",
                p + "n3,ARRIVED," + p + "CH,2026-09-04T10:15:00+08:00,,,,ok");
        JsonNode answer = answered(mvc.perform(multipart("/api/v1/imports")
                .file(new MockMultipartFile("file", p + "nul.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "en").with(httpBasic(manager, TestUsers.PASSWORD))).andReturn());
        assertThat(answer.get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.get("rejected")).singleElement().satisfies(r -> {
            assertThat(r.get("index").asInt()).isEqualTo(2);
            assertThat(r.get("codes").toString()).contains("TEXT_NOT_STORABLE");
        });
        assertThat(jdbc.sql("SELECT \"values\" ->> 'note' FROM intake_import_rejection WHERE event_id = :e")
                .param("e", p + "n2").query(String.class).single()).isEqualTo("a\u2400b");
    }
}
