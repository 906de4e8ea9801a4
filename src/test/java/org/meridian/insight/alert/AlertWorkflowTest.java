package org.meridian.insight.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The alert scan, list and workflow through the API and the pages, on a hospital of its own. Today is 2027-01-15
 * (TestClock).
 * <ul>
 * <li>AL-B (a platform) sends 2 referrals on weekdays and 1 on Saturdays and Sundays from 2026-11-01 to 2027-01-14,
 * and 20 on Wednesday 2027-01-06. Its weeks before that day are exactly periodic, so the one-step forecast of that
 * Wednesday is the pattern's 2, and 20 breaks it: one WEEKLY_PATTERN alert, observed 20, expected 2.</li>
 * <li>AL-Q (a community channel) sends 3 referrals a day from 2026-11-01 to 2026-12-20 and then nothing. The 28 days
 * before the silence average 3 a day, so 10 referrals are expected after 4 silent days (3 · 4 = 12 ≥ 10, 3 · 3 = 9 &lt;
 * 10): a SILENCE alert on 2026-12-24, observed 0, expected 12.</li>
 * </ul>
 */
@MeridianTest
class AlertWorkflowTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    Hospitals hospitals;
    @Autowired
    UserDetailsService accounts;

    private static final LocalDate START = LocalDate.of(2026, 11, 1);
    private static final LocalDate SPIKE = LocalDate.of(2027, 1, 6);

    private static void send(TestHospital h, String channel, List<String> events) throws Exception {
        for (int i = 0; i < events.size(); i += 500) {
            List<String> part = events.subList(i, Math.min(events.size(), i + 500));
            h.events("[" + String.join(",", part) + "]", part.size());
        }
    }

    private long platform;

    private TestHospital withChannels(MockMvc mvc, TestUsers users, Hospitals hospitals) throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        platform = h.channel("AL-B", "HEALTH_PLATFORM", "ACTIVE", null);
        h.channel("AL-Q", "COMMUNITY_HEALTH", "ACTIVE", null);
        List<String> events = new ArrayList<>();
        int n = 0;
        for (LocalDate d = START; d.isBefore(LocalDate.of(2027, 1, 15)); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek().getValue() >= 6;
            int b = d.equals(SPIKE) ? 20 : weekend ? 1 : 2;
            for (int k = 0; k < b; k++) {
                n++;
                events.add(TestHospital.event("B" + n, "REFERRAL", "AL-B", d + "T10:00:00+08:00",
                        ", \"referralId\": \"RB" + n + "\""));
            }
            if (d.isBefore(LocalDate.of(2026, 12, 21))) {
                for (int k = 0; k < 3; k++) {
                    n++;
                    events.add(TestHospital.event("Q" + n, "REFERRAL", "AL-Q", d + "T11:00:00+08:00",
                            ", \"referralId\": \"RQ" + n + "\""));
                }
            }
        }
        send(h, "all", events);
        return h;
    }

    /** A page request as the signed-in user (pages sign in by form, not by HTTP Basic). */
    private ResultActions page(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(accounts.loadUserByUsername(username))).with(csrf()));
    }

    private void scan(TestHospital h, String from, String to) throws Exception {
        page(h.office, post("/insight/alerts/scan").param("from", from).param("to", to))
                .andExpect(redirectedUrl("/insight/alerts"));
    }

    @Test
    void scanRaisesTheBurstAndTheSilenceAndTheWorkflowFollows() throws Exception {
        TestHospital h = withChannels(mvc, users, hospitals);
        scan(h, "2026-12-01", "2027-01-14");

        String b = h.as(h.analyst, get("/api/v1/channels/AL-B/alerts")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<Integer> burst = JsonPath.read(b, "$.items[?(@.day == '2027-01-06' && @.measure == 'REFERRALS')].id");
        assertThat(burst).hasSize(1);
        h.as(h.analyst, get("/api/v1/channels/AL-B/alerts"))
                .andExpect(jsonPath("$.items[?(@.day == '2027-01-06' && @.measure == 'REFERRALS')].rule")
                        .value(hasItem("WEEKLY_PATTERN")))
                .andExpect(jsonPath("$.items[?(@.day == '2027-01-06' && @.measure == 'REFERRALS')].observed")
                        .value(hasItem(20.0)))
                .andExpect(jsonPath("$.items[?(@.day == '2027-01-06' && @.measure == 'REFERRALS')].expected")
                        .value(hasItem(2.0)))
                .andExpect(jsonPath("$.items[?(@.day == '2027-01-06' && @.measure == 'REFERRALS')].status")
                        .value(hasItem("NEW")));
        // no other referral day of AL-B breaks its pattern: its weeks are identical
        List<String> otherDays = JsonPath.read(b, "$.items[?(@.measure == 'REFERRALS' && @.grain == 'DAY')].day");
        assertThat(otherDays).containsExactly("2027-01-06");

        h.as(h.analyst, get("/api/v1/channels/AL-Q/alerts"))
                .andExpect(jsonPath("$.items[?(@.rule == 'SILENCE')].day").value(hasItem("2026-12-24")))
                .andExpect(jsonPath("$.items[?(@.rule == 'SILENCE')].observed").value(hasItem(0.0)))
                .andExpect(jsonPath("$.items[?(@.rule == 'SILENCE')].expected").value(hasItem(12.0)));

        // acknowledge: a note is required and at most 500 characters; a refusal keeps the alert as it was
        long id = burst.get(0);
        h.as(h.office, TestHospital.json(post("/api/v1/alerts/" + id + "/acknowledge"), "{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
        String tooLong = "长".repeat(501);
        h.as(h.office, TestHospital.json(post("/api/v1/alerts/" + id + "/acknowledge?lang=en"),
                        "{\"note\": \"" + tooLong + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("500")));
        h.as(h.analyst, get("/api/v1/alerts").param("status", "NEW").param("channel", "AL-B"))
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].status").value(hasItem("NEW")));
        // an analyst reads but does not handle
        h.as(h.analyst, TestHospital.json(post("/api/v1/alerts/" + id + "/acknowledge"), "{\"note\": \"看过\"}"))
                .andExpect(status().isForbidden());

        h.as(h.office, TestHospital.json(post("/api/v1/alerts/" + id + "/acknowledge"),
                        "{\"note\": \"平台推广活动，已核实\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.note").value("平台推广活动，已核实"))
                .andExpect(jsonPath("$.acknowledgedBy").value(h.office));
        h.as(h.office, TestHospital.json(post("/api/v1/alerts/" + id + "/acknowledge"), "{\"note\": \"again\"}"))
                .andExpect(status().isConflict());
        h.as(h.office, TestHospital.json(post("/api/v1/alerts/" + id + "/close"), "{}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.note").value("平台推广活动，已核实"));
        h.as(h.office, TestHospital.json(post("/api/v1/alerts/" + id + "/close"), "{}"))
                .andExpect(status().isConflict());

        // scanning the same days again adds nothing and does not reopen the closed alert
        int before = JsonPath.read(h.as(h.analyst, get("/api/v1/alerts")).andReturn().getResponse()
                .getContentAsString(), "$.total");
        scan(h, "2026-12-01", "2027-01-14");
        h.as(h.analyst, get("/api/v1/alerts")).andExpect(jsonPath("$.total").value(before))
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].status").value(hasItem("CLOSED")));

        // the page lists them; a filter by status shows the closed one
        page(h.office, get("/insight/alerts").param("status", "CLOSED"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("alert-" + id)))
                .andExpect(content().string(containsString("平台推广活动，已核实")));
    }

    @Test
    void badFiltersAreNamedAndAnotherHospitalSeesNothing() throws Exception {
        TestHospital h = withChannels(mvc, users, hospitals);
        scan(h, "2027-01-01", "2027-01-14");
        h.as(h.analyst, get("/api/v1/alerts?lang=en").param("status", "OPEN").param("measure", "VISITS"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("OPEN")))
                .andExpect(jsonPath("$.errors[1].field").value("measure"));
        h.as(h.analyst, get("/api/v1/channels/AL-B/alerts").param("status", "SHUT"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        // the page says so beside the list and shows all
        page(h.analyst, get("/insight/alerts").param("status", "SHUT"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("SHUT")));

        String answer = h.as(h.analyst, get("/api/v1/channels/AL-B/alerts")).andReturn().getResponse()
                .getContentAsString();
        int id = JsonPath.read(answer, "$.items[0].id");

        TestHospital other = new TestHospital(mvc, users, hospitals);
        other.as(other.analyst, get("/api/v1/channels/AL-B/alerts")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:meridian:insight:channel-not-found"));
        other.as(other.office, TestHospital.json(post("/api/v1/alerts/" + id + "/acknowledge"), "{\"note\": \"x\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:meridian:insight:alert-not-found"));
        other.as(other.office, TestHospital.json(post("/api/v1/alerts/" + id + "/close"), "{}"))
                .andExpect(status().isNotFound());
        other.as(other.analyst, get("/api/v1/alerts")).andExpect(jsonPath("$.total").value(0));
        // a channel's own user sees no alerts
        String channelUser = h.channelUser(platform);
        h.as(channelUser, get("/api/v1/alerts")).andExpect(status().isForbidden());
        h.as(h.analyst, get("/api/v1/alerts")).andExpect(status().isOk());
    }

    @Test
    void aDayOnTheHospitalsHolidayCalendarIsNoAlert() throws Exception {
        TestHospital h = withChannels(mvc, users, hospitals);
        // the office marks 2027-01-06 as a holiday (2027 has no built-in dates)
        page(h.office, get("/insight/holidays").param("year", "2027")).andExpect(status().isOk())
                .andExpect(content().string(containsString("没有内置的默认日期")));
        // bad lines: every problem named, nothing saved
        page(h.office, post("/insight/holidays").param("year", "2027")
                        .param("holidays", "2027-01-06 单位假日\n2026-13-01 x\n2028-01-01 元旦")
                        .param("workdays", "2027-01-07 调休"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"error-holidays-2\"")))
                .andExpect(content().string(containsString("id=\"error-holidays-3\"")))
                .andExpect(content().string(containsString("id=\"error-workdays-1\"")));
        page(h.office, get("/insight/holidays").param("year", "2027"))
                .andExpect(content().string(containsString("没有内置的默认日期")));
        page(h.office, post("/insight/holidays").param("year", "2027")
                        .param("holidays", "2027-01-06 单位假日").param("workdays", ""))
                .andExpect(redirectedUrl("/insight/holidays?year=2027"));
        page(h.office, get("/insight/holidays").param("year", "2027"))
                .andExpect(content().string(containsString("2027-01-06 单位假日")))
                .andExpect(content().string(containsString("本院维护")));
        // an analyst may not keep the calendar
        page(h.analyst, get("/insight/holidays")).andExpect(status().isForbidden());

        scan(h, "2026-12-01", "2027-01-14");
        String b = h.as(h.analyst, get("/api/v1/channels/AL-B/alerts")).andReturn().getResponse()
                .getContentAsString();
        List<String> days = JsonPath.read(b, "$.items[?(@.measure == 'REFERRALS' && @.grain == 'DAY')].day");
        assertThat(days).doesNotContain("2027-01-06");

        // the defaults of 2026 are the State Council's: 春节 15–23 February, 调休 on 14 and 28 February
        page(h.office, get("/insight/holidays").param("year", "2026"))
                .andExpect(content().string(containsString("2026-02-15 春节")))
                .andExpect(content().string(containsString("2026-02-23 春节")))
                .andExpect(content().string(containsString("2026-02-14 春节")))
                .andExpect(content().string(containsString("2026-02-28 春节")))
                .andExpect(content().string(containsString("id=\"holiday-count\">33<")));
    }
}
