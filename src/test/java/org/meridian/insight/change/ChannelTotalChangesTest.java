package org.meridian.insight.change;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.MonthEvents;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The average total score and a channel's total explained by its indicators, worked out by hand. Scheme of the
 * community channels: REFERRAL_VOLUME weight 20, LINEAR 0→20 (score 5 × referrals); ARRIVAL_RATE weight 10, LINEAR
 * 50→100 (score 2 × (rate − 50)); total = (20·s₁ + 10·s₂) / 30.
 * <pre>
 *              referrals/arrivals   s₁   rate     s₂       total
 * 2026-11 TA        10 / 8          50    80      60       (1000 + 600) / 30 = 53.3333
 *         TB        16 / 12         80    75      50       (1600 + 500) / 30 = 70
 * 2026-12 TA        14 / 13         70  92.857  85.714     (1400 + 857.14) / 30 = 75.2381
 *         TB        16 / 12         80    75      50       70
 *         TC (new)   4 / 3          20    75      50       (400 + 500) / 30 = 30
 * </pre>
 * TC is registered after November's evaluation ran, so it is only in December's. Mean: November (53.3333 + 70) / 2 =
 * 61.6667, December (75.2381 + 70 + 30) / 3 = 58.4127; change −3.2540, 3.2540 / 61.6667 = −5.3 %. Contributions
 * (n = 3, old mean 61.6667): TA (75.2381 − 53.3333) / 3 = +7.3016; TB 0 (left out); TC, new, (30 − 61.6667) / 3 =
 * −10.5556; sum −3.2540. TC moved more than the total, the same way: the others offset part of it.
 * <p>TA's total 53.33 → 75.24, +21.90: REFERRAL_VOLUME 20·50/30 = 33.3333 → 20·70/30 = 46.6667, +13.3333;
 * ARRIVAL_RATE 10·60/30 = 20 → 10·85.714/30 = 28.5714, +8.5714; 13.3333 + 8.5714 = 21.9048.
 */
@MeridianTest
public class ChannelTotalChangesTest {

    public static final String SCHEME = """
            {"indicators": [
               {"code": "REFERRAL_VOLUME", "weight": 20, "scoring": {"method": "LINEAR", "zero": 0, "full": 20}},
               {"code": "ARRIVAL_RATE", "weight": 10, "scoring": {"method": "LINEAR", "zero": 50, "full": 100}}
             ],
             "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    Hospitals hospitals;
    @Autowired
    UserDetailsService accounts;

    private long tb;

    private TestHospital published() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        h.scheme("COMMUNITY_HEALTH", SCHEME);
        h.channel("TA", "城东甲", "COMMUNITY_HEALTH", "ACTIVE", null);
        tb = h.channel("TB", "健康乙", "COMMUNITY_HEALTH", "ACTIVE", null);
        List<String> e = new ArrayList<>();
        MonthEvents.add(e, "TA", "2026-11", 10, 8);
        MonthEvents.add(e, "TB", "2026-11", 16, 12);
        h.events("[" + String.join(",", e) + "]", e.size());
        h.publish(h.run("2026-11", "COMMUNITY_HEALTH"));
        h.channel("TC", "县乡丙", "COMMUNITY_HEALTH", "ACTIVE", null);
        e.clear();
        MonthEvents.add(e, "TA", "2026-12", 14, 13);
        MonthEvents.add(e, "TB", "2026-12", 16, 12);
        MonthEvents.add(e, "TC", "2026-12", 4, 3);
        h.events("[" + String.join(",", e) + "]", e.size());
        h.publish(h.run("2026-12", "COMMUNITY_HEALTH"));
        return h;
    }

    private static String at(String basis) {
        return "$.comparisons[?(@.measure == 'AVERAGE_TOTAL' && @.basis == '" + basis + "')]";
    }

    private static String total(String basis) {
        return "$.total.changes[?(@.basis == '" + basis + "')]";
    }

    @Test
    void theAverageTotalIsSplitIntoChannelsAndAChannelsTotalIntoIndicators() throws Exception {
        TestHospital h = published();
        h.as(h.analyst, get("/api/v1/insight/changes?month=2026-12&channel=TA")).andExpect(status().isOk())
                .andExpect(jsonPath(at("MONTH_BEFORE") + ".current").value(contains(closeTo(58.4127, 0.0001))))
                .andExpect(jsonPath(at("MONTH_BEFORE") + ".change").value(contains(closeTo(-3.2540, 0.0001))))
                .andExpect(jsonPath(at("MONTH_BEFORE") + ".contributors[*].channel").value(contains("TC", "TA")))
                .andExpect(jsonPath(at("MONTH_BEFORE") + ".contributors[*].change")
                        .value(contains(closeTo(-10.5556, 0.0001), closeTo(7.3016, 0.0001))))
                .andExpect(jsonPath(at("MONTH_BEFORE") + ".sentences[*]").value(contains(
                        "2026 年 12 月平均总分为 58.41 分，比上月减少 3.25 分（−5.3%）。",
                        "变动最大的是县乡丙（−10.56 分），其他渠道合计抵消了其中一部分。")))
                .andExpect(jsonPath(at("YEAR_BEFORE") + ".sentences[*]").value(contains(
                        "2026 年 12 月平均总分为 58.41 分；去年同月没有数据，无法比较。")))
                .andExpect(jsonPath("$.total.channel").value("TA"))
                .andExpect(jsonPath(total("MONTH_BEFORE") + ".change").value(contains(closeTo(21.9048, 0.0001))))
                .andExpect(jsonPath(total("MONTH_BEFORE") + ".indicators[*].code")
                        .value(contains("REFERRAL_VOLUME", "ARRIVAL_RATE")))
                .andExpect(jsonPath(total("MONTH_BEFORE") + ".indicators[*].change")
                        .value(contains(closeTo(13.3333, 0.0001), closeTo(8.5714, 0.0001))))
                .andExpect(jsonPath(total("MONTH_BEFORE") + ".sentences[*]").value(contains(
                        "2026 年 12 月城东甲的总分为 75.24 分，比上月提高 21.9 分。",
                        "变动最大的指标是转诊量（+13.33 分）。")))
                .andExpect(jsonPath(total("YEAR_BEFORE") + ".indicators[*]").value(empty()))
                .andExpect(jsonPath(total("YEAR_BEFORE") + ".sentences[*]").value(contains(
                        "2026 年 12 月城东甲的总分为 75.24 分；去年同月没有已发布评估的总分，无法比较。")));
        h.as(h.analyst, get("/api/v1/insight/changes?month=2026-12&channel=TA&lang=en"))
                .andExpect(jsonPath(at("MONTH_BEFORE") + ".sentences[*]").value(contains(
                        "In December 2026, the average total score came to 58.41 points, down 3.25 points (−5.3%) on the month before.",
                        "The largest contribution came from 县乡丙 (−10.56 points); the other channels together offset part of it.")))
                .andExpect(jsonPath(total("MONTH_BEFORE") + ".sentences[*]").value(contains(
                        "In December 2026, the total of 城东甲 was 75.24 points, up 21.9 points on the month before.",
                        "The indicator that moved it most was Referral volume (+13.33 points).")));
        // the page: the average's contributors link to a channel's indicators
        page(h.analyst, "/insight/changes?month=2026-12&measure=AVERAGE_TOTAL&channel=TA")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("explain-total-TC")))
                .andExpect(content().string(containsString("move-MONTH_BEFORE-REFERRAL_VOLUME")))
                .andExpect(content().string(containsString("+13.33 分")));
        // the channel's own page (渠道详情) tells the same: December against November and the indicators, largest first
        page(h.analyst, "/channels/TA").andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"channel-total-change\"")))
                .andExpect(content().string(containsString(
                        "2026 年 12 月城东甲的总分为 75.24 分，比上月提高 21.9 分。变动最大的指标是转诊量（+13.33 分）。")))
                .andExpect(content().string(containsString("<dt>转诊量</dt><dd>+13.33 分</dd>")))
                .andExpect(content().string(containsString("<dt>到诊率</dt><dd>+8.57 分</dd>")))
                .andExpect(content().string(containsString(
                        "/insight/changes?month=2026-12&amp;measure=AVERAGE_TOTAL&amp;channel=TA#indicators")));
        page(h.analyst, "/insight/changes?month=2026-12&channel=NOPE").andExpect(status().isOk())
                .andExpect(content().string(containsString("找不到渠道 NOPE")));
        h.as(h.analyst, get("/api/v1/insight/changes?month=2026-12&channel=NOPE")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:meridian:insight:channel-not-found"));
    }

    @Test
    void aChannelsUserReadsItsOwnTotalOnly() throws Exception {
        TestHospital h = published();
        String own = h.channelUser(tb);
        // TB: 70 in both months, every indicator the same: "the same", no indicator named
        h.as(own, get("/api/v1/insight/changes?month=2026-12")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total.channel").value("TB"))
                .andExpect(jsonPath(total("MONTH_BEFORE") + ".indicators[*]").value(empty()))
                .andExpect(jsonPath(total("MONTH_BEFORE") + ".sentences[*]").value(contains(
                        "2026 年 12 月健康乙的总分为 70 分，与上月持平。")))
                .andExpect(jsonPath(at("MONTH_BEFORE") + ".contributors[*]").value(empty()))
                .andExpect(jsonPath(at("MONTH_BEFORE") + ".sentences[*]").value(contains(
                        "2026 年 12 月平均总分为 70 分，与上月持平。")));
        h.as(own, get("/api/v1/insight/changes?month=2026-12&channel=TA")).andExpect(jsonPath("$.total.channel").value("TB"));
        page(own, "/insight/changes?month=2026-12&channel=TA").andExpect(status().isOk())
                .andExpect(content().string(containsString("没有指标发生变化")))
                .andExpect(content().string(not(containsString("城东甲"))))
                .andExpect(content().string(not(containsString("县乡丙"))));
        // its workbench says why its total moved (here: it did not)
        page(own, "/").andExpect(status().isOk())
                .andExpect(content().string(containsString("why-total-changed")))
                .andExpect(content().string(containsString("2026 年 12 月健康乙的总分为 70 分，与上月持平。")));
    }

    private ResultActions page(String username, String url) throws Exception {
        return mvc.perform(get(url).with(user(accounts.loadUserByUsername(username))));
    }
}
