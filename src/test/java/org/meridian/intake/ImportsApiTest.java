package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.meridian.indicator.Measure;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@MeridianTest
class ImportsApiTest {

    static final String HEADER = "eventId,type,channel,occurredAt,referralId,patientId,value";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired TestChannels channels;
    @Autowired EventIntake intake;
    @Autowired JdbcClient jdbc;

    final String p = "imp" + UUID.randomUUID().toString().substring(0, 8) + "-";

    ResultActions upload(String user, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                .header("Accept-Language", "en").with(httpBasic(user, TestUsers.PASSWORD)));
    }

    long stored() {
        return jdbc.sql("SELECT count(*) FROM intake_event WHERE event_id LIKE :p").param("p", p + "%")
                .query(Long.class).single();
    }

    @Test
    void aCsvWithBomQuotesAndAttributesIsImportedWithOneBasedRowsAndListed() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        long ch = channels.create(users.firstHospital().id(), p + "CH");
        String csv = "\uFEFF" + HEADER + ",department,recommend\r\n"
                + p + "1,SURVEY," + p + "CH,2026-09-03T10:15:00+08:00,,P-1,4,\"骨科, 二病区\",9\r\n"
                + p + "2,REVENUE," + p + "CH,2026-09-03T10:15:00+08:00,,P-1,abc,,\r\n"
                + ",,,,,,,,\r\n"
                + p + "4,REVENUE," + p + "CH,2026-09-03T10:15:00+08:00,,P-1,-35.50,\"退款 \"\"部分\"\"\",\r\n"
                + p + "5,ARRIVED,CH-999,2026-09-31 10:15,,,,,\r\n";
        upload(manager, "events.csv", csv.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.rejected.length()").value(2))
                .andExpect(jsonPath("$.rejected[0].index").value(2))
                .andExpect(jsonPath("$.rejected[0].eventId").value(p + "2"))
                .andExpect(jsonPath("$.rejected[0].errors[0]").value("value 'abc' is not a number"))
                .andExpect(jsonPath("$.rejected[1].index").value(5))
                .andExpect(jsonPath("$.rejected[1].errors.length()").value(2));
        LocalDate day = LocalDate.parse("2026-09-03");
        var totals = intake.totals(users.firstHospital().id(), day, day).get(ch);
        assertThat(totals.get(Measure.REVENUE)).isEqualByComparingTo("-35.50");
        assertThat(totals.get(Measure.PROMOTERS)).isEqualByComparingTo("1");
        assertThat(jdbc.sql("SELECT attributes->>'department' FROM intake_event WHERE event_id = :e").param("e", p + "1")
                .query(String.class).single()).isEqualTo("骨科, 二病区");

        upload(manager, "events.csv", csv.getBytes(StandardCharsets.UTF_8))
                .andExpect(jsonPath("$.accepted").value(0)).andExpect(jsonPath("$.duplicates").value(2));

        mvc.perform(get("/api/v1/imports").with(httpBasic(users.create(Role.ANALYST), TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.items[0].fileName").value("events.csv"))
                .andExpect(jsonPath("$.items[0].status").value("DONE"))
                .andExpect(jsonPath("$.items[0].uploadedBy").value(manager))
                .andExpect(jsonPath("$.items[0].duplicates").value(2))
                .andExpect(jsonPath("$.items[0].rejected[0].index").value(2));
    }

    @Test
    void unreadableFilesAre400ProblemsThatNameTheCauseStoreNothingAndAreListedAsFailed() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        channels.create(users.firstHospital().id(), p + "CH");
        String good = p + "1,ARRIVED," + p + "CH,2026-09-03T10:15:00+08:00,,,\n";

        upload(manager, "missing.csv", ("eventId,type,channel,occurredAt,patientId\n" + good).getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("lacks the column(s) referralId, value")))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.type").value("urn:meridian:intake:unreadable-file"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("lacks the column(s) referralId, value")));

        // neither UTF-8 nor GB18030: a GBK file (GBK is part of GB18030) whose last character lost its second byte
        byte[] gbk = (HEADER + ",科室\n" + good.trim() + ",骨科\n").getBytes(Charset.forName("GBK"));
        byte[] cut = java.util.Arrays.copyOf(gbk, gbk.length - 1);
        cut[cut.length - 1] = '\n';
        upload(manager, "cut.csv", cut).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("line 2: the file is neither UTF-8 nor GB18030")));

        upload(manager, "quote.csv", (HEADER + "\n" + good + p + "2,ARRIVED,\"" + p + "CH,2026-09-03T10:15:00+08:00,,,\n")
                .getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("line 3: a quoted field is never closed"));

        upload(manager, "events.xlsx", (HEADER + "\n" + good).getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("not an XLSX workbook")));

        assertThat(stored()).as("nothing of a file that cannot be read is stored").isZero();
        mvc.perform(get("/api/v1/imports").param("size", "4").with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.items[*].status").value(hasItem("FAILED")))
                .andExpect(jsonPath("$.items[0].fileName").value("events.xlsx"))
                .andExpect(jsonPath("$.items[0].failure").value(containsString("not an XLSX workbook")));
        mvc.perform(get("/api/v1/imports").param("size", "0").with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anXlsxSheetIsImportedWithNumberCellsAsValues() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        long ch = channels.create(users.firstHospital().id(), p + "CH");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("events");
            String[] header = (HEADER + ",department").split(",");
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            Object[][] rows = {
                    {p + "1", "REVENUE", p + "CH", "2026-09-30T16:30:00Z", null, "P-9", new BigDecimal("1200.5"), "心内科"},
                    {p + "2", "REFERRAL", p + "CH", "2026-09-30T10:00:00+08:00", p + "R", null, null, null},
                    {p + "3", "SURVEY", p + "CH", "2026-09-30T10:00:00+08:00", null, null, 7, null}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof String s) {
                        ws.value(r + 2, c, s); // a blank row 2 is skipped, numbering stays that of the sheet
                    } else if (v instanceof Number n) {
                        ws.value(r + 2, c, n);
                    }
                }
            }
        }
        upload(manager, "events.xlsx", out.toByteArray())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected[0].index").value(4))
                .andExpect(jsonPath("$.rejected[0].errors[0]").value("SURVEY value 7 is outside 1–5"));
        var oct1 = intake.totals(users.firstHospital().id(), LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-01")).get(ch);
        assertThat(oct1.get(Measure.REVENUE)).isEqualByComparingTo("1200.5");
    }

    @Test
    void largeFilesAreRecordedInChunksAndNothingIsLost() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        long ch = channels.create(users.firstHospital().id(), p + "CH");
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        int n = EventImports.CHUNK * 2 + 7;
        for (int i = 1; i <= n; i++) {
            csv.append(p).append(i).append(",ARRIVED,").append(p).append("CH,2026-08-0").append(1 + i % 9)
                    .append("T09:00:00+08:00,,,\n");
        }
        csv.append(p).append("bad,ARRIVED,").append(p).append("CH,not a time,,,\n");
        upload(manager, "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(n))
                .andExpect(jsonPath("$.rejected[0].index").value(n + 1));
        assertThat(intake.totals(users.firstHospital().id(), LocalDate.parse("2026-08-01"), LocalDate.parse("2026-08-31"))
                .get(ch).get(Measure.ARRIVALS)).isEqualByComparingTo(String.valueOf(n));
    }

    @Test
    void channelUsersMayNotImport() throws Exception {
        upload(users.create(Role.CHANNEL_USER), "x.csv", (HEADER + "\n").getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isForbidden());
        upload(users.create(Role.ANALYST), "x.csv", (HEADER + "\n").getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isForbidden());
    }
}
