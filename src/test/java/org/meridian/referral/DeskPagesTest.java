package org.meridian.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The referral desk's pages (转诊服务中心) as the desk's nurse uses them: the queue, urgent and longest waiting first
 * with the clock running, and one referral worked through its steps, each seen by the channel; a step out of order
 * or a form with problems says why and changes nothing.
 */
@MeridianTest
class DeskPagesTest {

    static final String ROUTINE = """
            {"patientName": "钱七", "patientPhone": "13900002222", "department": "眼科", "urgency": "ROUTINE", "consent": true}""";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired Accounts accounts;
    @Autowired Clock clock;

    private MvcResult sent(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(accounts.loadForSignIn(username, clock.instant()).orElseThrow()))
                .with(csrf())).andReturn();
    }

    private String page(String username, String path) throws Exception {
        MockHttpServletResponse r = sent(username, get(path)).getResponse();
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return r.getContentAsString();
    }

    private String status(ReferralHospital d, long id) throws Exception {
        return JsonPath.read(d.as(d.clerk, get("/api/v1/referrals/" + id)).andReturn().getResponse()
                .getContentAsString(), "$.status");
    }

    @Test
    void theQueueShowsUrgentReferralsFirstWithTheirWaitingTime() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        long routine = d.submitted(d.partner, "q-1", ROUTINE);
        long urgent = d.submitted(d.otherPartner, "q-2", ReferralApiTest.BODY);
        long done = d.submitted(d.partner, "q-3", ROUTINE);
        d.step(d.clerk, done, "decline", "{\"reason\": \"重复转诊\"}");

        String queue = page(d.clerk, "/referrals/desk");
        assertThat(queue).contains("目前有 2 例转诊等待受理", "张三", "钱七", "已等待", "加急", "渠道 RF1", "渠道 RF2")
                .doesNotContain(">SUBMITTED<").doesNotContain(">URGENT<");
        // the urgent one came later but stands first; the declined one last
        int u = queue.indexOf("id=\"queue-" + urgent + "\"");
        int r = queue.indexOf("id=\"queue-" + routine + "\"");
        int x = queue.indexOf("id=\"queue-" + done + "\"");
        assertThat(u).isPositive().isLessThan(r);
        assertThat(r).isLessThan(x);
        assertThat(page(d.clerk, "/referrals/desk?status=DECLINED")).contains("id=\"queue-" + done + "\"")
                .doesNotContain("id=\"queue-" + urgent + "\"");
    }

    @Test
    void theDeskTakesEveryStepFromItsPageAndTheChannelSeesEachOne() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        long id = d.submitted(d.partner, "w-1", ReferralApiTest.BODY);
        String base = "/referrals/desk/" + id;

        String first = page(d.clerk, base);
        assertThat(first).contains("张三", "13812345678", "腰痛两周", "id=\"step-accept\"", "id=\"step-schedule\"",
                "id=\"step-decline\"").doesNotContain("id=\"step-arrive\"").doesNotContain("id=\"step-convert\"");

        MvcResult accepted = sent(d.clerk, post(base + "/accept"));
        assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo(base);
        assertThat(accepted.getFlashMap().get("flash")).isEqualTo("转诊 " + id + " 已受理。");
        assertThat(page(d.clerk, base)).contains("响应用时", "id=\"step-arrive\"").doesNotContain("id=\"step-accept\"");
        assertThat(page(d.partner, "/referrals")).contains("已受理");

        // a day in the past: told beside the date, the doctor typed kept, nothing booked
        LocalDate today = LocalDate.ofInstant(clock.instant(), d.hospital.timeZone());
        MockHttpServletResponse past = sent(d.clerk, post(base + "/schedule").param("date", today.minusDays(1).toString())
                .param("department", "骨科").param("doctor", "孙医生")).getResponse();
        assertThat(past.getStatus()).isEqualTo(200);
        assertThat(past.getContentAsString()).contains("id=\"date-error\"", "预约日期不能早于今天", "value=\"孙医生\"");
        assertThat(status(d, id)).isEqualTo("ACCEPTED");

        String day = today.plusDays(2).toString();
        sent(d.clerk, post(base + "/schedule").param("date", day).param("department", "骨科").param("doctor", "孙医生"));
        assertThat(page(d.partner, "/referrals")).contains("已预约", day + " · 骨科 · 孙医生");
        sent(d.clerk, post(base + "/arrive"));
        assertThat(page(d.partner, "/referrals")).contains("已到诊");
        MvcResult converted = sent(d.clerk, post(base + "/convert").param("feedback", "已安排住院，谢谢转诊"));
        assertThat(converted.getFlashMap().get("flash")).isEqualTo("已登记转诊 " + id + " 的转化，并反馈给渠道。");
        assertThat(page(d.partner, "/referrals")).contains("已转化", "已安排住院，谢谢转诊");
        assertThat(page(d.clerk, base)).contains("这条转诊已办结").doesNotContain("id=\"step-");

        // every step went through intake: REFERRAL, ACCEPTED, ARRIVED, CONVERTED, FEEDBACK
        assertThat((Integer) JsonPath.read(d.as(d.clerk, get("/api/v1/referrals/" + id)).andReturn().getResponse()
                .getContentAsString(), "$.events.length()")).isEqualTo(5);
    }

    @Test
    void aStepOutOfOrderOrWithoutItsReasonSaysWhyAndChangesNothing() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        long id = d.submitted(d.partner, "o-1", ROUTINE);
        String base = "/referrals/desk/" + id;

        MvcResult arrive = sent(d.clerk, post(base + "/arrive"));
        assertThat(arrive.getResponse().getRedirectedUrl()).isEqualTo(base);
        assertThat(arrive.getFlashMap().get("flashError")).isEqualTo("转诊 " + id + " 当前为“待受理”，不能登记到诊。");
        assertThat(status(d, id)).isEqualTo("SUBMITTED");

        MockHttpServletResponse noReason = sent(d.clerk, post(base + "/decline").param("reason", " ")).getResponse();
        assertThat(noReason.getStatus()).isEqualTo(200);
        assertThat(noReason.getContentAsString()).contains("id=\"reason-error\"", "必填");
        assertThat(status(d, id)).isEqualTo("SUBMITTED");

        sent(d.clerk, post(base + "/accept"));
        MvcResult again = sent(d.clerk, post(base + "/accept"));
        assertThat(again.getFlashMap().get("flashError")).isEqualTo("转诊 " + id + " 当前为“已受理”，不能受理。");
    }

    @Test
    void onlyTheDeskAndTheOfficeOpenTheDesk() throws Exception {
        ReferralHospital d = new ReferralHospital(mvc, users, hospitals);
        long id = d.submitted(d.partner, "a-1", ROUTINE);
        assertThat(sent(d.partner, get("/referrals/desk")).getResponse().getStatus()).isEqualTo(403);
        assertThat(sent(d.analyst, get("/referrals/desk/" + id)).getResponse().getStatus()).isEqualTo(403);
        assertThat(sent(d.partner, post("/referrals/desk/" + id + "/accept")).getResponse().getStatus()).isEqualTo(403);
        assertThat(page(d.office, "/referrals/desk")).contains("钱七");
        assertThat(status(d, id)).isEqualTo("SUBMITTED");
    }
}
