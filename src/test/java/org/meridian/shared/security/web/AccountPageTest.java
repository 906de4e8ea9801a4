package org.meridian.shared.security.web;

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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.ApiTokens;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The My account page: own password and own personal access tokens. */
@MeridianTest
class AccountPageTest {

    private static final Pattern SECRET = Pattern.compile("mrd_[A-Za-z0-9]{32}");

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired TestUsers users;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;

    private RequestPostProcessor as(String username) {
        return user(accounts.loadForSignIn(username, clock.instant()).orElseThrow());
    }

    private void signsIn(String username, String password, boolean expected) throws Exception {
        mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
                .andExpect(redirectedUrl(expected ? "/" : "/login?error"));
    }

    @Test
    void showsTheAccountWithItsRolesAndAnEmptyTokenList() throws Exception {
        String analyst = users.create(Role.ANALYST);
        mvc.perform(get("/account").with(as(analyst)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(analyst)))
                .andExpect(content().string(containsString("只读分析")))
                .andExpect(content().string(containsString("还没有令牌")));
    }

    @Test
    void wrongCurrentPasswordIsRefusedBesideTheFieldAndTheOldPasswordStillWorks() throws Exception {
        String analyst = users.create(Role.ANALYST);
        mvc.perform(post("/account/password").with(as(analyst)).with(csrf())
                        .param("currentPassword", "not-my-password-1")
                        .param("newPassword", "Brand-new-pass-77").param("confirmPassword", "Brand-new-pass-77"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"currentPassword-error\"")))
                .andExpect(content().string(containsString("当前密码不正确")));
        signsIn(analyst, "Brand-new-pass-77", false);
        signsIn(analyst, TestUsers.PASSWORD, true);
        assertThat(audit.recent(users.firstHospital().id(), "PASSWORD_CHANGE_FAILED", 50))
                .anySatisfy(e -> assertThat(e.actor()).isEqualTo(analyst));
    }

    @Test
    void everyBrokenPolicyRuleIsListedBesideTheNewPasswordInTheHtmxFragment() throws Exception {
        String analyst = users.create(Role.ANALYST);
        mvc.perform(post("/account/password").with(as(analyst)).with(csrf()).header("HX-Request", "true")
                        .param("currentPassword", TestUsers.PASSWORD)
                        .param("newPassword", "xyz").param("confirmPassword", "xyz-other"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("id=\"password-card\"")))
                .andExpect(content().string(containsString("id=\"newPassword-error\"")))
                .andExpect(content().string(containsString("密码至少 10 个字符")))
                .andExpect(content().string(containsString("密码须包含数字")))
                .andExpect(content().string(containsString("两次输入的新密码不一致")))
                .andExpect(content().string(not(containsString("当前密码不正确"))));
        // the password containing the username breaks that rule too, listed in English with ?lang=en
        mvc.perform(post("/account/password").with(as(analyst)).with(csrf()).param("lang", "en")
                        .param("currentPassword", TestUsers.PASSWORD)
                        .param("newPassword", analyst + "-abc").param("confirmPassword", analyst + "-abc"))
                .andExpect(content().string(containsString("Must not contain the username")));
        signsIn(analyst, TestUsers.PASSWORD, true);
    }

    @Test
    void changedPasswordReplacesTheOldOneAndIsAudited() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        mvc.perform(post("/account/password").with(as(manager)).with(csrf())
                        .param("currentPassword", TestUsers.PASSWORD)
                        .param("newPassword", "Fresh-secret-2027").param("confirmPassword", "Fresh-secret-2027"))
                .andExpect(redirectedUrl("/account?passwordChanged"));
        signsIn(manager, TestUsers.PASSWORD, false);
        signsIn(manager, "Fresh-secret-2027", true);
        assertThat(audit.recent(users.firstHospital().id(), "PASSWORD_CHANGED", 50))
                .anySatisfy(e -> assertThat(e.target()).isEqualTo(manager));
    }

    @Test
    void aCreatedTokenIsShownOnceWorksUntilRevokedAndIsNeverStoredInClear() throws Exception {
        String analyst = users.create(Role.ANALYST);
        String page = mvc.perform(post("/account/tokens").with(as(analyst)).with(csrf()).header("HX-Request", "true")
                        .param("name", "夜间导入").param("validDays", "30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("它只显示这一次")))
                .andReturn().getResponse().getContentAsString();
        Matcher m = SECRET.matcher(page);
        assertThat(m.find()).as("the secret is shown").isTrue();
        String secret = m.group();

        mvc.perform(get("/api/v1/no-such-endpoint").header("Authorization", "Bearer " + secret))
                .andExpect(status().isNotFound());
        mvc.perform(get("/account").with(as(analyst)))
                .andExpect(content().string(containsString("夜间导入")))
                .andExpect(content().string(containsString(secret.substring(0, 10))))
                .andExpect(content().string(not(containsString(secret))));

        List<String> rows = jdbc.sql("SELECT row_to_json(t)::text FROM api_token t").query(String.class).list();
        assertThat(rows).isNotEmpty().noneSatisfy(r -> assertThat(r).contains(secret.substring(10)));

        MeridianUser owner = accounts.loadForSignIn(analyst, clock.instant()).orElseThrow();
        ApiTokens.Token token = tokens.ofUser(owner.hospitalId(), owner.userId()).get(0);
        mvc.perform(post("/account/tokens/{id}/revoke", token.id()).with(as(analyst)).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已撤销")));
        mvc.perform(get("/api/v1/no-such-endpoint").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized());
        assertThat(audit.recent(owner.hospitalId(), "TOKEN_REVOKED", 50))
                .anySatisfy(e -> assertThat(e.target()).isEqualTo(analyst + "/夜间导入"));
    }

    @Test
    void aTokenWithoutNameOrWithAnImpossibleValidityIsRefusedWithBothProblems() throws Exception {
        String analyst = users.create(Role.ANALYST);
        mvc.perform(post("/account/tokens").with(as(analyst)).with(csrf()).param("name", " ").param("validDays", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写令牌名称")))
                .andExpect(content().string(containsString("有效天数须在 1 到 3650 之间")))
                .andExpect(content().string(not(containsString("mrd_"))));
        mvc.perform(post("/account/tokens").with(as(analyst)).with(csrf()).param("name", "").param("validDays", "abc"))
                .andExpect(content().string(containsString("请输入一个整数")))
                .andExpect(content().string(containsString("请填写令牌名称")));
        MeridianUser owner = accounts.loadForSignIn(analyst, clock.instant()).orElseThrow();
        assertThat(tokens.ofUser(owner.hospitalId(), owner.userId())).isEmpty();
    }

    @Test
    void someoneElsesTokenCannotBeRevokedFromMyAccount() throws Exception {
        String owner = users.create(Role.ANALYST);
        String other = users.create(Role.CHANNEL_MANAGER);
        MeridianUser ownerUser = accounts.loadForSignIn(owner, clock.instant()).orElseThrow();
        ApiTokens.Created created = tokens.create(ownerUser, "他人的令牌", null);
        mvc.perform(post("/account/tokens/{id}/revoke", created.token().id()).with(as(other)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(tokens.find(ownerUser.hospitalId(), created.token().id()).orElseThrow().revokedAt()).isNull();
    }

    @Test
    void postsWithoutCsrfTokenAreRefusedAndChangeNothing() throws Exception {
        String analyst = users.create(Role.ANALYST);
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", analyst)
                        .param("password", TestUsers.PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
        // the page holds the session's CSRF token, which the forged form below does not know
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
        mvc.perform(post("/account/password").session(session)
                        .param("currentPassword", TestUsers.PASSWORD)
                        .param("newPassword", "Other-secret-2027").param("confirmPassword", "Other-secret-2027"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/account/tokens").session(session).param("name", "无 CSRF"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
        signsIn(analyst, TestUsers.PASSWORD, true);
        MeridianUser owner = accounts.loadForSignIn(analyst, clock.instant()).orElseThrow();
        assertThat(tokens.ofUser(owner.hospitalId(), owner.userId())).isEmpty();
    }
}
