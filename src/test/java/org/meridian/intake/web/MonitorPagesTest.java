package org.meridian.intake.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.support.Actors;
import org.meridian.shared.Actor;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.channel.ChannelDraft;
import org.meridian.channel.ChannelRegistry;
import org.meridian.intake.EventIntake;
import org.meridian.intake.RawEvent;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The live monitoring page: what an analyst reads for one region (today, this month, ranking), the type
 * filter, the htmx refresh answering only the live part, and who may not see it.
 */
@MeridianTest
class MonitorPagesTest {

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired TestUsers users;
    @Autowired UserDetailsService accounts;
    @Autowired ChannelRegistry registry;
    @Autowired HospitalCalendar calendar;
    @Autowired EventIntake intake;

    private String region;
    private String prefix;

    @BeforeEach
    void seed() {
        long h = users.firstHospital().id();
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        region = "监控市/测试" + suffix + "区";
        prefix = "MON-" + suffix;
        register(h, prefix + "-A", "社区 A " + suffix, "COMMUNITY_HEALTH");
        register(h, prefix + "-B", "体检 B " + suffix, "EXAM_CENTER");
        register(h, prefix + "-C", "体检 C " + suffix, "EXAM_CENTER");
        LocalDate today = calendar.today(h);
        // "today" for the page: two minutes ago (the test clock starts at noon, so that is still today)
        Instant now = clock.instant().minus(2, ChronoUnit.MINUTES);
        Instant lastMonth = today.withDayOfMonth(1).minusDays(3).atStartOfDay(calendar.zone(h)).plusHours(10).toInstant();
        List<RawEvent> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(event(i + "r", "REFERRAL", "-A", now, "R" + i, null, null));
        }
        rows.add(event("0a", "ACCEPTED", "-A", now, "R0", null, null));
        rows.add(event("1a", "ACCEPTED", "-A", now, "R1", null, null));
        rows.add(event("ar", "ARRIVED", "-A", now, null, null, null));
        rows.add(event("cv", "CONVERTED", "-A", now, null, null, null));
        rows.add(event("rv", "REVENUE", "-A", now, null, new BigDecimal("12000"), null));
        rows.add(event("rf", "REVENUE", "-A", now, null, new BigDecimal("-500"), Map.of("reason", "refund")));
        rows.add(event("br", "REFERRAL", "-B", now, "RB", null, null));
        // last month: counts in the 30-day trend, not in this month
        for (int i = 0; i < 7; i++) {
            rows.add(event("old" + i, "REFERRAL", "-C", lastMonth, "RC" + i, null, null));
        }
        intake.record(Actors.manager(h, "test"), rows, 0, EventIntake.Source.API, null);
    }

    private void register(long h, String code, String name, String type) {
        registry.register(Actor.system(h, "test"), new ChannelDraft(code, name, type, null, null, region, null, null, null, null, null, null,
                null));
    }

    private RawEvent event(String id, String type, String channel, Instant at, String referral, BigDecimal value,
                           Map<String, String> attributes) {
        return RawEvent.of(prefix + "-" + id, type, prefix + channel, at.toString(),
                referral == null ? null : prefix + referral, "P1", value, attributes);
    }

    private MockHttpServletRequestBuilder page(Role role) {
        return get("/intake").param("region", region).with(user(accounts.loadUserByUsername(users.create(role))));
    }

    @Test
    void anAnalystSeesTodayThisMonthAndTheRankingOfTheRegion() throws Exception {
        mvc.perform(page(Role.ANALYST))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("实时监控")))
                .andExpect(content().string(containsString("id=\"today-referrals\">4<")))
                .andExpect(content().string(containsString("id=\"today-accepted\">2<")))
                .andExpect(content().string(containsString("id=\"today-arrivals\">1<")))
                .andExpect(content().string(containsString("id=\"today-conversions\">1<")))
                .andExpect(content().string(containsString("id=\"today-revenue\">11,500<")))
                .andExpect(content().string(containsString("id=\"month-referrals\">4<")))
                .andExpect(content().string(containsString("hx-trigger=\"every 30s\"")))
                .andExpect(content().string(containsString("data-chart=")))
                .andExpect(content().string(containsString("社区 A")))
                .andExpect(content().string(containsString("范围内渠道 3 个")));
    }

    @Test
    void theTypeFilterNarrowsTheFigures() throws Exception {
        mvc.perform(page(Role.ANALYST).param("type", "EXAM_CENTER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"today-referrals\">1<")))
                .andExpect(content().string(containsString("id=\"today-revenue\">0<")))
                .andExpect(content().string(containsString("范围内渠道 2 个")))
                .andExpect(content().string(not(containsString("社区 A"))));
    }

    @Test
    void anHtmxRefreshGetsOnlyTheLivePartWithItsFilterKept() throws Exception {
        mvc.perform(page(Role.ANALYST).param("type", "COMMUNITY_HEALTH").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(not(containsString("monitor-filters"))))
                .andExpect(content().string(containsString("id=\"monitor-live\"")))
                .andExpect(content().string(containsString("type=COMMUNITY_HEALTH")))
                .andExpect(content().string(containsString("id=\"today-referrals\">3<")));
    }

    @Test
    void englishLabelsComeFromTheBundle() throws Exception {
        mvc.perform(page(Role.ANALYST).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Live monitoring")));
    }

    @Test
    void channelUsersMayNotSeeIt() throws Exception {
        long h = users.firstHospital().id();
        long channel = registry.findByCode(Actor.system(h, "test"), prefix + "-A").orElseThrow().id();
        mvc.perform(get("/intake").with(user(accounts.loadUserByUsername(users.create(h, Role.CHANNEL_USER, channel)))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/intake").with(user(accounts.loadUserByUsername(users.create(Role.REGULATOR)))))
                .andExpect(status().isForbidden());
    }
}
