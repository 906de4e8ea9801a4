package org.meridian.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
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
        assertThat(section(first, "portal-open")).contains("2026-12 体检中心考核结果可以申诉，截止 2027-01-25 12:00");
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
