package org.meridian.support;

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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A hospital of its own for one test (time zone Asia/Shanghai), so that its channels, schemes, events and
 * evaluations meet no other test's data and every other hospital's data answers 404. It starts with a channel
 * manager ({@link #office}) and an analyst, and does everything through the public API as a user would. A module
 * whose tests share a scenario (a table of events with results worked out by hand) extends it with that scenario:
 * {@code feedback.Ward}, {@code appeal.Published}, {@code incentive.Hospital4Incentives}.
 */
public class TestHospital {

    public final MockMvc mvc;
    public final TestUsers users;
    public final Hospital hospital;
    public final String office;
    public final String analyst;

    public TestHospital(MockMvc mvc, TestUsers users, Hospitals hospitals) {
        this(mvc, users, hospitals, "EV", "评估测试医院");
    }

    /**
     * @param codePrefix the start of the hospital's code (a random part follows: {@code EV-1A2B3C4D})
     * @param name       the start of its name (its code follows)
     */
    protected TestHospital(MockMvc mvc, TestUsers users, Hospitals hospitals, String codePrefix, String name) {
        this.mvc = mvc;
        this.users = users;
        String code = codePrefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        this.hospital = hospitals.create(code, name + " " + code, ZoneId.of("Asia/Shanghai"));
        this.office = users.create(hospital.id(), Role.CHANNEL_MANAGER, null);
        this.analyst = users.create(hospital.id(), Role.ANALYST, null);
    }

    /** A new user of this hospital with the role. */
    public String user(Role role) {
        return users.create(hospital.id(), role, null);
    }

    /** A new channel user of this hospital, bound to the channel. */
    public String channelUser(long channelId) {
        return users.create(hospital.id(), Role.CHANNEL_USER, channelId);
    }

    /** The request, sent with the user's password (HTTP Basic). */
    public ResultActions as(String user, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, TestUsers.PASSWORD)));
    }

    public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** Registers a channel named {@code 渠道 <code>} through the API and returns its id. */
    public long channel(String code, String type, String status, String region) throws Exception {
        return channel(code, "渠道 " + code, type, status, region);
    }

    /** Registers a channel through the API and returns its id; status and region may be null. */
    public long channel(String code, String name, String type, String status, String region) throws Exception {
        String body = "{\"code\": \"" + code + "\", \"name\": \"" + name + "\", \"type\": \"" + type + "\""
                + (status == null ? "" : ", \"status\": \"" + status + "\"")
                + (region == null ? "" : ", \"region\": \"" + region + "\"") + "}";
        String answer = as(office, json(post("/api/v1/channels"), body)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    /** Saves the scheme of a unit type (the API's JSON) as the channel office. */
    public void scheme(String unitType, String body) throws Exception {
        as(office, json(put("/api/v1/schemes/" + unitType), body)).andExpect(status().isOk());
    }

    /** Sends events and expects every one accepted. */
    public void events(String jsonArray, int expectedAccepted) throws Exception {
        as(office, json(post("/api/v1/events"), jsonArray)).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(expectedAccepted))
                .andExpect(jsonPath("$.rejected.length()").value(0));
    }

    /** One event as the API's JSON; {@code more} is appended inside the object (e.g. {@code , "value": 5}). */
    public static String event(String eventId, String type, String channel, String occurredAt, String more) {
        return "{\"eventId\": \"" + eventId + "\", \"type\": \"" + type + "\", \"channel\": \"" + channel
                + "\", \"occurredAt\": \"" + occurredAt + "\"" + more + "}";
    }

    /** Runs (period, unitType) as the channel office and returns the evaluation's id. */
    public long run(String period, String unitType) throws Exception {
        String answer = as(office, json(post("/api/v1/evaluations"),
                "{\"period\": \"" + period + "\", \"unitType\": \"" + unitType + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    /** Publishes an evaluation as the channel office. */
    public void publish(long evaluationId) throws Exception {
        as(office, post("/api/v1/evaluations/" + evaluationId + "/publish")).andExpect(status().isOk());
    }

    /** Every scorecard of an evaluation, as the user reads them through the API. */
    public String scorecards(String user, long evaluationId) throws Exception {
        return as(user, get("/api/v1/evaluations/" + evaluationId + "/scorecards").param("size", "1000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
