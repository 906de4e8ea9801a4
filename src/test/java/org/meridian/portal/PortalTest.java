package org.meridian.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.appeal.AppealProcedure;
import org.meridian.rectification.NewAction;
import org.meridian.rectification.Plan;
import org.meridian.rectification.RectificationWorkflow;
import org.meridian.shared.Actor;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.MonthEvents;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The channel portal as a web app and as a channel's home: the manifest, the worker and the offline page are public
 * and carry no data; the home is for a channel's own users only and shows its own figures and open items, never
 * another channel's.
 */
@MeridianTest
class PortalTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired Accounts accounts;
    @Autowired Clock clock;
    @Autowired RectificationWorkflow rectification;
    @Autowired AppealProcedure appeals;

    private MockHttpServletResponse anonymous(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse();
    }

    private String page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(user(accounts.loadForSignIn(username, clock.instant()).orElseThrow())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theManifestIsPublicAndNamesAnInstallableChineseAppWithIconsOfTheSizesItClaims() throws Exception {
        MockHttpServletResponse r = anonymous("/portal/manifest.webmanifest");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("application/manifest+json");
        String m = r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(m, "$.name")).isEqualTo("经络渠道门户");
        assertThat((String) JsonPath.read(m, "$.lang")).isEqualTo("zh-CN");
        assertThat((String) JsonPath.read(m, "$.start_url")).isEqualTo("/portal");
        assertThat((String) JsonPath.read(m, "$.scope")).isEqualTo("/");
        assertThat((String) JsonPath.read(m, "$.display")).isEqualTo("standalone");
        assertThat((String) JsonPath.read(m, "$.theme_color")).isEqualTo("#0f5f7a");
        List<Map<String, String>> icons = JsonPath.read(m, "$.icons");
        assertThat(icons).extracting(i -> i.get("sizes") + " " + i.get("purpose"))
                .containsExactlyInAnyOrder("192x192 any", "512x512 any", "512x512 maskable");
        for (Map<String, String> icon : icons) {
            MockHttpServletResponse png = anonymous(icon.get("src"));
            assertThat(png.getStatus()).as(icon.get("src")).isEqualTo(200);
            assertThat(png.getContentType()).isEqualTo("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.getContentAsByteArray()));
            assertThat(image.getWidth() + "x" + image.getHeight()).as(icon.get("src")).isEqualTo(icon.get("sizes"));
        }
    }

    @Test
    void theWorkerIsPublicMayServeTheWholeAppAndKeepsOnlyTheShellThatThePagesLoad() throws Exception {
        MockHttpServletResponse r = anonymous("/portal/sw.js");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("text/javascript");
        assertThat(r.getHeader("Service-Worker-Allowed")).isEqualTo("/");
        String worker = r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Matcher shell = Pattern.compile("var SHELL = (\\[.*?]);").matcher(worker);
        assertThat(shell.find()).as("the worker names its shell").isTrue();
        List<String> files = JsonPath.read(shell.group(1), "$");

        TestHospital h = new TestHospital(mvc, users, hospitals);
        long channel = h.channel("SW-1", "EXAM_CENTER", null, null);
        String home = page(h.channelUser(channel), "/portal");
        // every script and style sheet the portal home loads is kept, webjars under the versioned path the page uses
        Matcher loaded = Pattern.compile("(?:src|href)=\"(/(?:css|js|webjars)/[^\"]+)\"").matcher(home);
        List<String> pageFiles = new ArrayList<>();
        while (loaded.find()) {
            pageFiles.add(loaded.group(1));
        }
        assertThat(pageFiles).anyMatch(f -> f.matches("/webjars/htmx.org/\\d[^/]*/dist/htmx.min.js"));
        assertThat(files).containsAll(pageFiles).contains("/portal/offline", "/img/portal/icon-192.png");
        assertThat(files).as("no page with data, no API answer").noneMatch(f -> f.equals("/portal")
                || f.startsWith("/api/") || f.startsWith("/notifications") || f.equals("/"));
        for (String f : files) {
            assertThat(anonymous(f).getStatus()).as(f + " can be fetched when the worker installs").isEqualTo(200);
        }
    }

    @Test
    void theOfflinePageIsPublicChineseFirstAndHoldsNoData() throws Exception {
        MockHttpServletResponse r = anonymous("/portal/offline");
        assertThat(r.getStatus()).isEqualTo(200);
        String html = r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html.indexOf("暂时无法连接")).isGreaterThan(0).isLessThan(html.indexOf("No connection"));
        assertThat(html).doesNotContain("_csrf", "userbox", "退出");
    }

    @Test
    void theHomeIsForAChannelsOwnUsersOnly() throws Exception {
        assertThat(mvc.perform(get("/portal").accept("text/html")).andReturn().getResponse().getRedirectedUrl())
                .as("to the sign-in page").endsWith("/login");
        TestHospital h = new TestHospital(mvc, users, hospitals);
        for (String staff : List.of(h.office, h.analyst)) {
            mvc.perform(get("/portal").with(user(accounts.loadForSignIn(staff, clock.instant()).orElseThrow())))
                    .andExpect(status().isForbidden());
        }
        long channel = h.channel("AC-1", "EXAM_CENTER", null, null);
        String partner = h.channelUser(channel);
        assertThat(page(partner, "/portal")).contains("渠道 AC-1", "id=\"portal-referrals\"",
                "rel=\"manifest\"", "/portal/manifest.webmanifest");
        assertThat(page(partner, "/")).as("the navigation leads there").contains("id=\"mainnav-portal\"");
        assertThat(page(h.office, "/")).doesNotContain("id=\"mainnav-portal\"");
    }

    /**
     * Scheme: REFERRAL_VOLUME 10 (LINEAR 0→10), tiers A ≥ 85, B ≥ 70. December 2026: P1 10 referrals → 100 (A,
     * rank 1 of 2); P2 4 → 40 (rank 2 of 2; below the lowest minTotal, so tier D, as docs/api.md states; its
     * indicator score 40 is below the failing 60, so a rectification plan may be opened for it). Appeals may be
     * filed for 10 days after publication: published on 2027-01-15 12:00 (the test clock, Shanghai), so until
     * 2027-01-25 12:00. P2's plan has an action due on 2027-01-10 (five days overdue on 2027-01-15) and one due on
     * 2027-01-31. Both users exist before publication, so each has one unread "report ready" notification.
     */
    @Test
    void eachChannelSeesItsOwnFiguresAndOpenItemsAndNeverTheOther() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        h.channel("P1", "体检中心 甲", "EXAM_CENTER", null, null);
        long p2 = h.channel("P2", "体检中心 乙", "EXAM_CENTER", null, null);
        long p1 = ((Number) JsonPath.read(h.as(h.office, get("/api/v1/channels/P1")).andReturn().getResponse()
                .getContentAsString(), "$.id")).longValue();
        h.scheme("EXAM_CENTER", """
                {"indicators": [{"code": "REFERRAL_VOLUME", "weight": 10, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}}],
                 "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}]}""");
        List<String> events = new ArrayList<>();
        MonthEvents.add(events, "P1", "2026-12", 10, 7);
        MonthEvents.add(events, "P2", "2026-12", 4, 2);
        h.events("[" + String.join(",", events) + "]", events.size());
        String partner1 = h.channelUser(p1);
        String partner2 = h.channelUser(p2);
        Actor office = new Actor(h.hospital.id(), h.office, Set.of(Role.CHANNEL_MANAGER), null);
        appeals.saveSettings(office, 10, 20);
        long december = h.run("2026-12", "EXAM_CENTER");
        h.publish(december);
        Plan plan = rectification.open(office, december, "P2", "十二月整改");
        rectification.addAction(office, plan.id(), new NewAction("核对转诊登记", "王主任", LocalDate.of(2027, 1, 10)));
        rectification.addAction(office, plan.id(), new NewAction("培训接诊人员", "李护士长", LocalDate.of(2027, 1, 31)));

        String first = page(partner1, "/portal");
        assertThat(section(first, "figure-evaluation-home-score")).contains("100");
        assertThat(section(first, "figure-evaluation-home-rank")).contains("第 1 / 2");
        assertThat(section(first, "figure-evaluation-home-tier")).contains(">A<");
        // the filing deadline is 10 days after publication, in Beijing time: 2027-01-25 around 12:00 (the test clock
        // has moved a little by then, so read the publication's moment rather than assume the minute)
        String deadline = OffsetDateTime.parse(JsonPath.read(h.as(h.office, get("/api/v1/evaluations/" + december))
                        .andReturn().getResponse().getContentAsString(), "$.publishedAt"))
                .plusDays(10).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        assertThat(deadline).startsWith("2027-01-25 12:");
        assertThat(section(first, "portal-open")).contains("2026-12 体检中心考核结果可以申诉，截止 " + deadline);
        assertThat(section(first, "portal-unread-count")).contains(">1<");
        assertThat(section(first, "portal-notifications")).contains("您的评估反馈报告已生成：2026-12 体检中心");
        assertThat(first).as("nothing of the other channel").doesNotContain("体检中心 乙", "核对转诊登记",
                "培训接诊人员", "十二月整改");

        String second = page(partner2, "/portal");
        assertThat(section(second, "figure-evaluation-home-score")).contains("40");
        assertThat(section(second, "figure-evaluation-home-rank")).contains("第 2 / 2");
        assertThat(section(second, "figure-evaluation-home-tier")).doesNotContain(">A<").contains(">D<");
        String open = section(second, "portal-open");
        assertThat(open).contains("核对转诊登记（十二月整改），2027-01-10 到期", "培训接诊人员（十二月整改），2027-01-31 到期");
        assertThat(open.indexOf("核对转诊登记")).as("the overdue action first").isLessThan(open.indexOf("培训接诊人员"));
        assertThat(open.substring(0, open.indexOf("核对转诊登记"))).as("marked overdue").contains("已逾期");
        assertThat(open.substring(open.indexOf("核对转诊登记"), open.indexOf("培训接诊人员"))).contains("整改措施");
        assertThat(second).as("nothing of the other channel").doesNotContain("体检中心 甲");
    }

    /**
     * Service figures of the month so far (TestClock: 2027-01-15 in Shanghai, so 2027-01-01 to 2027-01-15), each
     * against its tier's standard (docs/channels.md: B promises acceptance within 8 hours on average and expects 70 %
     * arrivals, C 24 hours and 60 %).
     * <ul>
     * <li>S1 (tier B): referrals on 5, 6, 7 and 8 January at 09:00, the first three accepted after 2, 3 and 10 hours,
     * the fourth not; and a referral of 31 December 22:00 accepted on 1 January 07:00 (9 hours), which counts in
     * January's response time (the pair counts on the acceptance's day) but not in January's referrals. Response
     * time (2 + 3 + 10 + 9) / 4 = 6.0 hours ≤ 8: met. Arrivals 3 of January's 4 referrals: 75.0 % ≥ 70: met.</li>
     * <li>S2 (tier C): referrals on 10 January 08:00 (accepted 11 January 14:00, 30 hours) and 12 January, no
     * arrival: 30.0 hours > 24 and 0.0 % < 60, both missed.</li>
     * <li>S3 (no tier): one referral, not accepted: no response time, arrival rate 0.0 %, nothing to compare with.</li>
     * </ul>
     * Then the hospital manager promises tier B acceptance within 5 hours (after a refused 0): S1's 6.0 hours misses it.
     */
    @Test
    void eachChannelSeesItsOwnServiceThisMonthAgainstItsTiersStandard() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        long s1 = h.channel("S1", "服务中心 甲", "REFERRAL_INSTITUTION", null, null);
        long s2 = h.channel("S2", "服务中心 乙", "REFERRAL_INSTITUTION", null, null);
        long s3 = h.channel("S3", "服务中心 丙", "REFERRAL_INSTITUTION", null, null);
        h.as(h.office, TestHospital.json(post("/api/v1/channels/S1/tier-changes"),
                "{\"tier\": \"B\", \"reason\": \"首次分级\"}")).andExpect(status().isCreated());
        h.as(h.office, TestHospital.json(post("/api/v1/channels/S2/tier-changes"),
                "{\"tier\": \"C\", \"reason\": \"首次分级\"}")).andExpect(status().isCreated());
        List<String> events = new ArrayList<>();
        pair(events, "S1", "s1-0", "2026-12-31T22:00:00+08:00", "2027-01-01T07:00:00+08:00");
        pair(events, "S1", "s1-1", "2027-01-05T09:00:00+08:00", "2027-01-05T11:00:00+08:00");
        pair(events, "S1", "s1-2", "2027-01-06T09:00:00+08:00", "2027-01-06T12:00:00+08:00");
        pair(events, "S1", "s1-3", "2027-01-07T09:00:00+08:00", "2027-01-07T19:00:00+08:00");
        pair(events, "S1", "s1-4", "2027-01-08T09:00:00+08:00", null);
        for (int i = 1; i <= 3; i++) {
            events.add(TestHospital.event("s1-a" + i, "ARRIVED", "S1", "2027-01-1" + i + "T10:00:00+08:00", ""));
        }
        pair(events, "S2", "s2-1", "2027-01-10T08:00:00+08:00", "2027-01-11T14:00:00+08:00");
        pair(events, "S2", "s2-2", "2027-01-12T08:00:00+08:00", null);
        pair(events, "S3", "s3-1", "2027-01-12T08:00:00+08:00", null);
        h.events("[" + String.join(",", events) + "]", events.size());
        String partner1 = h.channelUser(s1);
        String partner2 = h.channelUser(s2);
        String partner3 = h.channelUser(s3);

        String first = section(page(partner1, "/portal"), "portal-service");
        assertThat(first).contains("本月服务与分级标准", "核心级标准", "2027-01-01 至 2027-01-15");
        String response = between(first, "portal-service-response", "portal-service-arrival");
        assertThat(response).contains("6.0 小时", "标准：平均 8 小时内受理", "达标", "本月受理 4 例")
                .doesNotContain("未达标");
        String arrival = first.substring(first.indexOf("portal-service-arrival"));
        assertThat(arrival).contains("75.0%", "标准：不低于 70%", "达标", "本月到诊 3 例 / 转诊 4 例")
                .doesNotContain("未达标");

        String second = section(page(partner2, "/portal"), "portal-service");
        assertThat(second).contains("一般级标准");
        assertThat(between(second, "portal-service-response", "portal-service-arrival"))
                .contains("30.0 小时", "标准：平均 24 小时内受理", "未达标", "本月受理 1 例");
        assertThat(second.substring(second.indexOf("portal-service-arrival")))
                .contains("0.0%", "标准：不低于 60%", "未达标", "本月到诊 0 例 / 转诊 2 例");

        String third = section(page(partner3, "/portal"), "portal-service");
        assertThat(third).contains("本月暂无数据", "0.0%", "本渠道尚未分级，暂无服务标准可对照")
                .doesNotContain("达标").doesNotContain("标准：");

        // the hospital manager's tier page: a promise of 0 hours is refused beside its field, 5 hours is kept
        String boss = h.user(Role.HOSPITAL_MANAGER);
        var signedIn = user(accounts.loadForSignIn(boss, clock.instant()).orElseThrow());
        MockHttpServletRequestBuilder form = post("/channels/tiers/B").with(csrf()).with(signedIn)
                .param("name", "核心").param("reviewCadence", "QUARTERLY").param("visitsPerYear", "6")
                .param("incentiveRate", "2.00").param("priorityQuota", "15").param("arrivalRate", "70");
        String refused = mvc.perform(form.param("responseHours", "0")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(refused).contains("id=\"response-error-B\"", "须为 1 到 720 之间的整数");
        mvc.perform(post("/channels/tiers/B").with(csrf()).with(signedIn).param("name", "核心")
                .param("reviewCadence", "QUARTERLY").param("visitsPerYear", "6").param("incentiveRate", "2.00")
                .param("priorityQuota", "15").param("responseHours", "5").param("arrivalRate", "70"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(boss, "/channels/tiers")).contains("id=\"response-B\" name=\"responseHours\" inputmode=\"numeric\" value=\"5\"");
        assertThat(page(h.analyst, "/channels/tiers")).as("read-only for the analyst").contains("平均 5 小时内受理");
        String stricter = section(page(partner1, "/portal"), "portal-service");
        assertThat(between(stricter, "portal-service-response", "portal-service-arrival"))
                .contains("6.0 小时", "标准：平均 5 小时内受理", "未达标");
    }

    /** A REFERRAL and, unless {@code acceptedAt} is null, its ACCEPTED event. */
    private static void pair(List<String> events, String channel, String id, String referredAt, String acceptedAt) {
        String ref = ", \"referralId\": \"" + id + "\"";
        events.add(TestHospital.event(id + "-r", "REFERRAL", channel, referredAt, ref));
        if (acceptedAt != null) {
            events.add(TestHospital.event(id + "-a", "ACCEPTED", channel, acceptedAt, ref));
        }
    }

    private static String between(String html, String fromId, String toId) {
        return html.substring(html.indexOf(fromId), html.indexOf(toId));
    }

    /** The element with the id and what follows it up to the next element with an id of the page's main parts. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("the page has #" + id).isPositive();
        int end = html.indexOf("class=\"card", start + id.length());
        int nextFigure = html.indexOf("id=\"figure-", start + id.length() + 5);
        if (nextFigure > 0 && (end < 0 || nextFigure < end)) {
            end = nextFigure;
        }
        return html.substring(start, end < 0 ? html.length() : end);
    }
}
