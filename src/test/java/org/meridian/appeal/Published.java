package org.meridian.appeal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A {@link TestHospital} with three exam centres and a published evaluation of 2026-09, made through the API:
 * <ul>
 * <li>A1: 5 referrals, 4 arrivals (ids {@code <prefix>a-arr0..3}) → volume 5 → score 50, arrival rate 80 → 80,
 *     total (20 × 50 + 10 × 80) / 30 = 60 → tier C;</li>
 * <li>A2: 2 referrals, 1 arrival → volume score 20, arrival rate 50, total (400 + 500) / 30 = 30 → tier D;</li>
 * <li>A3: 10 referrals, 9 arrivals → volume 100, arrival rate 90, total (2000 + 900) / 30 = 96.67 → tier A, no
 *     indicator below 60.</li>
 * </ul>
 * People: two channel managers ({@link #office}, {@link #office2}), an analyst, a hospital manager, a regulator and a
 * channel user of A1 and of A2.
 */
public final class Published extends TestHospital {

    public static final String SCHEME = """
            {"indicators": [
               {"code": "REFERRAL_VOLUME", "weight": 20, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}},
               {"code": "ARRIVAL_RATE", "weight": 10, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}}
             ],
             "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""";

    public final String code;
    public final String office2;
    public final String manager;
    public final String regulator;
    public final String userA1;
    public final String userA2;
    public final long evaluationId;

    public Published(MockMvc mvc, TestUsers users, Hospitals hospitals) throws Exception {
        super(mvc, users, hospitals, "AP", "申诉测试医院");
        this.code = hospital.code();
        this.office2 = users.create(hospital.id(), Role.CHANNEL_MANAGER, null);
        this.manager = users.create(hospital.id(), Role.HOSPITAL_MANAGER, null);
        this.regulator = users.create(hospital.id(), Role.REGULATOR, null);
        long a1 = channel("A1");
        long a2 = channel("A2");
        channel("A3");
        this.userA1 = channelUser(a1);
        this.userA2 = channelUser(a2);
        scheme("EXAM_CENTER", SCHEME);
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
        publish(evaluationId);
    }

    public long channel(String channelCode) throws Exception {
        return channel(channelCode, "体检中心 " + channelCode, "EXAM_CENTER", null, null);
    }

    public long run(String period) throws Exception {
        return run(period, "EXAM_CENTER");
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
