package org.meridian.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.meridian.feedback.FeedbackRuleBook;
import org.meridian.feedback.SuggestionRule;
import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The suggestion rules page and API (checks beside each field, nothing saved on bad input), and the navigation. */
@MeridianTest
class FeedbackPagesTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService accounts;
    @Autowired FeedbackRuleBook rules;
    @Autowired AuditLog audit;

    private Hospital hospital() {
        String code = "FP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return hospitals.create(code, "反馈页面医院", ZoneId.of("Asia/Shanghai"));
    }

    /** The hospital's office reading its rule book directly, to check what the pages did. */
    private static Actor office(Hospital h) {
        return Actor.system(h.id(), "test");
    }

    private UserDetails signedIn(Hospital h, Role role) {
        return accounts.loadUserByUsername(users.create(h.id(), role, null));
    }

    @Test
    void aNewHospitalStartsWithTheDefaultRulesWhichTheOfficeEditsDisablesAndAddsTo() throws Exception {
        Hospital h = hospital();
        UserDetails office = signedIn(h, Role.CHANNEL_MANAGER);
        mvc.perform(get("/feedback/rules").with(user(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("到诊率偏低：建议转诊后 24 小时内电话提醒患者")))
                .andExpect(content().string(containsString("ARRIVAL_RATE")));
        int seeded = rules.all(office(h)).size();
        assertThat(seeded).isEqualTo(7);
        SuggestionRule arrival = rules.all(office(h)).stream().filter(r -> r.indicatorCode().equals("ARRIVAL_RATE"))
                .findFirst().orElseThrow();

        mvc.perform(post("/feedback/rules/" + arrival.id()).with(user(office)).with(csrf())
                        .param("indicatorCode", "ARRIVAL_RATE").param("below", "45.5")
                        .param("textZh", "到诊率偏低：请电话提醒。").param("textEn", "Low arrival rate: call the patients."))
                .andExpect(redirectedUrl("/feedback/rules"));
        SuggestionRule changed = rules.get(office(h), arrival.id());
        assertThat(changed.below()).isEqualByComparingTo("45.5");
        assertThat(changed.textZh()).isEqualTo("到诊率偏低：请电话提醒。");
        mvc.perform(post("/feedback/rules/" + arrival.id() + "/enabled").with(user(office)).with(csrf())
                .param("value", "false")).andExpect(redirectedUrl("/feedback/rules"));
        assertThat(rules.get(office(h), arrival.id()).enabled()).isFalse();
        assertThat(audit.recent(h.id(), "FEEDBACK_RULE_", 10)).extracting(AuditLog.Entry::action)
                .containsExactly("FEEDBACK_RULE_DISABLED", "FEEDBACK_RULE_CHANGED", "FEEDBACK_RULES_SEEDED");

        mvc.perform(post("/feedback/rules").with(user(office)).with(csrf()).param("indicatorCode", "nps")
                        .param("below", "30").param("textZh", "净推荐值偏低").param("textEn", "Low NPS"))
                .andExpect(redirectedUrl("/feedback/rules"));
        assertThat(rules.all(office(h))).hasSize(seeded + 1).last()
                .satisfies(r -> assertThat(r.indicatorCode()).isEqualTo("NPS"));
        // disabling every rule never brings the defaults back
        for (SuggestionRule r : rules.all(office(h))) {
            mvc.perform(post("/feedback/rules/" + r.id() + "/enabled").with(user(office)).with(csrf())
                    .param("value", "false")).andExpect(redirectedUrl("/feedback/rules"));
        }
        assertThat(rules.all(office(h))).hasSize(seeded + 1).noneMatch(SuggestionRule::enabled);
    }

    @Test
    void badRulesAreRefusedWithAReasonBesideEveryFieldAndNothingIsSaved() throws Exception {
        Hospital h = hospital();
        UserDetails office = signedIn(h, Role.CHANNEL_MANAGER);
        int before = rules.all(office(h)).size();
        mvc.perform(post("/feedback/rules").with(user(office)).with(csrf()).param("indicatorCode", "NO_SUCH")
                        .param("below", "120").param("textZh", "").param("textEn", "x".repeat(501)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("指标库中没有“NO_SUCH”")))
                .andExpect(content().string(containsString("阈值必须大于 0、不超过 100")))
                .andExpect(content().string(containsString("必填")))
                .andExpect(content().string(containsString("不能超过 500 个字符")))
                .andExpect(content().string(containsString("value=\"120\"")));
        mvc.perform(post("/feedback/rules").with(user(office)).with(csrf()).param("indicatorCode", "ARRIVAL_RATE")
                        .param("below", "abc").param("textZh", "建议").param("textEn", "Advice"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“abc”不是数字")));
        SuggestionRule first = rules.all(office(h)).get(0);
        mvc.perform(post("/feedback/rules/" + first.id()).with(user(office)).with(csrf())
                        .param("indicatorCode", first.indicatorCode()).param("below", "0").param("textZh", "建议")
                        .param("textEn", "Advice").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The threshold must be above 0 and at most 100")));
        assertThat(rules.all(office(h))).hasSize(before);
        assertThat(rules.get(office(h), first.id())).isEqualTo(first);

        // the API lists every problem at once
        String username = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        mvc.perform(post("/api/v1/feedback-rules").with(httpBasic(username, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicatorCode\": \"\", \"below\": -5, \"textZh\": \" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "indicatorCode", "below", "textZh", "textEn")));
        assertThat(rules.all(office(h))).hasSize(before);

        // analysts and channel users do not keep rules
        mvc.perform(get("/feedback/rules").with(user(signedIn(h, Role.ANALYST)))).andExpect(status().isForbidden());
        mvc.perform(post("/feedback/rules").with(user(accounts.loadUserByUsername(users.create(h.id(),
                Role.CHANNEL_USER, null)))).with(csrf()).param("indicatorCode", "NPS").param("below", "30")
                .param("textZh", "x").param("textEn", "y")).andExpect(status().isForbidden());
        assertThat(rules.all(office(h))).hasSize(before);
    }

    @Test
    void theNavigationShowsFeedbackToChannelUsersAndTheOfficeButNotToRegulators() throws Exception {
        Hospital h = hospital();
        String nav = "href=\"/feedback\"";
        mvc.perform(get("/").with(user(accounts.loadUserByUsername(users.create(h.id(), Role.CHANNEL_USER, null)))))
                .andExpect(content().string(containsString(nav)));
        mvc.perform(get("/").with(user(signedIn(h, Role.ANALYST)))).andExpect(content().string(containsString(nav)));
        mvc.perform(get("/").with(user(signedIn(h, Role.ADMIN)))).andExpect(content().string(containsString(nav)));
        mvc.perform(get("/").with(user(signedIn(h, Role.REGULATOR))))
                .andExpect(content().string(not(containsString(nav))));
        // a channel user bound to no channel sees an empty list, not someone else's
        mvc.perform(get("/feedback").with(user(accounts.loadUserByUsername(users.create(h.id(), Role.CHANNEL_USER,
                null))))).andExpect(status().isOk()).andExpect(content().string(containsString("暂无反馈报告")));
    }
}
