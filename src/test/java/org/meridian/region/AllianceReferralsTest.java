package org.meridian.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The alliance's two-way referrals (双向转诊, issue 16 point 4), worked by hand. A region of its own: hospital A leads an
 * alliance with members B and C; hospital D is in the region but no member. Each hospital reports REFERRAL_OUT events
 * (its channel {@code P}, the receiving institution in {@code attributes.to}); October 2026, Shanghai time.
 * <ul>
 * <li>A → B 6 (downward), A → C 3 (downward), A → D 2 (out of the alliance: neither).</li>
 * <li>B → A 7 (upward) and an 8th that B voids (not counted); B → C 4 (between members: neither).</li>
 * <li>C → A 2 in mid-October, one at 2026-09-30T16:30Z (00:30 on 1 October in Shanghai: October) and one at
 * 2026-09-30T15:59Z (23:59 on 30 September: not October): 3 upward.</li>
 * </ul>
 * Upward 7 + 3 = 10, downward 6 + 3 = 9, downward share 9 / (10 + 9) = 0.4736842… → 0.473684, shown 47.4 %.
 * B: upward 7, 7 / 10 = 0.700000 (70.0 %); downward 6, 6 / 9 = 0.666667 (66.7 %). C: 3 up and 3 down, each from 1 to 4,
 * below the threshold of 5: hidden, and their shares too. The lead's row has no referral figures of its own.
 */
@MeridianTest
class AllianceReferralsTest {

    @Autowired TestRegions regions;
    @Autowired JdbcClient jdbc;

    TestRegion r;
    TestHospital c;
    TestHospital d;
    String code;

    @BeforeEach
    void region() throws Exception {
        r = regions.create();
        c = r.join();
        d = r.join();
        for (TestHospital h : List.of(r.a, r.b, c, d)) {
            h.channel("P", "ALLIANCE_MEMBER", null, null);
        }
        code = r.alliance("转诊医联体", a(), r.b.hospital.code(), c.hospital.code());
    }

    private String a() {
        return r.a.hospital.code();
    }

    private static String out(String id, String to, String at) {
        return TestHospital.event(id, "REFERRAL_OUT", "P", at, ", \"attributes\": {\"to\": \"" + to + "\"}");
    }

    private static String outs(String prefix, String to, int n) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(out(prefix + i + "-" + UUID.randomUUID(), to, "2026-10-%02dT09:00:00+08:00".formatted(10 + i)));
        }
        return String.join(",", rows);
    }

    private void send() throws Exception {
        String b = r.b.hospital.code();
        String cc = c.hospital.code();
        r.a.events("[" + outs("ab", b, 6) + "," + outs("ac", cc, 3) + "," + outs("ad", d.hospital.code(), 2) + "]", 11);
        r.b.events("[" + outs("ba", a(), 7) + "," + out("ba-voided", a(), "2026-10-20T09:00:00+08:00") + ","
                + outs("bc", cc, 4) + "]", 12);
        r.b.as(r.b.office, delete("/api/v1/events/ba-voided?reason=sent twice")).andExpect(status().isNoContent());
        c.events("[" + outs("ca-" + UUID.randomUUID(), a(), 2) + ","
                + out("ca-first-" + UUID.randomUUID(), a(), "2026-09-30T16:30:00Z") + ","
                + out("ca-before-" + UUID.randomUUID(), a(), "2026-09-30T15:59:00Z") + "]", 4);
    }

    @Test
    void upwardAndDownwardReferralsTheDownwardShareAndEachMembersPart() throws Exception {
        send();
        String html = regions.page(r.regulator, "/region/alliances/" + code + "?period=2026-10");
        assertThat(AllianceReportTest.text(html, "id=\"alliance-referrals\"", "</dl>"))
                .contains("上转人次（成员 → 牵头机构） 10", "下转人次（牵头机构 → 成员） 9", "下转占比 47.4 %");
        assertThat(AllianceReportTest.text(html, "data-member=\"" + r.b.hospital.code() + "\"", "</tr>"))
                .endsWith("7 70.0 % 6 66.7 % 未报 ");
        assertThat(AllianceReportTest.text(html, "data-member=\"" + c.hospital.code() + "\"", "</tr>"))
                .endsWith("少于 5，不显示 — 少于 5，不显示 — 未报 ");
        assertThat(AllianceReportTest.text(html, "data-member=\"" + a() + "\"", "</tr>")).contains("牵头（见上方合计）");
        // no member reported visits: the primary-care visit share says so in words, never 0
        assertThat(AllianceReportTest.text(html, "id=\"alliance-primary-care\"", "</dl>"))
                .contains("基层诊疗量占比 无数据：").doesNotContain("0.0 %");

        String answer = r.a.as(r.a.analyst, get("/api/v1/alliances/" + code + "/report?period=2026-10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators.upwardReferrals.count").value(10))
                .andExpect(jsonPath("$.indicators.downwardReferrals.count").value(9))
                .andExpect(jsonPath("$.indicators.downwardShare").value(0.473684))
                .andReturn().getResponse().getContentAsString();
        assertThat((List<Object>) JsonPath.read(answer, "$.members[?(@.institution == '" + r.b.hospital.code()
                + "')].upwardShare")).containsExactly(0.7);
        assertThat((List<Object>) JsonPath.read(answer, "$.members[?(@.institution == '" + c.hospital.code()
                + "')].upwardReferrals.hidden")).containsExactly(true);
        assertThat((List<Object>) JsonPath.read(answer, "$.members[?(@.institution == '" + c.hospital.code()
                + "')].upwardReferrals.count")).containsExactly((Object) null);

        // September holds only C's referral of 23:59 on the 30th: 1 upward, hidden; no share
        r.a.as(r.a.analyst, get("/api/v1/alliances/" + code + "/report?period=2026-09")).andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators.upwardReferrals.hidden").value(true))
                .andExpect(jsonPath("$.indicators.downwardReferrals.count").value(0))
                .andExpect(jsonPath("$.indicators.downwardShare").doesNotExist());
    }

    @Test
    void theWorkbookHasTheReferralsToo() throws Exception {
        send();
        byte[] xlsx = regions.download(r.regulator, "/region/alliances/" + code + "/report.xlsx?period=2026-10");
        List<List<String>> rows = AllianceReportTest.rows(xlsx);
        assertThat(rows.get(4)).containsSequence("上转人次（成员 → 牵头机构）", "10");
        assertThat(rows.get(5)).containsSequence("下转人次（牵头机构 → 成员）", "9");
        assertThat(rows.get(6)).containsSequence("下转占比", "0.473684");
        List<String> b = rows.stream().filter(x -> !x.isEmpty() && r.b.hospital.code().equals(x.get(0)))
                .findFirst().orElseThrow();
        assertThat(b.subList(11, 15)).containsExactly("7", "0.700000", "6", "0.666667");
    }

    @Test
    void aReferralOutMustNameAnInstitutionOfTheRegionAndNothingAcceptedIsLost() throws Exception {
        TestRegion other = regions.create();
        String body = "[" + String.join(",",
                TestHospital.event("x-none-" + UUID.randomUUID(), "REFERRAL_OUT", "P", "2026-10-10T09:00:00+08:00", ""),
                out("x-unknown-" + UUID.randomUUID(), "NOPE", "2026-10-10T09:00:00+08:00"),
                out("x-other-" + UUID.randomUUID(), other.a.hospital.code(), "2026-10-10T09:00:00+08:00"),
                out("x-self-" + UUID.randomUUID(), a(), "2026-10-10T09:00:00+08:00"),
                TestHospital.event("x-from-" + UUID.randomUUID(), "REFERRAL_OUT", "P", "2026-10-10T09:00:00+08:00",
                        ", \"attributes\": {\"to\": \"" + r.b.hospital.code() + "\", \"from\": \""
                                + r.b.hospital.code() + "\"}"),
                out("x-good-" + UUID.randomUUID(), r.b.hospital.code(), "2026-10-10T09:00:00+08:00")) + "]";
        String answer = r.a.as(r.a.office, json(post("/api/v1/events?lang=en"), body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected.length()").value(5))
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("attributes.to (the receiving institution) is required for REFERRAL_OUT",
                "attributes.to 'NOPE' names no institution of the region",
                "attributes.to '" + other.a.hospital.code() + "' names no institution of the region",
                "attributes.to '" + a() + "' is the referring institution itself",
                "attributes.from '" + r.b.hospital.code() + "' is not one of this hospital's institutions");
        // the good row counts as a downward referral
        r.a.as(r.a.analyst, get("/api/v1/alliances/" + code + "/report?period=2026-10")).andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators.downwardReferrals.hidden").value(true));
        // and as the channel's measure referrals_out
        assertThat(jdbc.sql("SELECT sum(referrals_out) FROM intake_daily_rollup WHERE hospital_id = :h")
                .param("h", r.a.hospital.id()).query(Long.class).single()).isEqualTo(1L);
    }
}
