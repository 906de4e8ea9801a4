package org.meridian.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.shared.tenant.SmallSampleThreshold;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The net promoter score on a scorecard with its standard error and 95 % band, and the small-sample mark (样本量小)
 * in the feedback report's page, PDF and API as on the scorecard (docs/evaluations.md, "Small samples"; threshold 30).
 * A scheme of NPS ({@code 100 * (promoters - detractors) / nps_count}) and satisfaction ({@code 100 * satisfied /
 * survey_count}); December 2026's surveys (score 1–5 and recommend 0–10; promoter 9–10, detractor 0–6, satisfied 4–5):
 * <ul>
 * <li>NS1: 10 answers — 5 of (5, recommend 10), 3 of (4, recommend 8), 2 of (2, recommend 3). NPS = 100·(5 − 2)/10
 *     = 30; variance (0.5 + 0.2 − 0.3²)/10 = 0.061, SE = 100·√0.061 = 24.698 → "24.7"; band 30 ± 1.96·24.698 =
 *     30 ± 48.408 → −18.4 to 78.4; satisfied 8 of 10. n = 10 &lt; 30: both rates are small samples.</li>
 * <li>NS2: 40 answers — 20 of (5, 9), 12 of (4, 7), 8 of (2, 6). NPS = 100·(20 − 8)/40 = 30; variance
 *     (0.5 + 0.2 − 0.09)/40 = 0.01525, SE = 12.349 → "12.3"; band 30 ± 24.204 → 5.8 to 54.2; satisfied 32 of 40;
 *     n = 40: no mark.</li>
 * </ul>
 */
@MeridianTest
class SmallSamplesOnReportsTest {

    static final String SCHEME = """
            {"indicators": [
               {"code": "NPS", "weight": 50, "scoring": {"method": "LINEAR", "zero": -20, "full": 60}},
               {"code": "SATISFACTION", "weight": 50, "scoring": {"method": "LINEAR", "zero": 0, "full": 100}}
             ],
             "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService accounts;
    @Autowired SmallSampleThreshold thresholds;

    @Test
    void theNpsShowsItsStandardErrorAndASmallSampleIsMarkedOnTheReportAsOnTheScorecard() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        long ns1 = h.channel("NS1", "南山社区", "REFERRAL_INSTITUTION", null, null);
        h.channel("NS2", "北岭医院", "REFERRAL_INSTITUTION", null, null);
        h.scheme("REFERRAL_INSTITUTION", SCHEME);
        List<String> events = new ArrayList<>();
        answers(events, "NS1", 5, 3, 2);
        answers(events, "NS2", 20, 12, 8);
        h.events("[" + String.join(",", events) + "]", events.size());
        long id = h.run("2026-12", "REFERRAL_INSTITUTION");
        h.publish(id);

        // the scorecards: NPS with its standard error and band, satisfaction with its Wilson interval
        Document scorecard = page(h, "/evaluations/" + id + "/channels/NS1");
        // the way back names the evaluation's version in words, not "v1"
        assertThat(scorecard.select("p.muted a[href$=/evaluations/" + id + "]").text())
                .startsWith("2026-12 ").endsWith(" 第 1 版").doesNotContain("v1");
        Element small = scorecard.getElementById("line-NPS");
        assertThat(small.select(".interval").text()).isEqualTo("标准误 24.7，95% 区间 −18.4 至 78.4，n = 10");
        assertThat(small.select(".small-sample").attr("title")).startsWith("样本量 n = 10，少于 30");
        Element firm = page(h, "/evaluations/" + id + "/channels/NS2").getElementById("line-NPS");
        assertThat(firm.select(".interval").text()).isEqualTo("标准误 12.3，95% 区间 5.8 至 54.2，n = 40");
        assertThat(firm.select(".small-sample")).isEmpty();
        assertThat(page(h, "/evaluations/" + id + "/channels/NS2?lang=en").getElementById("line-NPS")
                .select(".interval").text()).isEqualTo("standard error 12.3, 95% interval 5.8 to 54.2, n = 40");
        // the ranking names NS1's two small rates
        assertThat(page(h, "/evaluations/" + id).getElementById("row-NS1").select(".small-sample").attr("title"))
                .contains("净推荐值 n = 10", "患者满意度 n = 10");

        // the reports: NS1's NPS and satisfaction marked, with n and the threshold; NS2's not
        long report1 = report(h, id, "NS1");
        long report2 = report(h, id, "NS2");
        Document page1 = page(h, "/feedback/reports/" + report1);
        for (String line : List.of("line-NPS", "line-SATISFACTION")) {
            assertThat(page1.getElementById(line).select(".small-sample").text()).as(line).isEqualTo("样本量小");
            assertThat(page1.getElementById(line).select(".small-sample").attr("title")).as(line)
                    .startsWith("样本量 n = 10，少于 30");
        }
        assertThat(page(h, "/feedback/reports/" + report2).select(".small-sample")).isEmpty();

        // the PDF as the channel reads it: the mark beside the value
        String partner = h.channelUser(ns1);
        byte[] pdf = h.as(partner, get("/api/v1/feedback-reports/" + report1 + "/pdf")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            // twice: NPS and satisfaction
            assertThat(text.split("样本量小（n = 10，少于 30）", -1)).hasSize(3);
        }
        byte[] firmPdf = h.as(h.office, get("/api/v1/feedback-reports/" + report2 + "/pdf"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(firmPdf)) {
            assertThat(new PDFTextStripper().getText(doc)).doesNotContain("样本量小");
        }

        // the API gives each rate's n
        String json = h.as(h.office, get("/api/v1/feedback-reports/" + report1)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(json, "$.content.indicators[?(@.code == 'NPS')].sample"))
                .containsExactly(10);
        assertThat(JsonPath.<List<Integer>>read(json, "$.content.indicators[?(@.code == 'SATISFACTION')].sample"))
                .containsExactly(10);
    }

    /**
     * The hospital's own threshold (系统管理 → 医院设置) moves the mark, never a score: at 10, NS1's 10 answers are no
     * longer a small sample (10 is not below 10) on its scorecard, the ranking and the report, while its total stays;
     * another hospital keeps the installation's 30; what is no whole number from 0 to 10,000 is refused on the field
     * with nothing saved; emptied, the installation's 30 applies again; only an administrator may change it.
     */
    @Test
    void aHospitalsOwnThresholdMovesTheMarkButNoScore() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        TestHospital other = new TestHospital(mvc, users, hospitals);
        String admin = h.user(Role.ADMIN);
        h.channel("NS1", "南山社区", "REFERRAL_INSTITUTION", null, null);
        h.scheme("REFERRAL_INSTITUTION", SCHEME);
        List<String> events = new ArrayList<>();
        answers(events, "NS1", 5, 3, 2);
        h.events("[" + String.join(",", events) + "]", events.size());
        long id = h.run("2026-12", "REFERRAL_INSTITUTION");
        h.publish(id);
        String totalBefore = total(h, id);
        long report = report(h, id, "NS1");
        assertThat(page(h, "/evaluations/" + id + "/channels/NS1").select("#line-NPS .small-sample")).hasSize(1);
        assertThat(page(h, admin, "/admin/settings").getElementById("small-sample-now").text())
                .isEqualTo("本院使用安装默认值 30。");

        // bad input: refused on the field, nothing saved
        for (String bad : List.of("abc", "-1", "3.5", "10001")) {
            Document refused = Jsoup.parse(mvc.perform(post("/admin/settings").param("smallSample", bad)
                            .with(user(accounts.loadUserByUsername(admin))).with(csrf()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(refused.getElementById("smallSample-error").text()).as(bad)
                    .isEqualTo("“" + bad + "”不是 0 到 10,000 之间的整数。");
        }
        assertThat(thresholds.setting(h.hospital.id()).own()).isNull();
        // the office may not
        mvc.perform(post("/admin/settings").param("smallSample", "10")
                .with(user(accounts.loadUserByUsername(h.office))).with(csrf())).andExpect(status().isForbidden());

        mvc.perform(post("/admin/settings").param("smallSample", "10")
                        .with(user(accounts.loadUserByUsername(admin))).with(csrf()))
                .andExpect(redirectedUrl("/admin/settings?saved"));
        assertThat(page(h, admin, "/admin/settings").getElementById("small-sample-now").text())
                .isEqualTo("本院阈值为 10（安装默认值为 30）。");
        assertThat(thresholds.of(h.hospital.id())).isEqualTo(10);
        assertThat(thresholds.of(other.hospital.id())).isEqualTo(30);
        Element line = page(h, "/evaluations/" + id + "/channels/NS1").getElementById("line-NPS");
        assertThat(line.select(".small-sample")).isEmpty();
        assertThat(line.select(".interval").text()).isEqualTo("标准误 24.7，95% 区间 −18.4 至 78.4，n = 10");
        assertThat(page(h, "/evaluations/" + id).getElementById("row-NS1").select(".small-sample")).isEmpty();
        assertThat(page(h, "/feedback/reports/" + report).select(".small-sample")).isEmpty();
        assertThat(total(h, id)).isEqualTo(totalBefore);
        assertThat(page(h, admin, "/admin/audit").text()).contains("修改样本量阈值");

        // emptied: the installation's 30 again
        mvc.perform(post("/admin/settings").param("smallSample", " ")
                        .with(user(accounts.loadUserByUsername(admin))).with(csrf()))
                .andExpect(redirectedUrl("/admin/settings?saved"));
        assertThat(thresholds.setting(h.hospital.id()).own()).isNull();
        assertThat(page(h, "/feedback/reports/" + report).select("#line-NPS .small-sample")).hasSize(1);
    }

    private static String total(TestHospital h, long evaluation) throws Exception {
        return JsonPath.<List<Object>>read(h.scorecards(h.office, evaluation), "$.items[?(@.channel == 'NS1')].total")
                .toString();
    }

    /** A channel's December surveys: promoters (5, recommend 10 or 9), passives (4, 8 or 7), detractors (2, 3 or 6). */
    private static void answers(List<String> events, String channel, int promoters, int passives, int detractors) {
        int n = 0;
        int[][] kinds = {{promoters, 5, channel.equals("NS1") ? 10 : 9}, {passives, 4, channel.equals("NS1") ? 8 : 7},
                {detractors, 2, channel.equals("NS1") ? 3 : 6}};
        for (int[] k : kinds) {
            for (int i = 0; i < k[0]; i++) {
                n++;
                events.add(TestHospital.event(channel + "-s" + n, "SURVEY", channel,
                        "2026-12-" + String.format("%02d", 1 + n % 28) + "T10:00:00+08:00",
                        ", \"value\": " + k[1] + ", \"attributes\": {\"recommend\": " + k[2] + "}"));
            }
        }
    }

    private Document page(TestHospital h, String path) throws Exception {
        return page(h, h.office, path);
    }

    private Document page(TestHospital h, String username, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(accounts.loadUserByUsername(username))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static long report(TestHospital h, long evaluation, String channel) throws Exception {
        String list = h.as(h.office, get("/api/v1/feedback-reports").param("evaluationId", String.valueOf(evaluation)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.<List<Object>>read(list, "$.items[?(@.channel == '" + channel + "')].id").get(0))
                .longValue();
    }
}
