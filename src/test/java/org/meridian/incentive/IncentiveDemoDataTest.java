package org.meridian.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.MeridianUser;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
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
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService accounts;

    /**
     * The statements waiting in the office's and the manager's inbox come one item per period and step, each with
     * its total: none of them is 0.00 元. Most demo channels score 55 to 70 (tier C), so the quality bonus pays
     * 3,000 × 0.5 = 1,500 元 from 55 points, and every statement of a channel in tiers A to C — which the place
     * rules reward — carries money (docs/incentives.md, demo data).
     */
    @Test
    void noPeriodWaitsAtZeroYuan() throws Exception {
        Pattern group = Pattern.compile("(\\d{4}-[0-9Q]{2})：(\\d+) 份结算单待(复核|审批)（合计 ([0-9,.]+) 元）");
        int groups = 0;
        for (String name : List.of("office", "manager")) {
            String home = mvc.perform(get("/").with(user(accounts.loadUserByUsername(name))).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            Matcher m = group.matcher(home);
            while (m.find()) {
                groups++;
                assertThat(new BigDecimal(m.group(4).replace(",", ""))).as(name + ": " + m.group()).isPositive();
            }
            assertThat(home).as(name).doesNotContain("合计 0.00 元");
        }
        assertThat(groups).as("periods waiting as one item each").isGreaterThanOrEqualTo(4);
        // every statement of a channel in tiers A to C has its quality bonus: 1,500, 3,000 or 4,000 元
        long h = ((MeridianUser) accounts.loadUserByUsername("manager")).hospitalId();
        List<BigDecimal> totals = jdbc.sql("""
                        SELECT (SELECT coalesce(sum(l.amount), 0) FROM incentive_statement_line l
                                WHERE l.hospital_id = s.hospital_id AND l.statement_id = s.id)
                        FROM incentive_statement s WHERE s.hospital_id = :h AND s.tier IN ('A', 'B', 'C')""")
                .param("h", h).query(BigDecimal.class).list();
        assertThat(totals).isNotEmpty().allSatisfy(t -> assertThat(t.stripTrailingZeros().toPlainString())
                .isIn("1500", "3000", "4000"));
    }

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
