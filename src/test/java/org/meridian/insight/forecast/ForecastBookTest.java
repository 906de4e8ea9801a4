package org.meridian.insight.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.shared.Actor;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Forecasts computed, stored, recomputed and read, on a hospital of its own. Today is 2027-01-15 (TestClock), so
 * the month that closed last is December 2026.
 * <ul>
 * <li>FC-A sends 1 referral in October 2025 (its first month, left out as probably partial) and then, from November
 * 2025 to December 2026, 10, 20, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 16, 22 referrals: the 14 months of
 * ForecastModelTest, so its referrals are forecast seasonally naive — January 2027 as January 2026, 12, 95 % band
 * 3.234775 – 20.765225, 80 % band 6.268727 – 17.731273 — and last year's back-test (the mean 15 of the first two
 * months) has MAPE 27.1818 % (the arithmetic is in ForecastModelTest).</li>
 * <li>FC-B sends 1 referral in November 2026 (left out) and 5 in December 2026: one month, forecast by its mean, 5,
 * without a band and without a back-test.</li>
 * <li>The hospital: FC-A's and FC-B's months added up from November 2025 (October 2025 is the first month with data,
 * left out): 14 months, seasonal naive; January 2027 as January 2026 = 12.</li>
 * </ul>
 */
@MeridianTest
class ForecastBookTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    Hospitals hospitals;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ForecastBook book;

    private static final int[] A = {10, 20, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 16, 22};

    private long channelB;

    private TestHospital hospital() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        h.channel("FC-A", "COMMUNITY_HEALTH", "ACTIVE", null);
        channelB = h.channel("FC-B", "HEALTH_PLATFORM", "ACTIVE", null);
        List<String> events = new ArrayList<>();
        events.add(referral("A0", "FC-A", YearMonth.of(2025, 10), 1));
        YearMonth m = YearMonth.of(2025, 11);
        int n = 0;
        for (int count : A) {
            for (int k = 0; k < count; k++) {
                events.add(referral("A" + (++n), "FC-A", m, 1 + k % 28));
            }
            m = m.plusMonths(1);
        }
        events.add(referral("B0", "FC-B", YearMonth.of(2026, 11), 20));
        for (int k = 1; k <= 5; k++) {
            events.add(referral("B" + k, "FC-B", YearMonth.of(2026, 12), k));
        }
        for (int i = 0; i < events.size(); i += 500) {
            List<String> part = events.subList(i, Math.min(events.size(), i + 500));
            h.events("[" + String.join(",", part) + "]", part.size());
        }
        return h;
    }

    private static String referral(String id, String channel, YearMonth month, int day) {
        return TestHospital.event(id, "REFERRAL", channel, month.atDay(day) + "T10:00:00+08:00",
                ", \"referralId\": \"R" + id + "\"");
    }

    private ResultActions page(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(accounts.loadUserByUsername(username))).with(csrf()));
    }

    @Test
    void theOfficeRecomputesAndTheStoredForecastsAreTheHandWorkedOnes() throws Exception {
        TestHospital h = hospital();
        h.as(h.analyst, get("/api/v1/channels/FC-A/forecasts")).andExpect(status().isOk())
                .andExpect(jsonPath("$.computedAt").doesNotExist())
                .andExpect(jsonPath("$.forecasts.length()").value(0));
        // an analyst reads but does not recompute
        page(h.analyst, post("/insight/forecasts/recompute")).andExpect(status().isForbidden());

        page(h.office, post("/insight/forecasts/recompute")).andExpect(redirectedUrl("/insight/forecasts"));

        h.as(h.analyst, get("/api/v1/channels/FC-A/forecasts")).andExpect(status().isOk())
                .andExpect(jsonPath("$.channel").value("FC-A"))
                .andExpect(jsonPath("$.lastMonth").value("2026-12"))
                .andExpect(jsonPath("$.horizon").value(6))
                .andExpect(jsonPath("$.computedBy").value(h.office))
                .andExpect(jsonPath("$.forecasts.length()").value(4))
                .andExpect(jsonPath("$.forecasts[0].measure").value("REFERRALS"))
                .andExpect(jsonPath("$.forecasts[0].method").value("SEASONAL_NAIVE"))
                .andExpect(jsonPath("$.forecasts[0].historyFrom").value("2025-11"))
                .andExpect(jsonPath("$.forecasts[0].historyMonths").value(14))
                .andExpect(jsonPath("$.forecasts[0].months.length()").value(6))
                .andExpect(jsonPath("$.forecasts[0].months[0].month").value("2027-01"))
                .andExpect(jsonPath("$.forecasts[0].months[0].mean").value(12.0))
                .andExpect(jsonPath("$.forecasts[0].months[0].lower95").value(closeTo(3.234775, 1e-6)))
                .andExpect(jsonPath("$.forecasts[0].months[0].upper95").value(closeTo(20.765225, 1e-6)))
                .andExpect(jsonPath("$.forecasts[0].months[0].lower80").value(closeTo(6.268727, 1e-6)))
                .andExpect(jsonPath("$.forecasts[0].months[0].upper80").value(closeTo(17.731273, 1e-6)))
                .andExpect(jsonPath("$.forecasts[0].months[5].month").value("2027-06"))
                .andExpect(jsonPath("$.forecasts[0].months[5].mean").value(22.0))
                .andExpect(jsonPath("$.forecasts[0].backtest.method").value("MEAN"))
                .andExpect(jsonPath("$.forecasts[0].backtest.mape").value(closeTo(27.1818, 1e-4)))
                .andExpect(jsonPath("$.forecasts[0].backtest.months").value(12))
                // FC-A never had an arrival: 0 forecast, and no month to measure a percentage error on
                .andExpect(jsonPath("$.forecasts[1].measure").value("ARRIVALS"))
                .andExpect(jsonPath("$.forecasts[1].months[0].mean").value(0.0))
                .andExpect(jsonPath("$.forecasts[1].backtest.mape").doesNotExist());

        h.as(h.analyst, get("/api/v1/channels/FC-B/forecasts"))
                .andExpect(jsonPath("$.forecasts[0].method").value("MEAN"))
                .andExpect(jsonPath("$.forecasts[0].historyMonths").value(1))
                .andExpect(jsonPath("$.forecasts[0].months[0].mean").value(5.0))
                .andExpect(jsonPath("$.forecasts[0].months[0].lower95").doesNotExist())
                .andExpect(jsonPath("$.forecasts[0].backtest").doesNotExist());

        h.as(h.analyst, get("/api/v1/forecasts"))
                .andExpect(jsonPath("$.forecasts[0].method").value("SEASONAL_NAIVE"))
                .andExpect(jsonPath("$.forecasts[0].historyMonths").value(14))
                .andExpect(jsonPath("$.forecasts[0].months[0].mean").value(12.0));

        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE hospital_id = ? AND action = 'FORECASTS_COMPUTED'")
                .param(h.hospital.id()).query(Long.class).single()).isEqualTo(1);

        // a second computation replaces the first: still 4 forecasts a channel and the hospital, nothing twice
        long rows = jdbc.sql("SELECT count(*) FROM insight_forecast_month WHERE hospital_id = ?")
                .param(h.hospital.id()).query(Long.class).single();
        page(h.office, post("/insight/forecasts/recompute")).andExpect(redirectedUrl("/insight/forecasts"));
        assertThat(jdbc.sql("SELECT count(*) FROM insight_forecast WHERE hospital_id = ?")
                .param(h.hospital.id()).query(Long.class).single()).isEqualTo(12);
        assertThat(jdbc.sql("SELECT count(*) FROM insight_forecast_month WHERE hospital_id = ?")
                .param(h.hospital.id()).query(Long.class).single()).isEqualTo(rows);

        // the month has not closed again since: the monthly step leaves them as they are
        assertThat(book.computeIfMonthClosed(Actor.system(h.hospital.id(), "forecast"))).isEmpty();
    }

    @Test
    void theMonthlyStepComputesWhatWasNeverComputed() throws Exception {
        TestHospital h = hospital();

        assertThat(book.computeIfMonthClosed(Actor.system(h.hospital.id(), "forecast")))
                .hasValueSatisfying(run -> {
                    assertThat(run.lastMonth()).isEqualTo(YearMonth.of(2026, 12));
                    assertThat(run.channels()).isEqualTo(2);
                    assertThat(run.computedBy()).isEqualTo("system:forecast");
                });
        h.as(h.analyst, get("/api/v1/channels/FC-A/forecasts"))
                .andExpect(jsonPath("$.forecasts[0].months[0].mean").value(12.0));
        // the scheduled computation is not a person's action: not audited
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE hospital_id = ? AND action = 'FORECASTS_COMPUTED'")
                .param(h.hospital.id()).query(Long.class).single()).isZero();
    }

    @Test
    void aChannelsOwnUserSeesOnlyItsOwnChannel() throws Exception {
        TestHospital h = hospital();
        page(h.office, post("/insight/forecasts/recompute")).andExpect(redirectedUrl("/insight/forecasts"));
        String partner = h.channelUser(channelB);

        h.as(partner, get("/api/v1/channels/FC-B/forecasts")).andExpect(status().isOk())
                .andExpect(jsonPath("$.forecasts[0].months[0].mean").value(5.0));
        h.as(partner, get("/api/v1/channels/FC-A/forecasts")).andExpect(status().isNotFound());
        h.as(partner, get("/api/v1/forecasts")).andExpect(status().isForbidden());
        page(partner, get("/insight/forecasts/channels/FC-B")).andExpect(status().isOk())
                .andExpect(content().string(containsString("forecast-REFERRALS")));
        page(partner, get("/insight/forecasts/channels/FC-A")).andExpect(status().isNotFound());
        page(partner, get("/insight/forecasts")).andExpect(status().isForbidden());
        // another hospital's channel is not found
        TestHospital other = new TestHospital(mvc, users, hospitals);
        other.as(other.analyst, get("/api/v1/channels/FC-A/forecasts")).andExpect(status().isNotFound());
    }

    @Test
    void theForecastPageShowsTheMethodInWordsAndListsTheChannelsPagedAndFiltered() throws Exception {
        TestHospital h = hospital();
        page(h.office, post("/insight/forecasts/recompute"));

        page(h.analyst, get("/insight/forecasts")).andExpect(status().isOk())
                .andExpect(content().string(containsString("季节朴素法")))
                .andExpect(content().string(containsString("只有 14 个完整月")))
                .andExpect(content().string(containsString("27.2%")))
                .andExpect(content().string(containsString("id=\"forecast-FC-A\"")))
                .andExpect(content().string(containsString("id=\"forecast-FC-B\"")))
                .andExpect(content().string(containsString("data-chart")))
                .andExpect(content().string(not(containsString("recompute-form"))));
        page(h.analyst, get("/insight/forecasts?q=fc-b&measure=REVENUE")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"forecast-FC-A\""))))
                .andExpect(content().string(containsString("id=\"forecast-FC-B\"")));
        page(h.analyst, get("/insight/forecasts?method=MEAN")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"forecast-FC-A\""))))
                .andExpect(content().string(containsString("id=\"forecast-FC-B\"")));
        // an unknown filter is named above the list, which then shows everything
        page(h.analyst, get("/insight/forecasts?measure=BEDS&method=GUESS")).andExpect(status().isOk())
                .andExpect(content().string(containsString("没有指标“BEDS”")))
                .andExpect(content().string(containsString("没有方法“GUESS”")))
                .andExpect(content().string(containsString("id=\"forecast-FC-A\"")));
        page(h.office, get("/insight/forecasts")).andExpect(content().string(containsString("recompute-form")));
        page(h.analyst, get("/insight/forecasts/channels/FC-A")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"forecast-REVENUE\"")))
                .andExpect(content().string(containsString("12.0")));
    }
}
