package org.meridian.feedback;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A {@link TestHospital} with three referral institutions whose September 2026 results are easy to
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
final class Ward extends TestHospital {

    static final String SCHEME = """
            {"indicators": [
               {"code": "REFERRAL_VOLUME", "weight": 40, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}},
               {"code": "ARRIVAL_RATE", "weight": 30, "scoring": {"method": "LINEAR", "zero": 50, "full": 100}},
               {"code": "COMPLAINT_RATE", "weight": 10, "scoring": {"method": "LINEAR", "zero": 200, "full": 0}},
               {"code": "SATISFACTION", "weight": 20, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}}
             ],
             "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""";

    final String prefix;
    final Map<String, Long> channels = new LinkedHashMap<>();

    Ward(MockMvc mvc, TestUsers users, Hospitals hospitals) throws Exception {
        super(mvc, users, hospitals, "FB", "反馈测试医院");
        this.prefix = hospital.code().substring(3, 7);
        for (String ch : List.of("FA", "FB", "FC")) {
            channels.put(ch, channel(ch, "康桥转诊中心 " + ch, "REFERRAL_INSTITUTION", null, "杭州市/西湖区"));
        }
        scheme("REFERRAL_INSTITUTION", SCHEME);
    }

    String channelUser(String channel) {
        return channelUser(channels.get(channel));
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
                events.add(september(ch + "r" + i, "REFERRAL", ch, "2026-09-0" + (1 + i % 9), ", \"referralId\": \"" + ch + i + "\""));
            }
            for (int i = 0; i < n[1]; i++) {
                events.add(september(ch + "a" + i, "ARRIVED", ch, "2026-09-1" + (i % 9), ""));
            }
            for (int i = 0; i < n[2]; i++) {
                events.add(september(ch + "c" + i, "COMPLAINT", ch, "2026-09-20", ""));
            }
            for (int i = 0; i < n[3]; i++) {
                events.add(september(ch + "g" + i, "SURVEY", ch, "2026-09-21", ", \"value\": 5"));
            }
            for (int i = 0; i < n[4]; i++) {
                events.add(september(ch + "p" + i, "SURVEY", ch, "2026-09-22", ", \"value\": 2"));
            }
        }
        as(office, json(post("/api/v1/events"), "[" + String.join(",", events) + "]")).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(events.size()));
    }

    /** One event of the table, at 10:00 in Shanghai on the day, its id made unique to this hospital. */
    private String september(String id, String type, String channel, String day, String extra) {
        return TestHospital.event(prefix + id, type, channel, day + "T10:00:00+08:00", extra);
    }

    /** Runs (period, REFERRAL_INSTITUTION) and returns the evaluation's id. */
    long run(String period) throws Exception {
        return run(period, "REFERRAL_INSTITUTION");
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
