package org.meridian.appeal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
 * A hospital of its own with two exam centres and a published evaluation of 2026-09, made through the API:
 * <ul>
 * <li>A1: 5 referrals, 4 arrivals (ids {@code <prefix>a-arr0..3}) → volume 5 → score 50, arrival rate 80 → 80,
 *     total (20 × 50 + 10 × 80) / 30 = 60 → tier C;</li>
 * <li>A2: 2 referrals, 1 arrival → volume score 20, arrival rate 50, total (400 + 500) / 30 = 30 → tier D;</li>
 * <li>A3: 10 referrals, 9 arrivals → volume 100, arrival rate 90, total (2000 + 900) / 30 = 96.67 → tier A, no
 *     indicator below 60.</li>
 * </ul>
 * People: two channel managers ({@link #office}, {@link #office2}), an analyst, a hospital manager, a regulator and a
 * channel user of each channel.
 */
public final class Published {

    public static final String SCHEME = """
            {"indicators": [
               {"code": "REFERRAL_VOLUME", "weight": 20, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}},
               {"code": "ARRIVAL_RATE", "weight": 10, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}}
             ],
             "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""";

    public final MockMvc mvc;
    public final Hospital hospital;
    public final String code;
    public final String office;
    public final String office2;
    public final String analyst;
    public final String manager;
    public final String regulator;
    public final String userA1;
    public final String userA2;
    public final long evaluationId;

    public Published(MockMvc mvc, TestUsers users, Hospitals hospitals) throws Exception {
        this.mvc = mvc;
        this.code = "AP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        this.hospital = hospitals.create(code, "申诉测试医院 " + code, ZoneId.of("Asia/Shanghai"));
        this.office = users.create(hospital.id(), Role.CHANNEL_MANAGER, null);
        this.office2 = users.create(hospital.id(), Role.CHANNEL_MANAGER, null);
        this.analyst = users.create(hospital.id(), Role.ANALYST, null);
        this.manager = users.create(hospital.id(), Role.HOSPITAL_MANAGER, null);
        this.regulator = users.create(hospital.id(), Role.REGULATOR, null);
        long a1 = channel("A1");
        long a2 = channel("A2");
        channel("A3");
        this.userA1 = users.create(hospital.id(), Role.CHANNEL_USER, a1);
        this.userA2 = users.create(hospital.id(), Role.CHANNEL_USER, a2);
        as(office, json(put("/api/v1/schemes/EXAM_CENTER"), SCHEME)).andExpect(status().isOk());
        List<String> events = new ArrayList<>();
        events.addAll(referrals("A1", "a-ref", 5, "2026-09-10"));
        events.addAll(arrivals("A1", "a-arr", 4, "2026-09-12"));
        events.addAll(referrals("A2", "b-ref", 2, "2026-09-10"));
        events.addAll(arrivals("A2", "b-arr", 1, "2026-09-12"));
        events.addAll(referrals("A3", "c-ref", 10, "2026-09-10"));
        events.addAll(arrivals("A3", "c-arr", 9, "2026-09-12"));
        as(office, json(post("/api/v1/events"), "[" + String.join(",", events) + "]"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(31));
        this.evaluationId = run("2026-09");
        as(office, post("/api/v1/evaluations/" + evaluationId + "/publish")).andExpect(status().isOk());
    }

    public long channel(String channelCode) throws Exception {
        String answer = as(office, json(post("/api/v1/channels"), "{\"code\": \"" + channelCode
                + "\", \"name\": \"体检中心 " + channelCode + "\", \"type\": \"EXAM_CENTER\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    public long run(String period) throws Exception {
        String answer = as(office, json(post("/api/v1/evaluations"),
                "{\"period\": \"" + period + "\", \"unitType\": \"EXAM_CENTER\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    /** An event id made unique to this hospital. */
    public String id(String local) {
        return code + "-" + local;
    }

    public List<String> referrals(String channel, String prefix, int n, String day) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(event(id(prefix + i), "REFERRAL", channel, day + "T10:00:00+08:00",
                    ", \"referralId\": \"" + id(prefix + "R" + i) + "\""));
        }
        return out;
    }

    public List<String> arrivals(String channel, String prefix, int n, String day) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(event(id(prefix + i), "ARRIVED", channel, day + "T15:00:00+08:00", ""));
        }
        return out;
    }

    public static String event(String eventId, String type, String channel, String occurredAt, String more) {
        return "{\"eventId\": \"" + eventId + "\", \"type\": \"" + type + "\", \"channel\": \"" + channel
                + "\", \"occurredAt\": \"" + occurredAt + "\"" + more + "}";
    }

    public ResultActions as(String user, org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, TestUsers.PASSWORD)));
    }

    public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** Files an appeal through the API and returns its id. */
    public long file(String user, String channel, String indicator) throws Exception {
        String answer = as(user, json(post("/api/v1/appeals"), "{\"evaluationId\": " + evaluationId
                + ", \"channel\": \"" + channel + "\", \"indicator\": \"" + indicator
                + "\", \"statement\": \"到诊数少算了一例\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    /** The value of one indicator of one channel in an evaluation, as the analyst reads it. */
    public double value(long evaluation, String channel, String indicator) throws Exception {
        String body = as(analyst, get("/api/v1/evaluations/" + evaluation + "/scorecards")).andReturn().getResponse()
                .getContentAsString();
        List<Number> v = JsonPath.read(body, "$.items[?(@.channel == '" + channel + "')].indicators[?(@.code == '"
                + indicator + "')].value");
        return v.get(0).doubleValue();
    }

    public long appealCount() throws Exception {
        String body = as(analyst, get("/api/v1/appeals")).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.total")).longValue();
    }
}
