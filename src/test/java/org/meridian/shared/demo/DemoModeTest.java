package org.meridian.shared.demo;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Meridian started with {@code meridian.demo=true}: the demo hospital and the documented demo accounts
 * (README) sign in with {@code meridian2026}. Its own context and database (one extra start).
 */
@MeridianDemoTest
class DemoModeTest {

    @Autowired MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = {"admin", "manager", "office", "analyst", "regulator"})
    void theDocumentedDemoAccountsSignInToTheDemoHospital(String username) throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login")
                        .param("username", username).param("password", "meridian2026").with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andReturn().getRequest().getSession();
        mvc.perform(get("/").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("经络示范医院")));
    }
}
