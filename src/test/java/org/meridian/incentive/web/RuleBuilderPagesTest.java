package org.meridian.incentive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.incentive.ComplianceStatus;
import org.meridian.incentive.RuleBook;
import org.meridian.incentive.StoredRule;
import org.meridian.shared.Actor;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The rule builder page: the live verdict is the compliance guard's (the same as the API's), a refused rule shows
 * every problem beside its field and stores nothing, a saved rule is exactly what the API would have saved.
 */
@MeridianTest
class RuleBuilderPagesTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired UserDetailsService accounts;
    @Autowired Hospitals hospitals;
    @Autowired RuleBook book;

    Hospital hospital;
    UserDetails office;

    @BeforeEach
    void aHospitalOfItsOwn() {
        String code = "RB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        hospital = hospitals.create(code, "规则编辑医院 " + code, ZoneId.of("Asia/Shanghai"));
        office = accounts.loadUserByUsername(users.create(hospital.id(), Role.CHANNEL_MANAGER, null));
    }

    private List<StoredRule> stored() {
        return book.rules(new Actor(hospital.id(), "test", java.util.Set.of(Role.ANALYST), null));
    }

    /** A fee rule's form as typed, each of {@code changes} (field, value, field, value…) replacing a default. */
    private static MockHttpServletRequestBuilder fee(String path, String baseKind, String... changes) {
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("code", "SERVICE-FEE");
        form.put("name", "服务费");
        form.put("type", "FEE");
        form.put("unitType", "EXAM_CENTER");
        form.put("validFrom", "2027-01-01");
        form.put("baseKind", baseKind);
        form.put("baseAmount", "5000");
        form.put("baseMeasure", "arrivals");
        form.put("rateBy", "TIER");
        form.put("tierRates.A", "1.2");
        form.put("tierRates.B", "1.0");
        form.put("tierRates.C", "0.5");
        form.put("cap", "5500");
        for (int i = 0; i < changes.length; i += 2) {
            form.put(changes[i], changes[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(path).with(csrf());
        form.forEach(request::param);
        return request;
    }

    @Test
    void theOfficeOpensTheBuilderAnAnalystDoesNot() throws Exception {
        mvc.perform(get("/incentives/rules/new").with(user(office))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"rule-form\"")))
                .andExpect(content().string(containsString("id=\"tierRates-A\"")))
                .andExpect(content().string(containsString("到诊数")));
        UserDetails analyst = accounts.loadUserByUsername(users.create(hospital.id(), Role.ANALYST, null));
        mvc.perform(get("/incentives/rules/new").with(user(analyst))).andExpect(status().isForbidden());
        mvc.perform(fee("/incentives/rules/check", "FIXED").with(user(analyst))).andExpect(status().isForbidden());
        mvc.perform(get("/incentives").with(user(office)))
                .andExpect(content().string(containsString("id=\"new-rule\"")));
    }

    @Test
    void theVerdictIsTheGuardsWhileTheRuleIsTyped() throws Exception {
        // a fee on a fixed base by tier needs no review and is complete: it would be version 1
        mvc.perform(fee("/incentives/rules/check", "FIXED").with(user(office)).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("无需审查")))
                .andExpect(content().string(containsString("可以保存，将成为版本 1")))
                .andExpect(content().string(not(containsString("<html"))));
        // the same fee on the arrivals of the period: flagged, naming the measure, before anything else is right
        mvc.perform(fee("/incentives/rules/check", "MEASURE", "name", "", "tierRates.A", "-1")
                        .with(user(office)).header("HX-Request", "true"))
                .andExpect(content().string(containsString("需合规审查")))
                .andExpect(content().string(containsString("按“到诊数”计付金额")))
                .andExpect(content().string(containsString("尚有 2 处问题")));
        // revenue is named as such
        mvc.perform(fee("/incentives/rules/check", "MEASURE", "baseMeasure", "revenue").with(user(office)))
                .andExpect(content().string(containsString("按转诊患者的收入计付金额")));
        // an award in money, a priority right and a sanction need none
        mvc.perform(post("/incentives/rules/check").with(csrf()).with(user(office)).param("type", "AWARD")
                        .param("awardAmount", "800"))
                .andExpect(content().string(containsString("无需审查")));
        // a fee whose base is not chosen yet cannot be judged
        mvc.perform(post("/incentives/rules/check").with(csrf()).with(user(office)).param("type", "FEE"))
                .andExpect(content().string(containsString("选定规则类型（返费还须选定基数）后即显示")));
        assertThat(stored()).as("checking saves nothing").isEmpty();
    }

    @Test
    void aRefusedRuleShowsEveryProblemBesideItsFieldAndStoresNothing() throws Exception {
        mvc.perform(post("/incentives/rules").with(csrf()).with(user(office))
                        .param("code", "bad code").param("name", "分数段奖励").param("type", "FEE")
                        .param("validFrom", "2027-01-01").param("validTo", "2026-12-31")
                        .param("baseKind", "FIXED").param("baseAmount", "3千").param("rateBy", "SCORE_BAND")
                        .param("scoreBands[0].from", "70").param("scoreBands[0].to", "90")
                        .param("scoreBands[0].rate", "1.0")
                        // row 1 left empty: not a band; row 2 ([85, ∞)) overlaps the first ([70, 90)) from 85 to 90
                        .param("scoreBands[2].from", "85").param("scoreBands[2].rate", "1.5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"code-error\"")))
                .andExpect(content().string(containsString("规则编码为 2 至 64 位大写字母")))
                .andExpect(content().string(containsString("id=\"validTo-error\"")))
                .andExpect(content().string(containsString("id=\"baseAmount-error\"")))
                .andExpect(content().string(containsString("“3千”不是数字")))
                // the overlap is reported on the page's third row, where it was typed
                .andExpect(content().string(containsString("id=\"band-2-error\"")))
                .andExpect(content().string(containsString("重叠")))
                .andExpect(content().string(containsString("value=\"bad code\"")))
                .andExpect(content().string(containsString("value=\"3千\"")))
                .andExpect(content().string(containsString("规则未保存")));
        assertThat(stored()).isEmpty();
    }

    @Test
    void aSavedRuleIsWhatTheApiSavesAndItsNextVersionStartsFromIt() throws Exception {
        mvc.perform(fee("/incentives/rules", "MEASURE").with(user(office)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/incentives*"))
                // the flash names the version in words, as the rules list does
                .andExpect(flash().attribute("successArg", "SERVICE-FEE 第 1 版"));
        List<StoredRule> rules = stored();
        assertThat(rules).hasSize(1);
        StoredRule rule = rules.get(0);
        assertThat(rule.code()).isEqualTo("SERVICE-FEE");
        assertThat(rule.version()).isEqualTo(1);
        assertThat(rule.complianceStatus()).isEqualTo(ComplianceStatus.COMPLIANCE_REVIEW_REQUIRED);
        assertThat(rule.definition().baseMeasure()).isEqualTo("arrivals");
        assertThat(rule.definition().baseAmount()).as("only the chosen base is kept").isNull();
        assertThat(rule.definition().tierRates()).containsEntry("A", new BigDecimal("1.2"))
                .containsEntry("C", new BigDecimal("0.5")).doesNotContainKey("D");
        assertThat(rule.definition().cap()).isEqualByComparingTo("5500");

        // the next version starts from the rule's content; a start not after version 1's is refused on its field
        mvc.perform(get("/incentives/rules/new?from=" + rule.id()).with(user(office)))
                .andExpect(content().string(containsString("规则 SERVICE-FEE 的新版本")))
                .andExpect(content().string(containsString("value=\"5500\"")))
                .andExpect(content().string(containsString("可以保存，将成为版本 2")));
        mvc.perform(fee("/incentives/rules", "FIXED", "validFrom", "2026-12-01").with(user(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"validFrom-error\"")));
        // a new version of another type is refused on the type, which is named in words, not as its code
        // (an award without its period is asked to choose one, not told the codes of the choices)
        mvc.perform(fee("/incentives/rules", "FIXED", "validFrom", "2027-04-01", "type", "AWARD", "topN", "3")
                        .with(user(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请从选项中选择一项")))
                .andExpect(content().string(not(containsString("QUARTER, YEAR"))));
        mvc.perform(fee("/incentives/rules", "FIXED", "validFrom", "2027-04-01", "type", "AWARD", "topN", "3",
                        "awardPeriod", "QUARTER", "awardAmount", "1000").with(user(office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("规则 SERVICE-FEE 是「返费/服务费」类规则")))
                .andExpect(content().string(not(containsString("FEE 类"))));
        mvc.perform(fee("/incentives/rules", "FIXED", "validFrom", "2027-04-01").with(user(office)))
                .andExpect(status().is3xxRedirection());
        assertThat(stored()).extracting(StoredRule::version, StoredRule::complianceStatus)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1, ComplianceStatus.COMPLIANCE_REVIEW_REQUIRED),
                        org.assertj.core.groups.Tuple.tuple(2, ComplianceStatus.NOT_REQUIRED));
        assertThat(stored()).filteredOn(r -> r.version() == 1).first()
                .extracting(StoredRule::validTo).isEqualTo(java.time.LocalDate.of(2027, 3, 31));
    }

    @Test
    void anotherHospitalsRuleIsNotFound() throws Exception {
        UserDetails stranger = accounts.loadUserByUsername(users.create(users.firstHospital().id(),
                Role.CHANNEL_MANAGER, null));
        mvc.perform(fee("/incentives/rules", "FIXED").with(user(office))).andExpect(status().is3xxRedirection());
        long id = stored().get(0).id();
        mvc.perform(get("/incentives/rules/new?from=" + id).with(user(stranger)).accept("text/html"))
                .andExpect(status().isNotFound());
    }
}
