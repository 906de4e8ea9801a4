package org.meridian.incentive;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.TestUsers;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A hospital of its own for one incentive test, driven through the public API only: channels, a scheme, events,
 * evaluations run and published, rules, statements. Its users: a channel office ({@link #office}), a second one,
 * two hospital managers and an analyst.
 */
final class Hospital4Incentives {

    /** One indicator, referral volume, scored linearly from 0 (0 referrals) to 100 (10 or more): total = 10 × n. */
    static final String SCHEME = """
            {"indicators": [{"code": "REFERRAL_VOLUME", "weight": 100,
                             "scoring": {"method": "LINEAR", "zero": 0, "full": 10}}],
             "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""";

    final MockMvc mvc;
    final JsonMapper json;
    final TestUsers users;
    final Hospital hospital;
    final String office;
    final String office2;
    final String manager;
    final String manager2;
    final String analyst;
    private int events;

    Hospital4Incentives(MockMvc mvc, JsonMapper json, TestUsers users, Hospitals hospitals) {
        this.mvc = mvc;
        this.json = json;
        this.users = users;
        String code = "INC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        this.hospital = hospitals.create(code, "激励联调医院 " + code, ZoneId.of("Asia/Shanghai"));
        this.office = users.create(hospital.id(), Role.CHANNEL_MANAGER, null);
        this.office2 = users.create(hospital.id(), Role.CHANNEL_MANAGER, null);
        this.manager = users.create(hospital.id(), Role.HOSPITAL_MANAGER, null);
        this.manager2 = users.create(hospital.id(), Role.HOSPITAL_MANAGER, null);
        this.analyst = users.create(hospital.id(), Role.ANALYST, null);
    }

    ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, TestUsers.PASSWORD)).accept(MediaType.APPLICATION_JSON));
    }

    ResultActions asInEnglish(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, TestUsers.PASSWORD)).accept(MediaType.APPLICATION_JSON)
                .cookie(new Cookie("meridian-lang", "en")));
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    long channel(String code, String type) throws Exception {
        return read(as(office, json(post("/api/v1/channels"),
                "{\"code\": \"" + code + "\", \"name\": \"渠道 " + code + "\", \"type\": \"" + type + "\"}"))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    void scheme(String unitType) throws Exception {
        as(office, json(put("/api/v1/schemes/" + unitType), SCHEME)).andExpect(status().isOk());
    }

    long rule(String body) throws Exception {
        return read(as(office, json(post("/api/v1/incentive-rules"), body)).andExpect(status().isCreated()))
                .get("id").asLong();
    }

    /** {@code n} referrals of the channel on the given local date (noon, Shanghai), each with its own referral id. */
    void referrals(String channel, String date, int n) throws Exception {
        send(channel, "REFERRAL", date, n);
    }

    void arrivals(String channel, String date, int n) throws Exception {
        send(channel, "ARRIVED", date, n);
    }

    private void send(String channel, String type, String date, int n) throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int seq = ++events;
            rows.add("{\"eventId\": \"ev-" + seq + "\", \"type\": \"" + type + "\", \"channel\": \"" + channel
                    + "\", \"occurredAt\": \"" + date + "T12:00:00+08:00\""
                    + ("REFERRAL".equals(type) ? ", \"referralId\": \"R-" + seq + "\"" : "") + "}");
        }
        as(office, json(post("/api/v1/events"), "[" + String.join(",", rows) + "]")).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(n));
    }

    /** Runs (period, unit type) and publishes it; the statements are drafted on publication. */
    long publish(String period, String unitType) throws Exception {
        long id = read(as(office, json(post("/api/v1/evaluations"),
                "{\"period\": \"" + period + "\", \"unitType\": \"" + unitType + "\"}")).andExpect(status().isOk()))
                .get("id").asLong();
        as(office, post("/api/v1/evaluations/" + id + "/publish")).andExpect(status().isOk());
        return id;
    }

    static BigDecimal sumOfLines(JsonNode statement) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : statement.get("lines")) {
            sum = sum.add(line.get("amount").decimalValue());
        }
        return sum;
    }

    static JsonNode line(JsonNode statement, String ruleCode) {
        for (JsonNode line : statement.get("lines")) {
            JsonNode code = line.path("ruleCode");
            if (!code.isNull() && !code.isMissingNode() && ruleCode.equals(code.asString())) {
                return line;
            }
        }
        throw new AssertionError("no line of " + ruleCode + " in " + statement);
    }
}
