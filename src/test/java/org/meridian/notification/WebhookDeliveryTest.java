package org.meridian.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.notification.Referrals.step;
import static org.meridian.notification.Referrals.submit;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestClock;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Notifications by group robot (docs/notifications.md, "Outside Meridian"), against a real HTTP receiver started
 * here (the JDK's HttpServer) in the place of WeCom and DingTalk: the administrator sets a user's robot, the user
 * chooses kinds for it, and the receiver gets each robot's own markdown JSON — DingTalk's signed as its
 * documentation says — without the patient; a receiver answering 500 gets the message again on the retry after the
 * back-off, the failure shown to the administrator meanwhile; a kind not chosen posts nothing.
 */
@MeridianTest
class WebhookDeliveryTest {

    static final String OK = "{\"errcode\": 0, \"errmsg\": \"ok\"}";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired Clock clock;
    @Autowired DeliverySender sender;

    /** What the receiver was sent: path with query, and body. */
    record Received(String target, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** An answer of the receiver. */
    record Answer(int status, String body) {
    }

    /** The answers the receiver gives, in turn; 200 {@link #OK} when none is left. */
    private final Deque<Answer> answers = new ArrayDeque<>();
    private HttpServer receiver;

    @BeforeEach
    void startTheReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", this::receive);
        receiver.start();
    }

    @AfterEach
    void stopTheReceiver() {
        receiver.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        received.add(new Received(exchange.getRequestURI().toString(),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Answer next;
        synchronized (answers) {
            next = answers.poll();
        }
        int status = next == null ? 200 : next.status();
        byte[] body = (next == null ? OK : next.body()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void answer(Answer answer) {
        synchronized (answers) {
            answers.add(answer);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    @Test
    void eachRobotGetsItsOwnMarkdownJsonAndDingTalkItsSignature() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        String admin = h.user(Role.ADMIN);
        String clerk = h.user(Role.REFERRAL_DESK);
        String wecomUser = h.channelUser(h.channel("WH1", "REFERRAL_INSTITUTION", null, null));
        String dingUser = h.channelUser(h.channel("WH2", "REFERRAL_INSTITUTION", null, null));
        robot(h, admin, wecomUser, "WECOM", base() + "/cgi-bin/webhook/send?key=wecom-key-1", "");
        robot(h, admin, dingUser, "DINGTALK", base() + "/robot/send?access_token=ding-token-2", "SECtest-secret");
        choose(h, wecomUser, "REFERRAL_ACCEPTED:WEBHOOK");
        choose(h, dingUser, "REFERRAL_ACCEPTED:WEBHOOK");

        long wecomReferral = submit(h, wecomUser);
        step(h, clerk, wecomReferral, "accept", "{}");
        long dingReferral = submit(h, dingUser);
        step(h, clerk, dingReferral, "accept", "{}");
        assertThat(received).as("nothing is posted within the desk's action").isEmpty();

        assertThat(sender.sendDue()).isEqualTo(2);
        assertThat(received).hasSize(2);
        Received wecom = received.stream().filter(r -> r.target().startsWith("/cgi-bin/")).findFirst().orElseThrow();
        Received ding = received.stream().filter(r -> r.target().startsWith("/robot/")).findFirst().orElseThrow();

        // WeCom: {"msgtype": "markdown", "markdown": {"content": …}}, the key left in the URL as given
        assertThat(wecom.target()).isEqualTo("/cgi-bin/webhook/send?key=wecom-key-1");
        assertThat((String) JsonPath.read(wecom.body(), "$.msgtype")).isEqualTo("markdown");
        assertThat((String) JsonPath.read(wecom.body(), "$.markdown.content")).isEqualTo(
                "**【Meridian 消息】**\n\n转诊 " + wecomReferral + "（骨科，加急）已受理\n\n登录 Meridian 后打开：/referrals/"
                        + wecomReferral);

        // DingTalk: {"msgtype": "markdown", "markdown": {"title": …, "text": …}}
        assertThat((String) JsonPath.read(ding.body(), "$.msgtype")).isEqualTo("markdown");
        assertThat((String) JsonPath.read(ding.body(), "$.markdown.title"))
                .isEqualTo("【Meridian 消息】转诊 " + dingReferral + "（骨科，加急）已受理");
        assertThat((String) JsonPath.read(ding.body(), "$.markdown.text"))
                .contains("转诊 " + dingReferral + "（骨科，加急）已受理");
        // signed (加签) as DingTalk documents it: sign = urlencode(base64(HmacSHA256(key: secret,
        // data: timestamp + "\n" + secret))), worked out here with the JDK's Mac, not with Meridian's code
        assertThat(ding.target()).startsWith("/robot/send?access_token=ding-token-2&timestamp=");
        String query = ding.target().substring(ding.target().indexOf('?') + 1);
        String timestamp = param(query, "timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("SECtest-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + "\nSECtest-secret").getBytes(StandardCharsets.UTF_8)));
        assertThat(URLDecoder.decode(param(query, "sign"), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(Long.parseLong(timestamp)).isBetween(TestClock.START.toEpochMilli(),
                clock.instant().toEpochMilli());

        for (Received r : received) {
            assertThat(r.body()).doesNotContain("钱多多", "13912340001", "膝盖疼");
        }

        // a kind not chosen posts nothing
        step(h, clerk, wecomReferral, "schedule",
                "{\"date\": \"2027-01-20\", \"department\": \"骨科\", \"doctor\": \"李医生\"}");
        assertThat(sender.sendDue()).isZero();
        assertThat(received).hasSize(2);

        // the administrator's list shows each robot's site, never its key or secret
        String robots = page(admin, get("/admin/notifications/robots")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(robots).contains(wecomUser, dingUser, "企业微信群机器人", "钉钉群机器人", "已加签", "/cgi-bin/webhook/send?…")
                .doesNotContain("wecom-key-1", "ding-token-2", "SECtest-secret");
    }

    @Test
    void aReceiverAnswering500GetsTheMessageOnTheRetryAndTheAdministratorSawTheFailure() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        String admin = h.user(Role.ADMIN);
        String clerk = h.user(Role.REFERRAL_DESK);
        String partner = h.channelUser(h.channel("WH3", "REFERRAL_INSTITUTION", null, null));
        robot(h, admin, partner, "WECOM", base() + "/cgi-bin/webhook/send?key=retry-key", "");
        choose(h, partner, "REFERRAL_ACCEPTED:WEBHOOK");
        long id = submit(h, partner);
        answer(new Answer(500, "<html>Internal Server Error</html>"));

        step(h, clerk, id, "accept", "{}");
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(received).hasSize(1);
        String page = page(admin, get("/admin/notifications")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("转诊 " + id + "（骨科，加急）已受理", "群机器人", "待发送", "1 次", "HTTP 500")
                .doesNotContain("retry-key");

        // not before the first wait (1 minute) has passed
        assertThat(sender.sendDue()).isZero();
        TestClock.advance(clock, Duration.ofSeconds(61));
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(received).hasSize(2);
        assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
        assertThat(page(admin, get("/admin/notifications?status=SENT")).andReturn().getResponse()
                .getContentAsString()).contains("转诊 " + id + "（骨科，加急）已受理", "已发出", "2 次");
    }

    @Test
    void aRobotAnswering200WithAnErrorCodeIsAFailedAttempt() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        String admin = h.user(Role.ADMIN);
        String clerk = h.user(Role.REFERRAL_DESK);
        String partner = h.channelUser(h.channel("WH4", "REFERRAL_INSTITUTION", null, null));
        robot(h, admin, partner, "DINGTALK", base() + "/robot/send?access_token=limited", "");
        choose(h, partner, "REFERRAL_ACCEPTED:WEBHOOK");
        long id = submit(h, partner);
        // DingTalk and WeCom answer their refusals (a wrong key, too many messages a minute) with 200 and an errcode
        answer(new Answer(200, "{\"errcode\": 130101, \"errmsg\": \"send too fast\"}"));
        step(h, clerk, id, "accept", "{}");
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(page(admin, get("/admin/notifications")).andReturn().getResponse().getContentAsString())
                .contains("转诊 " + id + "（", "errcode 130101 send too fast");
    }

    @Test
    void badRobotsAreRefusedTogetherAndOnlyAdministratorsSetThem() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        String admin = h.user(Role.ADMIN);
        String partner = h.channelUser(h.channel("WH5", "REFERRAL_INSTITUTION", null, null));
        String page = page(admin, post("/admin/notifications/robots").param("username", "nobody-here")
                        .param("format", "WECOM").param("url", "ftp://example.org/x").param("secret", "s"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("本院没有用户“nobody-here”。", "请填写群机器人的 Webhook 地址",
                "加签密钥只用于钉钉机器人");
        // another hospital's user is no user of this one
        String stranger = users.create(users.otherHospital().id(), Role.CHANNEL_USER, null);
        page = page(admin, post("/admin/notifications/robots").param("username", stranger)
                        .param("format", "WECOM").param("url", base() + "/x"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("本院没有用户“" + stranger + "”。");
        page(partner, post("/admin/notifications/robots").param("username", partner)
                .param("format", "WECOM").param("url", base() + "/x")).andExpect(status().isForbidden());
        // without a robot, the user cannot choose it
        assertThat(page(partner, get("/notifications/preferences")).andReturn().getResponse().getContentAsString())
                .contains("管理员尚未为您设置群机器人。");
        robot(h, admin, partner, "WECOM", base() + "/x?key=k", "");
        assertThat(page(partner, get("/notifications/preferences")).andReturn().getResponse().getContentAsString())
                .contains("管理员已为您设置企业微信群机器人。");
        page(admin, post("/admin/notifications/robots/remove").param("username", partner))
                .andExpect(status().is3xxRedirection());
        page(admin, post("/admin/notifications/robots/remove").param("username", partner))
                .andExpect(status().isNotFound());
    }

    private void robot(TestHospital h, String admin, String user, String format, String url, String secret)
            throws Exception {
        page(admin, post("/admin/notifications/robots").param("username", user).param("format", format)
                .param("url", url).param("secret", secret)).andExpect(status().is3xxRedirection());
    }

    private void choose(TestHospital h, String user, String... picks) throws Exception {
        var request = post("/notifications/preferences").param("email", "");
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

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + query);
    }
}
