package org.meridian.insight.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.channel.ChannelQuery;
import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelRegistry;
import org.meridian.channel.ChannelStatus;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo's alerts (docs/insight.md "Alerts"). The demo events (docs/intake.md "Demo data") have a burst of 22–31
 * extra referrals a day at the first active health platform in the 7 days starting 20 days before today, and the
 * first active community channel other than CH-001 silent for the last 6 weeks; the Spring Festival of 2026
 * (17 February) lowers every channel's referrals from 10 days before to 14 days after, to 15 % in its week.
 */
@MeridianDemoTest
class AlertDemoTest {

    @Autowired MockMvc mvc;
    @Autowired AlertWatch watch;
    @Autowired ChannelRegistry registry;
    @Autowired HospitalCalendar calendar;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService accounts;

    private List<ChannelRef> senders(long h) {
        return registry.search(Actor.system(h, "test"), ChannelQuery.all(0, 1000)).items().stream()
                .map(c -> c.ref()).filter(c -> c.status() != ChannelStatus.PROSPECT)
                .sorted(Comparator.comparing(ChannelRef::code)).toList();
    }

    private List<Alert> all(long h) {
        return watch.search(Actor.system(h, "test"), new AlertQuery(null, null, null, 0, 1000)).items();
    }

    @Test
    void theBurstAndTheQuietChannelAreAlertedAmongAHandful() throws Exception {
        long h = hospitals.all().get(0).id();
        LocalDate today = calendar.today(h);
        List<ChannelRef> senders = senders(h);
        ChannelRef burst = senders.stream()
                .filter(c -> c.type() == UnitType.HEALTH_PLATFORM && c.status() == ChannelStatus.ACTIVE)
                .findFirst().orElseThrow();
        ChannelRef quiet = senders.stream()
                .filter(c -> c.type() == UnitType.COMMUNITY_HEALTH && c.status() == ChannelStatus.ACTIVE
                        && !c.code().equals("CH-001"))
                .findFirst().orElseThrow();
        LocalDate burstFrom = today.minusDays(20);
        LocalDate burstTo = burstFrom.plusDays(6);

        List<Alert> recent = all(h).stream().filter(a -> !a.day().isBefore(today.minusDays(AlertDemoData.DEMO_DAYS)))
                .toList();
        // a handful: every one of them a day or month someone would want to look at
        assertThat(recent).hasSizeBetween(2, 25);

        List<Alert> burstDays = recent.stream().filter(a -> a.channelId() == burst.id() && a.grain() == AlertGrain.DAY
                && a.measure() == AlertMeasure.REFERRALS && a.above()
                && !a.day().isBefore(burstFrom) && !a.day().isAfter(burstTo)).toList();
        assertThat(burstDays).isNotEmpty();
        assertThat(burstDays).allMatch(a -> a.rule() == AlertRule.WEEKLY_PATTERN && a.observed().intValue() >= 22);

        assertThat(recent).anyMatch(a -> a.channelId() == quiet.id() && a.rule() == AlertRule.SILENCE
                && !a.day().isBefore(today.minusWeeks(6)) && a.observed().signum() == 0);

        // the workbench of the office shows new alerts
        var office = accounts.loadUserByUsername("office");
        String home = mvc.perform(get("/").with(user(office))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("new-alerts").contains(burst.code());
    }

    @Test
    void theSpringFestivalDipIsNoAlert() {
        long h = hospitals.all().get(0).id();
        LocalDate today = calendar.today(h);
        // scan the weeks around the Spring Festival of 2026 (17 February; the dip from 7 February to 3 March)
        watch.scan(Actor.system(h, "test"), LocalDate.of(2026, 1, 20), LocalDate.of(2026, 3, 15), today);
        List<Alert> dips = all(h).stream()
                .filter(a -> !a.above())
                .filter(a -> a.grain() == AlertGrain.DAY
                        ? !a.day().isBefore(LocalDate.of(2026, 2, 7)) && !a.day().isAfter(LocalDate.of(2026, 3, 3))
                        : a.day().equals(LocalDate.of(2026, 1, 1)) || a.day().equals(LocalDate.of(2026, 2, 1)))
                .toList();
        assertThat(dips).isEmpty();
    }
}
