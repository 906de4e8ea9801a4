package org.meridian.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The evaluation calls of api.md as an integrating script and the people of each role see them. */
@MeridianTest
class EvaluationApiTest {

    static final String VOLUME_SCHEME = """
            {"indicators": [
               {"code": "REFERRAL_VOLUME", "weight": 20, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}},
               {"code": "ARRIVAL_RATE", "weight": 10, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}}
             ],
             "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired AuditLog audit;

    TestHospital clinic() {
        return new TestHospital(mvc, users, hospitals);
    }

    static String referrals(String channel, String prefix, int n, String day) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(b.isEmpty() ? "" : ",").append("{\"eventId\": \"").append(prefix).append(i)
                    .append("\", \"type\": \"REFERRAL\", \"channel\": \"").append(channel)
                    .append("\", \"occurredAt\": \"").append(day).append("T10:00:00+08:00\", \"referralId\": \"")
                    .append(prefix).append("R").append(i).append("\"}");
        }
        return b.toString();
    }

    static String arrivals(String channel, String prefix, int n, String day) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(b.isEmpty() ? "" : ",").append("{\"eventId\": \"").append(prefix).append(i)
                    .append("\", \"type\": \"ARRIVED\", \"channel\": \"").append(channel)
                    .append("\", \"occurredAt\": \"").append(day).append("T15:00:00+08:00\"}");
        }
        return b.toString();
    }

    @Test
    void aUnitTypeWithoutASchemeIsAConflictThatSaysSo() throws Exception {
        TestHospital c = clinic();
        c.channel("C1", "HEALTH_PLATFORM", null, null);
        c.as(c.office, json(post("/api/v1/evaluations"), "{\"period\": \"2026-09\", \"unitType\": \"HEALTH_PLATFORM\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("no scheme for unit type HEALTH_PLATFORM")));
        c.as(c.analyst, get("/api/v1/evaluations")).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void badPeriodAndUnitTypeAreListedTogether() throws Exception {
        TestHospital c = clinic();
        for (String bad : List.of("2026-13", "2026-Q5", "abc")) {
            c.as(c.office, json(post("/api/v1/evaluations"), "{\"period\": \"" + bad + "\", \"unitType\": \"SPACESHIP\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("period", "unitType")))
                    .andExpect(jsonPath("$.errors[0].message", containsString(bad)));
        }
        c.as(c.office, json(post("/api/v1/evaluations"), "{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("period", "unitType")));
        c.as(c.analyst, get("/api/v1/evaluations").param("period", "2026-H3").param("unitType", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("period", "unitType")));
        c.as(c.analyst, get("/api/v1/evaluations").param("size", "0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        c.as(c.analyst, get("/api/v1/evaluations")).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void runRerunPublishAndANewVersionThatLeavesThePublishedOneAsItWas() throws Exception {
        TestHospital c = clinic();
        c.channel("X1", "EXAM_CENTER", null, null);
        c.channel("X2", "EXAM_CENTER", "PILOT", null);
        c.channel("X3", "EXAM_CENTER", "PROSPECT", null); // not evaluable
        c.channel("Y1", "COMMUNITY_HEALTH", null, null); // another type
        c.scheme("EXAM_CENTER", VOLUME_SCHEME);
        c.events("[" + referrals("X1", "a", 5, "2026-09-10") + "," + arrivals("X1", "b", 4, "2026-09-11") + "]", 9);

        String first = c.as(c.office, json(post("/api/v1/evaluations"),
                        "{\"period\": \"2026-09\", \"unitType\": \"EXAM_CENTER\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period").value("2026-09"))
                .andExpect(jsonPath("$.unitType").value("EXAM_CENTER"))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.ranAt").isNotEmpty())
                .andExpect(jsonPath("$.units").value(2))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(first, "$.id")).longValue();
        // X1: volume 5 → 50, arrival rate 80 → 80; total (20×50 + 10×80) / 30 = 60 → C
        c.as(c.analyst, get("/api/v1/evaluations/" + id + "/scorecards"))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].channel").value("X1"))
                .andExpect(jsonPath("$.items[0].total").value(60.0))
                .andExpect(jsonPath("$.items[0].tier").value("C"))
                .andExpect(jsonPath("$.items[1].channel").value("X2"))
                .andExpect(jsonPath("$.items[1].total").value(0.0))
                .andExpect(jsonPath("$.items[1].coverage").value(closeTo(2.0 / 3)))
                .andExpect(jsonPath("$.items[1].indicators[1].value").doesNotExist())
                .andExpect(jsonPath("$.items[*].channel", hasSize(2)));

        // a re-run of the draft sees the new events, keeps its id and version
        c.events("[" + referrals("X2", "c", 10, "2026-09-30") + "]", 10);
        c.as(c.office, json(post("/api/v1/evaluations"), "{\"period\": \"2026-09\", \"unitType\": \"EXAM_CENTER\"}"))
                .andExpect(jsonPath("$.id").value(id)).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.status").value("DRAFT"));
        c.as(c.analyst, get("/api/v1/evaluations/" + id + "/scorecards"))
                .andExpect(jsonPath("$.items[0].channel").value("X2"))
                .andExpect(jsonPath("$.items[0].rank").value(1));

        c.as(c.office, post("/api/v1/evaluations/" + id + "/publish"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.publishedBy").value(c.office));
        c.as(c.office, post("/api/v1/evaluations/" + id + "/publish"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("already published")));
        String frozen = c.scorecards(c.analyst, id);

        // after publishing: more events and another scheme change nothing in it; a run makes version 2
        c.events("[" + referrals("X1", "d", 5, "2026-09-20") + "]", 5);
        c.scheme("EXAM_CENTER", VOLUME_SCHEME.replace("\"full\": 10}", "\"full\": 40}"));
        long second = c.run("2026-09", "EXAM_CENTER");
        assertThat(second).isNotEqualTo(id);
        assertThat(c.scorecards(c.analyst, id)).isEqualTo(frozen);
        String changed = c.scorecards(c.analyst, second);
        assertThat(changed).isNotEqualTo(frozen);
        // X1 now: 10 referrals → 100 × 10 / 40 = 25; arrival rate 40 → 40; total (500 + 400) / 30 = 30
        assertThat(JsonPath.<List<Number>>read(changed, "$.items[?(@.channel == 'X1')].total").get(0).doubleValue())
                .isEqualTo(30.0);
        c.as(c.analyst, get("/api/v1/evaluations/" + id)).andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.version").value(1));
        c.as(c.analyst, get("/api/v1/evaluations").param("period", "2026-09").param("unitType", "EXAM_CENTER"))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.items[0].version").value(2))
                .andExpect(jsonPath("$.items[0].status").value("DRAFT"))
                .andExpect(jsonPath("$.items[1].version").value(1))
                .andExpect(jsonPath("$.items[1].status").value("PUBLISHED"));
        c.as(c.analyst, get("/api/v1/evaluations").param("period", "2026-Q3"))
                .andExpect(jsonPath("$.total").value(0));

        List<AuditLog.Entry> log = audit.recent(c.hospital.id(), "EVALUATION_", 10);
        assertThat(log).extracting(AuditLog.Entry::action)
                .containsExactly("EVALUATION_RUN", "EVALUATION_PUBLISHED", "EVALUATION_RUN", "EVALUATION_RUN");
        assertThat(log.get(1).actor()).isEqualTo(c.office);
        assertThat(log.get(1).target()).isEqualTo("evaluation " + id);
    }

    @Test
    void scorecardsArePagedInRankOrderWithTheUnratedLast() throws Exception {
        TestHospital c = clinic();
        c.channel("R0", "OTHER", null, null);
        c.channel("R1", "OTHER", null, null);
        c.channel("R2", "OTHER", null, null);
        c.channel("R3", "OTHER", null, null);
        c.scheme("OTHER", """
                {"indicators": [{"code": "ARRIVAL_RATE", "weight": 10, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}}],
                 "tiers": [{"tier": "A", "minTotal": 85}]}""");
        c.events("[" + referrals("R1", "a", 4, "2026-08-01") + "," + arrivals("R1", "b", 1, "2026-08-02") + ","
                + referrals("R2", "c", 2, "2026-08-03") + "," + arrivals("R2", "d", 2, "2026-08-04") + ","
                + referrals("R3", "e", 4, "2026-08-05") + "," + arrivals("R3", "f", 1, "2026-08-06") + "]", 14);
        long id = c.run("2026-08", "OTHER");
        c.as(c.analyst, get("/api/v1/evaluations/" + id + "/scorecards").param("size", "3"))
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.size").value(3))
                .andExpect(jsonPath("$.items[*].channel").value(org.hamcrest.Matchers.contains("R2", "R1", "R3")))
                .andExpect(jsonPath("$.items[*].rank").value(org.hamcrest.Matchers.contains(1, 2, 2)))
                .andExpect(jsonPath("$.items[0].tier").value("A"))
                .andExpect(jsonPath("$.items[1].tier").value("D"))
                .andExpect(jsonPath("$.items[1].total").value(25.0))
                .andExpect(jsonPath("$.items[1].indicators[0].code").value("ARRIVAL_RATE"))
                .andExpect(jsonPath("$.items[1].indicators[0].value").value(25))
                .andExpect(jsonPath("$.items[1].indicators[0].score").value(25))
                .andExpect(jsonPath("$.items[1].indicators[0].weight").value(10))
                .andExpect(jsonPath("$.items[1].indicators[0].peerMedian").value(25));
        String last = c.as(c.analyst, get("/api/v1/evaluations/" + id + "/scorecards").param("size", "3")
                        .param("page", "1"))
                .andExpect(jsonPath("$.items[0].channel").value("R0"))
                .andExpect(jsonPath("$.items[0].tier").value("UNRATED"))
                .andExpect(jsonPath("$.items[0].coverage").value(0))
                .andReturn().getResponse().getContentAsString();
        assertThat(last).contains("\"rank\":null", "\"total\":null", "\"value\":null", "\"score\":null");
        // exactly the fields of api.md (with network.md's unit, dimensions, performance and brand); a channel's
        // scorecard names the channel in both unit and channel
        assertThat(JsonPath.<String>read(last, "$.items[0].unit")).isEqualTo("R0");
        assertThat(JsonPath.<java.util.Map<String, Object>>read(last, "$.items[0]").keySet())
                .containsExactly("unit", "channel", "total", "coverage", "rank", "tier", "indicators", "dimensions",
                        "performance", "brand");
        assertThat(JsonPath.<java.util.Map<String, Object>>read(last, "$.items[0].indicators[0]").keySet())
                .containsExactly("code", "value", "score", "weight", "peerMedian");
    }

    @Test
    void rolesAndTheChannelUsersView() throws Exception {
        TestHospital c = clinic();
        long mine = c.channel("M1", "ALLIANCE_MEMBER", null, null);
        c.channel("M2", "ALLIANCE_MEMBER", null, null);
        c.scheme("ALLIANCE_MEMBER", VOLUME_SCHEME);
        c.events("[" + referrals("M1", "a", 3, "2026-07-01") + "," + referrals("M2", "b", 6, "2026-07-02") + "]", 9);
        String partner = c.channelUser(mine);
        String regulator = c.user(Role.REGULATOR);
        String run = "{\"period\": \"2026-Q3\", \"unitType\": \"ALLIANCE_MEMBER\"}";

        c.as(c.analyst, json(post("/api/v1/evaluations"), run)).andExpect(status().isForbidden());
        c.as(partner, json(post("/api/v1/evaluations"), run)).andExpect(status().isForbidden());
        c.as(regulator, get("/api/v1/evaluations")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/evaluations")).andExpect(status().isUnauthorized());
        long draft = c.run("2026-Q3", "ALLIANCE_MEMBER");
        c.as(c.analyst, post("/api/v1/evaluations/" + draft + "/publish")).andExpect(status().isForbidden());

        // a draft is invisible to the channel
        c.as(partner, get("/api/v1/evaluations")).andExpect(jsonPath("$.total").value(0));
        c.as(partner, get("/api/v1/evaluations/" + draft)).andExpect(status().isNotFound());
        c.as(partner, get("/api/v1/evaluations/" + draft + "/scorecards")).andExpect(status().isNotFound());
        c.as(c.analyst, get("/api/v1/evaluations/" + draft + "/scorecards")).andExpect(jsonPath("$.total").value(2));

        c.as(c.user(Role.HOSPITAL_MANAGER), post("/api/v1/evaluations/" + draft + "/publish"))
                .andExpect(status().isOk());
        c.run("2026-Q3", "ALLIANCE_MEMBER"); // version 2, a draft again
        c.as(partner, get("/api/v1/evaluations")).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(draft));
        // published: only its own channel's scorecard
        c.as(partner, get("/api/v1/evaluations/" + draft + "/scorecards"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].channel").value("M1"))
                .andExpect(jsonPath("$.items[0].rank").value(2));

        // another hospital sees nothing of it
        String stranger = users.create(users.otherHospital().id(), Role.ADMIN, null);
        c.as(stranger, get("/api/v1/evaluations/" + draft)).andExpect(status().isNotFound());
        c.as(stranger, get("/api/v1/evaluations/" + draft + "/scorecards")).andExpect(status().isNotFound());
        c.as(stranger, post("/api/v1/evaluations/" + draft + "/publish")).andExpect(status().isNotFound());
    }

    static org.hamcrest.Matcher<Double> closeTo(double v) {
        return org.hamcrest.Matchers.closeTo(v, 0.0001);
    }
}
