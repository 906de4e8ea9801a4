package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@MeridianTest
@ExtendWith(OutputCaptureExtension.class)
class EventsApiTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired TestChannels channels;
    @Autowired JdbcClient jdbc;

    final String p = "api" + UUID.randomUUID().toString().substring(0, 8) + "-";

    /** Asks for English reasons explicitly (also the default without a preference; see {@code DataQualityTest}). */
    MockHttpServletRequestBuilder postEvents(String user, String body) {
        return post("/api/v1/events").with(httpBasic(user, TestUsers.PASSWORD)).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void answersAcceptedDuplicatesAndEveryRejectedRowWithItsIndexEventIdAndReasons() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        channels.create(users.firstHospital().id(), p + "CH");
        String body = """
                [{"eventId":"%1$s1","type":"REFERRAL","channel":"%1$sCH","occurredAt":"2026-09-03T10:15:00+08:00","referralId":"%1$sR1"},
                 {"eventId":"%1$s2","type":"REVENUE","channel":"CH-999","occurredAt":"2026-09-03T10:15:00+08:00","value":"12"},
                 {"eventId":"%1$s3","type":"SURVEY","channel":"%1$sCH","occurredAt":"2026-09-03T10:15:00+08:00","value":4.5,
                  "attributes":{"recommend":9,"department":"骨科"}},
                 {"type":"ARRIVED","channel":"%1$sCH","occurredAt":"2026-09-03T10:15:00+08:00","attributes":{"x":{"y":1}}},
                 "not an object",
                 {"eventId":"%1$s1","type":"REFERRAL","channel":"%1$sCH","occurredAt":"2026-09-03T02:15:00Z","referralId":"%1$sR1"}]
                """.formatted(p);
        mvc.perform(postEvents(manager, body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.rejected.length()").value(3))
                .andExpect(jsonPath("$.rejected[0].index").value(1))
                .andExpect(jsonPath("$.rejected[0].eventId").value(p + "2"))
                .andExpect(jsonPath("$.rejected[0].errors").value(hasItem("unknown channel 'CH-999'")))
                .andExpect(jsonPath("$.rejected[0].errors").value(hasItem("value \"12\" is not a number")))
                .andExpect(jsonPath("$.rejected[1].index").value(3))
                .andExpect(jsonPath("$.rejected[1].eventId").doesNotExist())
                .andExpect(jsonPath("$.rejected[1].errors").value(hasItem("attribute x must be a string")))
                .andExpect(jsonPath("$.rejected[1].errors").value(hasItem("eventId is required")))
                .andExpect(jsonPath("$.rejected[2].index").value(4))
                .andExpect(jsonPath("$.rejected[2].errors[0]").value("an event must be a JSON object"));
    }

    @Test
    void aNulInTheChannelCodeRejectsItsRowAndKeepsTheGoodRows() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        channels.create(users.firstHospital().id(), p + "NCH");
        // issue 18, point 4: before this rule the channel look-up sent the NUL to PostgreSQL and the batch failed (500)
        String body = """
                [{"eventId":"%1$sgood1","type":"ARRIVED","channel":"%1$sNCH","occurredAt":"2026-09-03T10:15:00+08:00"},
                 {"eventId":"%1$snulch","type":"ARRIVED","channel":"%1$sN\\u0000CH","occurredAt":"2026-09-03T10:15:00+08:00"},
                 {"eventId":"%1$sgood2","type":"ARRIVED","channel":"%1$sNCH","occurredAt":"2026-09-03T10:15:00+08:00"}]
                """.formatted(p);
        mvc.perform(postEvents(manager, body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected.length()").value(1))
                .andExpect(jsonPath("$.rejected[0].index").value(1))
                .andExpect(jsonPath("$.rejected[0].errors[0]").value(
                        "channel contains a character that cannot be stored (U+0000 or an unpaired surrogate)"));
    }

    @Test
    void aValueOutsideTheDocumentedRangeRejectsItsRowAndKeepsTheGoodRows() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        channels.create(users.firstHospital().id(), p + "CH");
        // issue 18, point 3: 1e100000 was stored (and written out as 100,001 digits on the monitoring page);
        // the range is at most 19 digits before and 9 after the decimal point (docs/intake.md)
        String body = """
                [{"eventId":"%1$sbig","type":"REVENUE","channel":"%1$sCH","occurredAt":"2026-09-03T10:15:00+08:00","value":1e100000},
                 {"eventId":"%1$sok","type":"REVENUE","channel":"%1$sCH","occurredAt":"2026-09-03T10:15:00+08:00","value":9999999999999999999.999999999},
                 {"eventId":"%1$stiny","type":"REVENUE","channel":"%1$sCH","occurredAt":"2026-09-03T10:15:00+08:00","value":1e-100000},
                 {"eventId":"%1$s1e15","type":"REVENUE","channel":"%1$sCH","occurredAt":"2026-09-03T10:15:00+08:00","value":10000000000000000000},
                 {"eventId":"%1$sfine","type":"REVENUE","channel":"%1$sCH","occurredAt":"2026-09-03T10:15:00+08:00","value":12.0000000001}]
                """.formatted(p);
        mvc.perform(postEvents(manager, body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected.length()").value(4))
                .andExpect(jsonPath("$.rejected[0].index").value(0))
                .andExpect(jsonPath("$.rejected[0].errors[0]").value("value 1E+100000 is outside the allowed range"
                        + " (at most 19 digits before and 9 after the decimal point)"))
                .andExpect(jsonPath("$.rejected[0].codes[0]").value("VALUE_OUT_OF_RANGE"))
                .andExpect(jsonPath("$.rejected[1].index").value(2))
                .andExpect(jsonPath("$.rejected[2].index").value(3))
                .andExpect(jsonPath("$.rejected[2].codes[0]").value("VALUE_OUT_OF_RANGE"))
                .andExpect(jsonPath("$.rejected[3].index").value(4))
                .andExpect(jsonPath("$.rejected[3].codes[0]").value("VALUE_OUT_OF_RANGE"));
        assertThat(jdbc.sql("SELECT value FROM intake_event WHERE event_id = :e").param("e", p + "ok")
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("9999999999999999999.999999999");
        mvc.perform(postEvents(manager, body).header("Accept-Language", "zh-CN").param("lang", "zh-CN"))
                .andExpect(jsonPath("$.rejected[0].errors[0]").value(
                        "数值 1E+100000 超出允许范围（整数部分最多 19 位，小数最多 9 位）"));
    }

    @Test
    void textsPostgresqlCannotStoreRejectTheirRowNotTheBatch() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        channels.create(users.firstHospital().id(), p + "CH");
        // U+0000 in an eventId, in an attribute value and an unpaired surrogate in a referralId: before this rule
        // the binary COPY refused the whole batch with a server error
        String body = """
                [{"eventId":"%1$sok","type":"ARRIVED","channel":"%1$sCH","occurredAt":"2026-09-03T10:15:00+08:00"},
                 {"eventId":"%1$sn\\u0000ul","type":"ARRIVED","channel":"%1$sCH","occurredAt":"2026-09-03T10:15:00+08:00"},
                 {"eventId":"%1$sattr","type":"ARRIVED","channel":"%1$sCH","occurredAt":"2026-09-03T10:15:00+08:00",
                  "attributes":{"department":"骨\\u0000科"}},
                 {"eventId":"%1$ssur","type":"REFERRAL","channel":"%1$sCH","occurredAt":"2026-09-03T10:15:00+08:00",
                  "referralId":"R\\ud800x"},
                 {"eventId":"%1$semoji","type":"ARRIVED","channel":"%1$sCH","occurredAt":"2026-09-03T10:15:00+08:00",
                  "attributes":{"note":"好评 \\ud83d\\udc4d"}}]
                """.formatted(p);
        mvc.perform(postEvents(manager, body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected.length()").value(3))
                .andExpect(jsonPath("$.rejected[0].index").value(1))
                .andExpect(jsonPath("$.rejected[0].errors[0]").value(
                        "eventId contains a character that cannot be stored (U+0000 or an unpaired surrogate)"))
                .andExpect(jsonPath("$.rejected[0].codes[0]").value("TEXT_NOT_STORABLE"))
                .andExpect(jsonPath("$.rejected[1].index").value(2))
                .andExpect(jsonPath("$.rejected[1].errors[0]").value(
                        "attribute department contains a character that cannot be stored (U+0000 or an unpaired surrogate)"))
                .andExpect(jsonPath("$.rejected[2].index").value(3))
                .andExpect(jsonPath("$.rejected[2].errors[0]").value(
                        "referralId contains a character that cannot be stored (U+0000 or an unpaired surrogate)"));
        assertThat(jdbc.sql("SELECT attributes->>'note' FROM intake_event WHERE event_id = :e").param("e", p + "emoji")
                .query(String.class).single()).isEqualTo("好评 \ud83d\udc4d");
        mvc.perform(postEvents(manager, body).header("Accept-Language", "zh-CN").param("lang", "zh-CN"))
                .andExpect(jsonPath("$.duplicates").value(2))
                .andExpect(jsonPath("$.rejected[0].errors[0]").value("eventId 含有无法保存的字符（U+0000 或不成对的代理字符）"));
    }

    @Test
    void malformedJsonIsA400ProblemAndNothingIsStored() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        channels.create(users.firstHospital().id(), p + "CH");
        mvc.perform(postEvents(manager, "[{\"eventId\":\"" + p + "x\",\"type\":\"ARRIVED\",\"channel\":\"" + p
                        + "CH\",\"occurredAt\":\"2026-09-03T10:15:00+08:00\"}, {\"eventId\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Malformed JSON"))
                .andExpect(jsonPath("$.detail").value(startsWith("The body is not valid JSON")))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(postEvents(manager, "{\"eventId\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The body must be a JSON array of events."));
        assertThat(jdbc.sql("SELECT count(*) FROM intake_event WHERE event_id LIKE :p").param("p", p + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void moreThanTenThousandEventsAreRefusedWhole() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i <= 10_000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"eventId\":\"").append(p).append(i).append("\"}");
        }
        mvc.perform(postEvents(manager, body.append(']').toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("At most 10000 events per call; this one has 10001")));
    }

    @Test
    void voidingNeedsAReasonAnswers404ForUnknownAnd409ForAlreadyVoided() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        channels.create(users.firstHospital().id(), p + "CH");
        mvc.perform(postEvents(manager, "[{\"eventId\":\"" + p + "v\",\"type\":\"COMPLAINT\",\"channel\":\"" + p
                + "CH\",\"occurredAt\":\"2026-09-03T10:15:00+08:00\"}]")).andExpect(jsonPath("$.accepted").value(1));
        mvc.perform(delete("/api/v1/events/" + p + "v").with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(delete("/api/v1/events/" + p + "v").param("reason", " ").with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest());
        mvc.perform(delete("/api/v1/events/" + p + "nope").param("reason", "typo").with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:meridian:intake:event-not-found"))
                .andExpect(jsonPath("$.detail").value("No event with eventId '" + p + "nope'."));
        mvc.perform(delete("/api/v1/events/" + p + "nope").param("reason", "typo").param("lang", "zh-CN")
                        .with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("本院没有 eventId 为“" + p + "nope”的事件。"));
        mvc.perform(delete("/api/v1/events/" + p + "v").param("reason", "complaint withdrawn").with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/events/" + p + "v").param("reason", "again").with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("already voided")))
                .andExpect(jsonPath("$.type").value("urn:meridian:intake:already-voided"));
        assertThat(jdbc.sql("SELECT voided_by FROM intake_event WHERE event_id = :e").param("e", p + "v")
                .query(String.class).single()).isEqualTo(manager);
    }

    @Test
    void channelUsersAnalystsAndRegulatorsMayNotWriteManagersAndAdministratorsMay() throws Exception {
        for (Role role : List.of(Role.CHANNEL_USER, Role.ANALYST, Role.REGULATOR)) {
            String user = users.create(role);
            mvc.perform(postEvents(user, "[]")).andExpect(status().isForbidden());
            mvc.perform(delete("/api/v1/events/x").param("reason", "r").with(httpBasic(user, TestUsers.PASSWORD)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isUnauthorized());
        mvc.perform(postEvents(users.create(Role.HOSPITAL_MANAGER), "[]")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/events").with(httpBasic("admin", "Root-secret-2026"))
                .contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(0));
    }

    @Test
    void noClearPatientIdReachesTheDatabaseOrTheLogs(CapturedOutput output) throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        channels.create(users.firstHospital().id(), p + "CH");
        String patient = "PATIENT-" + UUID.randomUUID();
        String body = """
                [{"eventId":"%1$sa","type":"REFERRAL","channel":"%1$sCH","occurredAt":"2026-09-03T10:15:00+08:00",
                  "referralId":"%1$sR","patientId":"%2$s"},
                 {"eventId":"%1$sb","type":"SURVEY","channel":"%1$sCH","occurredAt":"2026-09-03T10:15:00+08:00",
                  "patientId":"%2$s","value":9},
                 {"eventId":"%1$sc","type":"ARRIVED","channel":"nope","occurredAt":"2026-09-03T10:15:00+08:00",
                  "patientId":"%2$s"}]""".formatted(p, patient);
        mvc.perform(postEvents(manager, body)).andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected.length()").value(2));
        mvc.perform(delete("/api/v1/events/" + p + "a").param("reason", "test").with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isNoContent());

        assertThat(jdbc.sql("SELECT patient_hash FROM intake_event WHERE event_id = :e").param("e", p + "a")
                .query(String.class).single()).hasSize(64).doesNotContain(patient);
        List<String[]> columns = jdbc.sql("""
                        SELECT table_name, column_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND (table_name LIKE 'intake%' OR table_name = 'audit_log')
                          AND data_type IN ('text', 'character varying', 'character', 'jsonb', 'json')""")
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        assertThat(columns).extracting(c -> c[0] + "." + c[1]).contains("intake_event.patient_hash",
                "intake_event.attributes", "audit_log.details");
        for (String[] c : columns) {
            long hits = jdbc.sql("SELECT count(*) FROM " + c[0] + " WHERE CAST(" + c[1] + " AS text) LIKE :v")
                    .param("v", "%" + patient + "%").query(Long.class).single();
            assertThat(hits).as(c[0] + "." + c[1]).isZero();
        }
        assertThat(output.getAll()).doesNotContain(patient);
    }

    @Test
    void pairProblemsAndTheRollupCheckCanBeAskedFor() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        channels.create(users.firstHospital().id(), p + "CH");
        mvc.perform(postEvents(manager, """
                [{"eventId":"%1$sa","type":"ACCEPTED","channel":"%1$sCH","occurredAt":"2026-09-03T09:00:00+08:00","referralId":"%1$sR"},
                 {"eventId":"%1$sr","type":"REFERRAL","channel":"%1$sCH","occurredAt":"2026-09-03T10:00:00+08:00","referralId":"%1$sR"}]
                """.formatted(p)))
                .andExpect(jsonPath("$.warnings[0].index").value(1))
                .andExpect(jsonPath("$.warnings[0].warnings[0]").value(containsString("precedes its REFERRAL")));
        mvc.perform(get("/api/v1/events/pair-problems").with(httpBasic(users.create(Role.ANALYST), TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.referralId == '" + p + "R')].acceptedFirst").value(hasItem(true)));
        mvc.perform(get("/api/v1/events/rollup-check").with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/events/rollup-check").with(httpBasic(users.create(Role.HOSPITAL_MANAGER), TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.exact").value(true))
                .andExpect(jsonPath("$.differences.length()").value(0));
    }
}
