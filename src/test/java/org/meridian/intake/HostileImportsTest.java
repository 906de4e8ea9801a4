package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.support.HandMadeXlsx;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Issue 18 point 1: what an import reads is bounded, and an import that fails ends FAILED with a readable reason. */
@MeridianTest
class HostileImportsTest {

    static final List<String> HEADER = List.of("eventId", "type", "channel", "occurredAt", "referralId", "patientId",
            "value", "note");
    /** One more character than the default limit of a cell (32,767, Excel's own limit). */
    static final String LONG = "长".repeat(32_768);

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired TestChannels channels;
    @Autowired JdbcClient jdbc;
    @Autowired InterruptedImports interrupted;

    final String p = "hx" + UUID.randomUUID().toString().substring(0, 8) + "-";

    ResultActions upload(String user, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                .header("Accept-Language", "en").with(httpBasic(user, TestUsers.PASSWORD)));
    }

    List<String> row(int n, String note) {
        return List.of(p + n, "ARRIVED", p + "CH", "2026-09-03T10:15:00+08:00", "", "", "", note);
    }

    long stored() {
        return jdbc.sql("SELECT count(*) FROM intake_event WHERE event_id LIKE :p").param("p", p + "%")
                .query(Long.class).single();
    }

    String failure(String fileName) {
        return jdbc.sql("SELECT status || ': ' || failure FROM intake_import WHERE file_name = :f")
                .param("f", fileName).query(String.class).single();
    }

    @Test
    void aSharedStringFarBeyondACellRefusesTheWorkbookBeforeItIsReadAndTheImportEndsFailed() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        channels.create(users.firstHospital().id(), p + "CH");
        // 400,000 characters in one shared string: more than the 10 bytes per character of the longest cell plus
        // 1 KiB of markup (10 × 32,767 + 1,024 = 328,694 bytes) a run of text may take; the reader never sees it
        byte[] xlsx = HandMadeXlsx.of(List.of(HEADER, row(1, "ok"), row(2, "x".repeat(400_000)), row(3, "ok")));
        String name = p + "hostile.xlsx";
        upload(manager, name, xlsx)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.detail").value(containsString(
                        "the part xl/sharedStrings.xml of the workbook holds a text or markup of more than 328,694 bytes")));
        assertThat(stored()).as("nothing of a refused workbook is stored").isZero();
        assertThat(failure(name)).startsWith("FAILED: the part xl/sharedStrings.xml");
    }

    @Test
    void aCellOverTheLimitRejectsOnlyItsRowInCsvAndXlsx() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        channels.create(users.firstHospital().id(), p + "CH");
        String reason = "column 8 holds more than 32,767 characters, the most one cell may hold";

        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (List<String> r : List.of(row(1, "ok"), row(2, LONG), row(3, "ok"))) {
            csv.append(String.join(",", r)).append('\n');
        }
        upload(manager, p + "long.csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected.length()").value(1))
                .andExpect(jsonPath("$.rejected[0].index").value(2))
                .andExpect(jsonPath("$.rejected[0].eventId").value(p + "2"))
                .andExpect(jsonPath("$.rejected[0].errors[0]").value(reason));

        byte[] xlsx = HandMadeXlsx.of(List.of(HEADER, row(4, "ok"), row(5, LONG), row(6, "ok")));
        upload(manager, p + "long.xlsx", xlsx)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected[0].index").value(2))
                .andExpect(jsonPath("$.rejected[0].eventId").value(p + "5"))
                .andExpect(jsonPath("$.rejected[0].errors[0]").value(reason));
        assertThat(stored()).as("rows 1, 3, 4 and 6").isEqualTo(4);
    }

    @Test
    void anImportLeftRunningByTheLastStopIsMarkedFailedAtStartUp() throws Exception {
        long h = users.firstHospital().id();
        String name = p + "cut-off.csv";
        jdbc.sql("INSERT INTO intake_import (hospital_id, file_name, format, uploaded_by, status)"
                + " VALUES (:h, :f, 'CSV', 'someone', 'RUNNING')").param("h", h).param("f", name).update();

        interrupted.run(null);

        assertThat(failure(name)).startsWith("FAILED: interrupted by a restart of Meridian");
        assertThat(jdbc.sql("SELECT finished_at IS NOT NULL FROM intake_import WHERE file_name = :f").param("f", name)
                .query(Boolean.class).single()).isTrue();
    }
}
