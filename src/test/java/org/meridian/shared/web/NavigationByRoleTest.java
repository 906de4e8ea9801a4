package org.meridian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The groups and entries of the main navigation each kind of user sees, as rendered in the page. */
@MeridianTest
class NavigationByRoleTest {

    private static final Pattern NAV = Pattern.compile("<nav class=\"mainnav\".*?</nav>", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile(
            "<details[^>]*id=\"mainnav-group-([a-z]+)\"[^>]*>\\s*<summary>([^<]*)</summary>|</details>|id=\"mainnav-([a-z-]+)\"");

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired TestUsers users;
    @Autowired Accounts accounts;

    private String page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(user(accounts.loadForSignIn(username, clock.instant()).orElseThrow())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /**
     * The navigation of a page as text: {@code id} for a link, {@code group:label[id, id]} for a drop-down group;
     * a {@code *} marks the entry of the page shown.
     */
    private static String outline(String html) {
        Matcher nav = NAV.matcher(html);
        assertThat(nav.find()).as("the page has the main navigation").isTrue();
        String n = nav.group();
        List<String> top = new ArrayList<>();
        List<String> inGroup = null;
        String group = null;
        Matcher t = TOKEN.matcher(n);
        while (t.find()) {
            if (t.group(1) != null) {
                String tag = t.group();
                group = t.group(1) + ":" + t.group(2).trim() + (tag.contains("class=\"navgroup active\"") ? "*" : "");
                inGroup = new ArrayList<>();
            } else if (t.group().equals("</details>")) {
                top.add(group + "[" + String.join(", ", inGroup) + "]");
                inGroup = null;
            } else {
                int end = n.indexOf('>', t.end());
                String id = t.group(3) + (n.substring(t.start(), end).contains("aria-current=\"page\"") ? "*" : "");
                (inGroup == null ? top : inGroup).add(id);
            }
        }
        return String.join(" | ", top);
    }

    @Test
    void anAnalystSeesTheModulesInGroupsAndTheActiveGroupIsMarked() throws Exception {
        String analyst = users.create(Role.ANALYST);

        assertThat(outline(page(analyst, "/"))).isEqualTo("home* | channels | units | data:数据[intake, indicators]"
                + " | assessment:评估与反馈[evaluations, feedback, appeals, rectification] | incentives"
                + " | insights:洞察[forecasts, alerts, changes, efficiency, exams, allocation]");
        assertThat(outline(page(analyst, "/evaluations"))).isEqualTo("home | channels | units | data:数据[intake, indicators]"
                + " | assessment:评估与反馈*[evaluations*, feedback, appeals, rectification] | incentives"
                + " | insights:洞察[forecasts, alerts, changes, efficiency, exams, allocation]");
        assertThat(page(analyst, "/")).as("the old placeholder 智能分析 is gone now that its pages are there")
                .contains(">预测</a>", ">异常预警</a>", ">变动解读</a>").doesNotContain("智能分析");
    }

    @Test
    void anAdministratorAlsoSeesAdministrationAsAPlainLinkAndEnglishGroupLabels() throws Exception {
        String admin = users.create(Role.ADMIN);

        assertThat(outline(page(admin, "/"))).isEqualTo("home* | channels:渠道[channels, referral-desk] | units | data:数据[intake, indicators]"
                + " | assessment:评估与反馈[evaluations, feedback, appeals, rectification] | incentives"
                + " | insights:洞察[forecasts, alerts, changes, efficiency, exams, allocation] | admin");
        String english = page(admin, "/indicators?lang=en");
        assertThat(outline(english)).isEqualTo("home | channels:Channels[channels, referral-desk] | units | data:Data*[intake, indicators*]"
                + " | assessment:Evaluation &amp; feedback[evaluations, feedback, appeals, rectification]"
                + " | incentives | insights:Insights[forecasts, alerts, changes, efficiency, exams, allocation] | admin");
        assertThat(english).contains(">Indicators</a>", ">Administration</a>", ">Forecasts</a>")
                .as("no greyed-out entry for a page that is not there").doesNotContain("class=\"planned\"");
    }

    @Test
    void theImportPageSitsUnderDataIntakeNotUnderAQualityTab() throws Exception {
        String office = users.create(Role.CHANNEL_MANAGER);

        String page = page(office, "/intake/imports");
        assertThat(outline(page)).contains("data:数据*[intake*, indicators]");
        assertThat(page).contains("id=\"nav-imports\"");
    }

    @Test
    void aChannelsOwnUserSeesItsFewEntriesUngrouped() throws Exception {
        String partner = users.create(users.firstHospital().id(), Role.CHANNEL_USER, 9L);

        String home = page(partner, "/");
        assertThat(outline(home)).isEqualTo(
                "home* | portal | feedback | appeals-channel | rectification-channel | own-statements");
        assertThat(home).contains(">渠道门户</a>", ">评估反馈</a>", ">申诉</a>", ">整改</a>", ">我的结算单</a>")
                .doesNotContain("<details");
    }

    @Test
    void theReferralDeskSeesItsDeskOnly() throws Exception {
        String desk = users.create(Role.REFERRAL_DESK);

        assertThat(outline(page(desk, "/"))).isEqualTo("home* | referral-desk");
        assertThat(outline(page(desk, "/referrals/desk"))).isEqualTo("home | referral-desk*");
    }

    @Test
    void aRegulatorSeesTheHomePageAndTheRegionsRepeatExams() throws Exception {
        String regulator = users.create(Role.REGULATOR);

        assertThat(outline(page(regulator, "/"))).isEqualTo("home* | exams");
    }

    @Test
    void aRegionAdministratorSeesRegionAdministrationAndWithAdminBothAdministrations() throws Exception {
        String region = users.create(Role.REGION_ADMIN);
        assertThat(outline(page(region, "/"))).isEqualTo("home* | region");
        assertThat(outline(page(region, "/region/grants"))).isEqualTo("home | region*");

        String both = users.create(Role.ADMIN);
        accounts.replaceRoles(users.firstHospital().id(),
                accounts.loadForSignIn(both, clock.instant()).orElseThrow().userId(),
                java.util.Set.of(Role.ADMIN, Role.REGION_ADMIN));
        assertThat(outline(page(both, "/"))).isEqualTo("home* | channels:渠道[channels, referral-desk] | units | data:数据[intake, indicators]"
                + " | assessment:评估与反馈[evaluations, feedback, appeals, rectification] | incentives"
                + " | insights:洞察[forecasts, alerts, changes, efficiency, exams, allocation] | admin | region");
    }
}
