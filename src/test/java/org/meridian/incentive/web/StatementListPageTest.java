package org.meridian.incentive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.channel.ChannelDraft;
import org.meridian.channel.ChannelRegistry;
import org.meridian.incentive.StatementWorkflow;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The office's statement list as it grows (issue 12: "/incentives is one 18,000-pixel page"): twenty statements a
 * page, the channel's name beside its code, the latest period first as people read periods, and filters by period,
 * channel (name or code) and status that the pager keeps.
 */
@MeridianTest
class StatementListPageTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired ChannelRegistry channels;
    @Autowired StatementWorkflow statements;
    @Autowired UserDetailsService accounts;

    UserDetails office;

    @BeforeEach
    void twentyThreeStatements() {
        Hospital h = hospitals.create("H-LIST-" + System.nanoTime() % 1_000_000_000L, "结算单列表医院",
                ZoneId.of("Asia/Shanghai"));
        String username = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        office = accounts.loadUserByUsername(username);
        Actor actor = new Actor(h.id(), username, java.util.Set.of(Role.CHANNEL_MANAGER), null);
        for (int i = 1; i <= 11; i++) {
            register(actor, "CH-%02d".formatted(i), "社区中心%02d".formatted(i));
        }
        register(actor, "STAR", "星光体检中心");
        // 11 channels × (2026-Q1 and 2026-09) + STAR in 2026-09 = 23 statements, i.e. a page of 20 and one of 3
        for (int i = 1; i <= 11; i++) {
            prepare(actor, "CH-%02d".formatted(i), Period.quarter(2026, 1));
            prepare(actor, "CH-%02d".formatted(i), Period.month(2026, 9));
        }
        prepare(actor, "STAR", Period.month(2026, 9));
    }

    private void register(Actor actor, String code, String name) {
        channels.register(actor, new ChannelDraft(code, name, "COMMUNITY_HEALTH", null, null, null, null, null, null,
                null, null, null, null));
    }

    private void prepare(Actor actor, String code, Period period) {
        statements.prepareByHand(actor, period, code);
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(user(office))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** The statement table alone (the period filter above it names the periods too). */
    private static String table(String html) {
        int start = html.indexOf("id=\"statements\"");
        return start < 0 ? "" : html.substring(start, html.indexOf("</table>", start));
    }

    private static int rows(String html) {
        return table(html).split("<tr", -1).length - 2;   // minus the text before the first row and the header row
    }

    @Test
    void theListIsPagedWithNamesAndTheLatestPeriodFirst() throws Exception {
        String first = page("/incentives");
        assertThat(first).contains("共 23 张", "第 1 / 2 页", "社区中心01", "星光体检中心");
        assertThat(rows(first)).isEqualTo(20);
        // September 2026 ends after the first quarter of 2026, although "2026-Q1" sorts after "2026-09" as text:
        // the 12 statements of 2026-09 come first, then 8 of 2026-Q1 fill the page
        String rows = table(first);
        int september = rows.indexOf(">2026-09<");
        int firstQuarter = rows.indexOf(">2026-Q1<");
        assertThat(september).isPositive();
        assertThat(firstQuarter).isGreaterThan(september);
        assertThat(rows.lastIndexOf(">2026-09<")).isLessThan(firstQuarter);

        String second = page("/incentives?page=1");
        assertThat(second).contains("第 2 / 2 页", "id=\"page-prev\"");
        assertThat(rows(second)).isEqualTo(3);   // 23 − 20
    }

    @Test
    void theFiltersNarrowTheListAndThePagerKeepsThem() throws Exception {
        String byName = page("/incentives?channel=星光");   // part of the name
        assertThat(byName).contains("共 1 张", "星光体检中心").doesNotContain("社区中心01");

        String byCode = page("/incentives?channel=ch-0");   // CH-01 … CH-09, case ignored, in both periods
        assertThat(byCode).contains("共 18 张");

        String byPeriod = page("/incentives?period=2026-Q1");
        assertThat(byPeriod).contains("共 11 张");
        assertThat(table(byPeriod)).contains(">2026-Q1<").doesNotContain(">2026-09<");

        String drafts = page("/incentives?status=DRAFT&channel=CH");
        assertThat(drafts).contains("共 22 张", "href=\"/incentives?status=DRAFT&amp;channel=CH&amp;page=1\"");
        assertThat(page("/incentives?status=PAID")).contains("共 0 张", "没有符合筛选条件的结算单");
    }
}
