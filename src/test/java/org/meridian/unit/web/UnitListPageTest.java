package org.meridian.unit.web;

import static org.hamcrest.Matchers.containsString;
import static org.meridian.support.TestHospital.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The registry's list page opens, lists the hospital's departments and filters them (it once failed on opening). */
@MeridianTest
class UnitListPageTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService accounts;

    @Test
    void theListOpensWithTheDepartmentsAndItsFilters() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        h.as(h.office, json(post("/api/v1/units"), """
                {"code": "DEP-ORTH", "name": "骨科", "kind": "DEPARTMENT", "type": "CLINICAL", "openBeds": 45}"""))
                .andExpect(status().isCreated());
        var office = user(accounts.loadUserByUsername(h.office));
        mvc.perform(get("/units").accept(MediaType.TEXT_HTML).with(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("骨科")));
        mvc.perform(get("/units").param("kind", "INSTITUTION").accept(MediaType.TEXT_HTML).with(office))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("骨科"))));
    }

    @Test
    void thePagerWalksTheFilteredListAndKeepsTheFilter() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        // 27 departments (a page holds 25, so the filtered list has 2 pages) and one institution the filter leaves out
        for (int i = 1; i <= 27; i++) {
            h.as(h.office, json(post("/api/v1/units"), """
                    {"code": "DEP-%02d", "name": "科室%02d", "kind": "DEPARTMENT", "type": "CLINICAL"}"""
                    .formatted(i, i))).andExpect(status().isCreated());
        }
        h.as(h.office, json(post("/api/v1/units"), """
                {"code": "INST-1", "name": "社区中心", "kind": "INSTITUTION", "type": "PRIMARY_CARE"}"""))
                .andExpect(status().isCreated());
        var office = user(accounts.loadUserByUsername(h.office));
        String first = mvc.perform(get("/units?kind=DEPARTMENT").accept(MediaType.TEXT_HTML).with(office))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(first)
                .contains("第 1 / 2 页", "href=\"/units?kind=DEPARTMENT&amp;page=1\" id=\"page-next\"")
                .doesNotContain("id=\"page-prev\"");
        String second = mvc.perform(get("/units?kind=DEPARTMENT&page=1")
                        .accept(MediaType.TEXT_HTML).with(office))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // (the filter as a browser sends it, in the query string)
        // the second page: the 2 departments left (25 + 2 = 27), a link back to the first page with the filter and
        // without a page parameter, none onwards
        org.assertj.core.api.Assertions.assertThat(second)
                .contains("第 2 / 2 页", "href=\"/units?kind=DEPARTMENT\" id=\"page-prev\"")
                .doesNotContain("id=\"page-next\"", "社区中心");
    }
}
