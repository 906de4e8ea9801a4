package org.meridian.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.notification.Referrals.step;
import static org.meridian.notification.Referrals.submit;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MailCatcher;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestClock;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Notifications by e-mail (docs/notifications.md, "Outside Meridian"), against a real SMTP server (GreenMail) on a
 * free port: a channel user who chose e-mail for some kinds of referral news gets those, in Chinese, after the
 * action committed, and never the patient's name or the desk's free text; kinds not chosen, or no longer chosen,
 * send nothing; an SMTP server that is down leaves the delivery pending with its reason on the administrator's page,
 * and the retry after the back-off (the test clock moved on) delivers it.
 */
@MeridianTest
class EmailDeliveryTest {

    @RegisterExtension
    static MailCatcher smtp = new MailCatcher();

    /** The patient's name, phone and the desk's reason: none of them may leave Meridian. */
    static final String DECLINE = "{\"reason\": \"钱多多本人要求改到下周\"}";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired JavaMailSenderImpl mailSender;
    @Autowired DeliverySender sender;

    @Test
    void theKindsChosenArriveByEmailInChineseAfterTheActionWithoutThePatient() throws Exception {
        Scene s = scene("ML1", "partner@rf1.example", "REFERRAL_ACCEPTED:EMAIL", "REFERRAL_DECLINED:EMAIL");
        TestHospital h = s.h();
        String partner = s.partner();
        String clerk = s.clerk();

        long accepted = submit(h, partner);
        step(h, clerk, accepted, "accept", "{}");
        long declined = submit(h, partner);
        step(h, clerk, declined, "decline", DECLINE);
        // the desk's steps answered before anything was sent: the e-mails wait in the outbox
        assertThat(smtp.getReceivedMessages()).isEmpty();

        assertThat(sender.sendDue()).isEqualTo(2);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        assertThat(mails).allSatisfy(m -> assertThat(m.getRecipients(Message.RecipientType.TO))
                .extracting(Object::toString).containsExactly("partner@rf1.example"));
        assertThat(mails).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "【Meridian 消息】转诊 " + accepted + "（骨科，加急）已受理",
                "【Meridian 消息】转诊 " + declined + "（骨科，加急）未被受理，原因请登录 Meridian 查看。");
        for (MimeMessage m : mails) {
            String body = GreenMailUtil.getBody(m);
            String text = m.getContent().toString();
            assertThat(text).contains("/referrals/").contains("我的账户 → 消息提醒");
            assertThat(body + text + m.getSubject()).doesNotContain("钱多多", "13912340001", "膝盖疼", "下周");
        }
        // sent once: the next round finds nothing due
        assertThat(sender.sendDue()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(2);

        // a kind not chosen (the appointment, the arrival) sends nothing by e-mail, though the inbox has it
        step(h, clerk, accepted, "schedule", "{\"date\": \"2027-01-20\", \"department\": \"骨科\", \"doctor\": \"李医生\"}");
        assertThat(sender.sendDue()).isZero();
        // switched off: nothing is queued for the kind chosen before
        choose(h, partner, "partner@rf1.example");
        long later = submit(h, partner);
        step(h, clerk, later, "accept", "{}");
        assertThat(sender.sendDue()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM notification_delivery WHERE hospital_id = :h")
                .param("h", h.hospital.id()).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE hospital_id = :h AND recipient = :r")
                .param("h", h.hospital.id()).param("r", partner).query(Integer.class).single())
                .as("accepted, declined, scheduled, the later one accepted").isEqualTo(4);
    }

    @Test
    void aMailServerThatIsDownIsRetriedAfterTheBackOffAndShownToTheAdministratorMeanwhile() throws Exception {
        Scene s = scene("ML2", "down@rf2.example", "REFERRAL_ACCEPTED:EMAIL");
        TestHospital h = s.h();
        String partner = s.partner();
        String clerk = s.clerk();
        String admin = s.admin();
        long id = submit(h, partner);

        mailSender.setPort(closedPort());
        step(h, clerk, id, "accept", "{}");   // the desk's action succeeds though no mail server answers
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).isEmpty();

        // the administrator sees it waiting, with one attempt and the reason
        String page = page(admin, get("/admin/notifications")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("转诊 " + id + "（骨科，加急）已受理", partner, "待发送", "1 次", "SMTP");
        // another hospital's administrator sees nothing of it
        String stranger = users.create(users.otherHospital().id(), Role.ADMIN, null);
        assertThat(page(stranger, get("/admin/notifications")).andReturn().getResponse().getContentAsString())
                .doesNotContain("转诊 " + id + "（");
        // a channel user may not look
        page(partner, get("/admin/notifications")).andExpect(status().isForbidden());

        // the server is back, but the first wait (1 minute) has not passed: nothing is tried
        mailSender.setPort(smtp.getSmtp().getPort());
        assertThat(sender.sendDue()).isZero();
        TestClock.advance(clock, Duration.ofSeconds(61));
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject)
                .containsExactly("【Meridian 消息】转诊 " + id + "（骨科，加急）已受理");

        // no longer among the unsent; listed as sent after two attempts
        assertThat(page(admin, get("/admin/notifications")).andReturn().getResponse().getContentAsString())
                .doesNotContain("转诊 " + id + "（");
        assertThat(page(admin, get("/admin/notifications?status=SENT")).andReturn().getResponse()
                .getContentAsString()).contains("转诊 " + id + "（骨科，加急）已受理", "已发出", "2 次");
    }

    @Test
    void theAdministratorSendsAFailedDeliveryAgainAtOnce() throws Exception {
        Scene s = scene("ML3", "again@rf3.example", "REFERRAL_ACCEPTED:EMAIL");
        TestHospital h = s.h();
        String admin = s.admin();
        long id = submit(h, s.partner());
        mailSender.setPort(closedPort());
        step(h, s.clerk(), id, "accept", "{}");
        assertThat(sender.sendDue()).isEqualTo(1);
        long delivery = jdbc.sql("SELECT id FROM notification_delivery WHERE hospital_id = :h")
                .param("h", h.hospital.id()).query(Long.class).single();

        mailSender.setPort(smtp.getSmtp().getPort());
        String stranger = users.create(users.otherHospital().id(), Role.ADMIN, null);
        page(stranger, post("/admin/notifications/" + delivery + "/retry"))
                .andExpect(status().isNotFound());
        page(admin, post("/admin/notifications/" + delivery + "/retry"))
                .andExpect(status().is3xxRedirection());
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        // a sent delivery is not sent again
        page(admin, post("/admin/notifications/" + delivery + "/retry"))
                .andExpect(status().isNotFound());
    }

    @Test
    void badChoicesAreRefusedTogetherAndNothingIsSaved() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        long channel = h.channel("ML4", "REFERRAL_INSTITUTION", null, null);
        String partner = h.channelUser(channel);
        String page = page(partner, post("/notifications/preferences")
                        .param("email", "not-an-address").param("pick", "REFERRAL_ACCEPTED:EMAIL")
                        .param("pick", "REFERRAL_ARRIVED:WEBHOOK").param("pick", "EVALUATION_PUBLISHED:EMAIL"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("“not-an-address”不是有效的邮箱地址。", "管理员尚未为您设置群机器人，暂不能选择群机器人提醒。",
                "所选消息类型与您的角色无关。");
        assertThat(jdbc.sql("SELECT count(*) FROM notification_preference WHERE hospital_id = :h")
                .param("h", h.hospital.id()).query(Integer.class).single()).isZero();
        page = page(partner, post("/notifications/preferences").param("pick", "REFERRAL_ACCEPTED:EMAIL"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("选择邮件提醒需要先填写邮箱地址。");
        // the page offers a channel user the referral news of its channel, not the office's kinds
        page = page(partner, get("/notifications/preferences")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("转诊已受理", "管理员尚未为您设置群机器人。").doesNotContain("评估已发布", "新转诊待受理");
    }

    /** A hospital of its own with a referring channel, its user (who chose e-mail), the desk and an administrator. */
    private record Scene(TestHospital h, String partner, String clerk, String admin) {
    }

    private Scene scene(String channelCode, String email, String... picks) throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        String partner = h.channelUser(h.channel(channelCode, "REFERRAL_INSTITUTION", null, null));
        Scene scene = new Scene(h, partner, h.user(Role.REFERRAL_DESK), h.user(Role.ADMIN));
        choose(h, partner, email, picks);
        return scene;
    }

    private void choose(TestHospital h, String user, String email, String... picks) throws Exception {
        var request = post("/notifications/preferences").param("email", email);
        for (String p : picks) {
            request.param("pick", p);
        }
        page(user, request).andExpect(status().is3xxRedirection());
    }

    /** A page request as the signed-in user (pages take a session, not HTTP Basic), with the CSRF token. */
    private ResultActions page(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(accounts.loadForSignIn(username, clock.instant()).orElseThrow()))
                .with(csrf()));
    }

    /** A port nothing listens on: one the system just gave out and took back. */
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
