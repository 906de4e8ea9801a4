package org.meridian.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo mode (same context as DemoModeTest): the incentive demo data is there for the manager. With published demo
 * evaluations the statements are the system's drafts of them, in several states, and there are no others.
 */
@MeridianDemoTest
class IncentiveDemoDataTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    @Test
    void templatesAFlaggedRuleAndStatementsInSeveralStates() throws Exception {
        mvc.perform(get("/api/v1/incentive-rules").with(httpBasic("manager", "meridian2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", hasItem("GREEN-CHANNEL")))
                .andExpect(jsonPath("$.items[?(@.code == 'PER-REFERRAL')].compliance.status")
                        .value("COMPLIANCE_REVIEW_REQUIRED"));
        JsonNode list = json.readTree(mvc.perform(get("/api/v1/statements").with(httpBasic("manager", "meridian2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<JsonNode> statements = new ArrayList<>();
        list.get("items").forEach(statements::add);
        assertThat(statements).isNotEmpty();
        assertThat(statements.stream().map(s -> s.get("status").asString()).distinct().count())
                .as("statements in several states").isGreaterThanOrEqualTo(2);
        // every statement is the system's draft of a published evaluation: the demo invents no result by hand
        assertThat(statements).allSatisfy(s -> {
            assertThat(s.get("evaluationVersion").isNull()).as("statement " + s.get("id")).isFalse();
            assertThat(s.get("preparedBy").asString()).isEqualTo("system");
        });
        assertThat(statements.stream().map(s -> s.get("status").asString()))
                .contains("PAID", "APPROVED", "REVIEWED", "DRAFT");
        // every total is the sum of its lines
        for (JsonNode s : statements.subList(0, Math.min(5, statements.size()))) {
            JsonNode one = json.readTree(mvc.perform(get("/api/v1/statements/" + s.get("id").asLong())
                    .with(httpBasic("manager", "meridian2026"))).andReturn().getResponse().getContentAsString());
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode l : one.get("lines")) {
                sum = sum.add(l.get("amount").decimalValue());
            }
            assertThat(one.get("total").decimalValue()).isEqualByComparingTo(sum);
        }
    }
}
