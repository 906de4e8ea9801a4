package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.channel.ChannelRegistry;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Demo mode (the same context as {@code DemoModeTest}): the rollups of the ~100,000 demo events are exact
 * by the check, and the data quality page shows the demo's quiet channel and its referral burst.
 */
@MeridianDemoTest
class QualityDemoTest {

    @Autowired MockMvc mvc;
    @Autowired EventIntake intake;
    @Autowired RollupCheckCommand command;
    @Autowired ChannelRegistry registry;
    @Autowired HospitalCalendar calendar;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService accounts;

    @Test
    void theDemoRollupsAreExactByTheCheckAndTheCommand() {
        Hospital h = hospitals.all().get(0);
        assertThat(intake.checkRollups(h.id())).isEmpty();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(command.run(List.of(h), new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(h.code()).contains("rollups exact");
    }

    @Test
    void theQualityPageShowsTheQuietChannelAndTheBurst() throws Exception {
        long h = hospitals.all().get(0).id();
        IntakeDemoData.Plan plan = IntakeDemoData.plan(IntakeDemoData.senders(registry, h), calendar.today(h));
        var office = accounts.loadUserByUsername("office");
        String quiet = mvc.perform(get("/intake/quality").param("tab", "quiet").with(user(office)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(quiet).contains("id=\"quiet-table\"").contains(plan.quiet().code());
        String bursts = mvc.perform(get("/intake/quality").param("tab", "bursts").with(user(office)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bursts).contains("id=\"bursts-table\"").contains(plan.burst().code())
                .contains(plan.burstFrom().plusDays(1).toString());
    }
}
