package org.meridian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.TrendChart;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.shared.Actor;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.MeridianUser;
import org.meridian.support.Browser;
import org.meridian.support.Bundles;
import org.meridian.support.MeridianDemoTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo workbenches of the roles without hospital figures and of a channel's own user (issue 12): the referral desk
 * and the region administrator are not promised figures that never come but shown where their work is, the region
 * administrator's workbench is headed with the region, and the partner's score and its change read alike (2 decimals)
 * with the tier card in its tier's colour. Shot to {@code target/screenshots/role-workbench-<user>-desktop|phone.png}.
 */
@MeridianDemoTest
class DemoRoleWorkbenchTest {

    static final String PLACEHOLDER = "各模块启用后，医院的关键指标将显示在这里。";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Clock clock;
    @Autowired EvaluationResults results;
    @Autowired JsonMapper json;
    @LocalServerPort int port;

    private MeridianUser load(String username) {
        return accounts.loadForSignIn(username, clock.instant()).orElseThrow();
    }

    private String home(String username) throws Exception {
        return mvc.perform(get("/").with(user(load(username)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theDeskIsShownItsPagesNotAPromiseOfFigures() throws Exception {
        assertThat(Bundles.messages().getMessage("home.noFigures", null, java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo(PLACEHOLDER);
        String desk = home("desk");
        assertThat(desk).doesNotContain(PLACEHOLDER).contains("id=\"role-pages\"", "此工作台只列出等待您处理的事项",
                "href=\"/referrals/desk\"", "<h1 id=\"hospital-name\">经络示范医院</h1>");
    }

    @Test
    void theRegionAdministratorsWorkbenchIsTheRegions() throws Exception {
        String region = home("region");
        // the demo region is the one the first migration creates (本区域), named by the demo as a city's region; the
        // account belongs to the demo hospital
        assertThat(region).doesNotContain(PLACEHOLDER, "id=\"hospital-name\"")
                .contains("<h1 id=\"region-heading\">区域管理：示范市（演示）</h1>", "您的账户属于经络示范医院",
                        "href=\"/region/hospitals\"");
    }

    @Test
    void theEvaluationCentresWorkbenchHasNoRowsOfChannelZeros() throws Exception {
        // the evaluator works in the region's evaluation centre, a tenant without channels: no referrals, tiers,
        // alerts, forecasts or actions of channels (all zeros before), but its evaluations and its accounts
        String evaluator = home("evaluator");
        assertThat(evaluator).doesNotContain("id=\"figure-intake-", "id=\"figure-channel-", "id=\"intake-months\"",
                        "id=\"tier-distribution\"", "id=\"new-alerts\"", "id=\"overdue-actions\"",
                        "id=\"hospital-forecast\"", "id=\"why-changed\"", PLACEHOLDER)
                .contains("id=\"latest-evaluations\"", "id=\"figure-home-figure-accounts\"")
                // what it ranks are institutions, not channels: the demo centre's quarter of primary care has three
                .contains("3 个单位，运行于", "表现最好的单位").doesNotContain("家渠道", "表现最好的渠道");
        // the demo hospital's office keeps them
        assertThat(home("office")).contains("id=\"figure-intake-", "id=\"intake-months\"",
                "id=\"tier-distribution\"");
    }

    @Test
    void theHospitalsStaffKeepTheirFiguresAndNoPagesList() throws Exception {
        String manager = home("manager");
        assertThat(manager).doesNotContain("id=\"role-pages\"", "id=\"region-heading\"")
                .contains("<h1 id=\"hospital-name\">经络示范医院</h1>", "class=\"figure");
    }

    @Test
    void thePartnersScoreHasTwoDecimalsAndItsTierCardTheTiersColour() throws Exception {
        Actor partner = load("partner").actor();
        var latest = results.latestOwn(partner).orElseThrow();
        UnitScorecard own = results.scorecards(partner, latest.id(), 0, 1).items().get(0);
        // the total as a person reads it everywhere (the report, the scorecard): half up to exactly 2 decimals
        String total = own.total().setScale(2, RoundingMode.HALF_UP).toPlainString();
        String page = home("partner");
        assertThat(page).doesNotContain(PLACEHOLDER);
        // the trend over the demo's two years of monthly evaluations: a label on each point would overlap (24
        // of them), so only the latest is labelled, with 2 decimals as the score card; the rest are in the tooltip
        Matcher chart = Pattern.compile("id=\"own-trend\" data-chart=\"([^\"]*)\"").matcher(page);
        assertThat(chart.find()).as("the partner's trend chart").isTrue();
        JsonNode points = json.readTree(HtmlUtils.htmlUnescape(chart.group(1))).path("series").get(0).path("data");
        assertThat(points.size()).as("more points than are labelled each")
                .isGreaterThan(TrendChart.LABELLED_EACH_UP_TO);
        for (int i = 0; i < points.size(); i++) {
            assertThat(points.get(i).path("label").path("show").asBoolean()).as("label of point " + i)
                    .isEqualTo(i == points.size() - 1);
        }
        assertThat(points.get(points.size() - 1).path("value").decimalValue()).isEqualByComparingTo(total);
        try (Browser browser = Browser.open(port)) {
            for (String user : new String[] {"partner", "desk", "region"}) {
                browser.resize(Browser.DESKTOP);
                browser.driver().manage().deleteAllCookies();
                browser.signIn(user, "meridian2026");
                new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                        .until(d -> !d.getCurrentUrl().contains("/login"));
                browser.go("/");
                browser.waitFor(By.id("inbox"));
                if (user.equals("partner")) {
                    String score = browser.text(By.id("figure-evaluation-home-score"));
                    assertThat(score).contains(total);
                    // the change against the period before: a sign and exactly two decimals, like the total
                    assertThat(score).containsPattern("较上期 [+−]?\\d+\\.\\d\\d(\\s|$)");
                    String tierClass = browser.driver().findElement(By.id("figure-evaluation-home-tier"))
                            .getDomAttribute("class");
                    if ("UNRATED".equals(own.tier())) {
                        assertThat(tierClass).contains("tier", "none");
                    } else {
                        assertThat(tierClass).as("coloured as the tier badge " + own.tier())
                                .contains("tier-" + own.tier()).doesNotContain("good");
                        assertThat(browser.text(By.id("figure-evaluation-home-tier"))).startsWith(own.tier());
                    }
                }
                browser.screenshot("role-workbench-" + user + "-desktop");
                browser.resize(Browser.PHONE).go("/");
                browser.waitFor(By.id("inbox"));
                browser.screenshot("role-workbench-" + user + "-phone");
                assertThat(browser.horizontalOverflow()).as(user + "'s workbench at 375 px").isZero();
            }
        }
    }
}
