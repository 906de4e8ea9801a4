package org.meridian.incentive;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Demo mode (same context as DemoModeTest): the incentive demo data is there for the manager. */
@SpringBootTest(properties = {"meridian.demo=true", "meridian.admin-password="})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class IncentiveDemoDataTest {

    @Autowired MockMvc mvc;

    @Test
    void templatesAFlaggedRuleAndTwoDraftsAwaitTheManager() throws Exception {
        mvc.perform(get("/api/v1/incentive-rules").with(httpBasic("manager", "meridian2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("GREEN-CHANNEL")))
                .andExpect(jsonPath("$[?(@.code == 'PER-REFERRAL')].compliance.status")
                        .value("COMPLIANCE_REVIEW_REQUIRED"));
        // CH-003, tier B, total 74.25: quality bonus 3000 × 1.0 = 3000.00, adjustment −150.00 → 2850.00
        // (the per-referral rule is not in effect before its sign-off)
        mvc.perform(get("/api/v1/statements").with(httpBasic("manager", "meridian2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[?(@.channelCode == 'CH-003')].total").value(2850.00))
                .andExpect(jsonPath("$[?(@.channelCode == 'CH-005')].status").value("DRAFT"));
    }
}
