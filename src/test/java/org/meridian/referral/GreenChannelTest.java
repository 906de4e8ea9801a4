package org.meridian.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Green-channel slots (绿色通道, docs/referrals.md): the channel's tier gives it a monthly quota; the desk's
 * green-channel bookings use it up, counted by the appointment's month; over it, a booking is refused unless the desk
 * sends it for approval, and then it waits, changing nothing, until a hospital manager other than the one who asked
 * approves (the referral is scheduled) or refuses it; every decision is audited.
 *
 * <p>RF1 gets tier C, whose default standard gives 5 slots a month (docs/channels.md, the default tiers). The clock
 * stands at 2027-01-15 in Shanghai, so 2027-01-20 is in January and 2027-02-03 in February.
 */
@MeridianTest
class GreenChannelTest {

    static final String BODY = """
            {"patientName": "吴一", "patientPhone": "13700000001", "department": "骨科", "urgency": "ROUTINE",
             "consent": true}""";
    static final String JANUARY = green("2027-01-20", false);

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;
    @Autowired org.meridian.shared.security.Accounts accounts;
    @Autowired java.time.Clock clock;

    static String green(String date, boolean forApproval) {
        return "{\"date\": \"" + date + "\", \"department\": \"骨科\", \"doctor\": \"王医生\", \"greenChannel\": true"
                + (forApproval ? ", \"forApproval\": true" : "") + "}";
    }

    @Test
    void theQuotaIsUsedUpThenAnOverQuotaBookingWaitsForAnotherManagersApproval() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        String asker = d.user(Role.HOSPITAL_MANAGER);
        String approver = d.user(Role.HOSPITAL_MANAGER);
        d.as(d.office, json(post("/api/v1/channels/RF1/tier-changes"), "{\"tier\": \"C\", \"reason\": \"首次分级\"}"))
                .andExpect(status().isCreated());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            ids.add(d.submitted(d.partner, "g-" + i, BODY));
        }
        quota(d, 0, 5);

        // five January bookings use the five slots; the partner sees each one taken
        for (int i = 0; i < 5; i++) {
            d.step(d.clerk, ids.get(i), "schedule", JANUARY).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("SCHEDULED"))
                    .andExpect(jsonPath("$.greenChannel").value(true));
        }
        quota(d, 5, 0);

        // the sixth: refused with the reason, nothing stored (still SUBMITTED, no request, no audit entry)
        d.step(d.clerk, ids.get(5), "schedule", JANUARY).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:meridian:referral:green-channel-quota-used-up"))
                .andExpect(jsonPath("$.detail").value(
                        "该渠道 2027-01 的绿色通道号源已用完：已用 5 个，每月 5 个。可以提交超额申请，由医院管理者审批；或改为普通预约。"));
        d.as(d.clerk, get("/api/v1/referrals/" + ids.get(5))).andExpect(jsonPath("$.status").value("SUBMITTED"));
        assertThat(rows("SELECT count(*) FROM green_channel_request WHERE hospital_id = :h", d)).isZero();
        assertThat(rows("SELECT count(*) FROM audit_log WHERE hospital_id = :h AND action LIKE 'GREEN_CHANNEL%'", d))
                .isZero();
        // February's slots are February's: a booking for 3 February fits
        d.step(d.clerk, ids.get(8), "schedule", green("2027-02-03", false)).andExpect(status().isOk())
                .andExpect(jsonPath("$.greenChannel").value(true));
        quota(d, 5, 0);

        // sent for approval: 202, held, the referral unchanged; it cannot be booked again meanwhile
        String held = d.step(d.clerk, ids.get(5), "schedule", green("2027-01-20", true))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.used").value(5)).andExpect(jsonPath("$.quota").value(5))
                .andReturn().getResponse().getContentAsString();
        long request = ((Number) JsonPath.read(held, "$.id")).longValue();
        d.as(d.clerk, get("/api/v1/referrals/" + ids.get(5))).andExpect(jsonPath("$.status").value("SUBMITTED"));
        d.step(d.clerk, ids.get(5), "schedule", "{\"date\": \"2027-01-21\", \"department\": \"骨科\", \"doctor\": \"王医生\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:meridian:referral:green-channel-held"));
        // a manager asks for another one himself
        String own = d.step(asker, ids.get(6), "schedule", green("2027-01-22", true)).andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString();
        long ownRequest = ((Number) JsonPath.read(own, "$.id")).longValue();

        // the desk may not decide; nor the manager who asked (four eyes); refusing needs a reason
        d.as(d.clerk, json(post("/api/v1/referrals/green-channel-requests/" + request + "/approve"), "{}"))
                .andExpect(status().isForbidden());
        d.as(asker, json(post("/api/v1/referrals/green-channel-requests/" + ownRequest + "/approve"), "{}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:meridian:referral:four-eyes"));
        d.as(asker, json(post("/api/v1/referrals/green-channel-requests/" + request + "/refuse"), "{\"note\": \" \"}"))
                .andExpect(status().isBadRequest());
        // the same on the approvals page: the problem named with the field's label, the request still pending
        mvc.perform(post("/referrals/green-channel/" + request + "/refuse").param("note", " ")
                        .with(user(accounts.loadForSignIn(asker, clock.instant()).orElseThrow())).with(csrf()))
                .andExpect(flash().attribute("flashError", "审批意见：必填"))
                .andExpect(flash().attribute("failed", request));
        TestHospital other = new TestHospital(mvc, users, hospitals);
        String stranger = other.user(Role.HOSPITAL_MANAGER);
        other.as(stranger, json(post("/api/v1/referrals/green-channel-requests/" + request + "/approve"), "{}"))
                .andExpect(status().isNotFound());
        d.as(d.clerk, get("/api/v1/referrals/green-channel-requests?status=PENDING"))
                .andExpect(jsonPath("$.total").value(2));

        // refused by the other manager: the referral stays as it was
        d.as(asker, json(post("/api/v1/referrals/green-channel-requests/" + request + "/refuse"),
                        "{\"note\": \"本月号源已用完，请安排普通号\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REFUSED"))
                .andExpect(jsonPath("$.decidedBy").value(asker));
        d.as(d.clerk, get("/api/v1/referrals/" + ids.get(5))).andExpect(jsonPath("$.status").value("SUBMITTED"));
        // approved by the other manager: scheduled on the green channel, the sixth January slot
        d.as(approver, json(post("/api/v1/referrals/green-channel-requests/" + ownRequest + "/approve"),
                        "{\"note\": \"急需手术评估\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        d.as(d.clerk, get("/api/v1/referrals/" + ids.get(6))).andExpect(jsonPath("$.status").value("SCHEDULED"))
                .andExpect(jsonPath("$.greenChannel").value(true))
                .andExpect(jsonPath("$.appointment.date").value("2027-01-22"));
        d.as(approver, json(post("/api/v1/referrals/green-channel-requests/" + ownRequest + "/approve"), "{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:meridian:referral:green-channel-decided"));
        quota(d, 6, 0); // 5 + 1 approved over the quota

        // a declined green-channel referral gives its slot back: 6 − 1 = 5, still none left
        d.step(d.clerk, ids.get(0), "decline", "{\"reason\": \"患者已转往他院\"}").andExpect(status().isOk());
        quota(d, 5, 0);
        d.step(d.clerk, ids.get(1), "decline", "{\"reason\": \"患者取消\"}").andExpect(status().isOk());
        quota(d, 4, 1);

        // each decision is audited under the referral
        assertThat(rows("SELECT count(*) FROM audit_log WHERE hospital_id = :h AND action = 'GREEN_CHANNEL_HELD'", d))
                .isEqualTo(2);
        assertThat(rows("SELECT count(*) FROM audit_log WHERE hospital_id = :h AND action = 'GREEN_CHANNEL_REFUSED'"
                + " AND target = 'portal-" + ids.get(5) + "'", d)).isEqualTo(1);
        assertThat(rows("SELECT count(*) FROM audit_log WHERE hospital_id = :h AND action = 'GREEN_CHANNEL_APPROVED'"
                + " AND actor = '" + approver + "' AND target = 'portal-" + ids.get(6) + "'", d)).isEqualTo(1);
    }

    @Test
    void aChannelWithoutATierHasNoSlotsAndAHeldBookingIsWithdrawnWhenTheReferralIsDeclined() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        long id = d.submitted(d.otherPartner, "g-none", BODY);
        d.as(d.otherPartner, get("/api/v1/referrals/green-channel")).andExpect(status().isOk())
                .andExpect(jsonPath("$.tier").doesNotExist())
                .andExpect(jsonPath("$.quota").value(0)).andExpect(jsonPath("$.left").value(0));
        d.step(d.clerk, id, "schedule", JANUARY).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:meridian:referral:green-channel-quota-used-up"));
        String held = d.step(d.clerk, id, "schedule", green("2027-01-20", true)).andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString();
        long request = ((Number) JsonPath.read(held, "$.id")).longValue();
        d.step(d.clerk, id, "decline", "{\"reason\": \"患者不再需要\"}").andExpect(status().isOk());
        d.as(d.clerk, get("/api/v1/referrals/green-channel-requests?status=WITHDRAWN"))
                .andExpect(jsonPath("$.items[0].id").value(request));
        String manager = d.user(Role.HOSPITAL_MANAGER);
        d.as(manager, json(post("/api/v1/referrals/green-channel-requests/" + request + "/approve"), "{}"))
                .andExpect(status().isConflict());
        d.as(d.clerk, get("/api/v1/referrals/" + id)).andExpect(jsonPath("$.status").value("DECLINED"));
    }

    @Test
    void theDeskPageTheManagersInboxAndThePortalShowTheSlots() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        String manager = d.user(Role.HOSPITAL_MANAGER);
        d.as(d.office, json(post("/api/v1/channels/RF1/tier-changes"), "{\"tier\": \"C\", \"reason\": \"首次分级\"}"))
                .andExpect(status().isCreated());
        for (int i = 0; i < 4; i++) {
            d.step(d.clerk, d.submitted(d.partner, "p-" + i, BODY), "schedule", JANUARY).andExpect(status().isOk());
        }
        // 4 of 5 used: the portal shows 4 used, 1 left
        String portal = page(d.partner, "/portal");
        assertThat(portal).contains("绿色通道号源", "一般级渠道");
        assertThat(portal).containsPattern("id=\"portal-green-channel-used\"[^>]*>4<")
                .containsPattern("id=\"portal-green-channel-left\"[^>]*>1<");

        long fifth = d.submitted(d.partner, "p-4", BODY);
        long sixth = d.submitted(d.partner, "p-5", BODY);
        assertThat(page(d.clerk, "/referrals/desk/" + fifth)).contains("本月（2027-01）绿色通道号源：已用 4 个，剩余 1 个（每月 5 个）");
        MockHttpServletResponse booked = send(d.clerk, post("/referrals/desk/" + fifth + "/schedule")
                .param("date", "2027-01-20").param("department", "骨科").param("doctor", "王医生").param("booking", "GREEN"));
        assertThat(booked.getRedirectedUrl()).isEqualTo("/referrals/desk/" + fifth);
        assertThat(page(d.clerk, "/referrals/desk/" + fifth)).contains("2027-01-20 · 骨科 · 王医生 · 绿色通道");

        // over the quota without asking: the message beside the choice, what was typed kept, nothing stored
        MockHttpServletResponse refused = send(d.clerk, post("/referrals/desk/" + sixth + "/schedule")
                .param("date", "2027-01-21").param("department", "骨科").param("doctor", "赵医生").param("booking", "GREEN"));
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("id=\"booking-error\"", "已用 5 个，每月 5 个", "value=\"赵医生\"",
                "value=\"2027-01-21\"");
        d.as(d.clerk, get("/api/v1/referrals/" + sixth)).andExpect(jsonPath("$.status").value("SUBMITTED"));

        // sent for approval: the page says so and offers no booking; the manager finds it in the to-do inbox
        MockHttpServletResponse held = send(d.clerk, post("/referrals/desk/" + sixth + "/schedule")
                .param("date", "2027-01-21").param("department", "骨科").param("doctor", "赵医生")
                .param("booking", "OVER_QUOTA"));
        assertThat(held.getRedirectedUrl()).isEqualTo("/referrals/desk/" + sixth);
        String deskPage = page(d.clerk, "/referrals/desk/" + sixth);
        assertThat(deskPage).contains("id=\"green-channel-held\"", "2027-01-21 · 骨科 · 赵医生").doesNotContain("id=\"schedule-form\"");
        String home = page(manager, "/");
        assertThat(home).contains("超额绿色通道待审批", "转诊 " + sixth + "（渠道 RF1）：2027-01 绿色通道号源已用完，申请 2027-01-21 预约");
        assertThat(page(d.office, "/")).as("the office does not decide").doesNotContain("超额绿色通道待审批");

        // the manager approves on the approvals page: scheduled, the inbox item leaves, the partner is told
        String approvals = page(manager, "/referrals/green-channel");
        assertThat(approvals).contains("申请时 2027-01 已用 5 个，每月 5 个", "批准超额预约");
        long request = Long.parseLong(approvals.replaceAll("(?s).*id=\"request-(\\d+)\".*", "$1"));
        MockHttpServletResponse approved = send(manager, post("/referrals/green-channel/" + request + "/approve"));
        assertThat(approved.getRedirectedUrl()).isEqualTo("/referrals/green-channel");
        d.as(d.clerk, get("/api/v1/referrals/" + sixth)).andExpect(jsonPath("$.status").value("SCHEDULED"))
                .andExpect(jsonPath("$.greenChannel").value(true));
        assertThat(page(manager, "/")).doesNotContain("超额绿色通道待审批");
        assertThat(page(d.partner, "/notifications")).contains("转诊 " + sixth + "（骨科，普通）已预约：2027-01-21 骨科 赵医生");
        assertThat(page(d.partner, "/portal")).containsPattern("id=\"portal-green-channel-used\"[^>]*>6<")
                .containsPattern("id=\"portal-green-channel-left\"[^>]*>0<");
    }

    private String page(String user, String path) throws Exception {
        MockHttpServletResponse r = send(user, get(path));
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return r.getContentAsString();
    }

    private MockHttpServletResponse send(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(accounts.loadForSignIn(user, clock.instant()).orElseThrow()))
                .with(csrf())).andReturn().getResponse();
    }

    private void quota(ReferralHospital d, int used, int left) throws Exception {
        d.as(d.partner, get("/api/v1/referrals/green-channel")).andExpect(status().isOk())
                .andExpect(jsonPath("$.month").value("2027-01"))
                .andExpect(jsonPath("$.tier").value("C"))
                .andExpect(jsonPath("$.quota").value(5))
                .andExpect(jsonPath("$.used").value(used))
                .andExpect(jsonPath("$.left").value(left));
    }

    private int rows(String sql, TestHospital d) {
        return jdbc.sql(sql).param("h", d.hospital.id()).query(Integer.class).single();
    }
}
