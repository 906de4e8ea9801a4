package org.meridian.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.meridian.evaluation.EvaluationPublished;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Publishing an evaluation tells exactly the people it concerns (docs/notifications.md): the office and analysts
 * that it is published, each evaluated channel's own users that their report is ready; a user of a channel that
 * was not evaluated and the users of another hospital hear nothing. Delivered again, the event creates nothing
 * twice. Reading marks the bell down; another hospital's notification is not found.
 */
@MeridianTest
class NotificationsFromPublicationTest {

    static final String SCHEME = """
            {"indicators": [{"code": "REFERRAL_VOLUME", "weight": 100,
                             "scoring": {"method": "LINEAR", "zero": 0, "full": 10}}],
             "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""";

    private static final Pattern COUNT = Pattern.compile(
            "id=\"topbar-notifications\".*?(?:class=\"topbar-count\">([^<]*)<.*?)?</a>", Pattern.DOTALL);
    private static final Pattern ITEM = Pattern.compile("id=\"notification-(\\d+)\"");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;
    @Autowired IncompleteEventPublications incomplete;
    @Autowired UserDetailsService accounts;

    @Test
    void aPublicationReachesTheOfficeAndTheEvaluatedChannelsOwnUsersOnlyOnceEvenWhenDeliveredAgain() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        long n1 = h.channel("N1", "REFERRAL_INSTITUTION", null, null);
        long n2 = h.channel("N2", "REFERRAL_INSTITUTION", null, null);
        long exam = h.channel("X1", "EXAM_CENTER", null, null);
        h.scheme("REFERRAL_INSTITUTION", SCHEME);
        String manager = h.user(Role.HOSPITAL_MANAGER);
        String ofN1 = h.channelUser(n1);
        String ofN2 = h.channelUser(n2);
        String ofExam = h.channelUser(exam);
        TestHospital other = new TestHospital(mvc, users, hospitals);
        long evaluation = h.run("2026-09", "REFERRAL_INSTITUTION");
        // a draft tells nobody
        assertThat(bell(h, h.office)).isZero();

        h.publish(evaluation);

        // the office (channel manager, analyst, hospital manager): one "published" each, opening the evaluation
        for (String office : List.of(h.office, h.analyst, manager)) {
            assertThat(bell(h, office)).as(office).isEqualTo(1);
            String page = page(h, office, "");
            assertThat(page).contains("评估已发布：2026-09 转诊医疗机构（第 1 版）");
            as(office, post("/notifications/" + ids(page).get(0) + "/open").with(csrf()))
                    .andExpect(redirectedUrl("/evaluations/" + evaluation));
            assertThat(bell(h, office)).as("opened, so read").isZero();
        }
        // N1's and N2's users: their report is ready, each of their own channel only
        for (String partner : List.of(ofN1, ofN2)) {
            assertThat(bell(h, partner)).as(partner).isEqualTo(1);
            assertThat(page(h, partner, "")).contains("您的评估反馈报告已生成：2026-09 转诊医疗机构")
                    .doesNotContain("评估已发布");
        }
        // the exam centre was not evaluated; the other hospital's office hears nothing of this one
        assertThat(bell(h, ofExam)).isZero();
        assertThat(page(h, ofExam, "")).contains("暂无消息");
        assertThat(bell(other, other.office)).isZero();
        assertThat(count(h)).as("3 office + 2 channel users").isEqualTo(5);

        // delivered again (as after a crash before the registry recorded completion): nothing twice, nothing
        // read becomes unread
        int reopened = jdbc.sql("""
                        UPDATE event_publication SET completion_date = NULL, status = 'PROCESSING'
                        WHERE event_type = :type AND listener_id LIKE '%NotificationsOnPublication%'
                          AND (serialized_event::jsonb ->> 'evaluationId')::bigint = :e""")
                .param("type", EvaluationPublished.class.getName()).param("e", evaluation).update();
        assertThat(reopened).isEqualTo(1);
        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof EvaluationPublished e
                && e.evaluationId() == evaluation);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM event_publication WHERE listener_id LIKE '%NotificationsOnPublication%'
                          AND (serialized_event::jsonb ->> 'evaluationId')::bigint = :e AND completion_date IS NOT NULL""")
                .param("e", evaluation).query(Integer.class).single()).as("delivered again and completed").isEqualTo(1);
        assertThat(count(h)).isEqualTo(5);
        assertThat(bell(h, h.office)).isZero();
        assertThat(bell(h, ofN1)).isEqualTo(1);

        // marking one read lowers the count; the read filter shows it, the unread filter no longer does
        long n1Notification = ids(page(h, ofN1, "UNREAD")).get(0);
        as(ofN1, post("/notifications/" + n1Notification + "/read").with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(bell(h, ofN1)).isZero();
        assertThat(ids(page(h, ofN1, "UNREAD"))).isEmpty();
        assertThat(ids(page(h, ofN1, "READ"))).containsExactly(n1Notification);

        // nobody else can read or mark it: another hospital's user, or another channel's user of the same hospital
        long n2Notification = ids(page(h, ofN2, "")).get(0);
        as(other.office, post("/notifications/" + n2Notification + "/read").with(csrf()))
                .andExpect(status().isNotFound());
        as(other.office, post("/notifications/" + n2Notification + "/open").with(csrf()))
                .andExpect(status().isNotFound());
        as(ofN1, post("/notifications/" + n2Notification + "/read").with(csrf())).andExpect(status().isNotFound());
        assertThat(bell(h, ofN2)).as("still unread").isEqualTo(1);

        // mark all read: nothing is marked without the CSRF token, all with it
        as(ofN2, post("/notifications/read-all"))
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).isNotEqualTo("/notifications"));
        assertThat(bell(h, ofN2)).isEqualTo(1);
        as(ofN2, post("/notifications/read-all").with(csrf())).andExpect(redirectedUrl("/notifications"));
        assertThat(bell(h, ofN2)).isZero();
    }

    /** The number on the bell in the top bar (0 when it shows none). */
    private int bell(TestHospital h, String user) throws Exception {
        Matcher m = COUNT.matcher(page(h, user, ""));
        assertThat(m.find()).as("the bell is in the top bar").isTrue();
        return m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
    }

    private String page(TestHospital h, String user, String status) throws Exception {
        return as(user, get("/notifications").param("status", status)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** The request as the signed-in user (pages sign in by form, not HTTP Basic). */
    private ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(accounts.loadUserByUsername(user))));
    }

    private static List<Long> ids(String page) {
        List<Long> ids = new ArrayList<>();
        Matcher m = ITEM.matcher(page);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private int count(TestHospital h) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE hospital_id = :h").param("h", h.hospital.id())
                .query(Integer.class).single();
    }
}
