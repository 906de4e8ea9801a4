package org.meridian.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The second step of signing in with the form, and HTTP Basic refused to accounts with it, on the real filter chain.
 * The test profile requires two-step verification of nobody, so these accounts have enrolled of their own accord
 * (a required role sends to enrolment: {@link SecondFactorRequiredTest}).
 */
@MeridianTest
class SecondFactorSignInTest {

    @Autowired MockMvc mvc;
    @Autowired TwoStepSignIn twoStep;
    @Autowired TestUsers users;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired Clock clock;

    private record Enrolled(String username, byte[] secret, long step, List<String> recovery) {

        String code(long stepsAfterEnrolment) {
            return OneTimePassword.hotpText(secret, step + stepsAfterEnrolment, 6, OneTimePassword.Algorithm.SHA1);
        }
    }

    /** A new account that enrolled an authenticator with the code of the current step. */
    private Enrolled enrolled(Role role) {
        String username = users.create(role);
        MeridianUser user = accounts.loadForSignIn(username, clock.instant()).orElseThrow();
        byte[] secret = Base32.decode(twoStep.setup(user).orElseThrow().groupedSecret());
        long step = OneTimePassword.step(clock.instant());
        List<String> recovery = twoStep.confirm(user,
                OneTimePassword.hotpText(secret, step, 6, OneTimePassword.Algorithm.SHA1));
        return new Enrolled(username, secret, step, recovery);
    }

    /** Signs in with the right password in {@code session}, expecting to be sent to {@code expected}. */
    private MockHttpSession password(String username, MockHttpSession session, String expected) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").session(session).with(csrf())
                        .param("username", username).param("password", TestUsers.PASSWORD))
                .andExpect(redirectedUrl(expected))
                .andReturn().getRequest().getSession();
    }

    private MockHttpSession password(String username, String expected) throws Exception {
        return password(username, new MockHttpSession(), expected);
    }

    @Test
    void afterThePasswordNothingButTheCodePageUntilARightCode() throws Exception {
        Enrolled analyst = enrolled(Role.ANALYST);
        MockHttpSession session = password(analyst.username(), "/login/code");

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login/code"));
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login/code"));
        mvc.perform(get("/channels").session(session).header("HX-Request", "true"))
                .andExpect(status().isUnauthorized()).andExpect(header().string("HX-Redirect", "/login/code"));
        mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "sneaky"))
                .andExpect(redirectedUrl("/login/code"));
        assertThat(tokens.ofUser(users.firstHospital().id(),
                accounts.loadForSignIn(analyst.username(), clock.instant()).orElseThrow().userId())).isEmpty();

        mvc.perform(get("/login/code").session(session))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"code-form\"")));
        mvc.perform(post("/login/code").session(session).with(csrf()).param("code", "12"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("动态口令不正确、已过期或已使用过")));
        // the code that confirmed the enrolment was used once already
        mvc.perform(post("/login/code").session(session).with(csrf()).param("code", analyst.code(0)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"code-error\"")));
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login/code"));

        MockHttpSession after = (MockHttpSession) mvc.perform(post("/login/code").session(session).with(csrf())
                        .param("code", analyst.code(1)))
                .andExpect(redirectedUrl("/"))
                .andReturn().getRequest().getSession();
        mvc.perform(get("/").session(after)).andExpect(status().isOk());
        mvc.perform(get("/login/code").session(after)).andExpect(redirectedUrl("/"));

        // the same code in a second sign-in is refused: a code works once
        MockHttpSession second = password(analyst.username(), "/login/code");
        mvc.perform(post("/login/code").session(second).with(csrf()).param("code", analyst.code(1)))
                .andExpect(content().string(containsString("id=\"code-error\"")));
        mvc.perform(get("/").session(second)).andExpect(redirectedUrl("/login/code"));
    }

    @Test
    void aRecoveryCodeSignsInOnce() throws Exception {
        Enrolled manager = enrolled(Role.HOSPITAL_MANAGER);
        String recovery = manager.recovery().get(3);

        MockHttpSession first = password(manager.username(), "/login/code");
        mvc.perform(post("/login/code").session(first).with(csrf()).param("code", recovery))
                .andExpect(redirectedUrl("/"));

        MockHttpSession second = password(manager.username(), "/login/code");
        mvc.perform(post("/login/code").session(second).with(csrf()).param("code", recovery))
                .andExpect(content().string(containsString("id=\"code-error\"")));
    }

    @Test
    void afterTheCodeThePersonGoesWhereTheyWereGoing() throws Exception {
        Enrolled analyst = enrolled(Role.ANALYST);
        MockHttpSession session = (MockHttpSession) mvc.perform(get("/account").accept("text/html"))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession();
        password(analyst.username(), session, "/login/code");
        mvc.perform(post("/login/code").session(session).with(csrf()).param("code", analyst.code(1)))
                .andExpect(redirectedUrl("http://localhost/account?continue"));
    }

    @Test
    void withoutAnAuthenticatorThePasswordIsEnoughAsBefore() throws Exception {
        String analyst = users.create(Role.ANALYST);
        MockHttpSession session = password(analyst, "/");
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
    }

    @Test
    void signingInAsSomeoneElseInAWaitingSessionEndsTheWait() throws Exception {
        Enrolled enrolled = enrolled(Role.ANALYST);
        MockHttpSession session = password(enrolled.username(), "/login/code");
        String plain = users.create(Role.ANALYST);
        MockHttpSession other = password(plain, session, "/");
        mvc.perform(get("/").session(other)).andExpect(status().isOk());
    }

    @Test
    void httpBasicIsRefusedToAnAccountWithTwoStepVerificationAndATokenWorks() throws Exception {
        Enrolled analyst = enrolled(Role.ANALYST);
        mvc.perform(get("/api/v1/channels").with(httpBasic(analyst.username(), TestUsers.PASSWORD)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:meridian:security:second-factor-basic"))
                .andExpect(jsonPath("$.detail").value(containsString("personal access token")));

        MeridianUser user = accounts.loadForSignIn(analyst.username(), clock.instant()).orElseThrow();
        String token = tokens.create(user, "nightly export", 30).secret();
        mvc.perform(get("/api/v1/channels").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());

        String plain = users.create(Role.ANALYST);
        mvc.perform(get("/api/v1/channels").with(httpBasic(plain, TestUsers.PASSWORD)))
                .andExpect(status().isOk());
    }
}
