package org.meridian.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Demo mode (same context as DemoModeTest): 60 channels of every type, the same every time, and partner. */
@MeridianDemoTest
class ChannelDemoDataTest {

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired ChannelRegistry registry;
    @Autowired TierChangeWorkflow tierChanges;
    @Autowired Hospitals hospitals;
    @Autowired Accounts accounts;

    @Test
    void sixtyChannelsOfEveryTypeWithTiersExpiringContractsAndPendingDowngrades() throws Exception {
        long h = hospitals.all().get(0).id();
        assertThat(registry.findByCode(Actor.system(h, "test"), "CH-001")).isPresent();
        assertThat(registry.findByCode(Actor.system(h, "test"), "CH-060")).isPresent();
        assertThat(registry.findByCode(Actor.system(h, "test"), "CH-061")).isEmpty();
        for (UnitType type : UnitType.channelTypes()) {
            assertThat(registry.search(Actor.system(h, "test"), new ChannelQuery(null, type, null, null, null, null, null, null, false, 0, 1))
                    .total()).as(type.name()).isPositive();
        }
        assertThat(registry.contractsEndingSoon(Actor.system(h, "test"), 100).total()).isBetween(3L, 8L);
        assertThat(tierChanges.pending(Actor.system(h, "test"))).hasSize(2)
                .allSatisfy(c -> assertThat(c.source()).isEqualTo(TierChangeSource.EVALUATION));
        assertThat(Arrays.stream(ChannelStatus.values())
                .filter(s -> registry.search(Actor.system(h, "test"), new ChannelQuery(null, null, null, s, null, null, null, null, false, 0, 1))
                        .total() > 0)).containsExactlyInAnyOrder(ChannelStatus.values());
        // the fixed seed: the same names every time
        assertThat(ChannelDemoData.seeds()).isEqualTo(ChannelDemoData.seeds());
        assertThat(registry.get(Actor.system(h, "test"), "CH-005").name()).isEqualTo(ChannelDemoData.seeds().get(4).name());
        mvc.perform(get("/api/v1/channels").param("region", "杭州市").with(httpBasic("analyst", "meridian2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThan(40)));
    }

    @Test
    void partnerIsAChannelUserOfCh001AndNeverSeesTheRegistry() throws Exception {
        MeridianUser partner = accounts.loadForSignIn("partner", clock.instant()).orElseThrow();
        long h = hospitals.all().get(0).id();
        assertThat(partner.channelId()).isEqualTo(registry.findByCode(Actor.system(h, "test"), "CH-001").orElseThrow().id());
        mvc.perform(get("/api/v1/channels").with(httpBasic("partner", "meridian2026")))
                .andExpect(status().isForbidden());
    }
}
