package org.meridian.incentive.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@MeridianTest
class IncentivePagesTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired UserDetailsService accounts;

    UserDetails signedIn(Role role) {
        return accounts.loadUserByUsername(users.create(role));
    }

    @Test
    void channelUsersMayNotSeeIncentives() throws Exception {
        mvc.perform(get("/incentives").with(user(accounts.loadUserByUsername(
                users.create(users.firstHospital().id(), Role.CHANNEL_USER, 1L))))).andExpect(status().isForbidden());
    }

    @Test
    void analystsReadButDoNotPrepare() throws Exception {
        UserDetails analyst = signedIn(Role.ANALYST);
        mvc.perform(get("/incentives").with(user(analyst))).andExpect(status().isOk())
                .andExpect(content().string(containsString("激励规则")))
                .andExpect(content().string(not(containsString("prepare-form"))));
        mvc.perform(post("/incentives/statements").param("period", "2026-Q3").with(user(analyst)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRefusedFormKeepsEverythingTyped() throws Exception {
        UserDetails office = signedIn(Role.CHANNEL_MANAGER);
        mvc.perform(post("/incentives/statements").with(user(office)).with(csrf())
                        .param("period", "2026-Q9").param("channelCode", "KEEP-ME"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"KEEP-ME\"")))
                .andExpect(content().string(containsString("value=\"2026-Q9\"")))
                .andExpect(content().string(containsString("本院未登记编码为")));
    }
}
