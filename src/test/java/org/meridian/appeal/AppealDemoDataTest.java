package org.meridian.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.rectification.Plan;
import org.meridian.rectification.PlanAction;
import org.meridian.rectification.PlanStatus;
import org.meridian.rectification.RectificationWorkflow;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Demo mode (same context as DemoModeTest): appeals in each state and rectification plans for the demo hospital. */
@MeridianDemoTest
class AppealDemoDataTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired RectificationWorkflow rectification;
    @Autowired Hospitals hospitals;
    @Autowired Clock clock;

    @Test
    void appealsInEachStateOneUpheldIntoANewVersion() throws Exception {
        String body = mvc.perform(get("/api/v1/appeals").with(httpBasic("office", "meridian2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> states = JsonPath.read(body, "$.items[*].status");
        assertThat(states).containsExactlyInAnyOrder("SUBMITTED", "UNDER_REVIEW", "REJECTED", "UPHELD");
        List<Integer> corrected = JsonPath.read(body, "$.items[?(@.status == 'UPHELD')].correctedEvaluationId");
        List<Integer> appealed = JsonPath.read(body, "$.items[?(@.status == 'UPHELD')].evaluationId");
        mvc.perform(get("/api/v1/evaluations/" + corrected.get(0)).with(httpBasic("office", "meridian2026")))
                .andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(get("/api/v1/evaluations/" + appealed.get(0)).with(httpBasic("office", "meridian2026")))
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        // the demo channel user sees them, with the scanned referral slips
        mvc.perform(get("/api/v1/appeals").with(httpBasic("partner", "meridian2026")))
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[?(@.status == 'REJECTED')].attachments[0].fileName")
                        .value("转诊单扫描件.pdf"));
    }

    /**
     * The demo's plans could have happened (docs/appeals.md, demo data): opened {@code OPENED_DAYS_AGO} (24) days
     * before the test clock's today on a period that had ended by then, every action due after its plan was opened,
     * every done action done on time after it, every note written after it. The first plan has one action done, one a
     * week overdue and one still to come, and the office's workbench dates the overdue one by the plan's opening.
     */
    @Test
    void thePlansAreOpenedBeforeTheirActionsFallDue() throws Exception {
        Actor office = ((MeridianUser) accounts.loadUserByUsername("office")).actor();
        ZoneId zone = hospitals.find(office.hospitalId()).orElseThrow().timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate opened = today.minusDays(24);
        List<Plan> plans = rectification.search(office, null, 0, 10).items();
        assertThat(plans).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        for (Plan p : plans) {
            LocalDate day = p.openedAt().atZoneSameInstant(zone).toLocalDate();
            assertThat(day).as(p.title()).isBetween(opened, opened.plusDays(4));
            assertThat(Period.parse(p.period()).orElseThrow().lastDay()).as(p.title() + ": its period had ended")
                    .isBefore(day);
            assertThat(p.status()).isEqualTo(PlanStatus.IN_PROGRESS);
            for (PlanAction a : rectification.actions(office, p.id())) {
                assertThat(a.dueDate()).as(a.description()).isAfter(day);
                if (a.done()) {
                    LocalDate done = a.doneAt().atZoneSameInstant(zone).toLocalDate();
                    assertThat(done).as(a.description() + " done on time, after the opening")
                            .isAfterOrEqualTo(day).isBeforeOrEqualTo(a.dueDate()).isBefore(today);
                }
            }
            rectification.notes(office, p.id()).forEach(n -> assertThat(n.writtenAt()).isAfter(p.openedAt()));
        }
        Plan first = plans.stream().filter(p -> rectification.actions(office, p.id()).size() == 3).findFirst()
                .orElseThrow();
        List<PlanAction> actions = rectification.actions(office, first.id());
        assertThat(actions).filteredOn(PlanAction::done).hasSize(1);
        assertThat(actions).filteredOn(a -> a.overdueOn(today)).singleElement()
                .extracting(PlanAction::dueDate).isEqualTo(today.minusDays(7));
        assertThat(actions).filteredOn(a -> a.dueDate().isAfter(today)).hasSize(1);
        mvc.perform(get("/").with(user(accounts.loadUserByUsername("office"))))
                .andExpect(content().string(containsString("整改计划开立于 " + opened)));
        // the plan of the demo channel comes first, so that its user sees one
        Actor partner = ((MeridianUser) accounts.loadUserByUsername("partner")).actor();
        assertThat(rectification.search(partner, null, 0, 10).items()).singleElement()
                .extracting(Plan::channelCode).isEqualTo("CH-001");
    }

    @Test
    void plansWithAnOverdueActionOnTheHomePage() throws Exception {
        mvc.perform(get("/rectification").with(user(accounts.loadUserByUsername("office"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("整改计划 · ")))
                .andExpect(content().string(containsString("每周核对转诊与到诊登记")));
        mvc.perform(get("/").with(user(accounts.loadUserByUsername("office"))))
                .andExpect(content().string(containsString("id=\"overdue-actions\"")))
                .andExpect(content().string(containsString("逾期 7 天")));
    }
}
