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
 * Today is 2027-01-15 (TestClock). The data are those of {@code AlertWorkflowTest}, worked there by hand, with the
 * silence moved into the last two weeks (alerts from 2027-01-01 on are recent and told one by one):
 * <ul>
 * <li>NA-B (a platform) sends 2 referrals on weekdays and 1 at weekends from 2026-11-01, and 20 on Wednesday
 * 2027-01-06: its weeks before are exactly periodic, so that day's expected value is the pattern's 2 and 20 is an
 * alert above it;</li>
 * <li>NA-Q (a community channel) sends 3 a day until 2027-01-04, then nothing: 3 a day expected, so the 10 referrals
 * of the silence rule are expected after 4 silent days (12 ≥ 10), an alert on 2027-01-08, observed 0, expected 12.</li>
 * </ul>
 * A scan over many past days (the flood) tells the recent alerts one by one and the older ones in one summary.
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
                .contains("异常预警：社区丙 2027-01-08 的转诊量为 0，低于预期的 12.0（区间 ", "持续无转诊")
                .as("every alert is recent: no summary").doesNotContain("较早的预警");
        assertThat(pages(h.office, "&lang=en"))
                .contains("Alert: Referrals of 平台乙 on 2027-01-06 were 20, above the expected 2.0 (band ");

        // a channel's own user: its own channel's alerts only, in its own words
        assertThat(count(h, ofB)).isEqualTo(ofChannelB);
        assertThat(count(h, ofQ)).isEqualTo(ofChannelQ);
        String partnerB = pages(ofB, "");
        assertThat(partnerB).contains("您渠道 2027-01-06 的转诊量为 20，高于预期的 2.0（区间 ", "已列入医院的异常预警")
                .doesNotContain("社区丙", "2027-01-08", "季节性 ESD");
        assertThat(pages(ofQ, "")).contains("您渠道 2027-01-08 的转诊量为 0，低于预期的 12.0（区间 ")
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

    /**
     * The flood: a scan on demand of the 60 days 2026-11-16 to 2027-01-14 (15 + 31 + 14) over eight platforms FL1–FL8
     * that each send 2 referrals on weekdays and 1 at weekends from 2026-11-01 and 20 on one Wednesday — as NA-B
     * above, each such day an alert above the expected 2 and nothing else: 8 alerts, all listed. Recent are the days
     * from 2027-01-01 (today 2027-01-15 minus 14 days): FL7's 2027-01-06 and FL8's 2027-01-13. The office hears of
     * those 2 one by one and of the other 6 in one summary: 3 notifications, not 8 (and no more however many older
     * alerts the scan finds); FL1's user of nothing (its alert is older), FL8's user of its own; the analyst of
     * nothing. Delivered again, the summary is not repeated.
     */
    @Test
    void aScanOfManyPastDaysTellsTheRecentAlertsOneByOneAndTheOlderInOneSummary() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        LocalDate[] bursts = {LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 25), LocalDate.of(2026, 12, 2),
                LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 16), LocalDate.of(2026, 12, 23),
                LocalDate.of(2027, 1, 6), LocalDate.of(2027, 1, 13)};
        long[] ids = new long[bursts.length];
        List<String> events = new ArrayList<>();
        int n = 0;
        for (int c = 0; c < bursts.length; c++) {
            String code = "FL" + (c + 1);
            ids[c] = h.channel(code, "平台" + (c + 1) + "号", "HEALTH_PLATFORM", "ACTIVE", null);
            for (LocalDate d = LocalDate.of(2026, 11, 1); d.isBefore(LocalDate.of(2027, 1, 15)); d = d.plusDays(1)) {
                int perDay = d.equals(bursts[c]) ? 20 : d.getDayOfWeek().getValue() >= 6 ? 1 : 2;
                for (int k = 0; k < perDay; k++) {
                    n++;
                    events.add(TestHospital.event("FL" + n, "REFERRAL", code, d + "T10:00:00+08:00",
                            ", \"referralId\": \"FLR" + n + "\""));
                }
            }
        }
        for (int i = 0; i < events.size(); i += 500) {
            List<String> part = events.subList(i, Math.min(events.size(), i + 500));
            h.events("[" + String.join(",", part) + "]", part.size());
        }
        String ofOld = h.channelUser(ids[0]);
        String ofRecent = h.channelUser(ids[7]);

        as(h.office, post("/insight/alerts/scan").param("from", "2026-11-16").param("to", "2027-01-14").with(csrf()))
                .andExpect(redirectedUrl("/insight/alerts"));

        // every alert is listed: one per burst, on its day
        assertThat(total(h, "/api/v1/alerts?size=100")).isEqualTo(8);
        String list = as(h.office, get("/insight/alerts")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        for (int c = 0; c < bursts.length; c++) {
            assertThat(total(h, "/api/v1/channels/FL" + (c + 1) + "/alerts")).as("FL" + (c + 1)).isEqualTo(1);
            assertThat(list).contains("平台" + (c + 1) + "号");
        }

        // the office: the two recent ones singly and one summary of the six older ones
        assertThat(count(h, h.office)).isEqualTo(3);
        String office = pages(h.office, "");
        assertThat(office).contains("异常预警：平台7号 2027-01-06 的转诊量为 20，高于预期的 2.0（区间 ",
                        "异常预警：平台8号 2027-01-13 的转诊量为 20，高于预期的 2.0（区间 ",
                        "异常预警：扫描 2026-11-16 至 2027-01-14 时发现 6 条早于 2027-01-01 的预警。较早的预警不逐条提醒，请在异常预警列表中查看。")
                .doesNotContain("平台1号 2026-11-18", "平台6号 2026-12-23");
        assertThat(pages(h.office, "&lang=en")).contains(
                "Alerts: the scan of 2026-11-16 to 2027-01-14 found 6 alert(s) from before 2027-01-01.");
        long summary = idOf(h, h.office, "2026-11-16");
        as(h.office, post("/notifications/" + summary + "/open").with(csrf()))
                .andExpect(redirectedUrl("/insight/alerts"));

        // a channel's user: its own recent alert only; the older one is on the office's list, not in its inbox
        assertThat(count(h, ofOld)).isZero();
        assertThat(count(h, ofRecent)).isEqualTo(1);
        assertThat(pages(ofRecent, "")).contains("您渠道 2027-01-13 的转诊量为 20，高于预期的 2.0（区间 ");
        assertThat(count(h, h.analyst)).isZero();

        // delivered again: the summary (and the rest) not twice
        int before = count(h);
        assertThat(before).isEqualTo(3 + 1);
        jdbc.sql("""
                        UPDATE event_publication SET completion_date = NULL, status = 'PROCESSING'
                        WHERE event_type = :type AND listener_id LIKE '%NotificationsOnAlert%'
                          AND (serialized_event::jsonb ->> 'hospitalId')::bigint = :h""")
                .param("type", AlertsRaised.class.getName()).param("h", h.hospital.id()).update();
        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof AlertsRaised e
                && e.hospitalId() == h.hospital.id());
        assertThat(count(h)).isEqualTo(before);
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
            if (d.isBefore(LocalDate.of(2027, 1, 5))) {
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
