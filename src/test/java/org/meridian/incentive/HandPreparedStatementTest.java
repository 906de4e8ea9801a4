package org.meridian.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12 §5: a statement prepared by hand on the page cannot invent a tier, total or rank — they come from the
 * channel's scorecard in the period's published evaluation, or the statement says it has no published evaluation.
 */
@MeridianTest
class HandPreparedStatementTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService accounts;

    @Test
    void theResultComesFromThePublishedEvaluationOrTheStatementHasNone() throws Exception {
        Hospital4Incentives h = new Hospital4Incentives(mvc, json, users, hospitals);
        h.examCentres(List.of("P1", "P2"));
        // 2026-Q3 under the one-indicator scheme (referrals 0 → 0, 10 → 100): P1 8 referrals → 80, B, rank 1;
        // P2 6 → 60, C, rank 2. The hospital has no incentive rule, so publishing drafts nothing.
        h.referrals("P1", "2026-08-10", 8);
        h.referrals("P2", "2026-07-15", 6);
        long evaluation = h.publish("2026-Q3", "EXAM_CENTER");

        // the form offers no tier, total or rank any more; one sent anyway (an old form) is not read
        String page = page(h, "/incentives");
        assertThat(page).contains("id=\"prepare-form\"").doesNotContain("id=\"tier\"", "id=\"total\"", "id=\"rank\"");
        JsonNode p2 = prepared(h, "2026-Q3", "P2", "A", "99");
        assertThat(p2.get("result").get("tier").asString()).isEqualTo("C");
        assertThat(p2.get("result").get("total").decimalValue()).isEqualByComparingTo("60");
        assertThat(p2.get("result").get("rank").asInt()).isEqualTo(2);
        assertThat(p2.get("evaluationId").asLong()).isEqualTo(evaluation);
        assertThat(p2.get("evaluationVersion").asInt()).isEqualTo(1);

        // 2026-Q2 has no published evaluation: unrated, no total, no rank, and the statement page says so
        JsonNode p1 = prepared(h, "2026-Q2", "P1", "A", "99");
        assertThat(p1.get("result").get("tier").asString()).isEqualTo("UNRATED");
        assertThat(absent(p1.get("result").path("total"))).isTrue();
        assertThat(absent(p1.get("result").path("rank"))).isTrue();
        assertThat(absent(p1.path("evaluationId"))).isTrue();
        assertThat(page(h, "/incentives/statements/" + p1.get("id").asLong()))
                .contains("id=\"statement-no-evaluation\"", "无已发布评估", "未评级").doesNotContain(">UNRATED<");

        // a bad period and an unknown channel are said beside their fields, what was typed kept, nothing prepared
        String refused = mvc.perform(post("/incentives/statements").with(csrf()).with(user(accounts.loadUserByUsername(
                        h.office))).param("period", "2026-Q9").param("channelCode", "NO-SUCH"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"period-error\"", "id=\"channelCode-error\"", "value=\"NO-SUCH\"");
        assertThat(h.read(h.as(h.analyst, get("/api/v1/statements"))).get("total").asInt()).isEqualTo(2);
    }

    private static boolean absent(JsonNode node) {
        return node.isNull() || node.isMissingNode();
    }

    private String page(Hospital4Incentives h, String path) throws Exception {
        return mvc.perform(get(path).with(user(accounts.loadUserByUsername(h.office))).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Prepares on the page (with a typed tier and total that must be ignored) and reads the statement by the API. */
    private JsonNode prepared(Hospital4Incentives h, String period, String channel, String tier, String total)
            throws Exception {
        String location = mvc.perform(post("/incentives/statements").with(csrf())
                        .with(user(accounts.loadUserByUsername(h.office)))
                        .param("period", period).param("channelCode", channel).param("tier", tier)
                        .param("total", total))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        return h.read(h.as(h.analyst, get("/api/v1/statements/" + id)).andExpect(status().isOk()));
    }
}
