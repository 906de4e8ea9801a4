package org.meridian.appeal.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.meridian.appeal.Published;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The appeal pages: problems beside the fields, refusals said in words, and who sees which appeal. */
@MeridianTest
class AppealPagesTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService accounts;

    UserDetails as(String username) {
        return accounts.loadUserByUsername(username);
    }

    @Test
    void theFilingFormNamesEveryProblemAndKeepsWhatWasTyped() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        mvc.perform(get("/appeals/new").with(user(as(p.userA1))).param("evaluation", "" + p.evaluationId))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("到诊率（值 80.0，得分 80）")))
                .andExpect(content().string(containsString("本评估的申诉截止时间")));
        byte[] notPdf = "just text".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/appeals").file(new MockMultipartFile("file", "证明.pdf", "application/pdf", notPdf))
                        .with(user(as(p.userA1))).with(csrf())
                        .param("evaluationId", "" + p.evaluationId).param("indicator", "NO_SUCH")
                        .param("statement", "我保留的说明"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("此记分卡中没有指标 NO_SUCH")))
                .andExpect(content().string(containsString("文件 证明.pdf 不是允许的类型")))
                .andExpect(content().string(containsString("我保留的说明")));
        // a channel user who names another channel files for its own (the field is read-only and ignored)
        mvc.perform(multipart("/appeals").with(user(as(p.userA1))).with(csrf())
                        .param("evaluationId", "" + p.evaluationId).param("channel", "A2")
                        .param("indicator", "ARRIVAL_RATE").param("statement", "说明"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/appeals").with(user(as(p.analyst))))
                .andExpect(content().string(containsString("A1 体检中心 A1")))
                .andExpect(content().string(not(containsString("A2 体检中心 A2"))));
    }

    @Test
    void refusalsAreSaidInWordsAndChannelsSeeOnlyTheirOwn() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        long draft = p.run("2026-08");
        mvc.perform(multipart("/appeals").with(user(as(p.office))).with(csrf())
                        .param("evaluationId", "" + draft).param("channel", "A1")
                        .param("indicator", "ARRIVAL_RATE").param("statement", "说明"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("尚未发布，只能对已发布的评估提出申诉")));
        long a2 = p.file(p.userA2, "A2", "ARRIVAL_RATE");
        mvc.perform(get("/appeals/" + a2).with(user(as(p.userA1)))).andExpect(status().isNotFound());
        mvc.perform(get("/appeals").with(user(as(p.userA1))))
                .andExpect(content().string(containsString("id=\"no-appeals\"")));
        mvc.perform(get("/appeals/" + a2).with(user(as(p.userA2)))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("review-submit"))))
                // the evaluation's version in words a person reads, not "v1"
                .andExpect(content().string(containsString(" · 第 1 版</span>")))
                .andExpect(content().string(not(containsString("· v1"))));
        mvc.perform(get("/appeals/" + a2).param("lang", "en").with(user(as(p.userA2))))
                .andExpect(content().string(containsString(" · version 1</span>")));
        mvc.perform(get("/appeals").with(user(as(p.office))))
                .andExpect(content().string(containsString(" 第 1 版</td>")))
                .andExpect(content().string(not(containsString(" v1<"))));
        mvc.perform(get("/appeals/new").with(user(as(p.userA1))).param("evaluation", "" + p.evaluationId))
                .andExpect(content().string(containsString(" · 第 1 版</p>")));
        mvc.perform(get("/appeals").with(user(as(p.regulator)))).andExpect(status().isForbidden());
        mvc.perform(get("/appeals/new").with(user(as(p.analyst))).param("evaluation", "" + p.evaluationId))
                .andExpect(status().isForbidden());
        // out of order: deciding a submitted appeal on the page is refused with the reason
        mvc.perform(post("/appeals/" + a2 + "/decision").with(user(as(p.office))).with(csrf())
                        .param("decision", "REJECT").param("reason", "无"))
                .andExpect(header().string("Location", "/appeals/" + a2))
                .andExpect(flash().attribute("flashError", "申诉当前状态为“已提交”，只有在“审核中”状态下才能进行此步骤。"));
        // a decision without a reason is shown beside the field, the appeal stays under review
        mvc.perform(post("/appeals/" + a2 + "/review").with(user(as(p.office))).with(csrf()));
        mvc.perform(post("/appeals/" + a2 + "/decision").with(user(as(p.office))).with(csrf())
                        .param("decision", "REJECT").param("reason", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("作出决定必须说明理由")))
                .andExpect(content().string(containsString("决定未保存")));
        mvc.perform(get("/api/v1/appeals/" + a2).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic(p.analyst, TestUsers.PASSWORD)))
                .andExpect(content().string(containsString("UNDER_REVIEW")));
    }

    @Test
    void aDecisionCorrectingAnotherChannelIsRefusedBesideTheFieldAndChangesNothing() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        long id = p.file(p.userA1, "A1", "ARRIVAL_RATE");
        mvc.perform(post("/appeals/" + id + "/review").with(user(as(p.office))).with(csrf()));
        // the picker offers only A1's events; a crafted request voiding A2's is refused naming its row. The
        // corrected events the form sends always belong to the appealed channel (the API refuses another channel's:
        // AppealApiTest), so the page shows the row it could not take and keeps everything typed.
        mvc.perform(post("/appeals/" + id + "/decision").with(user(as(p.office))).with(csrf())
                        .param("decision", "UPHOLD").param("reason", "核实")
                        .param("void", p.id("a-arr0"), p.id("b-arr0")).param("voidReason", "重复")
                        .param("rowType", "ARRIVED", "").param("rowTime", "2026-09-31T09:00", "")
                        .param("rowReferral", "", "").param("rowValue", "", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("决定未保存")))
                .andExpect(content().string(containsString("第 1 行的发生时间：“2026-09-31T09:00”不是有效的日期时间。")))
                .andExpect(content().string(containsString("value=\"2026-09-31T09:00\"")))
                .andExpect(content().string(containsString("value=\"重复\"")));
        mvc.perform(post("/appeals/" + id + "/decision").with(user(as(p.office))).with(csrf())
                        .param("decision", "UPHOLD").param("reason", "核实")
                        .param("void", p.id("a-arr0"), p.id("b-arr0")).param("voidReason", "重复")
                        .param("rowType", "ARRIVED").param("rowTime", "2026-09-13T09:00")
                        .param("rowReferral", "").param("rowValue", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("决定未保存")))
                .andExpect(content().string(containsString("第 2 行：事件 " + p.id("b-arr0")
                        + " 属于渠道 A2，不属于被申诉的渠道 A1")));
        mvc.perform(get("/api/v1/appeals/" + id).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic(p.analyst, TestUsers.PASSWORD)))
                .andExpect(content().string(containsString("UNDER_REVIEW")))
                .andExpect(content().string(containsString("\"corrections\":[]")));
    }
}
