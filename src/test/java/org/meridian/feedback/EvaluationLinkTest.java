package org.meridian.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The ranking page of a published evaluation leads to the delivery list of its channels' feedback reports. */
@MeridianTest
class EvaluationLinkTest {

    private static final Pattern LINK = Pattern.compile("<a[^>]*id=\"feedback-link\"[^>]*href=\"([^\"]+)\"[^>]*>([^<]*)</a>"
            + "|<a[^>]*href=\"([^\"]+)\"[^>]*id=\"feedback-link\"[^>]*>([^<]*)</a>");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService accounts;

    @Test
    void theRankingOfAPublishedEvaluationLinksToItsFeedbackDeliveryList() throws Exception {
        Ward w = new Ward(mvc, users, hospitals);
        long september = w.publishedSeptember();
        long draft = w.run("2026-10");
        UserDetails analyst = accounts.loadUserByUsername(w.user(Role.ANALYST));

        String ranking = mvc.perform(get("/evaluations/" + september).with(user(analyst)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher m = LINK.matcher(ranking);
        assertThat(m.find()).as("the ranking page shows the feedback link").isTrue();
        String href = m.group(1) != null ? m.group(1) : m.group(3);
        String text = m.group(2) != null ? m.group(2) : m.group(4);
        assertThat(href).isEqualTo("/feedback/evaluations/" + september);
        assertThat(text).isEqualTo("反馈送达情况");

        // it leads to the list of the three channels' reports with their delivery status
        mvc.perform(get(href).with(user(analyst)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已生成 3 / 3 份报告")))
                .andExpect(content().string(containsString("id=\"row-FA\"")))
                .andExpect(content().string(containsString("id=\"row-FB\"")))
                .andExpect(content().string(containsString("id=\"row-FC\"")))
                .andExpect(content().string(containsString("/feedback/reports/")));

        // in English too; a draft has no reports and no link
        mvc.perform(get("/evaluations/" + september).param("lang", "en").with(user(analyst)))
                .andExpect(content().string(containsString(">Feedback delivery</a>")));
        mvc.perform(get("/evaluations/" + draft).with(user(analyst)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("feedback-link"))));
    }
}
