package org.meridian.evaluation;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.TestUsers;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A hospital of its own for one test, so that its channels, schemes and evaluations meet no other test's data,
 * with a channel manager ({@link #office}) and an analyst; everything goes through the API.
 */
final class Clinic {

    final MockMvc mvc;
    final TestUsers users;
    final Hospital hospital;
    final String office;
    final String analyst;

    Clinic(MockMvc mvc, TestUsers users, Hospitals hospitals) {
        this.mvc = mvc;
        this.users = users;
        String code = "EV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        this.hospital = hospitals.create(code, "评估测试医院 " + code, ZoneId.of("Asia/Shanghai"));
        this.office = users.create(hospital.id(), Role.CHANNEL_MANAGER, null);
        this.analyst = users.create(hospital.id(), Role.ANALYST, null);
    }

    String user(Role role) {
        return users.create(hospital.id(), role, null);
    }

    String channelUser(long channelId) {
        return users.create(hospital.id(), Role.CHANNEL_USER, channelId);
    }

    ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, TestUsers.PASSWORD)));
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** Registers a channel through the API and returns its id. */
    long channel(String code, String type, String status, String region) throws Exception {
        String body = "{\"code\": \"" + code + "\", \"name\": \"渠道 " + code + "\", \"type\": \"" + type + "\""
                + (status == null ? "" : ", \"status\": \"" + status + "\"")
                + (region == null ? "" : ", \"region\": \"" + region + "\"") + "}";
        String answer = as(office, json(post("/api/v1/channels"), body)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    void scheme(String unitType, String body) throws Exception {
        as(office, json(put("/api/v1/schemes/" + unitType), body)).andExpect(status().isOk());
    }

    /** Sends events and expects every one accepted. */
    void events(String jsonArray, int expectedAccepted) throws Exception {
        as(office, json(post("/api/v1/events"), jsonArray)).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(expectedAccepted))
                .andExpect(jsonPath("$.rejected.length()").value(0));
    }

    /** Runs (period, unitType) and returns the evaluation's id. */
    long run(String period, String unitType) throws Exception {
        String answer = as(office, json(post("/api/v1/evaluations"),
                "{\"period\": \"" + period + "\", \"unitType\": \"" + unitType + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    String scorecards(String user, long evaluationId) throws Exception {
        return as(user, get("/api/v1/evaluations/" + evaluationId + "/scorecards").param("size", "1000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
