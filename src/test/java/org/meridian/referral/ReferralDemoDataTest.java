package org.meridian.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.MeridianUser;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The demo's referrals: the partner's channel has one in every state, and one urgent referral waits for the desk. */
@MeridianDemoTest
class ReferralDemoDataTest {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Clock clock;
    @Autowired ReferralDesk desk;

    private MeridianUser load(String username) {
        return accounts.loadForSignIn(username, clock.instant()).orElseThrow();
    }

    @Test
    void thePartnersChannelHasAReferralInEveryStateAndOneWaitsInTheDesksQueue() throws Exception {
        Map<ReferralStatus, Long> counts = desk.counts(load("partner").actor());
        for (ReferralStatus s : ReferralStatus.values()) {
            assertThat(counts.get(s)).as(s.name()).isPositive();
        }
        var queue = desk.search(load("desk").actor(), ReferralStatus.SUBMITTED, 0, 10);
        assertThat(queue.items()).hasSize(1);
        assertThat(queue.items().get(0).urgency()).isEqualTo(Urgency.URGENT);
        assertThat(queue.items().get(0).channelCode()).isEqualTo("CH-001");

        String list = mvc.perform(get("/referrals").with(user(load("partner")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("待受理", "已受理", "已预约", "已到诊", "已转化", "已拒绝", "患者已住院治疗，感谢转诊。",
                "建议转往区中心医院");

        // the green channel nearly used up: one slot left of CH-001's tier's quota, one over-quota booking waiting
        GreenChannelQuota quota = desk.greenChannelQuota(load("partner").actor());
        assertThat(quota.quota()).isPositive();
        assertThat(quota.left()).isEqualTo(1);
        var held = desk.greenChannelRequests(load("desk").actor(), GreenChannelRequest.Status.PENDING, 0, 10);
        assertThat(held.items()).hasSize(1);
        assertThat(held.items().get(0).requestedBy()).isEqualTo("desk");
        String home = mvc.perform(get("/").with(user(load("manager")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("超额绿色通道待审批");
    }
}
