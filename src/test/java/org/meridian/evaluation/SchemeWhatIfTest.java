package org.meridian.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.SchemeCatalogue;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The scheme editor's what-if: a past period re-scored under the edited, unsaved scheme next to the scheme in
 * force, from the daily rollups; invalid drafts get the messages saving would give; nothing is saved.
 */
@MeridianTest
class SchemeWhatIfTest {

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired SchemeCatalogue schemes;
    @Autowired UserDetailsService accounts;

    /**
     * Three channels in the month before last (the last month has no event, so the editor offers the month
     * before). Scheme in force: REFERRAL_VOLUME 10 (LINEAR 0→10), ARRIVAL_RATE 10 (LINEAR 50→100).
     * W1: 10 referrals, 5 arrivals → volume 100, arrival 50 % → 0: total 50 (D, rank 3).
     * W2: 4 and 4 → 40 and 100: total 70 (B, rank 1). W3: 2 and 2 → 20 and 100: total 60 (C, rank 2).
     * Draft: REFERRAL_VOLUME weight 30 → W1 (30×100 + 10×0)/40 = 75 (B, 1); W2 (30×40 + 10×100)/40 = 55 (C, 2);
     * W3 (30×20 + 10×100)/40 = 40 (D, 3).
     */
    @Test
    void aWeightChangeIsPreviewedSideBySideWithoutSaving() throws Exception {
        TestHospital clinic = new TestHospital(mvc, users, hospitals);
        long h = clinic.hospital.id();
        for (String c : List.of("W1", "W2", "W3")) {
            clinic.channel(c, "COMMUNITY_HEALTH", "ACTIVE", null);
        }
        clinic.scheme("COMMUNITY_HEALTH", """
                {"indicators": [
                   {"code": "REFERRAL_VOLUME", "weight": 10, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}},
                   {"code": "ARRIVAL_RATE", "weight": 10, "scoring": {"method": "LINEAR", "zero": 50, "full": 100}}],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        Period period = Period.containing(Period.Kind.MONTH, today).previous().previous();
        List<String> events = new ArrayList<>();
        int[][] counts = {{10, 5}, {4, 4}, {2, 2}};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < counts[c][0]; i++) {
                events.add(event("W" + (c + 1) + "-r" + i, "REFERRAL", "W" + (c + 1), period.firstDay().plusDays(i),
                        ", \"referralId\": \"" + clinic.hospital.code() + "W" + c + "R" + i + "\""));
            }
            for (int i = 0; i < counts[c][1]; i++) {
                events.add(event("W" + (c + 1) + "-a" + i, "ARRIVED", "W" + (c + 1), period.firstDay().plusDays(i + 1), ""));
            }
        }
        clinic.events("[" + String.join(",", events) + "]", events.size());
        var office = accounts.loadUserByUsername(clinic.office);

        // the editor offers the last month with data
        String editor = (mvc.perform(get("/indicators/schemes/COMMUNITY_HEALTH").with(user(office)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(editor).contains("<option value=\"" + period + "\" selected=\"selected\">");

        String answer = (mvc.perform(form(post("/indicators/schemes/COMMUNITY_HEALTH/what-if"), "30",
                        period.toString()).with(user(office)).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(answer).startsWith("<form id=\"scheme-form\"").doesNotContain("<html");
        assertThat(answer).as("the edit is kept").containsPattern("id=\"rows0-weight\" name=\"rows\\[0]\\.weight\" value=\"30\"");
        assertThat(text(answer, "what-if-summary")).isEqualTo("3 家渠道中 3 家分级变化（升级 1，降级 2），3 家排名变化。");
        assertThat(text(answer, "what-if-basis")).contains(period.toString(), "现行方案第 1 版", "第 2 版");
        assertThat(cells(answer, "W1")).containsExactly("W1 渠道 W1", "50.00", "3", "D", "75.00", "1", "B", "+25.00",
                "↑ 2", "D → B ↑");
        assertThat(cells(answer, "W2")).containsExactly("W2 渠道 W2", "70.00", "1", "B", "55.00", "2", "C", "-15.00",
                "↓ 1", "B → C ↓");
        assertThat(cells(answer, "W3")).containsExactly("W3 渠道 W3", "60.00", "2", "C", "40.00", "3", "D", "-20.00",
                "↓ 1", "C → D ↓");
        assertThat(answer.indexOf("id=\"what-if-W1\"")).as("in the draft's rank order")
                .isLessThan(answer.indexOf("id=\"what-if-W2\"")).isLessThan(answer.indexOf("id=\"what-if-W3\""));
        assertThat(schemes.current(h, UnitType.COMMUNITY_HEALTH).orElseThrow().version()).as("nothing saved").isEqualTo(1);

        // once published, the evaluation of that period is named for reference and stays as it was
        long evaluation = clinic.run(period.toString(), "COMMUNITY_HEALTH");
        clinic.as(clinic.office, post("/api/v1/evaluations/" + evaluation + "/publish"));
        answer = (mvc.perform(form(post("/indicators/schemes/COMMUNITY_HEALTH/what-if"), "30",
                        period.toString()).with(user(office)).with(csrf()).header("HX-Request", "true"))
                .andReturn().getResponse().getContentAsString());
        assertThat(text(answer, "what-if-published")).contains("已发布第 1 版评估");
    }

    @Test
    void anInvalidDraftShowsTheMessagesSavingWouldShowAndNoComparison() throws Exception {
        TestHospital clinic = new TestHospital(mvc, users, hospitals);
        clinic.channel("V1", "COMMUNITY_HEALTH", "ACTIVE", null);
        var office = accounts.loadUserByUsername(clinic.office);
        String preview = (mvc.perform(form(post("/indicators/schemes/COMMUNITY_HEALTH/what-if"), "-5",
                        "2026-Q5").with(user(office)).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        String save = (mvc.perform(form(post("/indicators/schemes/COMMUNITY_HEALTH"), "-5", "2026-10")
                        .with(user(office)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(text(preview, "rows0-weight-error")).isEqualTo("权重必须大于 0")
                .isEqualTo(text(save, "rows0-weight-error"));
        assertThat(preview).containsPattern("id=\"rows0-weight\" name=\"rows\\[0]\\.weight\" value=\"-5\"");
        assertThat(text(preview, "whatIfPeriod-error")).contains("“2026-Q5”不是期间");
        assertThat(text(preview, "what-if-invalid")).isEqualTo("方案有 2 处问题，无法试算：请先按字段旁的提示修改。");
        assertThat(preview).doesNotContain("id=\"what-if\"");
        assertThat(schemes.current(clinic.hospital.id(), UnitType.COMMUNITY_HEALTH)).isEmpty();
        // analysts may read the editor but not run the what-if
        var analyst = accounts.loadUserByUsername(clinic.analyst);
        mvc.perform(form(post("/indicators/schemes/COMMUNITY_HEALTH/what-if"), "30", "2026-10").with(user(analyst))
                .with(csrf())).andExpect(status().isForbidden());
    }

    /** The text of the element with this id (tags dropped, white space collapsed). */
    private static String text(String html, String id) {
        Matcher m = Pattern.compile("<(\\w+)[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL)
                .matcher(html);
        return m.find() ? plain(m.group(2)) : null;
    }

    /** The texts of the cells of the what-if row of a channel. */
    private static List<String> cells(String html, String channel) {
        Matcher row = Pattern.compile("<tr[^>]*id=\"what-if-" + channel + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        assertThat(row.find()).as("row of " + channel).isTrue();
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

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder b, String volumeWeight,
                                                      String period) {
        return b.param("rows[0].code", "REFERRAL_VOLUME").param("rows[0].included", "true")
                .param("rows[0].weight", volumeWeight).param("rows[0].method", "LINEAR")
                .param("rows[0].zero", "0").param("rows[0].full", "10")
                .param("rows[1].code", "ARRIVAL_RATE").param("rows[1].included", "true")
                .param("rows[1].weight", "10").param("rows[1].method", "LINEAR")
                .param("rows[1].zero", "50").param("rows[1].full", "100")
                .param("tiers[0].tier", "A").param("tiers[0].minTotal", "85")
                .param("tiers[1].tier", "B").param("tiers[1].minTotal", "70")
                .param("tiers[2].tier", "C").param("tiers[2].minTotal", "55")
                .param("whatIfPeriod", period);
    }

    private static String event(String id, String type, String channel, LocalDate day, String extra) {
        return "{\"eventId\": \"" + id + "\", \"type\": \"" + type + "\", \"channel\": \"" + channel
                + "\", \"occurredAt\": \"" + day + "T10:00:00+08:00\"" + extra + "}";
    }
}
