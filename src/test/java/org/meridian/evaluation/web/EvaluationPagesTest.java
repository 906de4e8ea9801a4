package org.meridian.evaluation.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

/** The evaluation pages' forms and who may open them. */
@MeridianTest
class EvaluationPagesTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService accounts;

    private UserDetails signedIn(Hospital h, Role role) {
        return accounts.loadUserByUsername(users.create(h.id(), role, null));
    }

    private Hospital hospital() {
        String code = "EP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return hospitals.create(code, "评估页面医院", ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void theRunFormSaysWhatIsWrongBesideEachFieldAndKeepsWhatWasTyped() throws Exception {
        Hospital h = hospital();
        UserDetails office = signedIn(h, Role.CHANNEL_MANAGER);
        mvc.perform(post("/evaluations").with(user(office)).with(csrf()).param("period", "2026-Q5").param("unitType", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“2026-Q5”不是考核周期")))
                .andExpect(content().string(containsString("value=\"2026-Q5\"")))
                .andExpect(content().string(containsString("必填")));
        mvc.perform(post("/evaluations").with(user(office)).with(csrf()).param("period", "2026-Q3")
                        .param("unitType", "OTHER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("其他尚无考核方案")));
        mvc.perform(get("/evaluations").with(user(office)).param("lang", "en"))
                .andExpect(content().string(containsString("Run an evaluation")));
    }

    @Test
    void analystsReadWithoutButtonsChannelUsersAndRegulatorsAreRefused() throws Exception {
        Hospital h = hospital();
        mvc.perform(get("/evaluations").with(user(signedIn(h, Role.ANALYST))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("绩效评估")))
                .andExpect(content().string(not(containsString("id=\"run-form\""))));
        mvc.perform(post("/evaluations").with(user(signedIn(h, Role.ANALYST))).with(csrf()).param("period", "2026-09")
                .param("unitType", "OTHER")).andExpect(status().isForbidden());
        mvc.perform(get("/evaluations").with(user(accounts.loadUserByUsername(users.create(h.id(), Role.CHANNEL_USER,
                null))))).andExpect(status().isForbidden());
        mvc.perform(get("/evaluations").with(user(signedIn(h, Role.REGULATOR)))).andExpect(status().isForbidden());
    }
}
