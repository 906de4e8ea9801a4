package org.meridian.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.insight.AlertsRaised;
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
 * A scan that raises alerts tells the channel office of each and a channel's own users of their channel's only
 * (docs/notifications.md), once per recipient and alert, also when the scan is repeated or the event delivered again.
 * Today is 2027-01-15 (TestClock). The data are those of {@code AlertWorkflowTest}, worked there by hand:
 * <ul>
 * <li>NA-B (a platform) sends 2 referrals on weekdays and 1 at weekends from 2026-11-01, and 20 on Wednesday
 * 2027-01-06: its weeks before are exactly periodic, so that day's expected value is the pattern's 2 and 20 is an
 * alert above it;</li>
 * <li>NA-Q (a community channel) sends 3 a day until 2026-12-20, then nothing: 3 a day expected, so the 10 referrals
 * of the silence rule are expected after 4 silent days (12 ≥ 10), an alert on 2026-12-24, observed 0, expected 12.</li>
 * </ul>
 */
@MeridianTest
class NotificationsFromAlertsTest {

    private static final Pattern ITEM = Pattern.compile("id=\"notification-(\\d+)\"");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;
    @Autowired IncompleteEventPublications incomplete;
    @Autowired UserDetailsService accounts;

    @Test
    void theOfficeHearsOfEveryNewAlertAndAChannelsUserOfItsOwnOnlyOnce() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        long b = h.channel("NA-B", "平台乙", "HEALTH_PLATFORM", "ACTIVE", null);
        long q = h.channel("NA-Q", "社区丙", "COMMUNITY_HEALTH", "ACTIVE", null);
        String ofB = h.channelUser(b);
        String ofQ = h.channelUser(q);
        String manager = h.user(Role.HOSPITAL_MANAGER);
        TestHospital other = new TestHospital(mvc, users, hospitals);
        send(h);
        assertThat(count(h, h.office)).isZero();

        as(h.office, post("/insight/alerts/scan").param("from", "2026-12-01").param("to", "2027-01-14").with(csrf()))
                .andExpect(redirectedUrl("/insight/alerts"));

        int all = total(h, "/api/v1/alerts?size=100");
        int ofChannelB = total(h, "/api/v1/channels/NA-B/alerts?size=100");
        int ofChannelQ = total(h, "/api/v1/channels/NA-Q/alerts?size=100");
        assertThat(ofChannelB).isPositive();
        assertThat(ofChannelQ).isPositive();
        assertThat(all).isEqualTo(ofChannelB + ofChannelQ);

        // the channel office: each alert once, with channel, day, measure, observed, expected and band, and the rule
        assertThat(count(h, h.office)).isEqualTo(all);
        String office = pages(h.office, "");
        assertThat(office).contains("异常预警：平台乙 2027-01-06 的转诊量为 20，高于预期的 2.0（区间 ",
                        "偏离每周规律（季节性 ESD，按周）")
                .contains("异常预警：社区丙 2026-12-24 的转诊量为 0，低于预期的 12.0（区间 ", "持续无转诊");
        assertThat(pages(h.office, "&lang=en"))
                .contains("Alert: Referrals of 平台乙 on 2027-01-06 were 20, above the expected 2.0 (band ");

        // a channel's own user: its own channel's alerts only, in its own words
        assertThat(count(h, ofB)).isEqualTo(ofChannelB);
        assertThat(count(h, ofQ)).isEqualTo(ofChannelQ);
        String partnerB = pages(ofB, "");
        assertThat(partnerB).contains("您渠道 2027-01-06 的转诊量为 20，高于预期的 2.0（区间 ", "已列入医院的异常预警")
                .doesNotContain("社区丙", "2026-12-24", "季节性 ESD");
        assertThat(pages(ofQ, "")).contains("您渠道 2026-12-24 的转诊量为 0，低于预期的 12.0（区间 ")
                .doesNotContain("平台乙");

        // nobody else: the analyst and the hospital manager are not the office; another hospital hears nothing
        assertThat(count(h, h.analyst)).isZero();
        assertThat(count(h, manager)).isZero();
        assertThat(count(other, other.office)).isZero();

        // each opens where the person can look further
        long officeBurst = idOf(h, h.office, "2027-01-06");
        as(h.office, post("/notifications/" + officeBurst + "/open").with(csrf()))
                .andExpect(redirectedUrl("/insight/alerts?channel=NA-B"));
        as(h.office, get("/insight/alerts?channel=NA-B")).andExpect(status().isOk());
        long partnerBurst = idOf(h, ofB, "2027-01-06");
        as(ofB, post("/notifications/" + partnerBurst + "/open").with(csrf()))
                .andExpect(redirectedUrl("/insight/forecasts/channels/NA-B"));
        as(ofB, get("/insight/forecasts/channels/NA-B")).andExpect(status().isOk());

        // the same days scanned again raise nothing new, so nobody hears anything again
        int before = count(h);
        as(h.office, post("/insight/alerts/scan").param("from", "2026-12-01").param("to", "2027-01-14").with(csrf()))
                .andExpect(redirectedUrl("/insight/alerts"));
        assertThat(count(h)).isEqualTo(before).isEqualTo(all + ofChannelB + ofChannelQ);

        // delivered again (as after a crash before the registry recorded completion): nothing twice, read stays read
        int reopened = jdbc.sql("""
                        UPDATE event_publication SET completion_date = NULL, status = 'PROCESSING'
                        WHERE event_type = :type AND listener_id LIKE '%NotificationsOnAlert%'
                          AND (serialized_event::jsonb ->> 'hospitalId')::bigint = :h""")
                .param("type", AlertsRaised.class.getName()).param("h", h.hospital.id()).update();
        assertThat(reopened).isEqualTo(1);
        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof AlertsRaised e
                && e.hospitalId() == h.hospital.id());
        assertThat(count(h)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT read_at IS NOT NULL FROM notification WHERE hospital_id = :h AND id = :id")
                .param("h", h.hospital.id()).param("id", officeBurst).query(Boolean.class).single()).isTrue();
    }

    /** The events of NA-B and NA-Q (see the class comment). */
    private static void send(TestHospital h) throws Exception {
        List<String> events = new ArrayList<>();
        int n = 0;
        for (LocalDate d = LocalDate.of(2026, 11, 1); d.isBefore(LocalDate.of(2027, 1, 15)); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek().getValue() >= 6;
            int perDay = d.equals(LocalDate.of(2027, 1, 6)) ? 20 : weekend ? 1 : 2;
            for (int k = 0; k < perDay; k++) {
                n++;
                events.add(TestHospital.event("NB" + n, "REFERRAL", "NA-B", d + "T10:00:00+08:00",
                        ", \"referralId\": \"NRB" + n + "\""));
            }
            if (d.isBefore(LocalDate.of(2026, 12, 21))) {
                for (int k = 0; k < 3; k++) {
                    n++;
                    events.add(TestHospital.event("NQ" + n, "REFERRAL", "NA-Q", d + "T11:00:00+08:00",
                            ", \"referralId\": \"NRQ" + n + "\""));
                }
            }
        }
        for (int i = 0; i < events.size(); i += 500) {
            List<String> part = events.subList(i, Math.min(events.size(), i + 500));
            h.events("[" + String.join(",", part) + "]", part.size());
        }
    }

    private int total(TestHospital h, String path) throws Exception {
        String json = h.as(h.analyst, get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(json, "$.total")).intValue();
    }

    /** Every page of the user's notification list, as one text. */
    private String pages(String user, String query) throws Exception {
        StringBuilder all = new StringBuilder();
        for (int page = 0; page < 20; page++) {
            String html = as(user, get("/notifications?page=" + page + query)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            if (!ITEM.matcher(html).find()) {
                break;
            }
            all.append(html);
        }
        return all.toString();
    }

    /** The id of the user's alert notification about that day. */
    private long idOf(TestHospital h, String user, String day) {
        return jdbc.sql("""
                        SELECT id FROM notification WHERE hospital_id = :h AND recipient = :r AND kind = 'ALERT_RAISED'
                          AND :day = ANY (message_args)""")
                .param("h", h.hospital.id()).param("r", user).param("day", day).query(Long.class).list().get(0);
    }

    private ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(accounts.loadUserByUsername(user))));
    }

    private int count(TestHospital h, String recipient) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE hospital_id = :h AND recipient = :r")
                .param("h", h.hospital.id()).param("r", recipient).query(Integer.class).single();
    }

    private int count(TestHospital h) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE hospital_id = :h")
                .param("h", h.hospital.id()).query(Integer.class).single();
    }
}
