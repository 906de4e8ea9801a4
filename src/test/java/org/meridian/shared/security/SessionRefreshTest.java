package org.meridian.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.shared.problem.Problem;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An open browser session follows its account: disabled means signed out at the next request, changed
 * roles apply at the next request. And a channel user can only be bound to a channel that exists once a
 * module answers for channels.
 */
@MeridianTest
class SessionRefreshTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Accounts accounts;
    @Autowired AccountAdministration administration;
    @Autowired PasswordEncoder encoder;
    @Autowired org.meridian.shared.audit.AuditLog audit;
    @Autowired java.time.Clock clock;

    private MeridianUser load(String username) {
        return accounts.loadForSignIn(username, clock.instant()).orElseThrow();
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", username)
                        .param("password", TestUsers.PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
    }

    @Test
    void aDisabledAccountIsSignedOutAtItsNextRequest() throws Exception {
        MeridianUser admin = load(users.create(Role.ADMIN));
        String analyst = users.create(Role.ANALYST);
        MockHttpSession session = signIn(analyst);
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());

        administration.update(admin, load(analyst).userId(),
                new AccountAdministration.Profile("停用的分析师", EnumSet.of(Role.ANALYST), false, null));

        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login?expired"));
        assertThat(session.isInvalid()).isTrue();
        MockHttpSession second = signIn(users.create(Role.ANALYST));
        mvc.perform(get("/").session(second).header("HX-Request", "true")).andExpect(status().isOk());
    }

    @Test
    void changedRolesApplyToAnOpenSessionAtOnce() throws Exception {
        MeridianUser admin = load(users.create(Role.ADMIN));
        String promoted = users.create(Role.CHANNEL_MANAGER);
        String demoted = users.create(Role.ADMIN);
        MockHttpSession promotedSession = signIn(promoted);
        MockHttpSession demotedSession = signIn(demoted);
        mvc.perform(get("/admin/users").session(promotedSession)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").session(demotedSession)).andExpect(status().isOk());

        administration.update(admin, load(promoted).userId(),
                new AccountAdministration.Profile("升任管理员", EnumSet.of(Role.ADMIN), true, null));
        administration.update(admin, load(demoted).userId(),
                new AccountAdministration.Profile("降为分析师", EnumSet.of(Role.ANALYST), true, null));

        mvc.perform(get("/admin/users").session(promotedSession)).andExpect(status().isOk());
        mvc.perform(get("/admin/users").session(demotedSession)).andExpect(status().isForbidden());
        mvc.perform(get("/").session(demotedSession)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("降为分析师")));
    }

    @Test
    void aChannelUserMustBeBoundToAnExistingChannelOnceChannelsAreKnown() {
        MeridianUser admin = load(users.create(Role.ADMIN));
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("directory", (ChannelDirectory) (hospitalId, channelId) ->
                hospitalId == admin.hospitalId() && channelId == 7L);
        AccountAdministration withChannels = new AccountAdministration(accounts, encoder, audit, clock,
                beans.getBeanProvider(ChannelDirectory.class));
        var unknown = new AccountAdministration.NewAccount("partner-x1", "渠道方", "Partner-pass-1",
                EnumSet.of(Role.CHANNEL_USER), 8L);
        assertThat(withChannels.problems(admin, unknown))
                .containsExactly(Problem.of("channelId", "account.error.channelUnknown"));
        var known = new AccountAdministration.NewAccount("partner-x1", "渠道方", "Partner-pass-1",
                EnumSet.of(Role.CHANNEL_USER), 7L);
        assertThat(withChannels.problems(admin, known)).isEmpty();
        // without a directory only the form of the id is checked
        AccountAdministration withoutChannels = new AccountAdministration(accounts, encoder, audit, clock,
                new StaticListableBeanFactory().getBeanProvider(ChannelDirectory.class));
        assertThat(withoutChannels.problems(admin, unknown)).isEqualTo(List.of());
    }
}
