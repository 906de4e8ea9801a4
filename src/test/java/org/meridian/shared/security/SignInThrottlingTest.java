package org.meridian.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 18, point 7: a failed sign-in must not tell whether the username exists, and the lock that slows guessing is
 * kept per username and address (and per address), so a stranger cannot lock an administrator out. Each test uses
 * its own addresses from the documentation ranges (RFC 5737), so the tests do not throttle each other.
 */
@MeridianTest
class SignInThrottlingTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private String signIn(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf()).with(from(address))).andReturn().getResponse().getRedirectedUrl();
    }

    private MvcResult api(String username, String password, String address) throws Exception {
        return mvc.perform(get("/api/v1/anything").with(httpBasic(username, password)).with(from(address))
                .header("Accept-Language", "en")).andReturn();
    }

    @Test
    void anUnknownUsernameAndALockedAccountGetTheSameAnswers() throws Exception {
        String real = users.create(Role.ANALYST);
        String unknown = "nobody-" + real;
        String address = "192.0.2.11";
        for (int i = 0; i < Accounts.LOCKOUT_FAILURES; i++) {
            assertThat(signIn(real, "wrong-" + i + "-password", address)).isEqualTo("/login?error");
            assertThat(signIn(unknown, "wrong-" + i + "-password", address)).isEqualTo("/login?error");
        }
        assertThat(signIn(real, TestUsers.PASSWORD, address)).isEqualTo("/login?locked");
        assertThat(signIn(unknown, TestUsers.PASSWORD, address)).isEqualTo("/login?locked");

        MvcResult lockedReal = api(real, TestUsers.PASSWORD, address);
        MvcResult lockedUnknown = api(unknown, TestUsers.PASSWORD, address);
        assertThat(lockedReal.getResponse().getStatus()).isEqualTo(401);
        assertThat(lockedUnknown.getResponse().getStatus()).isEqualTo(401);
        // the same problem detail but for the instance, which is the same path too
        assertThat(lockedUnknown.getResponse().getContentAsString())
                .isEqualTo(lockedReal.getResponse().getContentAsString())
                .contains("urn:meridian:security:locked");
    }

    @Test
    void aStrangerCannotLockTheAdministratorOutFromAnotherAddress() throws Exception {
        String admin = users.create(Role.ADMIN);
        String stranger = "198.51.100.66";
        for (int i = 0; i < 3 * Accounts.LOCKOUT_FAILURES; i++) {
            signIn(admin, "guess-" + i + "-password", stranger);
        }
        assertThat(signIn(admin, TestUsers.PASSWORD, stranger)).isEqualTo("/login?locked");
        assertThat(api(admin, TestUsers.PASSWORD, stranger).getResponse().getStatus()).isEqualTo(401);

        String office = "198.51.100.10";
        assertThat(signIn(admin, TestUsers.PASSWORD, office)).isEqualTo("/");
        assertThat(api(admin, TestUsers.PASSWORD, office).getResponse().getStatus()).isNotEqualTo(401);
        // the administrator's sign-in from the office did not clear the stranger's lock
        assertThat(signIn(admin, TestUsers.PASSWORD, stranger)).isEqualTo("/login?locked");
    }

    @Test
    void anAddressThatFailsForManyUsernamesIsThrottledForAll() throws Exception {
        String address = "203.0.113.44";
        // 20 failures spread over 5 usernames, 4 each: no username reaches its own 5
        for (int i = 0; i < SignInThrottle.ADDRESS_FAILURES; i++) {
            assertThat(signIn("spray-" + (i % 5) + "-" + address, "Password" + i, address)).isEqualTo("/login?error");
        }
        String bystander = users.create(Role.ANALYST);
        assertThat(signIn(bystander, TestUsers.PASSWORD, address)).isEqualTo("/login?locked");
        assertThat(signIn(bystander, TestUsers.PASSWORD, "203.0.113.45")).isEqualTo("/");
    }

    @Test
    void theLockGrowsWithRepeatedFailures() throws Exception {
        String user = users.create(Role.ANALYST);
        String address = "192.0.2.77";
        Instant now = clock.instant();
        // ten failures in the last day, the last one 20 minutes ago: five earn 15 minutes, ten double it to 30,
        // so the lock lasts until 10 minutes from now
        for (int i = 0; i < 10; i++) {
            Instant at = now.minus(Duration.ofMinutes(i < 5 ? 180 + i : 20 + i));
            insertFailure(user, address, at);
        }
        assertThat(signIn(user, TestUsers.PASSWORD, address)).isEqualTo("/login?locked");

        String other = users.create(Role.ANALYST);
        // five failures, the last one 20 minutes ago: their 15 minutes are over
        for (int i = 0; i < 5; i++) {
            insertFailure(other, address, now.minus(Duration.ofMinutes(20 + i)));
        }
        assertThat(signIn(other, TestUsers.PASSWORD, address)).isEqualTo("/");
    }

    private void insertFailure(String username, String address, Instant at) {
        accounts.recordFailure(null, null, username, address, at);
    }
}
