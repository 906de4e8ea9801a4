package org.meridian.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
 * Demo mode: the 2027 equipment budget in two scenarios, A approved by the manager after the office drafted it, B a
 * draft, and an approved department pay pool; A's amounts add up to 3,000,000.00 exactly and stay within 50,000 and 400,000; both read efficiency from the
 * quarter's published efficiency run.
 */
@MeridianDemoTest
class AllocationDemoDataTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    private JsonNode read(String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(httpBasic("analyst", "meridian2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void anApprovedEquipmentBudgetAndADraftScenarioToCompare() throws Exception {
        JsonNode list = read("/api/v1/allocation-plans");
        List<JsonNode> plans = new ArrayList<>();
        list.get("items").forEach(plans::add);
        assertThat(plans).hasSize(3);
        JsonNode approved = plans.stream().filter(p -> p.get("status").asString().equals("APPROVED")
                && p.get("resource").asString().equals(AllocationDemoData.RESOURCE)).findFirst().orElseThrow();
        assertThat(approved.get("draftedBy").asString()).isEqualTo("office");
        assertThat(approved.get("approvedBy").asString()).isEqualTo("manager");
        assertThat(approved.get("resource").asString()).isEqualTo(AllocationDemoData.RESOURCE);
        JsonNode a = read("/api/v1/allocation-plans/" + approved.get("id").asLong());
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode u : a.get("units")) {
            BigDecimal amount = u.get("amount").decimalValue();
            assertThat(amount).isBetween(new BigDecimal("50000"), new BigDecimal("400000"));
            sum = sum.add(amount);
        }
        assertThat(sum).isEqualByComparingTo("3000000.00");
        assertThat(a.get("units").size()).isGreaterThan(10);
        List<String> kinds = new ArrayList<>();
        a.get("sources").forEach(s -> kinds.add(s.get("kind").asString()));
        assertThat(kinds).containsExactly("EVALUATION", "EFFICIENCY_RUN");
        assertThat(plans).filteredOn(p -> p.get("status").asString().equals("DRAFT")).hasSize(1);
        // the draft scenario weighs each department's forecast discharges and shows equity per discharge
        JsonNode b = read("/api/v1/allocation-plans/" + plans.stream()
                .filter(p -> p.get("status").asString().equals("DRAFT")).findFirst().orElseThrow().get("id").asLong());
        assertThat(b.get("demandMeasure").asString()).isEqualTo("discharges");
        assertThat(b.get("equityPer").asString()).isEqualTo("discharges");
        for (JsonNode u : b.get("units")) {
            assertThat(u.get("demand").decimalValue()).as(u.get("unit").asString()).isPositive();
        }
        assertThat(b.get("equityPerHead").get("after").get("gini").asDouble()).isBetween(0.0, 1.0);
        // the department pay pool, linked to brand, approved
        assertThat(plans).filteredOn(p -> p.get("payPool").asBoolean()).singleElement()
                .satisfies(p -> assertThat(p.get("status").asString()).isEqualTo("APPROVED"));
    }
}
