package org.meridian.indicator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.CatalogueEntry;
import org.meridian.indicator.DefaultIndicators;
import org.meridian.indicator.IndicatorCatalogue;
import org.meridian.indicator.SchemeCatalogue;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The indicator pages as a person in the channel office sees them (server-rendered, without a browser). */
@MeridianTest
class IndicatorPagesTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired UserDetailsService details;
    @Autowired SchemeCatalogue schemes;
    @Autowired IndicatorCatalogue indicators;

    MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder b) {
        return b.with(user(details.loadUserByUsername(username))).with(csrf());
    }

    @Test
    void analystsSeeTheCatalogueAndSchemesButNoForm() throws Exception {
        String analyst = users.create(Role.ANALYST);
        mvc.perform(as(analyst, get("/indicators")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"indicator-ARRIVAL_RATE\"")))
                .andExpect(content().string(containsString("100 * arrivals / referrals")))
                .andExpect(content().string(containsString("越低越好")))
                .andExpect(content().string(containsString("id=\"scheme-EXAM_CENTER\"")))
                .andExpect(content().string(not(containsString("id=\"new-indicator\""))));
        mvc.perform(as(analyst, get("/indicators/schemes/OTHER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("只读")))
                .andExpect(content().string(not(containsString("id=\"scheme-submit\""))));
        mvc.perform(as(analyst, post("/indicators/schemes/OTHER").param("rows[0].code", "REFERRAL_VOLUME")))
                .andExpect(status().isForbidden());
        String partner = users.create(Role.CHANNEL_USER);
        mvc.perform(as(partner, get("/indicators"))).andExpect(status().isForbidden());
    }

    @Test
    void theFormulaIsCheckedAsOneTypes() throws Exception {
        String office = users.create(Role.CHANNEL_MANAGER);
        mvc.perform(as(office, get("/indicators/formula-check").param("formula", "100 * arivals / referrals")
                        .header("HX-Request", "true")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第 7 个字符处的度量“arivals”不存在")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(as(office, get("/indicators/formula-check").param("formula", "100 * conversions / arrivals")
                        .param("lang", "en")))
                .andExpect(content().string(containsString("Valid formula, reads: conversions, arrivals")));
    }

    @Test
    void anOwnIndicatorWithProblemsShowsThemBesideTheFieldsAndKeepsWhatWasTyped() throws Exception {
        String office = users.create(Role.CHANNEL_MANAGER);
        String code = "PAGE_" + RUN + "_" + SEQ.incrementAndGet();
        mvc.perform(as(office, post("/indicators").param("code", code).param("nameZh", "绿色通道率")
                        .param("direction", "HIGHER_IS_BETTER").param("formula", "100 * conversions / (arrivals")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("公式在第 30 个字符处意外结束")))
                .andExpect(content().string(containsString("value=\"绿色通道率\"")))
                .andExpect(content().string(containsString("value=\"100 * conversions / (arrivals\"")));
        assertThat(indicators.find(users.firstHospital().id(), code)).isEmpty();
        mvc.perform(as(office, post("/indicators").param("code", code).param("nameZh", "绿色通道率")
                        .param("nameEn", "Green channel").param("unitZh", "%").param("unitEn", "%")
                        .param("direction", "HIGHER_IS_BETTER").param("formula", "100 * conversions / (arrivals + 1)")))
                .andExpect(redirectedUrl("/indicators?created=" + code));
        mvc.perform(as(office, get("/indicators")))
                .andExpect(content().string(containsString("id=\"indicator-" + code + "\"")));
    }

    @Test
    void theSchemeEditorChecksOnEveryChangeAndSavesOnlyValidSchemes() throws Exception {
        String office = users.create(Role.CHANNEL_MANAGER);
        long hospital = users.firstHospital().id();
        List<CatalogueEntry> catalogue = indicators.catalogue(hospital);
        int arrival = index(catalogue, "ARRIVAL_RATE");
        int response = index(catalogue, "RESPONSE_TIME");
        int before = schemes.current(hospital, UnitType.COMMUNITY_HEALTH).map(SchemeSnapshot::version).orElse(0);

        // a change in the form (htmx): only the form comes back, with the shares and every problem, nothing saved
        java.util.function.Function<String[], MockHttpServletRequestBuilder> request = v ->
                form(post("/indicators/schemes/COMMUNITY_HEALTH"), catalogue)
                .param("rows[" + arrival + "].included", "true").param("rows[" + arrival + "].weight", "10")
                .param("rows[" + arrival + "].method", "LINEAR").param("rows[" + arrival + "].zero", "60")
                .param("rows[" + arrival + "].full", v[0])
                .param("rows[" + response + "].included", "true").param("rows[" + response + "].weight", "30")
                .param("rows[" + response + "].method", "BANDS").param("rows[" + response + "].bands", v[1])
                .param("tiers[0].tier", "A").param("tiers[0].minTotal", "85")
                .param("tiers[1].tier", v[2]).param("tiers[1].minTotal", v[3]);
        String[] invalid = {"60", "48:60, 24:60", "D", "90"};
        String fragment = mvc.perform(as(office, request.apply(invalid)).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // only shares and problems come back, out of band: no input that could overwrite what is being typed
        assertThat(fragment).doesNotContain("<html").doesNotContain("id=\"scheme-form\"").doesNotContain("<input")
                .contains("hx-swap-oob")
                // shares: 10 / 40 = 25.0 %, 30 / 40 = 75.0 %
                .contains("25.0 %").contains("75.0 %")
                .contains("零分值与满分值不能相同（都是 60）")
                .contains("阈值 24 未高于上一档的 48")
                .contains("分级 D 为系统保留")
                .contains("最低总分 90 未低于上一级的 85");
        assertThat(schemes.current(hospital, UnitType.COMMUNITY_HEALTH).map(SchemeSnapshot::version).orElse(0))
                .isEqualTo(before);

        // the same submitted as a plain form: the page again, with the problems beside the fields, nothing saved
        mvc.perform(as(office, request.apply(invalid))).andExpect(status().isOk())
                .andExpect(content().string(containsString("方案有 4 处问题，尚未保存")))
                .andExpect(content().string(containsString("id=\"rows" + arrival + "-full-error\"")));
        assertThat(schemes.current(hospital, UnitType.COMMUNITY_HEALTH).map(SchemeSnapshot::version).orElse(0))
                .isEqualTo(before);

        // corrected: saved as the next version
        mvc.perform(as(office, request.apply(new String[] {"90", "24:80, 48:60", "B", "70"})))
                .andExpect(redirectedUrl("/indicators/schemes/COMMUNITY_HEALTH?saved=" + (before + 1)));
        SchemeSnapshot saved = schemes.current(hospital, UnitType.COMMUNITY_HEALTH).orElseThrow();
        assertThat(saved.items()).extracting(i -> i.code()).containsExactly("ARRIVAL_RATE", "RESPONSE_TIME");
        assertThat(saved.tiers().thresholds()).extracting(t -> t.tier()).containsExactly("A", "B");
        mvc.perform(as(office, get("/indicators/schemes/COMMUNITY_HEALTH").param("saved", "" + saved.version())))
                .andExpect(content().string(containsString("已保存为第 " + saved.version() + " 版")))
                .andExpect(content().string(containsString("value=\"24:80, 48:60\"")));
    }

    @Test
    void notANumberIsShownBesideItsField() throws Exception {
        String office = users.create(Role.CHANNEL_MANAGER);
        List<CatalogueEntry> catalogue = indicators.catalogue(users.firstHospital().id());
        int volume = index(catalogue, "REFERRAL_VOLUME");
        mvc.perform(as(office, form(post("/indicators/schemes/OTHER"), catalogue)
                        .param("rows[" + volume + "].included", "true").param("rows[" + volume + "].weight", "十")
                        .param("rows[" + volume + "].method", "BANDS").param("rows[" + volume + "].bands", "100-50")
                        .param("tiers[0].tier", "A").param("tiers[0].minTotal", "85"))
                        .header("HX-Request", "true"))
                .andExpect(content().string(containsString("“十”不是数字")))
                .andExpect(content().string(containsString("“100-50”格式不对")));
    }

    /** Every row's code, as the page sends it (hidden fields), with nothing included. */
    static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder b, List<CatalogueEntry> catalogue) {
        for (int i = 0; i < catalogue.size(); i++) {
            b.param("rows[" + i + "].code", catalogue.get(i).code()).param("_rows[" + i + "].included", "on");
        }
        return b;
    }

    static int index(List<CatalogueEntry> catalogue, String code) {
        for (int i = 0; i < catalogue.size(); i++) {
            if (catalogue.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
