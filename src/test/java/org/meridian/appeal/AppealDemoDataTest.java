package org.meridian.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Demo mode (same context as DemoModeTest): appeals in each state and rectification plans for the demo hospital. */
@MeridianDemoTest
class AppealDemoDataTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;

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
