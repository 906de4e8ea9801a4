package org.meridian.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.meridian.channel.ChannelDraft;
import org.meridian.channel.ChannelRegistry;
import org.meridian.shared.Actor;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The import page (数据导入) as the office uses it: files as offices have them — CSV saved by Chinese Excel
 * (GB18030), times without offset, an XLSX with typed date cells — imported through the page's form, the
 * instants worked out by hand in the hospital's zone; a file in no encoding Meridian reads refused with nothing
 * stored; a daylight-saving gap and overlap refused with the reason; and the templates, which import their example.
 */
@MeridianTest
class ImportPagesTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired ChannelRegistry registry;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcClient jdbc;

    static final String HEADER = "eventId,type,channel,occurredAt,referralId,patientId,value";

    /** A hospital of its own in {@code zone}, with one channel {@code code} and its office's user. */
    record Office(Hospital hospital, String user, String channel) {
    }

    Office office(String zone) {
        String code = "IMP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital h = hospitals.create(code, "导入测试医院 " + code, ZoneId.of(zone));
        String channel = "CH-" + code;
        registry.register(Actor.system(h.id(), "test"), new ChannelDraft(channel, "城东社区卫生服务中心", "COMMUNITY_HEALTH",
                null, null, null, null, null, null, null, null, null, null));
        return new Office(h, users.create(h.id(), Role.CHANNEL_MANAGER, null), channel);
    }

    /** Uploads through the page's form; answers the page shown after the redirect. */
    String upload(Office o, String fileName, byte[] bytes) throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult posted = mvc.perform(multipart("/intake/imports")
                        .file(new MockMultipartFile("file", fileName, "application/octet-stream", bytes))
                        .session(session).with(user(accounts.loadUserByUsername(o.user()))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/intake/imports")).andReturn();
        return mvc.perform(get("/intake/imports").session(session).flashAttrs(posted.getFlashMap())
                        .with(user(accounts.loadUserByUsername(o.user()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    Instant occurredAt(Office o, String eventId) {
        return jdbc.sql("SELECT occurred_at FROM intake_event WHERE hospital_id = :h AND event_id = :e")
                .param("h", o.hospital().id()).param("e", eventId)
                .query((rs, i) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).single();
    }

    long events(Office o) {
        return jdbc.sql("SELECT count(*) FROM intake_event WHERE hospital_id = :h").param("h", o.hospital().id())
                .query(Long.class).single();
    }

    @Test
    void aGb18030CsvFromChineseExcelWithLocalTimesImportsInTheHospitalsZoneAndSaysSo() throws Exception {
        Office o = office("Asia/Shanghai");
        String c = o.channel();
        // as Chinese Excel saves "CSV (逗号分隔)": GB18030, no byte-order mark, CRLF; times as typed, without offset
        String text = HEADER + ",科室\r\n"
                + "g1,REFERRAL," + c + ",2026-11-23 10:00:00,R-1,张三,,心血管内科\r\n"
                + "g2,ACCEPTED," + c + ",2026-11-23T10:30,R-1,张三,,心血管内科\r\n"
                + "g3,REVENUE," + c + ",2026/11/24 9:05,,张三,1200.50,骨科（二病区）\r\n"
                + "g4,ARRIVED," + c + ",2026-11-24T09:00:00+08:00,,张三,,骨科（二病区）\r\n";
        byte[] gb = text.getBytes(Charset.forName("GB18030"));
        assertThat(new String(gb, StandardCharsets.UTF_8)).as("the bytes are no UTF-8").contains("\uFFFD");

        String page = upload(o, "转诊登记.csv", gb);

        assertThat(page).contains("已导入“转诊登记.csv”：接收 4 行，重复 0 行，拒绝 0 行")
                .contains("文件按 GB18030 编码读取。")
                .contains("3 行的发生时间没有写时区偏移，已按医院时区 Asia/Shanghai");
        // Shanghai is UTC+8 all year: 10:00 is 02:00Z, 10:30 is 02:30Z, 09:05 on the 24th is 01:05Z
        assertThat(occurredAt(o, "g1")).isEqualTo(Instant.parse("2026-11-23T02:00:00Z"));
        assertThat(occurredAt(o, "g2")).isEqualTo(Instant.parse("2026-11-23T02:30:00Z"));
        assertThat(occurredAt(o, "g3")).isEqualTo(Instant.parse("2026-11-24T01:05:00Z"));
        assertThat(occurredAt(o, "g4")).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
        assertThat(jdbc.sql("SELECT attributes->>'科室' FROM intake_event WHERE hospital_id = :h AND event_id = 'g3'")
                .param("h", o.hospital().id()).query(String.class).single()).isEqualTo("骨科（二病区）");
        // the import's record keeps how the file was read; the API lists it too
        mvc.perform(get("/api/v1/imports").with(httpBasic(o.user(), TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.items[0].encoding").value("GB18030"))
                .andExpect(jsonPath("$.items[0].localTimes").value(3))
                .andExpect(jsonPath("$.items[0].timeZone").value("Asia/Shanghai"));
        assertThat(page).contains("<td data-label=\"编码\">GB18030</td>");
    }

    @Test
    void aFileInNeitherEncodingIsRefusedWithTheLineAndNothingIsStored() throws Exception {
        Office o = office("Asia/Shanghai");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "\n" + "n1,ARRIVED," + o.channel() + ",2026-11-23 10:00,,,\n").getBytes(StandardCharsets.US_ASCII));
        // line 3: Windows-1252 "Café €5" — 0xE9 followed by 0x20 is no GB18030 pair, and 0x80 is no GB18030 byte
        bytes.writeBytes(new byte[]{'n', '2', ',', 'A', 'R', 'R', 'I', 'V', 'E', 'D', ',', 'C', 'a', 'f', (byte) 0xE9, ' ',
                (byte) 0x80, '5', '\n'});

        String page = upload(o, "export.csv", bytes.toByteArray());

        assertThat(page).contains("文件无法读取，未导入任何行：line 3: the file is neither UTF-8 nor GB18030 (GBK) text");
        assertThat(events(o)).isZero();
        assertThat(jdbc.sql("SELECT status FROM intake_import WHERE hospital_id = :h").param("h", o.hospital().id())
                .query(String.class).single()).isEqualTo("FAILED");
    }

    @Test
    void inNewYorkALocalTimeInTheSpringGapOrTheAutumnOverlapIsRefusedWithTheReasonAndJsonStillNeedsAnOffset()
            throws Exception {
        Office o = office("America/New_York");
        String c = o.channel();
        // 2026-03-08 (second Sunday of March): 02:00 EST jumps to 03:00 EDT; 2026-11-01 (first Sunday of November):
        // 02:00 EDT falls back to 01:00 EST, so 01:00–01:59 happen twice
        String csv = HEADER + "\n"
                + "d1,ARRIVED," + c + ",2026-03-08 01:30:00,,,\n"
                + "d2,ARRIVED," + c + ",2026-03-08 02:30:00,,,\n"
                + "d3,ARRIVED," + c + ",2026-03-08 03:30:00,,,\n"
                + "d4,ARRIVED," + c + ",2026-11-01 01:30:00,,,\n"
                + "d5,ARRIVED," + c + ",2026-11-01T01:30:00-05:00,,,\n"
                + "d6,ARRIVED," + c + ",2026-11-01 02:30,,,\n"
                + "d7,ARRIVED," + c + ",2026-02-30 10:00,,,\n";

        String page = upload(o, "dst.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(page).contains("接收 4 行，重复 0 行，拒绝 3 行").contains("文件按 UTF-8 编码读取。")
                .contains("3 行的发生时间没有写时区偏移，已按医院时区 America/New_York");
        // 01:30 EST (-05:00) is 06:30Z; 03:30 EDT (-04:00) is 07:30Z; d5 says -05:00 itself; 02:30 on 1 Nov is EST
        assertThat(occurredAt(o, "d1")).isEqualTo(Instant.parse("2026-03-08T06:30:00Z"));
        assertThat(occurredAt(o, "d3")).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
        assertThat(occurredAt(o, "d5")).isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
        assertThat(occurredAt(o, "d6")).isEqualTo(Instant.parse("2026-11-01T07:30:00Z"));

        long id = jdbc.sql("SELECT id FROM intake_import WHERE hospital_id = :h").param("h", o.hospital().id())
                .query(Long.class).single();
        String rejected = mvc.perform(get("/intake/quality/imports/{id}", id).with(user(accounts.loadUserByUsername(o.user()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(rejected)
                .contains("发生时间“2026-03-08 02:30:00”在时区 America/New_York 不存在：当天时钟从 02:00 直接拨到 03:00（夏令时开始）")
                .contains("发生时间“2026-11-01 01:30:00”在时区 America/New_York 出现两次：当天时钟从 02:00 拨回 01:00（夏令时结束，偏移 -04:00 与 -05:00）")
                .contains("发生时间“2026-02-30 10:00”不是日期和时间");

        // the JSON API keeps its contract: an instant there carries its offset
        mvc.perform(post("/api/v1/events").with(httpBasic(o.user(), TestUsers.PASSWORD))
                        .contentType("application/json").content("[{\"eventId\":\"j1\",\"type\":\"ARRIVED\",\"channel\":\"" + c
                                + "\",\"occurredAt\":\"2026-03-08 01:30:00\"}]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.rejected[0].codes[0]").value("OCCURRED_AT_INVALID"));
    }

    @Test
    void anXlsxWithTypedDateCellsImportsEveryRow() throws Exception {
        Office o = office("Asia/Shanghai");
        String c = o.channel();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "LibreOffice", "1.0");
        Worksheet ws = wb.newWorksheet("Sheet1");
        String[] header = HEADER.split(",");
        for (int i = 0; i < header.length; i++) {
            ws.value(0, i, header[i]);
        }
        // four rows whose occurredAt is a number with a date format, as a spreadsheet saves a typed date
        List<LocalDateTime> times = List.of(LocalDateTime.of(2026, 11, 20, 9, 0), LocalDateTime.of(2026, 11, 20, 10, 15),
                LocalDateTime.of(2026, 11, 21, 23, 59, 59), LocalDateTime.of(2026, 11, 22, 0, 0));
        List<String> formats = List.of("yyyy-mm-dd hh:mm", "YYYY-MM-DD HH:MM:SS", "yyyy/m/d h:mm:ss", "yyyy\"年\"m\"月\"d\"日\" hh:mm");
        for (int r = 0; r < 4; r++) {
            ws.value(r + 1, 0, "x" + (r + 1));
            ws.value(r + 1, 1, "ARRIVED");
            ws.value(r + 1, 2, c);
            ws.value(r + 1, 3, times.get(r));
            ws.style(r + 1, 3).format(formats.get(r)).set();
        }
        wb.finish();

        String page = upload(o, "calc.xlsx", out.toByteArray());

        assertThat(page).contains("接收 4 行，重复 0 行，拒绝 0 行").contains("4 行的发生时间没有写时区偏移");
        // 46346.375 (the cell of the issue) is 2026-11-20 09:00 in the 1900 date system: 09:00 Shanghai is 01:00Z
        assertThat(occurredAt(o, "x1")).isEqualTo(Instant.parse("2026-11-20T01:00:00Z"));
        assertThat(occurredAt(o, "x2")).isEqualTo(Instant.parse("2026-11-20T02:15:00Z"));
        assertThat(occurredAt(o, "x3")).isEqualTo(Instant.parse("2026-11-21T15:59:59Z"));
        assertThat(occurredAt(o, "x4")).isEqualTo(Instant.parse("2026-11-21T16:00:00Z"));
    }

    @Test
    void theTemplatesDownloadWithANoteOnEveryColumnAndImportTheirExampleRow() throws Exception {
        Office o = office("Asia/Shanghai");
        String page = mvc.perform(get("/intake/imports").with(user(accounts.loadUserByUsername(o.user()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"template-csv\"", "id=\"template-xlsx\"", "Asia/Shanghai");

        byte[] csv = mvc.perform(get("/intake/imports/template.csv").with(user(accounts.loadUserByUsername(o.user()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        for (String column : List.of("eventId", "type", "channel", "occurredAt", "referralId", "patientId", "value", "department")) {
            assertThat(text).contains("# " + column + ": ");
        }
        // the test clock's today in Shanghai is 2027-01-15, so the example is yesterday at 10:00, without offset
        assertThat(text).contains("\r\nEXAMPLE-1,REFERRAL," + o.channel() + ",2027-01-14 10:00:00,EXAMPLE-R1,P-EXAMPLE,,心内科\r\n");

        assertThat(upload(o, "template.csv", csv)).contains("接收 1 行，重复 0 行，拒绝 0 行").contains("文件按 UTF-8 编码读取。");
        // 2027-01-14 10:00 in Shanghai is 02:00Z
        assertThat(occurredAt(o, "EXAMPLE-1")).isEqualTo(Instant.parse("2027-01-14T02:00:00Z"));

        byte[] xlsx = mvc.perform(get("/intake/imports/template.xlsx").with(user(accounts.loadUserByUsername(o.user()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            List<String> names = new ArrayList<>();
            rows.get(0).forEach(cell -> names.add(cell.getText()));
            assertThat(names).containsExactly("eventId", "type", "channel", "occurredAt", "referralId", "patientId",
                    "value", "department");
        }
        assertThat(new String(xlsx, StandardCharsets.ISO_8859_1)).as("the workbook has a comments part")
                .contains("xl/comments1.xml");
        // the same example, with its time as a date cell: the same event, so a duplicate
        assertThat(upload(o, "template.xlsx", xlsx)).contains("接收 0 行，重复 1 行，拒绝 0 行")
                .contains("1 行的发生时间没有写时区偏移");
    }
}
