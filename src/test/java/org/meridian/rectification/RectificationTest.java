package org.meridian.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.appeal.Published;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Rectification plans on the published evaluation of {@link Published}: A2 (tier D, arrival rate 50 → score 50) and
 * A1 (tier C, but referral volume scores 50) qualify, A3 (tier A, nothing below 60) does not.
 */
@MeridianTest
class RectificationTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService accounts;
    @Autowired RectificationWorkflow rectification;
    @Autowired AuditLog audit;

    MeridianUser signedIn(String username) {
        return (MeridianUser) accounts.loadUserByUsername(username);
    }

    @Test
    void theLowestTierAndFailingIndicatorsQualifyAndNothingElse() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        List<Candidate> candidates = rectification.candidates(signedIn(p.office).actor(), p.evaluationId);
        assertThat(candidates).extracting(Candidate::code).containsExactly("A2", "A1");
        Candidate a2 = candidates.get(0);
        assertThat(a2.tier()).isEqualTo("D");
        assertThat(a2.lowestTier()).isTrue();
        assertThat(a2.failing()).extracting(Candidate.Failing::indicator).containsExactly("REFERRAL_VOLUME", "ARRIVAL_RATE");
        Candidate a1 = candidates.get(1);
        assertThat(a1.lowestTier()).isFalse();
        assertThat(a1.failing()).extracting(Candidate.Failing::indicator).containsExactly("REFERRAL_VOLUME");
        assertThat(a1.failing().get(0).score()).isEqualByComparingTo("50");

        // the suggestion list on the page, with an open button per channel
        mvc.perform(get("/rectification").with(user(signedIn(p.office))).param("evaluation", "" + p.evaluationId))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"open-A2\"")))
                .andExpect(content().string(containsString("id=\"open-A1\"")))
                .andExpect(content().string(not(containsString("id=\"candidate-A3\""))));
    }

    @Test
    void openingIsRefusedForADraftAChannelThatDoesNotQualifyAndASecondLivePlan() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        MeridianUser office = signedIn(p.office);
        long draft = p.run("2026-08");
        mvc.perform(post("/rectification").with(user(office)).with(csrf()).param("evaluationId", "" + p.evaluationId)
                        .param("channel", "A3").param("title", "A3 整改"))
                .andExpect(redirectedUrl("/rectification?evaluation=" + p.evaluationId))
                .andExpect(flash().attribute("flashError", containsString("A3 既不在最低等级")));
        assertThatThrownBy(() -> rectification.open(office.actor(), draft, "A2", "草稿"))
                .isInstanceOf(RectificationRefusedException.class).hasMessageContaining("draft");
        assertThatThrownBy(() -> rectification.open(office.actor(), p.evaluationId, " ", " "))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(pr -> pr.path()).containsExactlyInAnyOrder("title", "channel"));
        mvc.perform(post("/rectification").with(user(office)).with(csrf()).param("evaluationId", "" + p.evaluationId)
                        .param("channel", "A2").param("title", "A2 整改"))
                .andExpect(redirectedUrlPattern("/rectification/*"));
        mvc.perform(post("/rectification").with(user(office)).with(csrf()).param("evaluationId", "" + p.evaluationId)
                        .param("channel", "A2").param("title", "A2 再次整改"))
                .andExpect(flash().attribute("flashError", containsString("已有进行中的计划")));
        assertThat(rectification.search(office.actor(), null, 0, 50).total()).isEqualTo(1);
        // analysts read but do not open
        mvc.perform(post("/rectification").with(user(signedIn(p.analyst))).with(csrf())
                        .param("evaluationId", "" + p.evaluationId).param("channel", "A1").param("title", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void actionsNotesStatusAndTheOverdueListOnTheHomePage() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        MeridianUser office = signedIn(p.office);
        Plan plan = rectification.open(office.actor(), p.evaluationId, "A2", "A2 到诊率整改");
        assertThat(plan.grounds()).isEqualTo("tier:D; REFERRAL_VOLUME 20; ARRIVAL_RATE 50");
        mvc.perform(get("/rectification/" + plan.id()).with(user(office)))
                .andExpect(content().string(containsString("最低等级 D。")))
                .andExpect(content().string(containsString("不及格指标（得分）：转诊量 20，到诊率 50。")));

        // every bad field is named beside it, nothing is stored
        mvc.perform(post("/rectification/" + plan.id() + "/actions").with(user(office)).with(csrf())
                        .param("description", "").param("owner", "").param("dueDate", "下周"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“下周”不是日期")))
                .andExpect(content().string(containsString("必填")));
        assertThat(rectification.actions(office.actor(), plan.id())).isEmpty();

        String yesterday = rectification.today(office.actor()).minusDays(1).toString();
        LocalDate nextMonth = rectification.today(office.actor()).plusMonths(1);
        mvc.perform(post("/rectification/" + plan.id() + "/actions").with(user(office)).with(csrf())
                        .param("description", "每周核对到诊登记").param("owner", "王主任").param("dueDate", yesterday))
                .andExpect(redirectedUrl("/rectification/" + plan.id()));
        PlanAction late = rectification.actions(office.actor(), plan.id()).get(0);
        rectification.addAction(office.actor(), plan.id(), new NewAction("培训前台登记流程", "李护士长", nextMonth));

        // the overdue action is on the home page of the office and of channel A2, not of channel A1
        for (String who : List.of(p.office, p.analyst, p.userA2)) {
            mvc.perform(get("/").with(user(signedIn(who))))
                    .andExpect(content().string(containsString("id=\"overdue-actions\"")))
                    .andExpect(content().string(containsString("A2 体检中心 A2 · 每周核对到诊登记")))
                    .andExpect(content().string(containsString("逾期 1 天")))
                    .andExpect(content().string(not(containsString("培训前台登记流程"))));
        }
        mvc.perform(get("/").with(user(signedIn(p.userA1))))
                .andExpect(content().string(containsString("没有逾期的整改事项")))
                .andExpect(content().string(not(containsString("每周核对到诊登记"))));

        // channel A1 cannot see A2's plan; A2 adds a note and marks its action done
        mvc.perform(get("/rectification/" + plan.id()).with(user(signedIn(p.userA1)))).andExpect(status().isNotFound());
        mvc.perform(get("/rectification").with(user(signedIn(p.userA1))))
                .andExpect(content().string(not(containsString("A2 到诊率整改"))));
        MeridianUser channel = signedIn(p.userA2);
        mvc.perform(get("/rectification").with(user(channel)))
                .andExpect(content().string(containsString("A2 到诊率整改")));
        mvc.perform(post("/rectification/" + plan.id() + "/notes").with(user(channel)).with(csrf())
                        .param("body", "已安排专人每日核对"))
                .andExpect(flash().attribute("flash", containsString("记录已添加")));
        mvc.perform(post("/rectification/" + plan.id() + "/actions/" + late.id() + "/done").with(user(channel))
                        .with(csrf()))
                .andExpect(flash().attribute("flash", containsString("已标记完成")));
        mvc.perform(post("/rectification/" + plan.id() + "/actions").with(user(channel)).with(csrf())
                        .param("description", "x").param("owner", "y").param("dueDate", nextMonth.toString()))
                .andExpect(status().isForbidden());
        assertThat(rectification.overdue(office.actor(), 10)).isEmpty();
        assertThat(rectification.notes(office.actor(), plan.id())).extracting(Note::writtenBy).containsExactly(p.userA2);

        // status: not done while an action is open; cancelling needs a reason
        assertThatThrownBy(() -> rectification.changeStatus(office.actor(), plan.id(), PlanStatus.DONE, null))
                .isInstanceOf(RectificationRefusedException.class).hasMessageContaining("1 open action");
        assertThatThrownBy(() -> rectification.changeStatus(office.actor(), plan.id(), PlanStatus.CANCELLED, " "))
                .isInstanceOf(InvalidInputException.class);
        rectification.changeStatus(office.actor(), plan.id(), PlanStatus.IN_PROGRESS, null);
        assertThatThrownBy(() -> rectification.changeStatus(office.actor(), plan.id(), PlanStatus.OPEN, null))
                .isInstanceOf(RectificationRefusedException.class);
        rectification.completeAction(office.actor(), plan.id(), rectification.actions(office.actor(), plan.id()).stream()
                .filter(a -> !a.done()).findFirst().orElseThrow().id());
        assertThat(rectification.changeStatus(office.actor(), plan.id(), PlanStatus.DONE, null).status()).isEqualTo(PlanStatus.DONE);
        assertThatThrownBy(() -> rectification.addAction(office.actor(), plan.id(), new NewAction("更多", "某人", nextMonth)))
                .isInstanceOf(RectificationRefusedException.class);
        assertThat(audit.recent(p.hospital.id(), "RECTIFICATION_", 20)).extracting(AuditLog.Entry::action)
                .contains("RECTIFICATION_PLAN_OPENED", "RECTIFICATION_ACTION_ADDED", "RECTIFICATION_ACTION_DONE",
                        "RECTIFICATION_NOTE_ADDED", "RECTIFICATION_PLAN_STATUS");
    }
}
