package org.meridian.insight.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.insight.method.HoltWinters.Method;
import org.meridian.shared.Actor;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo's forecasts (docs/insight.md "Forecasts", "Demo"). Today is 2027-01-15; the demo events run from
 * 2025-01-15 to yesterday, so January 2025 is partial and left out: 23 complete months, February 2025 to December 2026,
 * fewer than the 25 Holt-Winters needs — every forecast is seasonal naive; the back-test sees the 11 months before the
 * last 12, so simple exponential smoothing.
 */
@MeridianDemoTest
class ForecastDemoTest {

    @Autowired MockMvc mvc;
    @Autowired ForecastBook book;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService accounts;

    @Test
    void theDemoHospitalShowsSeasonalNaiveForecastsWithTheirBackTest() throws Exception {
        Actor system = Actor.system(hospitals.all().get(0).id(), "test");
        ForecastRun run = book.run(system).orElseThrow();
        assertThat(run.lastMonth()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(run.horizon()).isEqualTo(6);
        assertThat(run.channels()).isGreaterThan(10);

        List<Forecast> hospital = book.hospital(system);
        assertThat(hospital).extracting(Forecast::measure).containsExactly(ForecastMeasure.values());
        Forecast referrals = hospital.get(0);
        assertThat(referrals.method()).isEqualTo(Method.SEASONAL_NAIVE);
        assertThat(referrals.historyFrom()).isEqualTo(YearMonth.of(2025, 2));
        assertThat(referrals.historyMonths()).isEqualTo(23);
        assertThat(referrals.ahead()).hasSize(6);
        // seasonal naive: January 2027 is January 2026's referrals
        assertThat(referrals.next().value()).isEqualTo(referrals.history().get(11).value());
        assertThat(referrals.history().get(11).month()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(referrals.backtestMethod()).isEqualTo(Method.SIMPLE_EXPONENTIAL);
        assertThat(referrals.backtestMape()).isNotNull();

        var office = accounts.loadUserByUsername("office");
        String page = mvc.perform(get("/insight/forecasts").with(user(office))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("季节朴素法", "只有 23 个完整月", "CH-001");
        String home = mvc.perform(get("/").with(user(office))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("全院下月预测");
    }
}
