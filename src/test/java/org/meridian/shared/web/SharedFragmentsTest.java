package org.meridian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The shared page pieces of {@code templates/fragments/} as the pages that use them show them: a module's "not
 * found" page, and the heading, status filter and pager of the appeal and rectification lists.
 */
@MeridianTest
class SharedFragmentsTest {

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired TestUsers users;
    @Autowired Accounts accounts;
    @Autowired SpringTemplateEngine templates;

    private String page(String username, MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request.with(user(accounts.loadForSignIn(username, clock.instant()).orElseThrow())))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aModulesNotFoundPageNamesWhatIsMissingAndLeadsBackToTheModule() throws Exception {
        String analyst = users.create(Role.ANALYST);

        String channel = page(analyst, get("/channels/NO-SUCH-CHANNEL"), 404);
        assertThat(channel).contains("<title>未找到该渠道 · 经络</title>", "id=\"not-found\"", "<h1>未找到该渠道</h1>",
                "<p>本院没有这个渠道，或它不存在。</p>", "<a href=\"/channels\">返回渠道台账</a>", "class=\"topbar\"");

        String report = page(analyst, get("/feedback/reports/987654321").param("lang", "en"), 404);
        assertThat(report).contains("<title>Feedback report not found · ", "<h1>Feedback report not found</h1>",
                "id=\"not-found\"", "<a href=\"/feedback\">").doesNotContain("未找到反馈报告");
    }

    @Test
    void theListsHaveTheirHeadingAndFilterByStatusInTheModulesWords() throws Exception {
        String analyst = users.create(Role.ANALYST);

        String appeals = page(analyst, get("/appeals").param("status", "UNDER_REVIEW"), 200);
        assertThat(appeals).contains("<h1>申诉</h1>", "<form class=\"filters\" action=\"/appeals\" method=\"get\"",
                "<option value=\"\">全部</option>", "<option value=\"SUBMITTED\">已提交</option>",
                "<option value=\"UNDER_REVIEW\" selected=\"selected\">审核中</option>", ">筛选</button>")
                .doesNotContain("class=\"pager\"");

        String plans = page(analyst, get("/rectification").param("lang", "en"), 200);
        assertThat(plans).contains("action=\"/rectification\" method=\"get\" id=\"filter-form\"",
                "<label for=\"filter-status\">Status</label>", "<option value=\"\">All</option>",
                "<option value=\"DONE\">").doesNotContain("<option value=\"DONE\" selected");
    }

    @Test
    void thePagerLeadsToTheNeighbouringPagesKeepingTheFilter() {
        Map<String, Object> onPage2 = Map.of("paged", new Paged<>(Collections.nCopies(50, "x"), 1, 50, 120),
                "path", "/appeals", "status", "SUBMITTED", "prefix", "appeal");
        String middle = render("pager", onPage2, Locale.SIMPLIFIED_CHINESE);
        assertThat(middle).contains("class=\"pager\"",
                "<a href=\"/appeals?status=SUBMITTED&amp;page=0\">上一页</a>",
                "<a href=\"/appeals?status=SUBMITTED&amp;page=2\">下一页</a>");

        String last = render("pager", Map.of("paged", new Paged<>(Collections.nCopies(20, "x"), 2, 50, 120),
                "path", "/rectification", "status", "", "prefix", "rectification"), Locale.ENGLISH);
        assertThat(last).contains("page=1\">Previous</a>").doesNotContain("page=3");

        String single = render("pager", Map.of("paged", new Paged<>(Collections.nCopies(3, "x"), 0, 50, 3),
                "path", "/appeals", "status", "", "prefix", "appeal"), Locale.SIMPLIFIED_CHINESE);
        assertThat(single).doesNotContain("pager", "page=");
    }

    private String render(String fragment, Map<String, Object> variables, Locale locale) {
        MockServletContext servlet = new MockServletContext();
        var exchange = JakartaServletWebApplication.buildApplication(servlet)
                .buildExchange(new MockHttpServletRequest(servlet), new MockHttpServletResponse());
        return templates.process("fragments/lists", Set.of(fragment), new WebContext(exchange, locale, variables));
    }
}
