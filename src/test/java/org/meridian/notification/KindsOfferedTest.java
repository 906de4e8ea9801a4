package org.meridian.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.notification.NotificationKind.ALERT_RAISED;
import static org.meridian.notification.NotificationKind.APPEAL_DECIDED;
import static org.meridian.notification.NotificationKind.APPEAL_FILED;
import static org.meridian.notification.NotificationKind.RECTIFICATION_OVERDUE;
import static org.meridian.notification.NotificationKind.EVALUATION_PUBLISHED;
import static org.meridian.notification.NotificationKind.REFERRAL_ACCEPTED;
import static org.meridian.notification.NotificationKind.REFERRAL_ARRIVED;
import static org.meridian.notification.NotificationKind.REFERRAL_CONVERTED;
import static org.meridian.notification.NotificationKind.REFERRAL_DECLINED;
import static org.meridian.notification.NotificationKind.REFERRAL_SCHEDULED;
import static org.meridian.notification.NotificationKind.REFERRAL_SUBMITTED;
import static org.meridian.notification.NotificationKind.REPEAT_RATE_ALERT;
import static org.meridian.notification.NotificationKind.REPORT_READY;
import static org.meridian.notification.NotificationKind.COMPLIANCE_SIGN_OFF;
import static org.meridian.notification.NotificationKind.STATEMENT_APPROVED;
import static org.meridian.notification.NotificationKind.STATEMENT_TO_APPROVE;
import static org.meridian.notification.NotificationKind.STATEMENT_TO_REVIEW;
import static org.meridian.notification.NotificationKind.TERMINATION_DECIDED;
import static org.meridian.notification.NotificationKind.TIER_CHANGED;
import static org.meridian.notification.NotificationKind.TIER_CHANGE_DECIDED;
import static org.meridian.notification.NotificationKind.TIER_CHANGE_REQUESTED;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.meridian.shared.Actor;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 提醒方式 offers each person only the kinds of notification their role can receive (docs/notifications.md): the
 * expected lists are read off the audiences described there, not off the code — an evaluation's publication reaches
 * the office (analyst, channel manager, hospital manager, administrator); its report and a referral's steps the
 * channel's own users; a new referral the desk (the channel managers when there is no desk); an alert the channel
 * managers (not the analysts nor the hospital managers above them) and the alerted channel's own users; a
 * repeat-rate alert the region's regulators and an alliance lead's channel office (or, without one, its
 * administrators); a downgrade waiting the hospital managers and administrators, its decision its requester (the
 * office and above), a tier that took effect the channel's own users; a statement to review the office, one to approve
 * the hospital managers and administrators, an approved one the channel's own users; a rule to sign off the hospital
 * managers and administrators; a termination decided the office; an appeal filed the channel managers but its filer
 * (else the hospital managers and administrators), its decision the appealed channel's own users; an overdue
 * rectification action the channel managers and the plan's channel's own users.
 */
@MeridianTest
class KindsOfferedTest {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private static List<NotificationKind> offered(Role role, Long channelId) {
        return DeliveryPreference.kindsFor(new Actor(1L, "someone", Set.of(role), channelId));
    }

    @Test
    void eachRoleIsOfferedTheKindsItsAudiencesReachAndNoOther() {
        assertThat(offered(Role.ANALYST, null)).containsExactly(EVALUATION_PUBLISHED);
        assertThat(offered(Role.CHANNEL_MANAGER, null))
                .containsExactly(EVALUATION_PUBLISHED, REFERRAL_SUBMITTED, ALERT_RAISED, REPEAT_RATE_ALERT,
                        TIER_CHANGE_DECIDED, STATEMENT_TO_REVIEW, TERMINATION_DECIDED, APPEAL_FILED,
                        RECTIFICATION_OVERDUE);
        assertThat(offered(Role.HOSPITAL_MANAGER, null)).containsExactly(EVALUATION_PUBLISHED, TIER_CHANGE_REQUESTED,
                TIER_CHANGE_DECIDED, STATEMENT_TO_APPROVE, COMPLIANCE_SIGN_OFF, APPEAL_FILED);
        assertThat(offered(Role.ADMIN, null)).containsExactly(EVALUATION_PUBLISHED, REPEAT_RATE_ALERT,
                TIER_CHANGE_REQUESTED, TIER_CHANGE_DECIDED, STATEMENT_TO_APPROVE, COMPLIANCE_SIGN_OFF, APPEAL_FILED);
        assertThat(offered(Role.REFERRAL_DESK, null)).containsExactly(REFERRAL_SUBMITTED);
        assertThat(offered(Role.CHANNEL_USER, 9L)).containsExactly(REPORT_READY, REFERRAL_ACCEPTED,
                REFERRAL_SCHEDULED, REFERRAL_ARRIVED, REFERRAL_CONVERTED, REFERRAL_DECLINED, ALERT_RAISED, TIER_CHANGED,
                STATEMENT_APPROVED, APPEAL_DECIDED, RECTIFICATION_OVERDUE);
        // news of a channel reaches only a user bound to one
        assertThat(offered(Role.CHANNEL_USER, null)).isEmpty();
        assertThat(offered(Role.REGULATOR, null)).containsExactly(REPEAT_RATE_ALERT);
        assertThat(offered(Role.REGION_ADMIN, null)).isEmpty();
        // two roles: what either receives
        assertThat(DeliveryPreference.kindsFor(new Actor(1L, "both", Set.of(Role.ANALYST, Role.REFERRAL_DESK), null)))
                .containsExactly(EVALUATION_PUBLISHED, REFERRAL_SUBMITTED);
    }

    @Test
    void anAnalystIsNotOfferedAlertsAndCannotChooseThemTheOfficeCan() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        String manager = h.user(Role.HOSPITAL_MANAGER);

        String analystPage = page(h.analyst, get("/notifications/preferences")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(analystPage).contains("id=\"pick-EVALUATION_PUBLISHED:EMAIL\"")
                .doesNotContain("pick-ALERT_RAISED", "pick-REFERRAL_SUBMITTED");
        assertThat(page(manager, get("/notifications/preferences")).andReturn().getResponse().getContentAsString())
                .contains("id=\"pick-EVALUATION_PUBLISHED:EMAIL\"").doesNotContain("pick-ALERT_RAISED");
        assertThat(page(h.office, get("/notifications/preferences")).andReturn().getResponse().getContentAsString())
                .contains("id=\"pick-ALERT_RAISED:EMAIL\"");

        // sent anyway (a hand-made form): refused on the field, nothing saved
        String refused = page(h.analyst, post("/notifications/preferences").param("email", "fenxi@example.org")
                .param("pick", "ALERT_RAISED:EMAIL")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(refused).contains("所选消息类型与您的角色无关。");
        assertThat(picks(h)).isZero();

        // the office chooses alerts by e-mail and keeps the choice
        page(h.office, post("/notifications/preferences").param("email", "keshi@example.org")
                .param("pick", "ALERT_RAISED:EMAIL")).andExpect(status().is3xxRedirection());
        assertThat(picks(h)).isEqualTo(1);
        assertThat(page(h.office, get("/notifications/preferences")).andReturn().getResponse().getContentAsString())
                .containsPattern("id=\"pick-ALERT_RAISED:EMAIL\"[^>]*checked");
    }

    private int picks(TestHospital h) {
        return jdbc.sql("SELECT count(*) FROM notification_preference WHERE hospital_id = :h")
                .param("h", h.hospital.id()).query(Integer.class).single();
    }

    private ResultActions page(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(accounts.loadForSignIn(username, clock.instant()).orElseThrow()))
                .with(csrf()));
    }
}
