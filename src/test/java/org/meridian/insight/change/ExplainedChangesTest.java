package org.meridian.insight.change;

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
import org.meridian.shared.security.Role;
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
 * Explained changes worked out by hand. Today is 2027-01-15 (TestClock), so the latest whole month is 2026-12.
 * <pre>
 *               referrals           arrivals            revenue (元)
 *            2025-12 11月 12月   2025-12 11月 12月   2025-12  11月    12月
 * CA 城东社区     12   10  18       6    5    5       0   12,000  12,000
 * CB 健康平台乙    –    6   3       –    5    3       –        0     500
 * CC 县医院丙     –    4   5       –    2    4       –        0       0
 * hospital       12   20  26       6   12   12       0   12,000  12,500
 * </pre>
 * Against the month before (环比):
 * <ul>
 * <li>referrals 26 − 20 = +6, 6 / 20 = +30.0 %; contributions CA +8 (8/6 = 133.3 %), CB −3 (−50.0 %), CC +1
 *     (16.7 %): +8 − 3 + 1 = +6. CA moved more than the total, so the others offset part of it;</li>
 * <li>arrivals 12 − 12 = 0, flat; CC +2 and CB −2 offset each other (the increase listed first on a tie);</li>
 * <li>revenue 12,500 − 12,000 = +500, 500 / 12,000 = 4.1666… → +4.2 %; all of it from CB (+500).</li>
 * </ul>
 * Against 2025-12 (同比): referrals 26 − 12 = +14, 14 / 12 = 116.67 → +116.7 %; CA +6 (6/14 = 42.9 %), CC +5 (35.7 %),
 * CB +3 (21.4 %); revenue 12,500 − 0 = +12,500 from a base of 0 (no per cent), CA +12,000 (96.0 %), CB +500 (4.0 %).
 */
@MeridianTest
class ExplainedChangesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    Hospitals hospitals;
    @Autowired
    UserDetailsService accounts;

    private long cb;

    private TestHospital threeChannels() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        h.channel("CA", "城东社区", "COMMUNITY_HEALTH", "ACTIVE", null);
        cb = h.channel("CB", "健康平台乙", "HEALTH_PLATFORM", "ACTIVE", null);
        h.channel("CC", "县医院丙", "REFERRAL_INSTITUTION", "ACTIVE", null);
        List<String> e = new ArrayList<>();
        MonthEvents.add(e, "CA", "2025-12", 12, 6);
        MonthEvents.add(e, "CA", "2026-11", 10, 5);
        MonthEvents.add(e, "CB", "2026-11", 6, 5);
        MonthEvents.add(e, "CC", "2026-11", 4, 2);
        MonthEvents.add(e, "CA", "2026-12", 18, 5);
        MonthEvents.add(e, "CB", "2026-12", 3, 3);
        MonthEvents.add(e, "CC", "2026-12", 5, 4);
        e.add(revenue("CA", "2026-11", 12000));
        e.add(revenue("CA", "2026-12", 12000));
        e.add(revenue("CB", "2026-12", 500));
        h.events("[" + String.join(",", e) + "]", e.size());
        return h;
    }

    private static String revenue(String channel, String month, int value) {
        return TestHospital.event(channel + month + "v", "REVENUE", channel, month + "-20T12:00:00+08:00",
                ", \"value\": " + value);
    }

    private static String at(String measure, String basis) {
        return "$.comparisons[?(@.measure == '" + measure + "' && @.basis == '" + basis + "')]";
    }

    @Test
    void theHospitalsChangesAreSplitIntoChannelsAndSaidInChinese() throws Exception {
        TestHospital h = threeChannels();
        h.as(h.analyst, get("/api/v1/insight/changes?month=2026-12")).andExpect(status().isOk())
                .andExpect(jsonPath("$.month").value("2026-12"))
                .andExpect(jsonPath("$.hasData").value(true))
                .andExpect(jsonPath(at("REFERRALS", "MONTH_BEFORE") + ".change").value(contains(6)))
                .andExpect(jsonPath(at("REFERRALS", "MONTH_BEFORE") + ".percent").value(contains(30.0)))
                .andExpect(jsonPath(at("REFERRALS", "MONTH_BEFORE") + ".contributors[*].channel")
                        .value(contains("CA", "CB", "CC")))
                .andExpect(jsonPath(at("REFERRALS", "MONTH_BEFORE") + ".contributors[*].change")
                        .value(contains(8, -3, 1)))
                .andExpect(jsonPath(at("REFERRALS", "MONTH_BEFORE") + ".contributors[*].share")
                        .value(contains(133.3, -50.0, 16.7)))
                .andExpect(jsonPath(at("REFERRALS", "MONTH_BEFORE") + ".sentences[*]").value(contains(
                        "2026 年 12 月转诊量为 26 例，比上月增加 6 例（+30.0%）。",
                        "变动最大的是城东社区（+8 例），其他渠道合计抵消了其中一部分。")))
                .andExpect(jsonPath(at("ARRIVALS", "MONTH_BEFORE") + ".change").value(contains(0)))
                .andExpect(jsonPath(at("ARRIVALS", "MONTH_BEFORE") + ".percent").value(contains(0.0)))
                .andExpect(jsonPath(at("ARRIVALS", "MONTH_BEFORE") + ".contributors[*].channel")
                        .value(contains("CC", "CB")))
                .andExpect(jsonPath(at("ARRIVALS", "MONTH_BEFORE") + ".sentences[*]").value(contains(
                        "2026 年 12 月到诊量为 12 例，与上月持平。",
                        "总量没有变化，但有 2 个渠道有增有减、相互抵消，变动最大的是县医院丙（+2 例）。")))
                .andExpect(jsonPath(at("REVENUE", "MONTH_BEFORE") + ".sentences[*]").value(contains(
                        "2026 年 12 月收入为 12,500 元，比上月增加 500 元（+4.2%）。",
                        "变动全部来自健康平台乙（+500 元）。")))
                .andExpect(jsonPath(at("REFERRALS", "YEAR_BEFORE") + ".baseMonth").value(contains("2025-12")))
                .andExpect(jsonPath(at("REFERRALS", "YEAR_BEFORE") + ".contributors[*].share")
                        .value(contains(42.9, 35.7, 21.4)))
                .andExpect(jsonPath(at("REFERRALS", "YEAR_BEFORE") + ".sentences[*]").value(contains(
                        "2026 年 12 月转诊量为 26 例，比去年同月增加 14 例（+116.7%）。",
                        "变动最大的是城东社区（+6 例，占总变动的 42.9%）。")))
                .andExpect(jsonPath(at("REVENUE", "YEAR_BEFORE") + ".percent").value(contains((Object) null)))
                .andExpect(jsonPath(at("REVENUE", "YEAR_BEFORE") + ".sentences[*]").value(contains(
                        "2026 年 12 月收入为 12,500 元，比去年同月的 0 元 增加 12,500 元。",
                        "变动最大的是城东社区（+12,000 元，占总变动的 96.0%）。")));
    }

    @Test
    void theSameSentencesInEnglish() throws Exception {
        TestHospital h = threeChannels();
        h.as(h.analyst, get("/api/v1/insight/changes?month=2026-12&lang=en")).andExpect(status().isOk())
                .andExpect(jsonPath(at("REFERRALS", "MONTH_BEFORE") + ".sentences[*]").value(contains(
                        "In December 2026, referrals came to 26, up 6 (+30.0%) on the month before.",
                        "The largest contribution came from 城东社区 (+8); the other channels together offset part of it.")))
                .andExpect(jsonPath(at("ARRIVALS", "MONTH_BEFORE") + ".sentences[*]").value(contains(
                        "In December 2026, arrivals came to 12, the same as in the month before.",
                        "The total did not move, but 2 channels went up or down and offset each other; the largest change was 县医院丙 (+2).")))
                .andExpect(jsonPath(at("REVENUE", "MONTH_BEFORE") + ".sentences[*]").value(contains(
                        "In December 2026, revenue came to CNY 12,500, up CNY 500 (+4.2%) on the month before.",
                        "All of the change came from 健康平台乙 (CNY +500).")))
                .andExpect(jsonPath(at("REVENUE", "YEAR_BEFORE") + ".sentences[*]").value(contains(
                        "In December 2026, revenue came to CNY 12,500, up CNY 12,500 from CNY 0 in the same month last year.",
                        "The largest contribution came from 城东社区 (CNY +12,000, 96.0% of the change).")));
    }

    @Test
    void noChangeSaysNoIncreaseAndAMissingYearIsNotCompared() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        h.channel("ZA", "平稳渠道", "COMMUNITY_HEALTH", "ACTIVE", null);
        List<String> e = new ArrayList<>();
        MonthEvents.add(e, "ZA", "2026-10", 7, 3);
        MonthEvents.add(e, "ZA", "2026-11", 7, 3);
        h.events("[" + String.join(",", e) + "]", e.size());
        // 2026-11 against 2026-10: 7 and 7, nothing moved, no channel named; 2025-11 has no data: no comparison
        h.as(h.analyst, get("/api/v1/insight/changes?month=2026-11")).andExpect(status().isOk())
                .andExpect(jsonPath(at("REFERRALS", "MONTH_BEFORE") + ".change").value(contains(0)))
                .andExpect(jsonPath(at("REFERRALS", "MONTH_BEFORE") + ".contributors[*]").value(empty()))
                .andExpect(jsonPath(at("REFERRALS", "MONTH_BEFORE") + ".sentences[*]").value(contains(
                        "2026 年 11 月转诊量为 7 例，与上月持平。")))
                .andExpect(jsonPath(at("REFERRALS", "YEAR_BEFORE") + ".change").value(contains((Object) null)))
                .andExpect(jsonPath(at("REFERRALS", "YEAR_BEFORE") + ".contributors[*]").value(empty()))
                .andExpect(jsonPath(at("REFERRALS", "YEAR_BEFORE") + ".sentences[*]").value(contains(
                        "2026 年 11 月转诊量为 7 例；去年同月没有数据，无法比较。")))
                .andExpect(jsonPath(at("REVENUE", "MONTH_BEFORE") + ".sentences[*]").value(contains(
                        "2026 年 11 月收入为 0 元，与上月持平。")));
        h.as(h.analyst, get("/api/v1/insight/changes?month=2026-11&lang=en"))
                .andExpect(jsonPath(at("ARRIVALS", "YEAR_BEFORE") + ".sentences[*]").value(contains(
                        "In November 2026, arrivals came to 3; there is no data for the same month last year, so there is no comparison.")));
        // 2026-12 has no data: nothing is said but that
        h.as(h.analyst, get("/api/v1/insight/changes?month=2026-12")).andExpect(jsonPath("$.hasData").value(false))
                .andExpect(jsonPath(at("REFERRALS", "MONTH_BEFORE") + ".sentences[*]").value(contains(
                        "2026 年 12 月没有转诊量数据，无法解读。")));
        // the page says the same, and no word of an increase
        page(h.analyst, "/insight/changes?month=2026-11").andExpect(status().isOk())
                .andExpect(content().string(containsString("2026 年 11 月转诊量为 7 例，与上月持平。")))
                .andExpect(content().string(containsString("去年同月没有数据，无法比较")))
                .andExpect(content().string(not(containsString("增加"))));
    }

    @Test
    void aChannelsUserSeesOnlyItsOwnChannel() throws Exception {
        TestHospital h = threeChannels();
        String own = h.channelUser(cb);
        // CB: referrals 3 in 2026-12, 6 in 2026-11: −3, −50.0 %; no other channel is named
        h.as(own, get("/api/v1/insight/changes?month=2026-12")).andExpect(status().isOk())
                .andExpect(jsonPath("$.channel").value("CB"))
                .andExpect(jsonPath(at("REFERRALS", "MONTH_BEFORE") + ".current").value(contains(3)))
                .andExpect(jsonPath(at("REFERRALS", "MONTH_BEFORE") + ".contributors[*]").value(empty()))
                .andExpect(jsonPath(at("REFERRALS", "MONTH_BEFORE") + ".sentences[*]").value(contains(
                        "2026 年 12 月转诊量为 3 例，比上月减少 3 例（−50.0%）。")))
                // CB had no events in 2025-12: no comparison for it
                .andExpect(jsonPath(at("REFERRALS", "YEAR_BEFORE") + ".sentences[*]").value(contains(
                        "2026 年 12 月转诊量为 3 例；去年同月没有数据，无法比较。")));
        page(own, "/insight/changes?month=2026-12").andExpect(status().isOk())
                .andExpect(content().string(containsString("健康平台乙")))
                .andExpect(content().string(not(containsString("城东社区"))))
                .andExpect(content().string(not(containsString("县医院丙"))))
                .andExpect(content().string(not(containsString("contributors-table"))));
        // the referral desk reads none; another hospital's analyst sees its own empty hospital
        String desk = h.user(Role.REFERRAL_DESK);
        h.as(desk, get("/api/v1/insight/changes?month=2026-12")).andExpect(status().isForbidden());
        TestHospital other = new TestHospital(mvc, users, hospitals);
        other.as(other.analyst, get("/api/v1/insight/changes?month=2026-12"))
                .andExpect(jsonPath("$.hasData").value(false))
                .andExpect(jsonPath(at("REFERRALS", "MONTH_BEFORE") + ".contributors[*]").value(empty()));
    }

    @Test
    void aMonthThatIsNoMonthOrNotOverIsRefusedByName() throws Exception {
        TestHospital h = threeChannels();
        h.as(h.analyst, get("/api/v1/insight/changes?month=2027-01&lang=en")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("2026-12")));
        h.as(h.analyst, get("/api/v1/insight/changes?month=12/2026")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
        // without a month: the latest whole month
        h.as(h.analyst, get("/api/v1/insight/changes")).andExpect(jsonPath("$.month").value("2026-12"));
        // the page keeps working, says what was wrong and shows the latest month
        page(h.analyst, "/insight/changes?month=2027-01&measure=VISITS").andExpect(status().isOk())
                .andExpect(content().string(containsString("最晚到 2026-12")))
                .andExpect(content().string(containsString("VISITS")))
                .andExpect(content().string(containsString("2026 年 12 月转诊量为 26 例")));
    }

    @Test
    void theContributorsArePagedAndTheWorkbenchSaysWhy() throws Exception {
        TestHospital h = threeChannels();
        page(h.analyst, "/insight/changes?month=2026-12&measure=REFERRALS&basis=YEAR_BEFORE")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("contributor-CA")))
                .andExpect(content().string(containsString("+6 例")))
                .andExpect(content().string(containsString("+42.9%")));
        page(h.analyst, "/").andExpect(status().isOk())
                .andExpect(content().string(containsString("why-changed")))
                .andExpect(content().string(containsString("2026 年 12 月转诊量为 26 例，比上月增加 6 例（+30.0%）。")));
    }

    private ResultActions page(String username, String url) throws Exception {
        return mvc.perform(get(url).with(user(accounts.loadUserByUsername(username))));
    }
}
