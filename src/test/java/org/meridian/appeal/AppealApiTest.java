package org.meridian.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.meridian.appeal.Published.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Appeals through {@code /api/v1/appeals}: the whole way from filing to a new evaluation version, and every refusal. */
@MeridianTest
class AppealApiTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired AuditLog audit;

    @Test
    void anUpheldAppealCorrectsTheEventsThroughIntakeAndYieldsANewVersionWhileThePublishedOneStays() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        String v1Before = p.as(p.analyst, get("/api/v1/evaluations/" + p.evaluationId + "/scorecards"))
                .andReturn().getResponse().getContentAsString();
        String published = p.as(p.analyst, get("/api/v1/evaluations/" + p.evaluationId)).andReturn().getResponse()
                .getContentAsString();
        OffsetDateTime publishedAt = OffsetDateTime.parse(JsonPath.read(published, "$.publishedAt"));

        String filed = p.as(p.userA1, json(post("/api/v1/appeals"), "{\"evaluationId\": " + p.evaluationId
                        + ", \"channel\": \"A1\", \"indicator\": \"ARRIVAL_RATE\", \"statement\": \"9 月 12 日有一位患者到诊未登记\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/appeals/")))
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.channel").value("A1"))
                .andExpect(jsonPath("$.indicator").value("ARRIVAL_RATE"))
                .andExpect(jsonPath("$.contestedValue").value(80))
                .andExpect(jsonPath("$.evaluationVersion").value(1))
                .andExpect(jsonPath("$.filedBy").value(p.userA1))
                .andExpect(jsonPath("$.overdue").value(false))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(filed, "$.id")).longValue();
        OffsetDateTime deadline = OffsetDateTime.parse(JsonPath.read(filed, "$.filingDeadline"));
        assertThat(Duration.between(publishedAt, deadline)).isEqualTo(Duration.ofDays(15));
        OffsetDateTime filedAt = OffsetDateTime.parse(JsonPath.read(filed, "$.filedAt"));
        OffsetDateTime reviewDue = OffsetDateTime.parse(JsonPath.read(filed, "$.reviewDue"));
        assertThat(Duration.between(filedAt, reviewDue)).isEqualTo(Duration.ofDays(10));

        // an attachment, downloadable by the channel and the office, not by another channel
        String att = p.as(p.userA1, multipart("/api/v1/appeals/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "到诊登记.pdf", "application/octet-stream", PDF)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.size").value(PDF.length))
                .andReturn().getResponse().getContentAsString();
        long attId = ((Number) JsonPath.read(att, "$.id")).longValue();
        for (String reader : List.of(p.userA1, p.office, p.analyst)) {
            byte[] got = p.as(reader, get("/api/v1/appeals/" + id + "/attachments/" + attId))
                    .andExpect(status().isOk())
                    .andExpect(content().contentType("application/pdf"))
                    .andExpect(header().string("Content-Disposition", containsString("attachment")))
                    .andReturn().getResponse().getContentAsByteArray();
            assertThat(got).isEqualTo(PDF);
        }
        p.as(p.userA2, get("/api/v1/appeals/" + id + "/attachments/" + attId)).andExpect(status().isNotFound());

        p.as(p.office, post("/api/v1/appeals/" + id + "/review")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNDER_REVIEW"))
                .andExpect(jsonPath("$.reviewStartedBy").value(p.office));

        // the fourth arrival was booked twice on the wrong day: void it, send two correct arrivals → 5 of 5 = 100 %
        String decision = "{\"decision\": \"UPHOLD\", \"reason\": \"到诊登记核实无误\", "
                + "\"voids\": [{\"eventId\": \"" + p.id("a-arr3") + "\", \"reason\": \"登记日期错误\"}], "
                + "\"events\": [" + Published.event(p.id("fix-1"), "ARRIVED", "A1", "2026-09-13T09:00:00+08:00", "")
                + "," + Published.event(p.id("fix-2"), "ARRIVED", "A1", "2026-09-14T09:00:00+08:00", "") + "]}";
        String upheld = p.as(p.office, json(post("/api/v1/appeals/" + id + "/decision"), decision))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UPHELD"))
                .andExpect(jsonPath("$.decisionReason").value("到诊登记核实无误"))
                .andExpect(jsonPath("$.decidedBy").value(p.office))
                .andExpect(jsonPath("$.corrections[*].kind").value(org.hamcrest.Matchers.contains("VOID", "EVENT", "EVENT")))
                .andReturn().getResponse().getContentAsString();
        long v2 = ((Number) JsonPath.read(upheld, "$.correctedEvaluationId")).longValue();
        assertThat(v2).isNotEqualTo(p.evaluationId);

        p.as(p.analyst, get("/api/v1/evaluations/" + v2)).andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.status").value("DRAFT")).andExpect(jsonPath("$.period").value("2026-09"));
        assertThat(p.value(v2, "A1", "ARRIVAL_RATE")).isEqualTo(100.0);
        assertThat(p.value(p.evaluationId, "A1", "ARRIVAL_RATE")).isEqualTo(80.0);
        assertThat(p.as(p.analyst, get("/api/v1/evaluations/" + p.evaluationId + "/scorecards")).andReturn()
                .getResponse().getContentAsString()).isEqualTo(v1Before);

        // the channel sees its appeal with the link; the new version once the office publishes it
        p.as(p.userA1, get("/api/v1/appeals/" + id)).andExpect(jsonPath("$.correctedEvaluationId").value(v2));
        p.as(p.userA1, get("/api/v1/evaluations/" + v2)).andExpect(status().isNotFound());
        p.as(p.office2, post("/api/v1/evaluations/" + v2 + "/publish")).andExpect(status().isOk());
        p.as(p.userA1, get("/api/v1/evaluations/" + v2 + "/scorecards"))
                .andExpect(jsonPath("$.items[0].indicators[1].value").value(100));

        List<AuditLog.Entry> log = audit.recent(p.hospital.id(), "APPEAL_", 10); // newest first
        assertThat(log).extracting(AuditLog.Entry::action).containsExactly("APPEAL_UPHELD",
                "APPEAL_REVIEW_STARTED", "APPEAL_ATTACHMENT_ADDED", "APPEAL_FILED");
        assertThat(log.get(0).details()).contains("\"version\": 2", "UPHELD");
        assertThat(audit.recent(p.hospital.id(), "EVENT_VOIDED", 5)).hasSize(1);
    }

    @Test
    void aRejectionNeedsAReasonAndChangesNothingElse() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        long id = p.file(p.userA2, "A2", "ARRIVAL_RATE");
        p.as(p.office, post("/api/v1/appeals/" + id + "/review")).andExpect(status().isOk());
        for (String body : List.of("{\"decision\": \"REJECT\"}", "{\"decision\": \"REJECT\", \"reason\": \"  \"}")) {
            p.as(p.office, json(post("/api/v1/appeals/" + id + "/decision"), body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("reason"));
        }
        p.as(p.office, json(post("/api/v1/appeals/" + id + "/decision"), "{\"decision\": \"MAYBE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("decision", "reason")));
        p.as(p.analyst, get("/api/v1/appeals/" + id)).andExpect(jsonPath("$.status").value("UNDER_REVIEW"));
        p.as(p.office, json(post("/api/v1/appeals/" + id + "/decision"),
                        "{\"decision\": \"REJECT\", \"reason\": \"到诊数与 HIS 记录一致\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.correctedEvaluationId").doesNotExist());
        p.as(p.analyst, get("/api/v1/evaluations").param("period", "2026-09"))
                .andExpect(jsonPath("$.total").value(1));
        // a decided appeal is final
        p.as(p.office, post("/api/v1/appeals/" + id + "/review")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("申诉当前状态为“已驳回”，只有在“已提交”状态下才能进行此步骤。"));
    }

    @Test
    void everyBadFilingIsRefusedWithItsReasonAndNothingIsStored() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        long draft = p.run("2026-08");

        // an unpublished evaluation: the office is told why; a channel user does not even see it
        p.as(p.office, json(post("/api/v1/appeals").param("lang", "en"), "{\"evaluationId\": " + draft
                        + ", \"channel\": \"A1\", \"indicator\": \"ARRIVAL_RATE\", \"statement\": \"x\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("not published")));
        p.as(p.userA1, json(post("/api/v1/appeals"), "{\"evaluationId\": " + draft
                        + ", \"channel\": \"A1\", \"indicator\": \"ARRIVAL_RATE\", \"statement\": \"x\"}"))
                .andExpect(status().isNotFound());
        // another channel's scorecard
        p.as(p.userA1, json(post("/api/v1/appeals").param("lang", "en"), "{\"evaluationId\": " + p.evaluationId
                        + ", \"channel\": \"A2\", \"indicator\": \"ARRIVAL_RATE\", \"statement\": \"x\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("only its own channel")));
        // an unknown indicator, an empty statement: both named
        p.as(p.userA1, json(post("/api/v1/appeals"), "{\"evaluationId\": " + p.evaluationId
                        + ", \"channel\": \"A1\", \"indicator\": \"SATISFACTION\", \"statement\": \" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("statement", "indicator")))
                .andExpect(jsonPath("$.errors[?(@.field == 'indicator')].message",
                        org.hamcrest.Matchers.contains(containsString("SATISFACTION"))));
        p.as(p.office, json(post("/api/v1/appeals"), "{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field",
                        containsInAnyOrder("statement", "channel", "indicator", "evaluationId")));
        p.as(p.office, json(post("/api/v1/appeals"), "{\"evaluationId\": " + p.evaluationId
                        + ", \"channel\": \"NOPE\", \"indicator\": \"ARRIVAL_RATE\", \"statement\": \"x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("channel"));
        // analysts and regulators do not file
        p.as(p.analyst, json(post("/api/v1/appeals"), "{}")).andExpect(status().isForbidden());
        p.as(p.regulator, get("/api/v1/appeals")).andExpect(status().isForbidden());

        // after the deadline: the hospital closes the window at publication
        p.as(p.office, json(put("/api/v1/appeals/settings"), "{\"filingDays\": 0, \"reviewDays\": 10}"))
                .andExpect(status().isForbidden());
        p.as(p.manager, json(put("/api/v1/appeals/settings"), "{\"filingDays\": -1, \"reviewDays\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("filingDays", "reviewDays")));
        p.as(p.manager, json(put("/api/v1/appeals/settings"), "{\"filingDays\": 0, \"reviewDays\": 10}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.filingDays").value(0));
        p.as(p.userA1, json(post("/api/v1/appeals"), "{\"evaluationId\": " + p.evaluationId
                        + ", \"channel\": \"A1\", \"indicator\": \"ARRIVAL_RATE\", \"statement\": \"x\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("申诉期已于")));
        assertThat(p.appealCount()).isZero();
        assertThat(audit.recent(p.hospital.id(), "APPEAL_FILED", 5)).isEmpty();

        p.as(p.manager, json(put("/api/v1/appeals/settings"), "{\"filingDays\": 15, \"reviewDays\": 10}"))
                .andExpect(status().isOk());
        p.file(p.userA1, "A1", "ARRIVAL_RATE");
        assertThat(p.appealCount()).isEqualTo(1);
    }

    @Test
    void aSupersededVersionCannotBeAppealed() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        long v2 = p.run("2026-09");
        p.as(p.office, post("/api/v1/evaluations/" + v2 + "/publish")).andExpect(status().isOk());
        p.as(p.userA1, json(post("/api/v1/appeals"), "{\"evaluationId\": " + p.evaluationId
                        + ", \"channel\": \"A1\", \"indicator\": \"ARRIVAL_RATE\", \"statement\": \"x\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("已被第 2 版取代")));
    }

    @Test
    void stepsGoInOrderAndTheFilerNeverDecides() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        long id = p.file(p.office, "A1", "REFERRAL_VOLUME");
        p.as(p.office2, json(post("/api/v1/appeals/" + id + "/decision"),
                        "{\"decision\": \"REJECT\", \"reason\": \"无依据\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("只有在“审核中”状态下")));
        p.as(p.office, post("/api/v1/appeals/" + id + "/review")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("四眼原则")));
        p.as(p.userA1, post("/api/v1/appeals/" + id + "/review")).andExpect(status().isForbidden());
        p.as(p.office2, post("/api/v1/appeals/" + id + "/review")).andExpect(status().isOk());
        p.as(p.office2, post("/api/v1/appeals/" + id + "/review")).andExpect(status().isConflict());
        p.as(p.office, json(post("/api/v1/appeals/" + id + "/decision"),
                        "{\"decision\": \"REJECT\", \"reason\": \"自己决定\"}"))
                .andExpect(status().isForbidden());
        p.as(p.analyst, get("/api/v1/appeals/" + id)).andExpect(jsonPath("$.status").value("UNDER_REVIEW"));
        assertThat(audit.recent(p.hospital.id(), "APPEAL_", 10)).extracting(AuditLog.Entry::action)
                .containsExactly("APPEAL_REVIEW_STARTED", "APPEAL_FILED");
    }

    @Test
    void aCorrectionIntakeRefusesUndoesTheWholeDecision() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        long id = p.file(p.userA1, "A1", "ARRIVAL_RATE");
        p.as(p.office, post("/api/v1/appeals/" + id + "/review")).andExpect(status().isOk());
        // a good void, an unknown event, and a corrected event for an unknown channel
        String decision = "{\"decision\": \"UPHOLD\", \"reason\": \"核实\", \"voids\": ["
                + "{\"eventId\": \"" + p.id("a-arr0") + "\", \"reason\": \"重复\"},"
                + "{\"eventId\": \"" + p.id("nothing") + "\", \"reason\": \"?\"}], \"events\": ["
                + Published.event(p.id("fix-x"), "ARRIVED", "ZZ9", "2026-09-13T09:00:00+08:00", "") + "]}";
        p.as(p.office, json(post("/api/v1/appeals/" + id + "/decision"), decision))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("voids[1].eventId", "events[0]")))
                .andExpect(jsonPath("$.errors[?(@.field == 'events[0]')].message",
                        org.hamcrest.Matchers.contains(containsString("unknown channel 'ZZ9'"))));
        // nothing happened: the good void was undone, no new version, still under review
        p.as(p.analyst, get("/api/v1/appeals/" + id)).andExpect(jsonPath("$.status").value("UNDER_REVIEW"))
                .andExpect(jsonPath("$.corrections.length()").value(0));
        p.as(p.analyst, get("/api/v1/evaluations").param("period", "2026-09")).andExpect(jsonPath("$.total").value(1));
        assertThat(audit.recent(p.hospital.id(), "EVENT_VOIDED", 5)).isEmpty();
        // upheld without corrections, or rejected with some, is refused as well
        p.as(p.office, json(post("/api/v1/appeals/" + id + "/decision"), "{\"decision\": \"UPHOLD\", \"reason\": \"是\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("corrections"));
        p.as(p.office, json(post("/api/v1/appeals/" + id + "/decision"), "{\"decision\": \"REJECT\", \"reason\": \"否\", "
                        + "\"voids\": [{\"eventId\": \"" + p.id("a-arr0") + "\", \"reason\": \"重复\"}]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("corrections"));
        // the same void alone goes through
        p.as(p.office, json(post("/api/v1/appeals/" + id + "/decision"), "{\"decision\": \"UPHOLD\", \"reason\": \"核实\", "
                        + "\"voids\": [{\"eventId\": \"" + p.id("a-arr0") + "\", \"reason\": \"重复\"}]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UPHELD"));
    }

    @Test
    void correctionsMayTouchOnlyTheAppealedChannelsEvents() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        long id = p.file(p.userA1, "A1", "ARRIVAL_RATE");
        p.as(p.office, post("/api/v1/appeals/" + id + "/review")).andExpect(status().isOk());
        // A1's own corrections are fine; an arrival of A2 to void and a new arrival for A2 are not
        String decision = "{\"decision\": \"UPHOLD\", \"reason\": \"核实\", \"voids\": ["
                + "{\"eventId\": \"" + p.id("a-arr0") + "\", \"reason\": \"重复\"},"
                + "{\"eventId\": \"" + p.id("b-arr0") + "\", \"reason\": \"重复\"}], \"events\": ["
                + Published.event(p.id("own-1"), "ARRIVED", "A1", "2026-09-13T09:00:00+08:00", "") + ","
                + Published.event(p.id("other-1"), "ARRIVED", "A2", "2026-09-13T09:00:00+08:00", "") + "]}";
        p.as(p.office, json(post("/api/v1/appeals/" + id + "/decision"), decision))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("voids[1].eventId", "events[1]")))
                .andExpect(jsonPath("$.errors[?(@.field == 'voids[1].eventId')].message", org.hamcrest.Matchers.contains(
                        "事件 " + p.id("b-arr0") + " 属于渠道 A2，不属于被申诉的渠道 A1：申诉只能作废或补报 A1 的事件。")))
                .andExpect(jsonPath("$.errors[?(@.field == 'events[1]')].message", org.hamcrest.Matchers.contains(
                        "事件 " + p.id("other-1") + " 属于渠道 A2，不属于被申诉的渠道 A1：申诉只能作废或补报 A1 的事件。")));
        p.as(p.office, json(post("/api/v1/appeals/" + id + "/decision").param("lang", "en"), decision))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'events[1]')].message", org.hamcrest.Matchers.contains(
                        "Event " + p.id("other-1") + " belongs to channel A2, not to the appealed channel A1: an appeal "
                                + "may void or add only the events of A1.")));
        // nothing happened: no void (not even A1's), no version, still under review
        p.as(p.analyst, get("/api/v1/appeals/" + id)).andExpect(jsonPath("$.status").value("UNDER_REVIEW"))
                .andExpect(jsonPath("$.corrections.length()").value(0));
        p.as(p.analyst, get("/api/v1/evaluations").param("period", "2026-09")).andExpect(jsonPath("$.total").value(1));
        assertThat(audit.recent(p.hospital.id(), "EVENT_VOIDED", 5)).isEmpty();

        // the channel's own corrections alone go through (own-1 was not stored before, or it would be a duplicate)
        String own = "{\"decision\": \"UPHOLD\", \"reason\": \"核实\", \"voids\": ["
                + "{\"eventId\": \"" + p.id("a-arr0") + "\", \"reason\": \"重复\"}], \"events\": ["
                + Published.event(p.id("own-1"), "ARRIVED", "A1", "2026-09-13T09:00:00+08:00", "") + "]}";
        String upheld = p.as(p.office, json(post("/api/v1/appeals/" + id + "/decision"), own))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UPHELD"))
                .andReturn().getResponse().getContentAsString();
        long v2 = ((Number) JsonPath.read(upheld, "$.correctedEvaluationId")).longValue();
        // A2 is untouched in the new version: still 1 arrival of 2 referrals (voiding b-arr0 gives 0, adding one 100)
        assertThat(p.value(v2, "A2", "ARRIVAL_RATE")).isEqualTo(50.0);
        assertThat(p.value(v2, "A1", "ARRIVAL_RATE")).isEqualTo(80.0);
        assertThat(audit.recent(p.hospital.id(), "EVENT_VOIDED", 5)).hasSize(1);
    }

    @Test
    void refusalsAreInTheCallersLanguageWithStatusNamesInWords() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        long id = p.file(p.userA1, "A1", "ARRIVAL_RATE");
        String reject = "{\"decision\": \"REJECT\", \"reason\": \"无依据\"}";
        // Chinese when the caller says nothing (an English Accept-Language alone does not switch, as on every page)
        p.as(p.office, json(post("/api/v1/appeals/" + id + "/decision"), reject)
                        .header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("申诉或评估的当前状态不允许此操作"))
                .andExpect(jsonPath("$.detail").value("申诉当前状态为“已提交”，只有在“审核中”状态下才能进行此步骤。"))
                .andExpect(jsonPath("$.type").value("urn:meridian:appeal:order"));
        // English with ?lang=en or the language cookie
        p.as(p.office, json(post("/api/v1/appeals/" + id + "/decision").param("lang", "en"), reject))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Not allowed in the current state"))
                .andExpect(jsonPath("$.detail").value("The appeal is \"Submitted\"; this step needs it to be \"Under review\"."));
        p.as(p.office, json(post("/api/v1/appeals/" + id + "/decision"), reject)
                        .cookie(new jakarta.servlet.http.Cookie("meridian-lang", "en")))
                .andExpect(jsonPath("$.detail").value("The appeal is \"Submitted\"; this step needs it to be \"Under review\"."));
        // four eyes (403) and an appeal one may not see (404), in both languages
        long byOffice = p.file(p.office, "A2", "ARRIVAL_RATE");
        p.as(p.office, post("/api/v1/appeals/" + byOffice + "/review")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("无权进行此操作"))
                .andExpect(jsonPath("$.detail").value("这项申诉是您提出的，须由另一位同事受理和决定（四眼原则）。"));
        p.as(p.office, post("/api/v1/appeals/" + byOffice + "/review").param("lang", "en"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.title").value("Forbidden"))
                .andExpect(jsonPath("$.detail").value("You filed this appeal: a colleague must review and decide it "
                        + "(four eyes)."));
        p.as(p.userA1, get("/api/v1/appeals/" + byOffice)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("未找到"))
                .andExpect(jsonPath("$.detail").value("没有编号为 " + byOffice + " 且您可查看的申诉。"));
        p.as(p.userA1, get("/api/v1/appeals/" + byOffice).param("lang", "en")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("There is no appeal " + byOffice + " that you may see."));
        // a closed appeal: the status in words in both languages, never the raw name
        p.as(p.office2, post("/api/v1/appeals/" + id + "/review")).andExpect(status().isOk());
        p.as(p.office2, post("/api/v1/appeals/" + id + "/review"))
                .andExpect(jsonPath("$.detail").value("申诉当前状态为“审核中”，只有在“已提交”状态下才能进行此步骤。"));
        p.as(p.office2, post("/api/v1/appeals/" + id + "/review").param("lang", "en"))
                .andExpect(jsonPath("$.detail").value("The appeal is \"Under review\"; this step needs it to be "
                        + "\"Submitted\"."))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.not(containsString("UNDER_REVIEW"))));
    }

    @Test
    void attachmentsAreCheckedByTypeSizeAndCount() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        long id = p.file(p.userA1, "A1", "ARRIVAL_RATE");
        byte[] exe = "MZ\u0090\u0000 this is not a pdf".getBytes(StandardCharsets.ISO_8859_1);
        p.as(p.userA1, multipart("/api/v1/appeals/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "证明.pdf", "application/pdf", exe)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message", containsString("证明.pdf")));
        p.as(p.userA1, multipart("/api/v1/appeals/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "scan.png", "image/png", PDF)))
                .andExpect(status().isBadRequest());
        byte[] big = new byte[AttachmentPolicy.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        p.as(p.userA1, multipart("/api/v1/appeals/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "big.pdf", "application/pdf", big)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("5 MB")));
        p.as(p.userA1, multipart("/api/v1/appeals/" + id + "/attachments")).andExpect(status().isBadRequest());
        for (int i = 0; i < AttachmentPolicy.MAX_FILES; i++) {
            p.as(p.userA1, multipart("/api/v1/appeals/" + id + "/attachments")
                    .file(new MockMultipartFile("file", "p" + i + ".pdf", "application/pdf", PDF)))
                    .andExpect(status().isCreated());
        }
        p.as(p.userA1, multipart("/api/v1/appeals/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "one-more.pdf", "application/pdf", PDF)))
                .andExpect(status().isBadRequest());
        p.as(p.analyst, get("/api/v1/appeals/" + id)).andExpect(jsonPath("$.attachments.length()").value(5));
        // another channel's user cannot add to it
        p.as(p.userA2, multipart("/api/v1/appeals/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", PDF)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aChannelUserSeesOnlyItsOwnChannelsAppeals() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        long mine = p.file(p.userA1, "A1", "ARRIVAL_RATE");
        long theirs = p.file(p.userA2, "A2", "ARRIVAL_RATE");
        p.as(p.userA1, get("/api/v1/appeals")).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(mine));
        p.as(p.userA1, get("/api/v1/appeals/" + theirs)).andExpect(status().isNotFound());
        p.as(p.analyst, get("/api/v1/appeals")).andExpect(jsonPath("$.total").value(2));
        p.as(p.analyst, get("/api/v1/appeals").param("status", "UPHELD")).andExpect(jsonPath("$.total").value(0));
        p.as(p.analyst, get("/api/v1/appeals").param("status", "LOST")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        // another hospital sees nothing of it
        String stranger = users.create(users.otherHospital().id(), org.meridian.shared.security.Role.ANALYST, null);
        p.as(stranger, get("/api/v1/appeals/" + mine)).andExpect(status().isNotFound());
    }
}
