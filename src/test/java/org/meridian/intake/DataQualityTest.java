package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.meridian.support.Actors;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data quality facts (rejected rows kept with their values, pair problems, the acceptance SLA, quiet
 * channels, bursts), the rejections XLSX, the language of the reasons, and who may see the pages.
 */
@MeridianTest
class DataQualityTest {

    static final String HEADER = "eventId,type,channel,occurredAt,referralId,patientId,value";

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired TestUsers users;
    @Autowired TestChannels channels;
    @Autowired Hospitals hospitals;
    @Autowired EventIntake intake;
    @Autowired IntakeQuality quality;
    @Autowired RowMessages rowMessages;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired UserDetailsService accounts;

    final String p = "q" + UUID.randomUUID().toString().substring(0, 6) + "-";

    static String at(Instant i) {
        return i.atOffset(ZoneOffset.ofHours(8)).toString();
    }

    static RawEvent ev(String id, String type, String channel, Instant at, String referralId) {
        return RawEvent.of(id, type, channel, at(at), referralId, null, null, Map.of());
    }

    long upload(String manager, String csv) throws Exception {
        String answer = mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile("file", "bad.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(answer).get("importId").asLong();
    }

    String badCsv() {
        return HEADER + ",recommend\n"
                + p + "1,ARRIVED," + p + "CH,2026-09-03T10:15:00+08:00,,SECRET-PATIENT-" + p + ",,\n"
                + p + "2,VISIT,CH-999,2026-09-31 10:15,,SECRET-PATIENT-" + p + ",,\n"
                + ",SURVEY," + p + "CH,2026-09-03T11:00:00+08:00,,,9,x\n"
                + p + "4,REVENUE," + p + "CH,2026-09-03T12:00:00+08:00,,,abc,\n";
    }

    @Test
    void rejectedRowsAreKeptWithTheirValuesButNeverThePatientIdAndDownloadAsXlsxInTheCallersLanguage() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        channels.create(users.firstHospital().id(), p + "CH");
        long importId = upload(manager, badCsv());

        byte[] xlsx = mvc.perform(get("/api/v1/imports/{id}/rejections.xlsx", importId)
                        .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
                        .with(httpBasic(users.create(Role.ANALYST), TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")))
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(4);
            Row head = rows.get(0);
            List<String> header = new ArrayList<>();
            for (int c = 0; c < head.getCellCount(); c++) {
                header.add(head.getCellText(c));
            }
            assertThat(header).containsExactly("行号", "eventId", "type", "channel", "occurredAt", "referralId",
                    "patientId", "value", "recommend", "原因");
            Row second = rows.get(1);
            assertThat(second.getCellText(0)).isEqualTo("2");
            assertThat(second.getCellText(1)).isEqualTo(p + "2");
            assertThat(second.getCellText(2)).isEqualTo("VISIT");
            assertThat(second.getCellText(3)).isEqualTo("CH-999");
            assertThat(second.getCellText(4)).isEqualTo("2026-09-31 10:15");
            assertThat(second.getCellText(6)).isEqualTo("（不保存）");
            assertThat(second.getCellText(9).split("\n")).containsExactly(
                    "未知的事件类型“VISIT”（应为 REFERRAL, ACCEPTED, ARRIVED, CONVERTED, REVENUE, SURVEY, COMPLAINT, RETURN_VISIT, FEEDBACK, REFERRAL_OUT 之一）",
                    "本院没有渠道编码“CH-999”",
                    "发生时间“2026-09-31 10:15”不是日期和时间（例如 2026-09-03 10:15:00，按医院时区解读；或带时区偏移的 2026-09-03T10:15:00+08:00）");
            Row third = rows.get(2);
            assertThat(third.getCellText(0)).isEqualTo("3");
            assertThat(third.getCellText(1)).isEmpty();
            assertThat(third.getCellText(7)).isEqualTo("9");
            assertThat(third.getCellText(8)).isEqualTo("x");
            assertThat(third.getCellText(9).split("\n")).containsExactly("缺少 eventId", "满意度评分 9 不在 1–5 之间",
                    "推荐意愿 recommend“x”不是 0 到 10 的整数");
            assertThat(rows.get(3).getCellText(7)).isEqualTo("abc");
            assertThat(rows.get(3).getCellText(9)).isEqualTo("value 'abc' 不是数字");
        }

        byte[] english = mvc.perform(get("/api/v1/imports/{id}/rejections.xlsx", importId).header("Accept-Language", "en")
                        .with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(english))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Row");
            assertThat(rows.get(1).getCellText(6)).isEqualTo("(not kept)");
            assertThat(rows.get(1).getCellText(9)).contains("unknown channel 'CH-999'");
        }

        String kept = jdbc.sql("SELECT string_agg(\"values\"::text || reasons::text, ' ') FROM intake_import_rejection"
                + " WHERE import_id = :id").param("id", importId).query(String.class).single();
        assertThat(kept).contains("CH-999").doesNotContain("SECRET-PATIENT");
    }

    @Test
    void anImportOfAnotherHospitalOrNoImportAnswers404() throws Exception {
        Hospital other = hospitals.create("QO-" + p.substring(1, 6), "别的医院", ZoneId.of("Asia/Shanghai"));
        channels.create(other.id(), "CH-1");
        String otherManager = users.create(other.id(), Role.CHANNEL_MANAGER, null);
        long theirs = upload(otherManager, HEADER + "\n,ARRIVED,CH-1,2026-09-03T10:15:00+08:00,,,\n");
        String manager = users.create(Role.CHANNEL_MANAGER);
        mvc.perform(get("/api/v1/imports/{id}/rejections.xlsx", theirs).with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/imports/{id}/rejections.xlsx", 987654321L).with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/intake/quality/imports/{id}", theirs).with(user(accounts.loadUserByUsername(manager))))
                .andExpect(status().isNotFound());
    }

    @Test
    void reasonsAreInApiMdsEnglishByDefaultAndInChineseWhenAskedWithTheirCodesUnchanged() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        String body = "[{\"eventId\":\"" + p + "1\",\"type\":\"ARRIVED\",\"channel\":\"CH-999\","
                + "\"occurredAt\":\"2026-09-03T10:15:00+08:00\"}]";
        mvc.perform(post("/api/v1/events").with(httpBasic(manager, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(jsonPath("$.rejected[0].index").value(0))
                .andExpect(jsonPath("$.rejected[0].eventId").value(p + "1"))
                .andExpect(jsonPath("$.rejected[0].errors[0]").value("unknown channel 'CH-999'"))
                .andExpect(jsonPath("$.rejected[0].codes[0]").value("UNKNOWN_CHANNEL"));
        mvc.perform(post("/api/v1/events").with(httpBasic(manager, TestUsers.PASSWORD))
                        .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace(p + "1", p + "2")))
                .andExpect(jsonPath("$.rejected[0].errors[0]").value("本院没有渠道编码“CH-999”"))
                .andExpect(jsonPath("$.rejected[0].codes[0]").value("UNKNOWN_CHANNEL"));
        mvc.perform(post("/api/v1/events").with(httpBasic(manager, TestUsers.PASSWORD))
                        .header("Accept-Language", "en-GB,en;q=0.9").contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace(p + "1", p + "4")))
                .andExpect(jsonPath("$.rejected[0].errors[0]").value("unknown channel 'CH-999'"));
        mvc.perform(post("/api/v1/events").param("lang", "zh-CN").with(httpBasic(manager, TestUsers.PASSWORD))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace(p + "1", p + "3")))
                .andExpect(jsonPath("$.rejected[0].errors[0]").value("本院没有渠道编码“CH-999”"));
        mvc.perform(get("/api/v1/imports").param("size", "1000").with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isArray());
    }

    @Test
    void everyReasonTheValidatorGivesHasACodeAndAChineseText() {
        Hospital h = hospitals.create("QR-" + p.substring(1, 6), "原因医院", ZoneId.of("Asia/Shanghai"));
        channels.create(h.id(), "CH");
        String tooLong = "x".repeat(129);
        List<RawEvent> rows = List.of(
                RawEvent.of(null, null, null, null, null, null, null, Map.of()),
                RawEvent.of(tooLong, "VISIT", "NOPE", "2026-09-03 10:00", null, null, "abc", Map.of("", "v")),
                RawEvent.of("r", "REFERRAL", "CH", "2999-01-01T00:00:00Z", tooLong, null, null, Map.of("k", tooLong.repeat(8))),
                RawEvent.of("s", "SURVEY", "CH", "2026-09-03T10:00:00+08:00", null, null, new BigDecimal("6"),
                        Map.of("recommend", "11")),
                RawEvent.of("v", "REVENUE", "CH", "2026-09-03T10:00:00+08:00", null, null, null, Map.of()),
                RawEvent.of("big", "REVENUE", "CH", "2026-09-03T10:00:00+08:00", null, null, new BigDecimal("1E+100000"),
                        Map.of()),
                RawEvent.of("a", "ACCEPTED", "CH", "2026-09-03T10:00:00+08:00", null, null, null, Map.of()),
                RawEvent.of("ok", "ARRIVED", "CH", "2026-09-03T10:00:00+08:00", null, null, null, Map.of()),
                RawEvent.of("ok", "ARRIVED", "CH", "2026-09-03T11:00:00+08:00", null, null, null, Map.of()));
        IngestReport report = intake.record(Actors.manager(h.id(), "tester"), rows, 0, EventIntake.Source.API, null);
        List<String> sentences = report.rejected().stream().flatMap(r -> r.errors().stream()).toList();
        assertThat(sentences).hasSizeGreaterThanOrEqualTo(16);
        for (String sentence : sentences) {
            RowMessages.Reason zh = rowMessages.reason(sentence, Locale.SIMPLIFIED_CHINESE);
            RowMessages.Reason en = rowMessages.reason(sentence, Locale.ENGLISH);
            assertThat(zh.code()).as(sentence).isNotEqualTo("OTHER");
            assertThat(en.message()).as("the English text is the sentence itself").isEqualTo(sentence);
            assertThat(zh.message()).as(sentence).isNotEqualTo(sentence).containsPattern("\\p{IsHan}");
        }
        assertThat(sentences.stream().map(s -> rowMessages.reason(s, Locale.ENGLISH).code()).collect(Collectors.toSet()))
                .contains("EVENT_ID_REQUIRED", "TYPE_REQUIRED", "CHANNEL_REQUIRED", "OCCURRED_AT_REQUIRED",
                        "EVENT_ID_TOO_LONG", "UNKNOWN_TYPE", "UNKNOWN_CHANNEL", "OCCURRED_AT_INVALID",
                        "VALUE_NOT_A_NUMBER", "ATTRIBUTE_NAME_LENGTH", "OCCURRED_AT_TOO_LATE", "REFERRAL_ID_TOO_LONG",
                        "ATTRIBUTE_TOO_LONG", "SURVEY_VALUE_OUT_OF_RANGE", "RECOMMEND_INVALID", "VALUE_REQUIRED",
                        "REFERRAL_ID_REQUIRED", "EVENT_ID_TAKEN", "VALUE_OUT_OF_RANGE");
    }

    @Test
    void lateReferralsQuietChannelsPairProblemsAndBurstsAreFound() {
        Hospital h = hospitals.create("QL-" + p.substring(1, 6), "质量医院", ZoneId.of("Asia/Shanghai"));
        channels.create(h.id(), "A");
        channels.create(h.id(), "B");
        long quiet = channels.create(h.id(), "Q");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant base = now.minus(Duration.ofDays(3));
        List<RawEvent> rows = new ArrayList<>(List.of(
                // in time: exactly 24 h
                ev("r1", "REFERRAL", "A", base, "R1"), ev("a1", "ACCEPTED", "A", base.plus(Duration.ofHours(24)), "R1"),
                // late by a second
                ev("r2", "REFERRAL", "A", base, "R2"), ev("a2", "ACCEPTED", "A", base.plusSeconds(24 * 3600 + 1), "R2"),
                // never accepted, 3 days old: late
                ev("r3", "REFERRAL", "B", base.plusSeconds(60), "R3"),
                // never accepted but only 2 hours old: not late yet
                ev("r4", "REFERRAL", "B", now.minus(Duration.ofHours(2)), "R4"),
                // accepted first, and at another channel
                ev("r5", "REFERRAL", "A", base, "R5"), ev("a5", "ACCEPTED", "A", base.minusSeconds(600), "R5"),
                ev("r6", "REFERRAL", "A", base, "R6"), ev("a6", "ACCEPTED", "B", base.plusSeconds(600), "R6"),
                // the quiet channel sent 40 days ago
                ev("q1", "REFERRAL", "Q", now.minus(Duration.ofDays(40)), "Q1")));
        // a burst at B two days ago: 12 referrals, none in the 28 days before
        for (int i = 0; i < 12; i++) {
            rows.add(ev("b" + i, "REFERRAL", "B", now.minus(Duration.ofDays(2)).plusSeconds(i), "B" + i));
        }
        intake.record(Actors.manager(h.id(), "tester"), rows, 0, EventIntake.Source.API, null);
        LocalDate today = LocalDate.ofInstant(now, h.timeZone());
        LocalDate from = today.minusDays(10);

        var late = quality.lateReferrals(h.id(), Duration.ofHours(24), from, today, IntakeQuality.LateSort.HOURS, 0, 50);
        assertThat(late.items()).extracting(IntakeQuality.LateReferral::referralId)
                .containsExactlyInAnyOrder("R2", "R3", "B0", "B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9",
                        "B10", "B11");
        assertThat(late.items().get(0).referralId()).isEqualTo("R3");
        assertThat(late.items()).filteredOn(l -> l.referralId().equals("R2")).singleElement()
                .satisfies(l -> assertThat(l.hours()).isEqualByComparingTo("24.0"));
        var lenient = quality.lateReferrals(h.id(), Duration.ofHours(60), from, today, IntakeQuality.LateSort.REFERRED,
                0, 50);
        assertThat(lenient.items()).extracting(IntakeQuality.LateReferral::referralId).containsExactly("R3");

        assertThat(quality.pairIssues(h.id(), from, today, 0, 50).items())
                .extracting(IntakeQuality.PairIssue::referralId, IntakeQuality.PairIssue::acceptedFirst,
                        IntakeQuality.PairIssue::otherChannel)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("R5", true, false),
                        org.assertj.core.groups.Tuple.tuple("R6", false, true));

        assertThat(quality.quietChannels(h.id(), today, 14)).singleElement()
                .satisfies(q -> {
                    assertThat(q.channelId()).isEqualTo(quiet);
                    assertThat(q.daysSilent()).isBetween(39L, 41L);
                    assertThat(q.referralsBefore()).isEqualTo(1);
                });
        assertThat(quality.quietChannels(h.id(), today, 45)).isEmpty();

        assertThat(quality.bursts(h.id(), from, today)).singleElement()
                .satisfies(b -> assertThat(b.referrals()).isEqualTo(12));
    }

    @Test
    void thePagesAreForChannelManagersAndTheRollupCheckForHospitalManagers() throws Exception {
        var analyst = accounts.loadUserByUsername(users.create(Role.ANALYST));
        var office = accounts.loadUserByUsername(users.create(Role.CHANNEL_MANAGER));
        var manager = accounts.loadUserByUsername(users.create(Role.HOSPITAL_MANAGER));
        mvc.perform(get("/intake/quality").with(user(analyst))).andExpect(status().isForbidden());
        mvc.perform(get("/intake/quality").with(user(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("导入与被拒行")))
                .andExpect(content().string(not(containsString("id=\"nav-rollups\""))));
        mvc.perform(get("/intake/quality").param("tab", "late").param("sla", "abc").param("from", "2026-13-01")
                        .with(user(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("受理时限须为 1 到 720 小时之间的整数")))
                .andExpect(content().string(containsString("请输入 yyyy-MM-dd 格式的日期")));
        mvc.perform(get("/intake/quality").param("tab", "quiet").param("quietDays", "0").param("lang", "en")
                        .with(user(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Channels gone quiet")))
                .andExpect(content().string(containsString("Days must be a whole number from 1 to 365")));
        mvc.perform(get("/intake/rollups").with(user(office))).andExpect(status().isForbidden());
        mvc.perform(post("/intake/rollups").with(user(manager)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"rollup-")));
    }
}
