package org.meridian.shared.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Without demo mode there is no demo hospital and none of the documented demo accounts. */
@MeridianTest
class NoDemoTest {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Hospitals hospitals;

    @Test
    void noDemoAccountExistsAndNoneCanSignIn() throws Exception {
        for (DemoAccounts.DemoAccount demo : DemoAccounts.ACCOUNTS) {
            assertThat(accounts.usernameTaken(demo.username())).as(demo.username()).isFalse();
            mvc.perform(post("/login").param("username", demo.username()).param("password", "meridian2026")
                    .with(csrf())).andExpect(redirectedUrl("/login?error"));
        }
        assertThat(hospitals.all()).noneSatisfy(h -> assertThat(h.name()).isEqualTo("经络示范医院"));
    }
}
