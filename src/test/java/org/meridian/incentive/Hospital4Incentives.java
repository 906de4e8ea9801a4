package org.meridian.incentive;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link TestHospital} for one incentive test, driven through the public API only: channels, a scheme, events,
 * evaluations run and published, rules, statements. Its users besides the office and the analyst: a second
 * channel office ({@link #office2}) and two hospital managers.
 */
final class Hospital4Incentives extends TestHospital {

    /** One indicator, referral volume, scored linearly from 0 (0 referrals) to 100 (10 or more): total = 10 × n. */
    static final String SCHEME = """
            {"indicators": [{"code": "REFERRAL_VOLUME", "weight": 100,
                             "scoring": {"method": "LINEAR", "zero": 0, "full": 10}}],
             "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""";

    final JsonMapper json;
    final String office2;
    final String manager;
    final String manager2;
    private int events;

    Hospital4Incentives(MockMvc mvc, JsonMapper json, TestUsers users, Hospitals hospitals) {
        super(mvc, users, hospitals, "INC", "激励联调医院");
        this.json = json;
        this.office2 = users.create(hospital.id(), Role.CHANNEL_MANAGER, null);
        this.manager = users.create(hospital.id(), Role.HOSPITAL_MANAGER, null);
        this.manager2 = users.create(hospital.id(), Role.HOSPITAL_MANAGER, null);
    }

    /** Asks for JSON, as an API client does. */
    @Override
    public ResultActions as(String user, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return super.as(user, request.accept(MediaType.APPLICATION_JSON));
    }

    ResultActions asInEnglish(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, TestUsers.PASSWORD)).accept(MediaType.APPLICATION_JSON)
                .cookie(new Cookie("meridian-lang", "en")));
    }

    JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    long channel(String code, String type) throws Exception {
        return channel(code, type, null, null);
    }

    void scheme(String unitType) throws Exception {
        scheme(unitType, SCHEME);
    }

    /**
     * What most incentive tests start from: the exam centres {@code codes} scored by the one-indicator
     * {@link #SCHEME}, and the incentive rules {@code rules} (their bodies).
     */
    void examCentres(List<String> codes, String... rules) throws Exception {
        for (String code : codes) {
            channel(code, "EXAM_CENTER");
        }
        scheme("EXAM_CENTER");
        for (String rule : rules) {
            rule(rule);
        }
    }

    long rule(String body) throws Exception {
        return read(as(office, json(post("/api/v1/incentive-rules"), body)).andExpect(status().isCreated()))
                .get("id").asLong();
    }

    /** {@code n} referrals of the channel on the given local date (noon, Shanghai), each with its own referral id. */
    void referrals(String channel, String date, int n) throws Exception {
        send(channel, "REFERRAL", date, n);
    }

    /** {@code n} arrivals of the channel on the given local date; their event ids. */
    List<String> arrivals(String channel, String date, int n) throws Exception {
        return send(channel, "ARRIVED", date, n);
    }

    /** Voids an event through the intake API (it stays stored, marked void, and leaves the rollups). */
    void voidEvent(String eventId) throws Exception {
        as(office, delete("/api/v1/events/" + eventId).param("reason", "重复上报")).andExpect(status().isNoContent());
    }

    private List<String> send(String channel, String type, String date, int n) throws Exception {
        List<String> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int seq = ++events;
            ids.add("ev-" + seq);
            rows.add("{\"eventId\": \"ev-" + seq + "\", \"type\": \"" + type + "\", \"channel\": \"" + channel
                    + "\", \"occurredAt\": \"" + date + "T12:00:00+08:00\""
                    + ("REFERRAL".equals(type) ? ", \"referralId\": \"R-" + seq + "\"" : "") + "}");
        }
        as(office, json(post("/api/v1/events"), "[" + String.join(",", rows) + "]")).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(n));
        return ids;
    }

    /** Runs (period, unit type) and publishes it; the statements are drafted on publication. */
    long publish(String period, String unitType) throws Exception {
        long id = run(period, unitType);
        publish(id);
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
