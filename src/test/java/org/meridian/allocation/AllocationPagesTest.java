package org.meridian.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The allocation pages on {@link Planned}'s departments: the form's problems, the plan page, four eyes, export. */
@MeridianTest
class AllocationPagesTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService accounts;
    @Autowired AuditLog audit;

    Planned h;

    @BeforeEach
    void hospital() throws Exception {
        h = new Planned(mvc, users, hospitals);
    }

    private String page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(user(accounts.loadUserByUsername(username)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private MockHttpServletRequestBuilder form(String username, String path) {
        return post(path).with(user(accounts.loadUserByUsername(username))).with(csrf());
    }

    private MockHttpServletRequestBuilder plan(String username, String cap) {
        return form(username, "/allocation/plans/new").param("name", "方案甲").param("resource", "设备购置预算")
                .param("amount", "100,000.00").param("unit", "CNY").param("period", "2026-12")
                .param("unitTypes", "CLINICAL").param("rule", "DRIVER").param("performance", "0.5")
                .param("brand", "0.25").param("efficiency", "0.25").param("cap", cap);
    }

    @Test
    void aFormWithCapsBelowTheAmountIsShownAgainWithTheProblemAndNothingIsStored() throws Exception {
        assertThat(page(h.office, "/allocation/plans")).contains("还没有资源配置方案", "id=\"new-plan\"");
        String again = mvc.perform(plan(h.office, "30000")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        // 3 × 30,000 = 90,000 < 100,000
        assertThat(again).contains("上限合计 90,000.00，低于总额 100,000.00", "value=\"方案甲\"");
        assertThat(page(h.office, "/allocation/plans")).contains("还没有资源配置方案");
        // the hand case (AllocationPlanTest): the page shows the amounts, the why and the equity
        String location = mvc.perform(plan(h.office, "40000")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        String shown = page(h.office, location);
        assertThat(shown).contains("31,363.64", "28,636.36", "触及上限 40,000.00", "0.0758", "100,000.00 元",
                "需求预测未计入");
        assertThat(shown).doesNotContain("id=\"approve\"");
        // an analyst reads but does not draft
        assertThat(page(h.analyst, "/allocation/plans")).doesNotContain("id=\"new-plan\"").contains("方案甲");
        mvc.perform(get("/allocation/plans/new").with(user(accounts.loadUserByUsername(h.analyst))))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePlannerIsToldAnotherPersonMustApproveTheApproverApprovesAndTheExportIsAudited() throws Exception {
        long id = h.draft(h.planner, Planned.HAND_CASE);
        String path = "/allocation/plans/" + id;
        assertThat(page(h.planner, path)).contains("id=\"own-draft\"").doesNotContain("id=\"approve\"");
        mvc.perform(form(h.planner, path + "/approve")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("refusal", "方案由 " + h.planner + " 起草，须由另一人批准（双人复核）"));
        assertThat(page(h.approver, path)).contains("id=\"approve\"");
        mvc.perform(form(h.approver, path + "/approve")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "allocation.notice.approved"));
        assertThat(page(h.approver, path)).contains("id=\"frozen\"").doesNotContain("id=\"approve\"");
        mvc.perform(get(path + "/plan.xlsx").with(user(accounts.loadUserByUsername(h.analyst))))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"allocation-plan-" + id + ".xlsx\""));
        assertThat(audit.recent(h.hospital.id(), "ALLOCATION_PLAN_EXPORTED", 5)).hasSize(1);
        // D1's statement: 40,000.00 of 100,000.00, the largest; its parts (AllocationPlanTest's hand case):
        // performance 40.0 % × weight 50.0 % = 20.0 %, brand 50.0 % × 25.0 % = 12.5 %, DEA 50.0 % × 25.0 % = 12.5 %
        String statement = page(h.analyst, path + "/units/D1");
        assertThat(statement).contains("心内科 分配单", "40,000.00 元", "id=\"statement-share\">40.0%<", "第 1 / 3",
                "id=\"part-performance\"", "20.0%", "12.5%", "id=\"statement-driver\">45.0%<", "已批准");
    }
}
