package org.meridian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A browser that asks for something missing gets the Chinese error page with the status kept, never JSON; a program
 * asking the same path keeps getting problem details.
 */
@MeridianTest
class ErrorPagesTest {

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired TestUsers users;
    @Autowired Accounts accounts;

    private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        return request.with(user(accounts.loadForSignIn(username, clock.instant()).orElseThrow()));
    }

    @Test
    void missingAppealsEvaluationsAndSchemesShowTheChineseNotFoundPage() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        for (String path : new String[] {"/appeals/9999", "/evaluations/99999", "/indicators/schemes/FOO",
                "/rectification/9999", "/evaluations/99999/channels/CH-999"}) {
            String page = mvc.perform(as(manager, get(path)).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).as(path).contains("<title>出错了 · 经络</title>", "页面不存在",
                    "要找的内容不存在，或不属于您的医院。", "状态码 404", "返回首页").doesNotContain("\"status\"");
        }
    }

    @Test
    void aPageOpenedWithoutItsRequiredParameterShowsTheChineseBadRequestPage() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        String page = mvc.perform(as(manager, get("/appeals/new")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<title>出错了 · 经络</title>", "状态码 400", "返回首页").doesNotContain("\"status\"");
    }

    @Test
    void theErrorPageSpeaksEnglishWhenTheUserChoseIt() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        String page = mvc.perform(as(manager, get("/appeals/9999")).param("lang", "en").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Not found", "Status 404", "Back to the home page").doesNotContain("页面不存在");
    }

    @Test
    void aProgramAskingThePagePathStillGetsProblemDetails() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        mvc.perform(as(manager, get("/evaluations/99999")).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
