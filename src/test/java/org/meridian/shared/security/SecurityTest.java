package org.meridian.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.meridian.shared.audit.AuditLog;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

@MeridianTest
class SecurityTest {

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired TestUsers users;
    @Autowired AuditLog audit;
    @Autowired ApiTokens tokens;
    @Autowired Accounts accounts;

    @Test
    void apiWithoutCredentialsAnswers401ProblemDetailNeverALoginPage() throws Exception {
        mvc.perform(get("/api/v1/anything").accept(MediaType.TEXT_HTML))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"));
    }

    @Test
    void theApisRefusalsCarryAStableTypeAndSpeakChineseWhenAsked() throws Exception {
        mvc.perform(get("/api/v1/anything"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:meridian:security:unauthenticated"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Authentication required")));
        mvc.perform(get("/api/v1/anything").header("Accept-Language", "zh-CN,zh;q=0.9"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:meridian:security:unauthenticated"))
                .andExpect(jsonPath("$.title").value("未登录"));
        mvc.perform(get("/api/v1/anything").with(httpBasic("nobody-" + System.nanoTime(), "wrong")).param("lang", "zh-CN"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:meridian:security:bad-credentials"))
                .andExpect(jsonPath("$.detail").value("凭据或令牌无效（未知、错误、已撤销或已过期）。"));
        String analyst = users.create(Role.ANALYST);
        mvc.perform(get("/actuator/info").with(httpBasic(analyst, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:meridian:security:forbidden"))
                .andExpect(jsonPath("$.title").value("Forbidden"))
                .andExpect(jsonPath("$.detail").value("Your role does not allow this call."));
    }

    @Test
    void pagesWithoutSessionRedirectToTheLoginPage() throws Exception {
        mvc.perform(get("/").accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void healthIsPublicAndOtherActuatorEndpointsAreForAdministratorsOnly() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        String analyst = users.create(Role.ANALYST);
        mvc.perform(get("/actuator/info").with(httpBasic(analyst, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(get("/actuator/info").with(httpBasic("admin", "Root-secret-2026"))).andExpect(status().isOk());
    }

    @Test
    void wrongPasswordRedirectsWithAnErrorAndIsAudited() throws Exception {
        String user = users.create(Role.ANALYST);
        mvc.perform(post("/login").param("username", user).param("password", "wrong-password-1").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
        long hospital = users.firstHospital().id();
        assertThat(audit.recent(hospital, "LOGIN_FAILURE", 50))
                .anySatisfy(e -> {
                    assertThat(e.actor()).isEqualTo(user);
                    assertThat(e.details()).contains("bad credentials");
                    assertThat(e.remoteAddr()).isNotBlank();
                });
    }

    @Test
    void successfulSignInIsAuditedAndLeadsHome() throws Exception {
        String user = users.create(Role.CHANNEL_MANAGER);
        mvc.perform(post("/login").param("username", user).param("password", TestUsers.PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/"));
        assertThat(audit.recent(users.firstHospital().id(), "LOGIN_SUCCESS", 50))
                .anySatisfy(e -> assertThat(e.actor()).isEqualTo(user));
    }

    @Test
    void fiveFailuresWithinFifteenMinutesLockTheAccountEvenForTheRightPassword() throws Exception {
        String user = users.create(Role.ANALYST);
        for (int i = 0; i < Accounts.LOCKOUT_FAILURES; i++) {
            mvc.perform(post("/login").param("username", user).param("password", "wrong-" + i + "-password")
                    .with(csrf())).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").param("username", user).param("password", TestUsers.PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/api/v1/anything").with(httpBasic(user, TestUsers.PASSWORD)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("locked")));
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        String user = users.create(Role.ANALYST);
        // no session and no token: treated like an expired form, back to the sign-in page, not signed in
        mvc.perform(post("/login").param("username", user).param("password", TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?expired"));
        // signed in, but the form carries a wrong token: 403, and still signed in
        var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(post("/login")
                        .param("username", "admin").param("password", "Root-secret-2026").with(csrf()))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
        mvc.perform(post("/logout").session(session).with(csrf().useInvalidToken())).andExpect(status().isForbidden());
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        assertThat(audit.recent(users.firstHospital().id(), "LOGIN_SUCCESS", 50))
                .noneSatisfy(e -> assertThat(e.actor()).isEqualTo(user));
    }

    @Test
    void expiredSessionLeadsBackToLoginWithAnExplanation() throws Exception {
        mvc.perform(get("/").with(staleSession()))
                .andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/").with(staleSession()).header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login?expired"));
    }

    /** A request that names a session the server no longer has (timed out). */
    static org.springframework.test.web.servlet.request.RequestPostProcessor staleSession() {
        return request -> {
            request.setRequestedSessionId("timed-out-session");
            request.setRequestedSessionIdValid(false);
            return request;
        };
    }

    @Test
    void personalAccessTokenAuthenticatesUntilRevoked() throws Exception {
        MeridianUser admin = accounts.loadForSignIn("admin", clock.instant()).orElseThrow();
        ApiTokens.Created created = tokens.create(admin, "监控脚本", 30);
        assertThat(created.secret()).startsWith("mrd_");
        mvc.perform(get("/actuator/info").header("Authorization", "Bearer " + created.secret()))
                .andExpect(status().isOk());

        tokens.revoke(admin, created.token().id());
        mvc.perform(get("/actuator/info").header("Authorization", "Bearer " + created.secret()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/actuator/info").header("Authorization", "Bearer mrd_not-a-real-token"))
                .andExpect(status().isUnauthorized());
        assertThat(audit.recent(admin.hospitalId(), "TOKEN_", 20)).extracting(AuditLog.Entry::action)
                .contains("TOKEN_CREATED", "TOKEN_REVOKED");
    }

    @Test
    void securityHeadersIncludeAContentSecurityPolicyWithoutInlineScripts() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("script-src 'self';")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    @WithUserDetails("admin")
    void homePageShowsTheHospitalAndLanguageSwitches() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("示例医院")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("English")));
        mvc.perform(get("/").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Sign out")));
    }
}
