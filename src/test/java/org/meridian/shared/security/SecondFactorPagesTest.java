package org.meridian.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Enrolment on My account and the administrator's reset, as pages. */
@MeridianTest
class SecondFactorPagesTest {

    private static final Pattern SECRET = Pattern.compile("id=\"second-factor-secret\">([A-Z2-7 ]+)<");

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired TestUsers users;
    @Autowired Accounts accounts;
    @Autowired TwoStepSignIn twoStep;

    private RequestPostProcessor as(String username) {
        return user(accounts.loadForSignIn(username, clock.instant()).orElseThrow());
    }

    /** Reads the secret off the page as a person typing it into an app would. */
    private byte[] secretOnPage(String username) throws Exception {
        String page = mvc.perform(get("/account/second-factor").with(as(username)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("src=\"data:image/svg+xml;base64,")))
                .andExpect(content().string(containsString("href=\"otpauth://totp/Meridian%3A" + username)))
                .andReturn().getResponse().getContentAsString();
        // exactly one code field: the disable form's must not be drawn into the enrolment form as well
        assertThat(Pattern.compile("name=\"code\"").matcher(page).results().count()).isEqualTo(1);
        Matcher m = SECRET.matcher(page);
        assertThat(m.find()).isTrue();
        return Base32.decode(m.group(1));
    }

    private String codeNow(byte[] secret) {
        return OneTimePassword.totp(secret, clock.instant());
    }

    @Test
    void myAccountShowsTheSecondFactorOffAndLeadsToItsSetUp() throws Exception {
        String analyst = users.create(Role.ANALYST);
        mvc.perform(get("/account").with(as(analyst)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"second-factor-off\"")))
                .andExpect(content().string(containsString("设置两步验证")));
    }

    @Test
    void enrolsWithTheCodeOfTheAppAndShowsTheRecoveryCodesOnce() throws Exception {
        String manager = users.create(Role.HOSPITAL_MANAGER);
        byte[] secret = secretOnPage(manager);

        mvc.perform(post("/account/second-factor/confirm").with(as(manager)).with(csrf()).param("code", "12345"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"code-error\"")))
                .andExpect(content().string(containsString("动态口令不正确或已过期")))
                .andExpect(content().string(not(containsString("id=\"recovery-codes\""))));

        String page = mvc.perform(post("/account/second-factor/confirm").with(as(manager)).with(csrf())
                        .param("code", codeNow(secret)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"second-factor-enrolled\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(Pattern.compile("<code>[a-z2-7]{5}-[a-z2-7]{5}</code>").matcher(page).results().count())
                .isEqualTo(10);

        // shown once: the page afterwards says how many are left, not which
        mvc.perform(get("/account/second-factor").with(as(manager)))
                .andExpect(content().string(containsString("剩余可用恢复码：10 个")))
                .andExpect(content().string(not(containsString("id=\"recovery-codes\""))))
                .andExpect(content().string(containsString("id=\"second-factor-disable\"")));
        mvc.perform(get("/account").with(as(manager)))
                .andExpect(content().string(containsString("id=\"second-factor-on\"")));
    }

    @Test
    void turningItOffTakesACurrentCode() throws Exception {
        String analyst = users.create(Role.ANALYST);
        byte[] secret = secretOnPage(analyst);
        long step = OneTimePassword.step(clock.instant());
        mvc.perform(post("/account/second-factor/confirm").with(as(analyst)).with(csrf())
                .param("code", OneTimePassword.hotpText(secret, step, 6, OneTimePassword.Algorithm.SHA1)));

        mvc.perform(post("/account/second-factor/disable").with(as(analyst)).with(csrf()).param("code", "000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"disable-code-error\"")));
        mvc.perform(post("/account/second-factor/disable").with(as(analyst)).with(csrf())
                        .param("code", OneTimePassword.hotpText(secret, step + 1, 6, OneTimePassword.Algorithm.SHA1)))
                .andExpect(redirectedUrl("/account?secondFactorDisabled"));
        mvc.perform(get("/account?secondFactorDisabled").with(as(analyst)))
                .andExpect(content().string(containsString("两步验证已关闭")))
                .andExpect(content().string(containsString("id=\"second-factor-off\"")));
    }

    @Test
    void theAdministratorSeesWhetherItIsOnAndResetsIt() throws Exception {
        String admin = users.create(Role.ADMIN);
        String manager = users.create(Role.HOSPITAL_MANAGER);
        long managerId = accounts.loadForSignIn(manager, clock.instant()).orElseThrow().userId();
        byte[] secret = secretOnPage(manager);
        mvc.perform(post("/account/second-factor/confirm").with(as(manager)).with(csrf())
                .param("code", codeNow(secret)));

        mvc.perform(get("/admin/users/" + managerId).with(as(admin)))
                .andExpect(content().string(containsString("id=\"admin-second-factor-on\"")))
                .andExpect(content().string(containsString("id=\"second-factor-reset\"")));
        mvc.perform(post("/admin/users/" + managerId + "/second-factor/reset").with(as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + managerId));
        assertThat(twoStep.enrolled(users.firstHospital().id(), managerId)).isFalse();

        // nobody else may: a manager gets 403, another hospital's administrator 404
        String stranger = users.create(users.otherHospital().id(), Role.ADMIN, null);
        mvc.perform(post("/admin/users/" + managerId + "/second-factor/reset").with(as(manager)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/" + managerId + "/second-factor/reset").with(as(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
    }
}
