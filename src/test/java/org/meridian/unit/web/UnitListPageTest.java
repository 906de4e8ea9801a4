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
}
