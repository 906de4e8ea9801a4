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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.ApiTokens;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** User administration under /admin/users and /admin/tokens: what an administrator may do, and others may not. */
@MeridianTest
class AdminUsersTest {

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired TestUsers users;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired org.meridian.channel.ChannelRegistry channels;
    @Autowired AuditLog audit;
    @Autowired JsonMapper json;

    private MeridianUser load(String username) {
        return accounts.loadForSignIn(username, clock.instant()).orElseThrow();
    }

    private RequestPostProcessor as(String username) {
        return user(load(username));
    }

    private void signsIn(String username, String password, String expectedRedirect) throws Exception {
        mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
                .andExpect(redirectedUrl(expectedRedirect));
    }

    /** The newest audit entry of this action about this target, with its details parsed. */
    private JsonNode lastDetails(String action, String target) {
        AuditLog.Entry entry = audit.recent(users.firstHospital().id(), action, 500).stream()
                .filter(e -> target.equals(e.target())).findFirst().orElseThrow();
        return json.readTree(entry.details());
    }

    @Test
    void adminCreatesAUserWhoCanThenSignIn() throws Exception {
        String admin = users.create(Role.ADMIN);
        String username = "Nurse.Li-" + System.nanoTime() % 100000;
        mvc.perform(post("/admin/users").with(as(admin)).with(csrf())
                        .param("username", username).param("displayName", "李护士")
                        .param("password", "Welcome-2026-li").param("roles", "CHANNEL_MANAGER", "ANALYST"))
                .andExpect(redirectedUrlPattern("/admin/users/*"));
        signsIn(username.toLowerCase(), "Welcome-2026-li", "/");
        assertThat(load(username).roles()).containsExactlyInAnyOrder(Role.CHANNEL_MANAGER, Role.ANALYST);
        JsonNode details = lastDetails("USER_CREATED", username);
        assertThat(details.get("displayName").asString()).isEqualTo("李护士");
        assertThat(details.get("roles").toString()).contains("CHANNEL_MANAGER", "ANALYST");
        mvc.perform(get("/admin/users").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(username)))
                .andExpect(content().string(containsString("李护士")));
    }

    @Test
    void aNewUserBreakingRulesIsRefusedWithEveryProblemBesideItsFieldAndNothingIsCreated() throws Exception {
        String admin = users.create(Role.ADMIN);
        long before = accounts.countUsers(users.firstHospital().id());
        mvc.perform(post("/admin/users").with(as(admin)).with(csrf())
                        .param("username", "ADMIN").param("displayName", " ")
                        .param("password", "short").param("roles", "CHANNEL_USER", "ANALYST"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该用户名已被使用")))
                .andExpect(content().string(containsString("请填写姓名")))
                .andExpect(content().string(containsString("密码至少 10 个字符")))
                .andExpect(content().string(containsString("密码须包含数字")))
                .andExpect(content().string(containsString("渠道方账户不能兼有其他角色")))
                .andExpect(content().string(containsString("渠道方账户必须绑定一个渠道")))
                .andExpect(content().string(not(containsString("value=\"short\""))));
        mvc.perform(post("/admin/users").with(as(admin)).with(csrf())
                        .param("username", "x").param("displayName", "某人")
                        .param("password", "Good-password-1").param("roles", "ANALYST").param("channelId", "7"))
                .andExpect(content().string(containsString("用户名须为 3–64 个")))
                .andExpect(content().string(containsString("只有渠道方账户可以绑定渠道")));
        mvc.perform(post("/admin/users").with(as(admin)).with(csrf())
                        .param("username", "nobody-roles").param("displayName", "某人")
                        .param("password", "Good-password-1").param("channelId", "abc"))
                .andExpect(content().string(containsString("请至少选择一个角色")))
                .andExpect(content().string(containsString("请输入一个整数")));
        assertThat(accounts.countUsers(users.firstHospital().id())).isEqualTo(before);
    }

    @Test
    void aChannelUserIsBoundToItsChannel() throws Exception {
        String admin = users.create(Role.ADMIN);
        String username = "partner-" + System.nanoTime() % 100000;
        long channelId = channels.register(Actor.system(users.firstHospital().id(), "test"), new org.meridian.channel.ChannelDraft(
                "ADM-" + username, "社区卫生服务中心 " + username, "COMMUNITY_HEALTH", null, null, null, null, null, null,
                null, null, null, null)).id();
        mvc.perform(post("/admin/users").with(as(admin)).with(csrf())
                        .param("username", username).param("displayName", "社区中心 王医生")
                        .param("password", "Partner-pass-42").param("roles", "CHANNEL_USER")
                        .param("channelId", String.valueOf(channelId)))
                .andExpect(redirectedUrlPattern("/admin/users/*"));
        assertThat(load(username).channelId()).isEqualTo(channelId);

        // The form offers the hospital's channels by code and name, the bound one selected.
        long userId = load(username).userId();
        mvc.perform(get("/admin/users/" + userId).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "<option value=\"" + channelId + "\" selected=\"selected\">ADM-" + username
                                + " 社区卫生服务中心 " + username + "</option>")));
        mvc.perform(get("/admin/users/new").with(as(admin)))
                .andExpect(content().string(containsString(">ADM-" + username + " 社区卫生服务中心 " + username + "<")));
    }

    @Test
    void roleChangesAndDisablingAreAuditedWithOldAndNewValues() throws Exception {
        String admin = users.create(Role.ADMIN);
        String analyst = users.create(Role.ANALYST);
        long id = load(analyst).userId();
        mvc.perform(post("/admin/users/{id}", id).with(as(admin)).with(csrf())
                        .param("displayName", "改名后").param("roles", "CHANNEL_MANAGER").param("enabled", "false")
                        .param("_enabled", "on"))
                .andExpect(redirectedUrl("/admin/users/" + id));
        JsonNode roles = lastDetails("ROLES_CHANGED", analyst).get("roles");
        assertThat(roles.get("old").toString()).isEqualTo("[\"ANALYST\"]");
        assertThat(roles.get("new").toString()).isEqualTo("[\"CHANNEL_MANAGER\"]");
        JsonNode updated = lastDetails("USER_UPDATED", analyst);
        assertThat(updated.get("enabled").get("old").asBoolean()).isTrue();
        assertThat(updated.get("enabled").get("new").asBoolean()).isFalse();
        assertThat(updated.get("displayName").get("new").asString()).isEqualTo("改名后");
        assertThat(audit.recent(users.firstHospital().id(), "ROLES_CHANGED", 500))
                .filteredOn(e -> analyst.equals(e.target())).extracting(AuditLog.Entry::actor).containsOnly(admin);
        // a disabled account can no longer sign in
        signsIn(analyst, TestUsers.PASSWORD, "/login?error");
    }

    @Test
    void anAdministratorCannotDemoteOrDisableThemselves() throws Exception {
        String admin = users.create(Role.ADMIN);
        long id = load(admin).userId();
        mvc.perform(post("/admin/users/{id}", id).with(as(admin)).with(csrf())
                        .param("displayName", "管理员").param("roles", "ANALYST").param("_enabled", "on"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不能取消自己的系统管理员角色")))
                .andExpect(content().string(containsString("不能停用自己的账户")));
        MeridianUser after = load(admin);
        assertThat(after.roles()).containsExactly(Role.ADMIN);
        assertThat(after.isEnabled()).isTrue();
        assertThat(audit.recent(users.firstHospital().id(), "ROLES_CHANGED", 500))
                .noneSatisfy(e -> assertThat(e.target()).isEqualTo(admin));
    }

    @Test
    void channelUsersAndAnalystsGet403OnEveryAdminPageAndChangeNothing() throws Exception {
        String victim = users.create(Role.ANALYST);
        long victimId = load(victim).userId();
        ApiTokens.Created token = tokens.create(load(victim), "受害者令牌", null);
        String channelUser = users.create(users.firstHospital().id(), Role.CHANNEL_USER, 9L);
        String analyst = users.create(Role.ANALYST);
        String manager = users.create(Role.HOSPITAL_MANAGER);
        for (String caller : List.of(channelUser, analyst, manager)) {
            for (String page : List.of("/admin/users", "/admin/users/new", "/admin/users/" + victimId,
                    "/admin/tokens", "/admin/audit")) {
                mvc.perform(get(page).with(as(caller))).andExpect(status().isForbidden());
            }
            mvc.perform(post("/admin/users").with(as(caller)).with(csrf())
                            .param("username", "intruder-" + caller).param("displayName", "x")
                            .param("password", "Intruder-pass-1").param("roles", "ADMIN"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/users/{id}", victimId).with(as(caller)).with(csrf())
                            .param("displayName", "x").param("roles", "ADMIN").param("enabled", "true"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/users/{id}/password", victimId).with(as(caller)).with(csrf())
                            .param("password", "Taken-over-2026"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/tokens/{id}/revoke", token.token().id()).with(as(caller)).with(csrf()))
                    .andExpect(status().isForbidden());
            assertThat(accounts.usernameTaken("intruder-" + caller)).isFalse();
        }
        assertThat(load(victim).roles()).containsExactly(Role.ANALYST);
        signsIn(victim, TestUsers.PASSWORD, "/");
        assertThat(tokens.find(users.firstHospital().id(), token.token().id()).orElseThrow().revokedAt()).isNull();
    }

    @Test
    void theAdministrationEntryIsInTheNavigationOfAdministratorsOnly() throws Exception {
        String admin = users.create(Role.ADMIN);
        String manager = users.create(Role.HOSPITAL_MANAGER);
        mvc.perform(get("/").with(as(admin)))
                .andExpect(content().string(containsString("href=\"/admin/users\"")));
        mvc.perform(get("/").with(as(manager)))
                .andExpect(content().string(not(containsString("href=\"/admin/users\""))));
    }

    @Test
    void anAdminFormWithoutCsrfTokenIsRefused() throws Exception {
        String admin = users.create(Role.ADMIN);
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", admin)
                        .param("password", TestUsers.PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
        // the page holds the session's CSRF token, which the forged form below does not know
        mvc.perform(get("/admin/users/new").session(session)).andExpect(status().isOk());
        String username = "no-csrf-" + System.nanoTime() % 100000;
        mvc.perform(post("/admin/users").session(session)
                        .param("username", username).param("displayName", "x")
                        .param("password", "Good-password-1").param("roles", "ANALYST"))
                .andExpect(status().isForbidden());
        assertThat(accounts.usernameTaken(username)).isFalse();
    }

    @Test
    void unlockingClearsTheFailuresAndIsAudited() throws Exception {
        String admin = users.create(Role.ADMIN);
        String analyst = users.create(Role.ANALYST);
        MeridianUser locked = load(analyst);
        for (int i = 0; i < Accounts.LOCKOUT_FAILURES; i++) {
            accounts.recordFailure(locked.hospitalId(), locked.userId(), clock.instant());
        }
        signsIn(analyst, TestUsers.PASSWORD, "/login?locked");
        mvc.perform(get("/admin/users/{id}", locked.userId()).with(as(admin)))
                .andExpect(content().string(containsString("id=\"locked-badge\"")));
        mvc.perform(post("/admin/users/{id}/unlock", locked.userId()).with(as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + locked.userId()));
        signsIn(analyst, TestUsers.PASSWORD, "/");
        JsonNode details = lastDetails("USER_UNLOCKED", analyst);
        assertThat(details.get("locked").get("old").asBoolean()).isTrue();
        assertThat(details.get("locked").get("new").asBoolean()).isFalse();
    }

    @Test
    void resettingAPasswordFollowsThePolicyAndIsAudited() throws Exception {
        String admin = users.create(Role.ADMIN);
        String analyst = users.create(Role.ANALYST);
        long id = load(analyst).userId();
        mvc.perform(post("/admin/users/{id}/password", id).with(as(admin)).with(csrf()).param("password", analyst + "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("密码不能包含用户名")));
        signsIn(analyst, TestUsers.PASSWORD, "/");
        mvc.perform(post("/admin/users/{id}/password", id).with(as(admin)).with(csrf()).param("password", "Reset-by-admin-9"))
                .andExpect(redirectedUrl("/admin/users/" + id));
        signsIn(analyst, "Reset-by-admin-9", "/");
        assertThat(audit.recent(users.firstHospital().id(), "PASSWORD_RESET", 500))
                .anySatisfy(e -> {
                    assertThat(e.target()).isEqualTo(analyst);
                    assertThat(e.actor()).isEqualTo(admin);
                    assertThat(e.details()).isNull();
                });
    }

    @Test
    void accountsOfAnotherHospitalAreInvisible() throws Exception {
        String admin = users.create(Role.ADMIN);
        long otherHospital = users.otherHospital().id();
        String stranger = users.create(otherHospital, Role.ANALYST, null);
        long strangerId = load(stranger).userId();
        mvc.perform(get("/admin/users/{id}", strangerId).with(as(admin))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/users/{id}", strangerId).with(as(admin)).with(csrf())
                        .param("displayName", "x").param("roles", "ADMIN").param("enabled", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/users").with(as(admin)))
                .andExpect(content().string(not(containsString(stranger))));
        assertThat(load(stranger).roles()).containsExactly(Role.ANALYST);
    }

    @Test
    void anAdministratorSeesEveryTokenAndRevokesOneWhichThenAnswers401() throws Exception {
        String admin = users.create(Role.ADMIN);
        String analyst = users.create(Role.ANALYST);
        ApiTokens.Created created = tokens.create(load(analyst), "分析脚本", 7);
        mvc.perform(get("/api/v1/no-such-endpoint").header("Authorization", "Bearer " + created.secret()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/tokens").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("分析脚本")))
                .andExpect(content().string(containsString(analyst)));
        mvc.perform(post("/admin/tokens/{id}/revoke", created.token().id()).with(as(admin)).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("id=\"admin-tokens\"")));
        mvc.perform(get("/api/v1/no-such-endpoint").header("Authorization", "Bearer " + created.secret()))
                .andExpect(status().isUnauthorized());
        assertThat(audit.recent(users.firstHospital().id(), "TOKEN_REVOKED", 500))
                .anySatisfy(e -> {
                    assertThat(e.actor()).isEqualTo(admin);
                    assertThat(e.target()).isEqualTo(analyst + "/分析脚本");
                });
    }

    @Test
    void editingKeepsTheFormValuesAndShowsTheRolesChecked() throws Exception {
        String admin = users.create(Role.ADMIN);
        String manager = users.create(Role.CHANNEL_MANAGER);
        mvc.perform(get("/admin/users/{id}", load(manager).userId()).with(as(admin)).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*value=\"CHANNEL_MANAGER\"[^>]*name=\"roles\" checked=\"checked\".*")))
                .andExpect(content().string(not(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*value=\"ADMIN\"[^>]*name=\"roles\" checked=\"checked\".*"))))
                .andExpect(content().string(containsString("Reset password")));
    }

    @Test
    void everyAccountAndAdministrationPageHasAllItsTextsInBothLanguages() throws Exception {
        String admin = users.create(Role.ADMIN);
        String analyst = users.create(Role.ANALYST);
        tokens.create(load(analyst), "双语检查", 3);
        long id = load(analyst).userId();
        for (String lang : List.of("zh-CN", "en")) {
            for (String page : List.of("/account", "/admin/users", "/admin/users/new", "/admin/users/" + id,
                    "/admin/tokens", "/admin/audit")) {
                mvc.perform(get(page).with(as(admin)).param("lang", lang))
                        .andExpect(status().isOk())
                        .andExpect(content().string(not(containsString("??"))));
            }
        }
    }
}
