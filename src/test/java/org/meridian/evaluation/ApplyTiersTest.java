package org.meridian.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.meridian.support.TestHospital.json;
import static org.meridian.evaluation.EvaluationApiTest.referrals;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A published evaluation's tiers go to the channel registry: upgrades apply, downgrades wait for approval. */
@MeridianTest
class ApplyTiersTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    @Test
    void upgradesApplyDowngradesWaitAndNothingIsAskedTwice() throws Exception {
        TestHospital c = new TestHospital(mvc, users, hospitals);
        for (String code : List.of("T1", "T2", "T3", "T4")) {
            c.channel(code, "HEALTH_PLATFORM", null, null);
        }
        c.scheme("HEALTH_PLATFORM", EvaluationApiTest.VOLUME_SCHEME.replace(
                ",\n   {\"code\": \"ARRIVAL_RATE\", \"weight\": 10, \"scoring\": {\"method\": \"LINEAR\", \"zero\": 0, \"full\": 100}}",
                ""));
        tier(c, "T2", "C");
        tier(c, "T3", "A");
        tier(c, "T4", "B");
        // volume scored 0..10: T1 10 → 100 (A), T2 8 → 80 (B), T3 nothing → 0 (D), T4 7 → 70 (B)
        c.events("[" + referrals("T1", "a", 10, "2026-10-05") + "," + referrals("T2", "b", 8, "2026-10-06") + ","
                + referrals("T4", "d", 7, "2026-10-07") + "]", 25);
        long id = c.run("2026-10", "HEALTH_PLATFORM");

        c.as(c.office, post("/api/v1/evaluations/" + id + "/apply-tiers"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("draft")));
        c.as(c.office, post("/api/v1/evaluations/" + id + "/publish")).andExpect(status().isOk());
        c.as(c.analyst, post("/api/v1/evaluations/" + id + "/apply-tiers")).andExpect(status().isForbidden());

        String answer = c.as(c.office, post("/api/v1/evaluations/" + id + "/apply-tiers"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(outcomes(answer)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "T1", "APPLIED", "T2", "APPLIED", "T3", "PENDING", "T4", "SAME"));
        assertThat(tierOf(c, "T1")).isEqualTo("A");
        assertThat(tierOf(c, "T2")).isEqualTo("B");
        assertThat(tierOf(c, "T3")).isEqualTo("A"); // the downgrade waits
        assertThat(tierOf(c, "T4")).isEqualTo("B");
        String history = c.as(c.analyst, get("/api/v1/channels/T3/tier-changes")).andReturn().getResponse()
                .getContentAsString();
        assertThat(JsonPath.<String>read(history, "$[0].status")).isEqualTo("PENDING");
        assertThat(JsonPath.<String>read(history, "$[0].toTier")).isEqualTo("D");
        assertThat(JsonPath.<String>read(history, "$[0].source")).isEqualTo("EVALUATION");
        assertThat(JsonPath.<String>read(history, "$[0].sourceRef")).isEqualTo("evaluation " + id);
        assertThat(JsonPath.<String>read(history, "$[0].reason")).contains("2026-10", "0.00", "D");
        assertThat(JsonPath.<String>read(c.as(c.analyst, get("/api/v1/channels/T2/tier-changes")).andReturn()
                .getResponse().getContentAsString(), "$[0].source")).isEqualTo("EVALUATION");

        // applying again asks for nothing new
        String again = c.as(c.office, post("/api/v1/evaluations/" + id + "/apply-tiers"))
                .andReturn().getResponse().getContentAsString();
        assertThat(outcomes(again)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "T1", "SAME", "T2", "SAME", "T3", "ALREADY_PENDING", "T4", "SAME"));
        assertThat(JsonPath.<List<Object>>read(c.as(c.analyst, get("/api/v1/channels/T3/tier-changes")).andReturn()
                .getResponse().getContentAsString(), "$[*]")).hasSize(2); // the manual A and the one pending D

        // a hospital manager approves the downgrade
        long pending = ((Number) JsonPath.read(history, "$[0].id")).longValue();
        c.as(c.user(Role.HOSPITAL_MANAGER), json(post("/api/v1/channel-tier-changes/" + pending + "/approve"), "{}"))
                .andExpect(status().isOk());
        assertThat(tierOf(c, "T3")).isEqualTo("D");
    }

    private static void tier(TestHospital c, String channel, String tier) throws Exception {
        c.as(c.office, json(post("/api/v1/channels/" + channel + "/tier-changes"),
                "{\"tier\": \"" + tier + "\", \"reason\": \"首次分级\"}")).andExpect(status().isCreated());
    }

    private static String tierOf(TestHospital c, String channel) throws Exception {
        return JsonPath.read(c.as(c.analyst, get("/api/v1/channels/" + channel)).andReturn().getResponse()
                .getContentAsString(), "$.tier");
    }

    private static Map<String, String> outcomes(String answer) {
        List<Map<String, Object>> list = JsonPath.read(answer, "$");
        return list.stream().collect(java.util.stream.Collectors.toMap(m -> (String) m.get("channel"),
                m -> (String) m.get("outcome")));
    }
}
