package org.meridian.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Demo mode (the context of {@code DemoModeTest}): every demo evaluation has its reports; the partner has read. */
@MeridianDemoTest
class FeedbackDemoDataTest {

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired Hospitals hospitals;
    @Autowired Accounts accounts;
    @Autowired FeedbackReporting reports;

    @Test
    void everyPublishedDemoEvaluationHasOneReportPerChannelAndThePartnerHasReadItsOwn() throws Exception {
        MeridianUser manager = accounts.loadForSignIn("manager", clock.instant()).orElseThrow();
        // reports go to channels: the demo departments' evaluations have none (FeedbackReporting.generate)
        List<FeedbackReporting.EvaluationDelivery> deliveries = reports.deliveries(manager.actor()).stream()
                .filter(d -> d.evaluation().unitType().kind() == org.meridian.shared.UnitKind.CHANNEL).toList();
        assertThat(deliveries).as("the demo evaluations").hasSizeGreaterThan(20);
        assertThat(deliveries).allSatisfy(d -> assertThat(d.generated()).as(d.evaluation().period() + " "
                + d.evaluation().unitType()).isEqualTo(d.evaluation().units()));

        MeridianUser partner = accounts.loadForSignIn(FeedbackDemoData.PARTNER, clock.instant()).orElseThrow();
        List<FeedbackReport> mine = reports.mine(partner.actor());
        assertThat(mine).hasSizeGreaterThan(2).allSatisfy(r -> assertThat(r.channelId())
                .isEqualTo(partner.channelId()));
        assertThat(mine.get(0).status()).isEqualTo(DeliveryStatus.GENERATED);
        assertThat(mine.get(1).status()).isEqualTo(DeliveryStatus.VIEWED);
        assertThat(mine.subList(2, mine.size())).extracting(FeedbackReport::status)
                .containsOnly(DeliveryStatus.ACKNOWLEDGED);
        assertThat(mine.get(2).acknowledgedBy()).isEqualTo("partner");
        // the newest is the period that ended last
        assertThat(mine.get(0).content().period()).isEqualTo(deliveries.stream()
                .map(d -> d.evaluation().period()).max(java.util.Comparator.comparing(
                        (org.meridian.shared.Period p) -> p.lastDay()).thenComparing(p -> p.lastDay().toEpochDay()
                        - p.firstDay().toEpochDay())).orElseThrow().toString());

        mvc.perform(get("/feedback").with(user(partner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已确认")))
                .andExpect(content().string(containsString("已查看")));
    }
}
