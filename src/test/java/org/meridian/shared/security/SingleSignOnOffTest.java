package org.meridian.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Meridian as shipped, without any provider configured (docs/security.md, Single sign-on): the sign-in page offers no
 * single sign-on, and the addresses that start or finish one sign nobody in; they lead to the sign-in page like any
 * other page.
 */
@MeridianTest
class SingleSignOnOffTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    @Test
    void withoutAProviderTheSignInPageOffersOnlyThePasswordForm() throws Exception {
        assertThat(context.getBeanNamesForType(ClientRegistrationRepository.class)).isEmpty();

        String html = mvc.perform(get("/login").accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);

        assertThat(page.select("#login-submit")).hasSize(1);
        assertThat(page.select("a.login-sso, .login-or, [id^=login-sso]")).isEmpty();
        assertThat(page.text()).doesNotContain("使用").doesNotContain("或");
    }

    @Test
    void theAddressesOfASignInThroughAProviderSignNobodyIn() throws Exception {
        MockHttpSession session = new MockHttpSession();

        mvc.perform(get("/oauth2/authorization/hospital").session(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login/oauth2/code/hospital?code=forged-code&state=forged-state").session(session)
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));

        // the same session is still nobody's
        mvc.perform(get("/").session(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }
}
