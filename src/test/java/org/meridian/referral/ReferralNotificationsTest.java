package org.meridian.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every step of a referral tells the people it concerns (docs/referrals.md, "Notifications"): the desk hears of a
 * new referral; the referring channel's own users hear of acceptance, the appointment, the arrival, the conversion
 * with the desk's message and a refusal with its reason; the other channel's user hears nothing; no notification
 * names the patient; a refused step tells nobody; delivered again, nothing is made twice.
 */
@MeridianTest
class ReferralNotificationsTest {

    static final String BODY = """
            {"patientName": "钱多多", "patientPhone": "13912340001", "department": "骨科", "urgency": "URGENT",
             "note": "膝盖疼", "consent": true}""";
    static final String ROUTINE = """
            {"patientName": "孙小小", "patientPhone": "13912340002", "urgency": "ROUTINE", "consent": true}""";
    private static final Pattern ITEM = Pattern.compile("id=\"notification-(\\d+)\"");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired IncompleteEventPublications incomplete;

    @Test
    void eachStepReachesTheDeskOrTheReferringChannelOnlyAndNeverNamesThePatient() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        long id = d.submitted(d.partner, "n-1", BODY);

        // the desk: one notification, opening the referral on the desk; the office (which also may work the desk)
        // is not told while the hospital has a desk clerk, and no channel user hears of the submission
        assertThat(texts(d.clerk)).containsExactly("新转诊待受理：转诊 " + id + "，渠道 RF1，骨科，加急");
        assertThat(opened(d.clerk)).isEqualTo("/referrals/desk/" + id);
        assertThat(texts(d.office)).isEmpty();
        assertThat(texts(d.partner)).isEmpty();

        d.step(d.clerk, id, "accept", null).andExpect(status().isOk());
        String tomorrow = LocalDate.ofInstant(clock.instant(), d.hospital.timeZone()).plusDays(1).toString();
        d.step(d.clerk, id, "schedule", "{\"date\": \"" + tomorrow + "\", \"department\": \"骨科\", \"doctor\": \"李医生\"}")
                .andExpect(status().isOk());
        d.step(d.clerk, id, "arrive", null).andExpect(status().isOk());
        d.step(d.clerk, id, "convert", "{\"feedback\": \"已收住院\"}").andExpect(status().isOk());
        long declined = d.submitted(d.partner, "n-2", ROUTINE);
        d.step(d.clerk, declined, "decline", "{\"reason\": \"本院该科室暂停接诊\"}").andExpect(status().isOk());

        // the referring channel's user: each step of the desk, newest first
        assertThat(texts(d.partner)).containsExactly(
                "转诊 " + declined + "（未指定科室，普通）未被受理，原因：本院该科室暂停接诊",
                "转诊 " + id + "（骨科，加急）已转化。医院反馈：已收住院",
                "转诊 " + id + "（骨科，加急）的患者已到诊",
                "转诊 " + id + "（骨科，加急）已预约：" + tomorrow + " 骨科 李医生",
                "转诊 " + id + "（骨科，加急）已受理");
        // opening one shows the referral with its progress, in the channel's own pages
        assertThat(opened(d.partner)).isEqualTo("/referrals/" + declined);
        assertThat(page(d.partner, "/referrals/" + id)).contains("已转化", "已收住院", "李医生")
                .doesNotContain("膝盖疼");
        // the other channel's user hears nothing and cannot open the referral
        assertThat(texts(d.otherPartner)).isEmpty();
        assertThat(as(d.otherPartner, get("/referrals/" + id)).getStatus()).isEqualTo(404);
        assertThat(texts(d.clerk)).hasSize(2);

        // no notification of the hospital carries the patient's name, phone or note
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM notification WHERE hospital_id = :h
                          AND (array_to_string(message_args, '|') ~ '钱多多|孙小小|13912340001|13912340002|膝盖疼'
                               OR link ~ '1391234')""")
                .param("h", d.hospital.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void aStepRefusedTellsNobodyAndAnEventDeliveredAgainMakesNothingTwice() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        long id = d.submitted(d.partner, "n-3", BODY);
        d.step(d.clerk, id, "arrive", null).andExpect(status().isConflict());
        d.step(d.clerk, id, "decline", "{\"reason\": \"\"}").andExpect(status().isBadRequest());
        assertThat(texts(d.partner)).isEmpty();

        d.step(d.clerk, id, "accept", null).andExpect(status().isOk());
        d.step(d.clerk, id, "accept", null).andExpect(status().isConflict());
        assertThat(texts(d.partner)).containsExactly("转诊 " + id + "（骨科，加急）已受理");

        int reopened = jdbc.sql("""
                        UPDATE event_publication SET completion_date = NULL, status = 'PROCESSING'
                        WHERE event_type = :type AND listener_id LIKE '%NotificationsOnReferral%'
                          AND (serialized_event::jsonb ->> 'referralId')::bigint = :id""")
                .param("type", ReferralProgressed.class.getName()).param("id", id).update();
        assertThat(reopened).as("submitted and accepted").isEqualTo(2);
        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof ReferralProgressed e
                && e.referralId() == id);
        assertThat(texts(d.partner)).hasSize(1);
        assertThat(texts(d.clerk)).hasSize(1);
    }

    @Test
    void aHospitalWithoutADeskClerkTellsItsChannelOffice() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        long channel = h.channel("NQ1", "REFERRAL_INSTITUTION", null, null);
        String partner = h.channelUser(channel);
        String answer = h.as(partner, TestHospital.json(post("/api/v1/referrals"), ROUTINE)
                        .header("Idempotency-Key", "n-4")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(answer, "$.id")).longValue();
        assertThat(texts(h.office)).containsExactly("新转诊待受理：转诊 " + id + "，渠道 NQ1，未指定科室，普通");
        assertThat(texts(h.analyst)).isEmpty();
    }

    /** The user's notification texts, newest first, as the list shows them. */
    private List<String> texts(String user) throws Exception {
        String page = page(user, "/notifications");
        List<String> texts = new ArrayList<>();
        Matcher m = Pattern.compile("notification-text\"[^>]*>([^<]*)<").matcher(page);
        while (m.find()) {
            texts.add(m.group(1).strip());
        }
        assertThat(ITEM.matcher(page).results().count()).as("every item's text read").isEqualTo(texts.size());
        return texts;
    }

    /** Opens the user's newest notification and answers where it leads. */
    private String opened(String user) throws Exception {
        Matcher m = ITEM.matcher(page(user, "/notifications"));
        assertThat(m.find()).isTrue();
        return as(user, post("/notifications/" + m.group(1) + "/open")).getRedirectedUrl();
    }

    private String page(String user, String path) throws Exception {
        MockHttpServletResponse r = as(user, get(path));
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return r.getContentAsString();
    }

    private MockHttpServletResponse as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(accounts.loadForSignIn(user, clock.instant()).orElseThrow()))
                .with(csrf())).andReturn().getResponse();
    }
}
