package org.meridian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The static files a page loads are served from their four folders (style sheets, scripts, images, WebJars under the
 * versioned address the page names), a missing one is not found, and the page's own links stay as written.
 */
@MeridianTest
class StaticFilesTest {

    private static final Pattern LOADED = Pattern.compile("(?:src|href)=\"(/(?:css|js|img|webjars)/[^\"]+)\"");

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired TestUsers users;
    @Autowired Accounts accounts;

    @Test
    void everyFileAPageLoadsIsServedAndItsLinksStayAsWritten() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        String home = mvc.perform(get("/").with(user(accounts.loadForSignIn(manager, clock.instant()).orElseThrow()))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> files = new ArrayList<>();
        Matcher m = LOADED.matcher(home);
        while (m.find()) {
            files.add(m.group(1));
        }
        // the layout's style sheet, icon, scripts and the two WebJars (htmx and ECharts, with their version)
        assertThat(files).contains("/css/meridian.css", "/img/meridian.svg", "/js/meridian.js")
                .anyMatch(f -> f.matches("/webjars/htmx\\.org/\\d[^/]*/dist/htmx\\.min\\.js"))
                .anyMatch(f -> f.matches("/webjars/echarts/\\d[^/]*/dist/echarts\\.min\\.js|/webjars/echarts/\\d[^/]*/echarts\\.min\\.js"));
        for (String file : files) {
            mvc.perform(get(file)).andExpect(status().isOk());
        }
        mvc.perform(get("/css/meridian.css")).andExpect(content().contentTypeCompatibleWith("text/css"));
        mvc.perform(get("/css/nothing-here.css")).andExpect(status().isNotFound());
        // a page's own links are not files: written as they are
        assertThat(home).contains("href=\"/account\"");
    }
}
