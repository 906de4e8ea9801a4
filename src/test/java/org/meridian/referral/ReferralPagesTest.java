package org.meridian.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The channel's referral pages as its user sees them on the phone: the form to refer a patient (one referral for a
 * double tap, every problem beside its field and nothing typed lost), and the channel's own list with each
 * referral's progress in Chinese and in the hospital's local time, never another channel's patients.
 */
@MeridianTest
class ReferralPagesTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired java.time.Clock clock;

    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" id=\"idempotencyKey\" value=\"([^\"]+)\"");

    private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return sent(username, request).getResponse();
    }

    private MvcResult sent(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(accounts.loadForSignIn(username, clock.instant()).orElseThrow()))
                .with(csrf())).andReturn();
    }

    private String page(String username, String path) throws Exception {
        MockHttpServletResponse r = as(username, get(path));
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return r.getContentAsString();
    }

    private static MockHttpServletRequestBuilder form(String key, String name, String phone, String department,
                                                      String urgency, String note, boolean consent) {
        MockHttpServletRequestBuilder b = post("/referrals").param("idempotencyKey", key).param("patientName", name)
                .param("patientPhone", phone).param("department", department).param("urgency", urgency)
                .param("note", note);
        return consent ? b.param("consent", "true") : b;
    }

    private long referrals(ReferralHospital d) {
        return jdbc.sql("SELECT count(*) FROM referral WHERE hospital_id = :h").param("h", d.hospital.id())
                .query(Long.class).single();
    }

    @Test
    void aDoubleTapOnTheFormMakesOneReferralThatWaitsInTheDesksQueue() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        String blank = page(d.partner, "/referrals/new");
        assertThat(blank).contains("发起转诊", "患者已知悉并同意", "90 天后删除", "<option value=\"骨科\">骨科</option>",
                "id=\"urgency-URGENT\"");
        Matcher key = KEY.matcher(blank);
        assertThat(key.find()).as("the form carries its idempotency key").isTrue();

        var tap = form(key.group(1), "张三", "138 1234 5678", "骨科", "URGENT", "腰痛两周", true);
        MockHttpServletResponse first = as(d.partner, tap);
        MvcResult second = sent(d.partner, form(key.group(1), "张三", "138 1234 5678", "骨科", "URGENT",
                "腰痛两周", true));
        assertThat(first.getRedirectedUrl()).isEqualTo("/referrals");
        assertThat(second.getResponse().getRedirectedUrl()).isEqualTo("/referrals");
        assertThat(second.getFlashMap().get("flash").toString()).contains("同一次提交", "没有重复发起");
        assertThat(referrals(d)).as("one referral for two taps").isEqualTo(1);

        // the desk's queue has it, waiting
        String queue = d.as(d.clerk, get("/api/v1/referrals?status=SUBMITTED")).andReturn().getResponse()
                .getContentAsString();
        assertThat((Integer) JsonPath.read(queue, "$.total")).isEqualTo(1);
        assertThat((String) JsonPath.read(queue, "$.items[0].patient.name")).isEqualTo("张三");
        assertThat((String) JsonPath.read(queue, "$.items[0].urgency")).isEqualTo("URGENT");

        // the channel's list: the patient masked, the status in Chinese, neither the note nor a raw code
        String list = page(d.partner, "/referrals");
        assertThat(list).contains("张三 · 138****5678", "待受理", "加急", "骨科", "尚未进行")
                .doesNotContain("腰痛两周").doesNotContain("13812345678").doesNotContain(">SUBMITTED<")
                .doesNotContain(">URGENT<");
    }

    @Test
    void badInputComesBackBesideEachFieldWithEverythingTypedAndNothingSaved() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        MockHttpServletResponse r = as(d.partner, form("k-bad", "李四", "12345", "牙科", "URGENT", "复查", false));
        assertThat(r.getStatus()).isEqualTo(200);
        String html = r.getContentAsString();
        assertThat(html).contains("id=\"patientPhone-error\"", "不是有效的中国大陆手机号",
                "id=\"department-error\"", "本院没有这个科室", "id=\"consent-error\"", "须经患者同意");
        assertThat(html).as("what was typed is kept").contains("value=\"李四\"", "value=\"12345\"", ">复查</textarea>",
                "value=\"k-bad\"").containsPattern("id=\"urgency-URGENT\" value=\"URGENT\" checked");
        assertThat(html).doesNotContain("id=\"patientName-error\"");
        assertThat(referrals(d)).isZero();

        // the same key, corrected: now it is made
        MockHttpServletResponse fixed = as(d.partner, form("k-bad", "李四", "010-62345678", "", "ROUTINE", "", true));
        assertThat(fixed.getRedirectedUrl()).isEqualTo("/referrals");
        assertThat(referrals(d)).isEqualTo(1);
    }

    @Test
    void theChannelFollowsEachStepInLocalTimeAndNeverSeesAnotherChannelsPatients() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        long id = d.submitted(d.partner, "p-1", ReferralApiTest.BODY);
        long other = d.submitted(d.otherPartner, "p-2", """
                {"patientName": "王五", "patientPhone": "13900001111", "urgency": "ROUTINE", "consent": true}""");
        String accepted = d.step(d.clerk, id, "accept", null).andReturn().getResponse().getContentAsString();
        String day = LocalDate.ofInstant(clock.instant(), d.hospital.timeZone()).plusDays(3).toString();
        d.step(d.clerk, id, "schedule", "{\"date\": \"" + day + "\", \"department\": \"骨科\", \"doctor\": \"李医生\"}");
        d.step(d.clerk, other, "decline", "{\"reason\": \"本院该科室暂停接诊\"}");

        String list = page(d.partner, "/referrals");
        // the API answers UTC; the page shows Beijing time, UTC + 8 h (the test hospital is in Asia/Shanghai)
        OffsetDateTime at = OffsetDateTime.parse(JsonPath.read(accepted, "$.acceptedAt"));
        assertThat(d.hospital.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        String local = at.plusHours(8).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        assertThat(list).contains("已预约", "已受理", local, day + " · 骨科 · 李医生", "已到诊", "尚未进行")
                .doesNotContain(at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        assertThat(list).as("another channel's patient").doesNotContain("王五").doesNotContain("1111")
                .doesNotContain("本院该科室暂停接诊");

        String others = page(d.otherPartner, "/referrals");
        assertThat(others).contains("王五", "已拒绝", "本院该科室暂停接诊").doesNotContain("张三")
                .doesNotContain("5678");
        assertThat(page(d.partner, "/referrals?status=DECLINED")).contains("暂无转诊").doesNotContain("张三");
        assertThat(page(d.partner, "/referrals?status=SCHEDULED")).contains("张三");
    }

    /**
     * The referral's own page lists every step with its time in the hospital's zone (Asia/Shanghai, UTC + 8 h): the
     * times the API answers in UTC, each moved by eight hours, in the order of the steps — submitted, accepted,
     * scheduled, arrived, converted — and none of them as UTC.
     */
    @Test
    void theReferralsPageShowsEveryStepsTimeInTheHospitalsZone() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        long id = d.submitted(d.partner, "t-1", ReferralApiTest.BODY);
        d.step(d.clerk, id, "accept", null);
        String day = LocalDate.ofInstant(clock.instant(), d.hospital.timeZone()).toString();
        d.step(d.clerk, id, "schedule", "{\"date\": \"" + day + "\", \"department\": \"骨科\", \"doctor\": \"李医生\"}");
        d.step(d.clerk, id, "arrive", null);
        String done = d.step(d.clerk, id, "convert", "{\"feedback\": \"已收治\"}").andReturn().getResponse()
                .getContentAsString();
        DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        List<String> local = new java.util.ArrayList<>();
        List<String> utc = new java.util.ArrayList<>();
        for (String step : List.of("createdAt", "acceptedAt", "scheduledAt", "arrivedAt", "convertedAt")) {
            OffsetDateTime at = OffsetDateTime.parse(JsonPath.read(done, "$." + step));
            assertThat(at.getOffset()).as(step + " is answered in UTC").isEqualTo(java.time.ZoneOffset.UTC);
            local.add(at.plusHours(8).format(minutes));
            utc.add(at.format(minutes));
        }
        String page = page(d.partner, "/referrals/" + id);
        Matcher times = Pattern.compile("<span class=\"step-time\">([^<]+)</span>").matcher(page);
        List<String> shown = new java.util.ArrayList<>();
        while (times.find()) {
            shown.add(times.group(1));
        }
        assertThat(shown).containsExactlyElementsOf(local);
        assertThat(page).contains("已提交", "已受理", "已预约", "已到诊", "已转化", "已收治").doesNotContain("尚未进行");
        for (String u : utc) {
            assertThat(page).doesNotContain(u);
        }
    }

    @Test
    void theDeskAndOthersDoNotUseTheChannelsPages() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        assertThat(as(d.clerk, get("/referrals/new")).getStatus()).isEqualTo(403);
        assertThat(as(d.office, get("/referrals")).getStatus()).isEqualTo(403);
    }

    @Test
    void thePortalHomeCountsThisMonthsReferralsByStatusOfItsOwnChannelOnly() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        long a = d.submitted(d.partner, "m-1", ReferralApiTest.BODY);
        d.submitted(d.partner, "m-2", ReferralApiTest.BODY.replace("138 1234 5678", "13800001234"));
        long old = d.submitted(d.partner, "m-3", ReferralApiTest.BODY.replace("138 1234 5678", "13800004321"));
        d.submitted(d.otherPartner, "m-4", ReferralApiTest.BODY);
        d.step(d.clerk, a, "accept", null);
        // one made 40 days ago: not this month's (the test clock stands on 15 January)
        jdbc.sql("UPDATE referral SET created_at = created_at - interval '40 days' WHERE hospital_id = :h AND id = :id")
                .param("h", d.hospital.id()).param("id", old).update();

        String home = page(d.partner, "/portal");
        // this month: m-1 accepted, m-2 waiting = 2 (m-3 is December's, m-4 another channel's)
        assertThat(home).contains("本月共 2 例", "id=\"portal-referrals-SUBMITTED\"", "id=\"portal-referrals-ACCEPTED\"")
                .doesNotContain("id=\"portal-referrals-DECLINED\"");
        assertThat(home.replaceAll("\\s+", " ")).contains("待受理</span> <span class=\"count\">1</span>")
                .contains("已受理</span> <span class=\"count\">1</span>");
        assertThat(page(d.otherPartner, "/portal")).contains("本月共 1 例");
    }
}
