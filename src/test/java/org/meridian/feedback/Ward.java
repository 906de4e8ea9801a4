package org.meridian.feedback;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A hospital of its own for one test, with three referral institutions whose September 2026 results are easy to
 * compute by hand, everything through the API. Scheme (weights 40/30/10/20, all linear):
 * <pre>
 * channel  referrals arrivals complaints surveys(4–5 of n) | volume arrival complaint satisfaction | total
 * FA       10        10       0          2 of 2            | 100    100     100       100          | 100.00
 * FB        5         3       1          1 of 2            |  50     20       0        50          |  36.00
 * FC        8         6       0          1 of 2            |  80     50     100        50          |  67.00
 * </pre>
 * Volume: 0 → 0, 10 → 100. Arrival rate: 50 % → 0, 100 % → 100 (FB 60 % → 20, FC 75 % → 50). Complaints per
 * thousand arrivals: 200 → 0, 0 → 100 (FB 333 → 0). Satisfaction (% of surveys of 4 or 5): 0 → 0, 100 → 100.
 */
final class Ward {

    static final String SCHEME = """
            {"indicators": [
               {"code": "REFERRAL_VOLUME", "weight": 40, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}},
               {"code": "ARRIVAL_RATE", "weight": 30, "scoring": {"method": "LINEAR", "zero": 50, "full": 100}},
               {"code": "COMPLAINT_RATE", "weight": 10, "scoring": {"method": "LINEAR", "zero": 200, "full": 0}},
               {"code": "SATISFACTION", "weight": 20, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}}
             ],
             "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""";

    final MockMvc mvc;
    final TestUsers users;
    final Hospital hospital;
    final String office;
    final String prefix;
    final Map<String, Long> channels = new LinkedHashMap<>();

    Ward(MockMvc mvc, TestUsers users, Hospitals hospitals) throws Exception {
        this.mvc = mvc;
        this.users = users;
        String code = "FB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        this.prefix = code.substring(3, 7);
        this.hospital = hospitals.create(code, "反馈测试医院 " + code, ZoneId.of("Asia/Shanghai"));
        this.office = users.create(hospital.id(), Role.CHANNEL_MANAGER, null);
        for (String ch : List.of("FA", "FB", "FC")) {
            channels.put(ch, channel(ch));
        }
        as(office, json(put("/api/v1/schemes/REFERRAL_INSTITUTION"), SCHEME)).andExpect(status().isOk());
    }

    String user(Role role) {
        return users.create(hospital.id(), role, null);
    }

    String channelUser(String channel) {
        return users.create(hospital.id(), Role.CHANNEL_USER, channels.get(channel));
    }

    ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, TestUsers.PASSWORD)));
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private long channel(String code) throws Exception {
        String answer = as(office, json(post("/api/v1/channels"), "{\"code\": \"" + code + "\", \"name\": \"康桥转诊中心 "
                + code + "\", \"type\": \"REFERRAL_INSTITUTION\", \"region\": \"杭州市/西湖区\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    /** Sends the September events of the table above. */
    void septemberEvents() throws Exception {
        List<String> events = new ArrayList<>();
        int[][] counts = {{10, 10, 0, 2, 0}, {5, 3, 1, 1, 1}, {8, 6, 0, 1, 1}}; // referrals, arrivals, complaints, good, poor surveys
        String[] codes = {"FA", "FB", "FC"};
        for (int c = 0; c < 3; c++) {
            String ch = codes[c];
            int[] n = counts[c];
            for (int i = 0; i < n[0]; i++) {
                events.add(event(ch + "r" + i, "REFERRAL", ch, "2026-09-0" + (1 + i % 9), ", \"referralId\": \"" + ch + i + "\""));
            }
            for (int i = 0; i < n[1]; i++) {
                events.add(event(ch + "a" + i, "ARRIVED", ch, "2026-09-1" + (i % 9), ""));
            }
            for (int i = 0; i < n[2]; i++) {
                events.add(event(ch + "c" + i, "COMPLAINT", ch, "2026-09-20", ""));
            }
            for (int i = 0; i < n[3]; i++) {
                events.add(event(ch + "g" + i, "SURVEY", ch, "2026-09-21", ", \"value\": 5"));
            }
            for (int i = 0; i < n[4]; i++) {
                events.add(event(ch + "p" + i, "SURVEY", ch, "2026-09-22", ", \"value\": 2"));
            }
        }
        as(office, json(post("/api/v1/events"), "[" + String.join(",", events) + "]")).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(events.size()));
    }

    private String event(String id, String type, String channel, String day, String extra) {
        return "{\"eventId\": \"" + prefix + id + "\", \"type\": \"" + type + "\", \"channel\": \"" + channel
                + "\", \"occurredAt\": \"" + day + "T10:00:00+08:00\"" + extra + "}";
    }

    /** Runs (period, REFERRAL_INSTITUTION) and returns the evaluation's id. */
    long run(String period) throws Exception {
        String answer = as(office, json(post("/api/v1/evaluations"),
                "{\"period\": \"" + period + "\", \"unitType\": \"REFERRAL_INSTITUTION\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    void publish(long evaluationId) throws Exception {
        as(office, post("/api/v1/evaluations/" + evaluationId + "/publish")).andExpect(status().isOk());
    }

    /** August published (no events), then September with the events above, published; returns September's id. */
    long publishedSeptember() throws Exception {
        publish(run("2026-08"));
        septemberEvents();
        long id = run("2026-09");
        publish(id);
        return id;
    }
}
