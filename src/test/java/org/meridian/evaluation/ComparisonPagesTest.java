package org.meridian.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two periods side by side: the ranking and one channel's scorecard, with the differences, and as XLSX.
 * Scheme: REFERRAL_VOLUME 10 (LINEAR 0→10), ARRIVAL_RATE 10 (LINEAR 50→100); tiers A 85, B 70, C 55.
 * July: K1 10 referrals 5 arrivals → 100 and 0 → 50.00 (D, 2); K2 4 and 4 → 40 and 100 → 70.00 (B, 1).
 * August: K1 10 and 10 → 100 and 100 → 100.00 (A, 1); K2 2 and 1 → 20 and 0 → 10.00 (D, 2).
 */
@MeridianTest
class ComparisonPagesTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService accounts;

    @Test
    void twoPeriodsSideBySideForTheRankingAndForOneChannel() throws Exception {
        TestHospital clinic = new TestHospital(mvc, users, hospitals);
        clinic.channel("K1", "REFERRAL_INSTITUTION", "ACTIVE", null);
        clinic.channel("K2", "REFERRAL_INSTITUTION", "ACTIVE", null);
        clinic.scheme("REFERRAL_INSTITUTION", """
                {"indicators": [
                   {"code": "REFERRAL_VOLUME", "weight": 10, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}},
                   {"code": "ARRIVAL_RATE", "weight": 10, "scoring": {"method": "LINEAR", "zero": 50, "full": 100}}],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""");
        List<String> events = new ArrayList<>();
        add(events, clinic, "K1", "2026-07", 10, 5);
        add(events, clinic, "K2", "2026-07", 4, 4);
        add(events, clinic, "K1", "2026-08", 10, 10);
        add(events, clinic, "K2", "2026-08", 2, 1);
        clinic.events("[" + String.join(",", events) + "]", events.size());
        long july = clinic.run("2026-07", "REFERRAL_INSTITUTION");
        clinic.as(clinic.office, post("/api/v1/evaluations/" + july + "/publish")).andExpect(status().isOk());
        long august = clinic.run("2026-08", "REFERRAL_INSTITUTION");
        UserDetails analyst = accounts.loadUserByUsername(clinic.analyst);

        // without a first one, the version in force of the period before is taken
        String ranking = mvc.perform(get("/evaluations/compare").param("b", String.valueOf(august)).with(user(analyst)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(ranking).contains("<option value=\"" + july + "\" selected=\"selected\">");
        assertThat(text(ranking, "compare-summary")).isEqualTo("2 家渠道，其中 2 家分级变化。");
        assertThat(cells(ranking, "compare-K1")).containsExactly("K1 渠道 K1", "50.00", "2", "D", "100.00", "1", "A",
                "+50.00", "↑ 1", "D → A 升级");
        assertThat(cells(ranking, "compare-K2")).containsExactly("K2 渠道 K2", "70.00", "1", "B", "10.00", "2", "D",
                "-60.00", "↓ 1", "B → D 降级");

        String channel = mvc.perform(get("/evaluations/compare").param("a", String.valueOf(july))
                        .param("b", String.valueOf(august)).param("channel", "K2").with(user(analyst)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(cells(channel, "headline-0")).containsExactly("70.00", "10.00", "-60.00");
        assertThat(cells(channel, "headline-1")).containsExactly("1", "2", "↓ 1");
        assertThat(cells(channel, "headline-2")).containsExactly("B", "D", "降级");
        assertThat(cells(channel, "compare-line-REFERRAL_VOLUME")).containsExactly("转诊量 人次", "4", "2", "−2",
                "40", "20", "−20", "10", "10");
        assertThat(cells(channel, "compare-line-ARRIVAL_RATE")).containsExactly("到诊率 %", "100", "50", "−50",
                "100", "0", "−100", "10", "10");

        byte[] xlsx = mvc.perform(get("/evaluations/compare").param("a", String.valueOf(july))
                        .param("b", String.valueOf(august)).param("format", "xlsx").with(user(analyst)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            Row k1 = rows.stream().filter(r -> "K1".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(k1.getCellAsNumber(2).orElseThrow()).isEqualByComparingTo("50");
            assertThat(k1.getCellAsNumber(5).orElseThrow()).isEqualByComparingTo("100");
            assertThat(k1.getCellText(7)).isEqualTo("A");
            assertThat(k1.getCellAsNumber(8).orElseThrow()).isEqualByComparingTo("50");
            assertThat(k1.getCellAsNumber(9).orElseThrow()).isEqualByComparingTo("1");
        }
        byte[] one = mvc.perform(get("/evaluations/compare").param("a", String.valueOf(july))
                        .param("b", String.valueOf(august)).param("channel", "K2").param("format", "xlsx")
                        .with(user(analyst)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(one))) {
            Row arrival = wb.getFirstSheet().read().stream().filter(r -> "到诊率".equals(r.getCellText(0)))
                    .findFirst().orElseThrow();
            assertThat(arrival.getCellAsNumber(1).orElseThrow()).isEqualByComparingTo("100");
            assertThat(arrival.getCellAsNumber(2).orElseThrow()).isEqualByComparingTo("50");
            assertThat(arrival.getCellAsNumber(3).orElseThrow()).isEqualByComparingTo("-50");
            assertThat(arrival.getCellAsNumber(6).orElseThrow()).isEqualByComparingTo("-100");
        }
    }

    @Test
    void onlyEvaluationsOfOneUnitTypeCompareAndChannelUsersHaveNoComparisonPage() throws Exception {
        TestHospital clinic = new TestHospital(mvc, users, hospitals);
        long ch = clinic.channel("L1", "OTHER", "ACTIVE", null);
        clinic.channel("L2", "ALLIANCE_MEMBER", "ACTIVE", null);
        String scheme = """
                {"indicators": [{"code": "REFERRAL_VOLUME", "weight": 10, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}}],
                 "tiers": [{"tier": "A", "minTotal": 85}]}""";
        clinic.scheme("OTHER", scheme);
        clinic.scheme("ALLIANCE_MEMBER", scheme);
        long other = clinic.run("2026-06", "OTHER");
        long alliance = clinic.run("2026-07", "ALLIANCE_MEMBER");
        UserDetails analyst = accounts.loadUserByUsername(clinic.analyst);
        String page = mvc.perform(get("/evaluations/compare").param("a", String.valueOf(other))
                        .param("b", String.valueOf(alliance)).with(user(analyst)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(text(page, "compare-problem")).isEqualTo("只能对比同一渠道类型的两次评估。");
        String alone = mvc.perform(get("/evaluations/compare").param("b", String.valueOf(alliance)).with(user(analyst)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(text(alone, "compare-problem")).isEqualTo("上一期间尚无评估：请在“对比期间”中选择一次评估。");
        mvc.perform(get("/evaluations/compare").param("b", String.valueOf(other))
                        .with(user(accounts.loadUserByUsername(clinic.channelUser(ch)))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/evaluations/compare").param("b", String.valueOf(other))
                .with(user(accounts.loadUserByUsername(clinic.user(Role.REGULATOR))))).andExpect(status().isForbidden());
    }

    private static void add(List<String> events, TestHospital clinic, String channel, String month, int referrals,
                            int arrivals) {
        for (int i = 0; i < referrals; i++) {
            events.add(event(channel + month + "r" + i, "REFERRAL", channel, month + "-0" + (1 + i % 9),
                    ", \"referralId\": \"" + clinic.hospital.code() + channel + month + "R" + i + "\""));
        }
        for (int i = 0; i < arrivals; i++) {
            events.add(event(channel + month + "a" + i, "ARRIVED", channel, month + "-1" + (i % 9), ""));
        }
    }

    private static String event(String id, String type, String channel, String day, String extra) {
        return "{\"eventId\": \"" + id + "\", \"type\": \"" + type + "\", \"channel\": \"" + channel
                + "\", \"occurredAt\": \"" + day + "T10:00:00+08:00\"" + extra + "}";
    }

    private static String text(String html, String id) {
        Matcher m = Pattern.compile("<(\\w+)[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL)
                .matcher(html);
        return m.find() ? plain(m.group(2)) : null;
    }

    private static List<String> cells(String html, String rowId) {
        Matcher row = Pattern.compile("<tr[^>]*id=\"" + Pattern.quote(rowId) + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        assertThat(row.find()).as("row " + rowId).isTrue();
        Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
        List<String> cells = new ArrayList<>();
        while (cell.find()) {
            cells.add(plain(cell.group(1)));
        }
        return cells;
    }

    private static String plain(String html) {
        return html.replaceAll("<[^>]+>", " ").replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&")
                .replaceAll("\\s+", " ").strip();
    }
}
