package org.meridian.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The hospital chooser on the pages (issue 16 point 1): the region administrator grants an analyst of hospital A a
 * second hospital B on the grants page; the analyst switches to B from the chooser, the pages then show B (and A's
 * ids answer 404 there), and the revocation takes the analyst back to A at the next click. Entering B is audited in
 * both hospitals; a hospital not granted answers 404 as if it did not exist.
 */
@MeridianTest
class HospitalChooserTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private MeridianUser load(String username) {
        return accounts.loadForSignIn(username, clock.instant()).orElseThrow();
    }

    private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    private long audited(long hospitalId, String action, String target) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE hospital_id = :h AND action = :a AND target = :t")
                .param("h", hospitalId).param("a", action).param("t", target).query(Long.class).single();
    }

    @Test
    void anAnalystGrantedASecondHospitalSwitchesToItAndBackWhenRevoked() throws Exception {
        TestHospital a = new TestHospital(mvc, users, hospitals);
        TestHospital b = new TestHospital(mvc, users, hospitals);
        TestHospital c = new TestHospital(mvc, users, hospitals);
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        a.channel("CA-" + tag, "甲院体检中心", "EXAM_CENTER", null, null);
        b.channel("CB-" + tag, "乙院社区中心", "EXAM_CENTER", null, null);
        MeridianUser regionAdmin = load(a.user(Role.REGION_ADMIN));
        MeridianUser analyst = load(a.analyst);
        MockHttpSession session = new MockHttpSession();

        // before any grant: no chooser in the top bar, the chooser page offers only the own hospital, B's ids are 404
        assertThat(page(get("/").with(user(analyst)).session(session), 200)).doesNotContain("id=\"topbar-hospital\"");
        assertThat(page(get("/account/hospital").with(user(analyst)).session(session), 200))
                .contains("id=\"no-further\"", a.hospital.name()).doesNotContain(b.hospital.name());
        page(get("/channels/CB-" + tag).with(user(analyst)).session(session), 404);

        // the region administrator grants B on the grants page
        mvc.perform(post("/region/grants").with(user(regionAdmin)).with(csrf())
                        .param("username", a.analyst).param("hospital", b.hospital.code()))
                .andExpect(status().is3xxRedirection());
        assertThat(audited(a.hospital.id(), "HOSPITAL_ACCESS_GRANTED", a.analyst)).isEqualTo(1);
        assertThat(page(get("/region/grants?q=" + a.analyst).with(user(regionAdmin)), 200))
                .contains(b.hospital.name(), "共 1 项授权");

        // the chooser lists A (here) and B, the top bar names A
        String chooser = page(get("/account/hospital").with(user(analyst)).session(session), 200);
        assertThat(chooser).contains(a.hospital.name(), b.hospital.name(), "当前所在", "id=\"enter-" + b.hospital.code())
                .doesNotContain("id=\"enter-" + a.hospital.code(), c.hospital.name());
        assertThat(page(get("/").with(user(analyst)).session(session), 200))
                .contains("id=\"topbar-hospital\"", "class=\"topbar-hospital\"");

        // switching to B: home shows B, B's channel opens, A's answers 404
        mvc.perform(post("/account/hospital").with(user(analyst)).with(csrf()).session(session)
                        .param("hospital", b.hospital.code()))
                .andExpect(redirectedUrl("/"));
        assertThat(page(get("/").with(user(analyst)).session(session), 200))
                .contains("<h1 id=\"hospital-name\">" + b.hospital.name() + "</h1>", "topbar-hospital away");
        assertThat(page(get("/channels/CB-" + tag).with(user(analyst)).session(session), 200)).contains("乙院社区中心");
        page(get("/channels/CA-" + tag).with(user(analyst)).session(session), 404);
        // an analyst in B as in A: the registration form is not theirs
        page(get("/channels/new").with(user(analyst)).session(session), 403);
        assertThat(audited(b.hospital.id(), "HOSPITAL_ENTERED", b.hospital.code())).isEqualTo(1);
        assertThat(audited(a.hospital.id(), "HOSPITAL_ENTERED", b.hospital.code())).isEqualTo(1);
        // My account is always the own account, in the own hospital
        assertThat(page(get("/account").with(user(analyst)).session(session), 200)).contains(a.analyst);

        // C was never granted: 404, the same as a code that names nothing; the choice of B stands
        page(post("/account/hospital").with(user(analyst)).with(csrf()).session(session)
                .param("hospital", c.hospital.code()), 404);
        page(post("/account/hospital").with(user(analyst)).with(csrf()).session(session)
                .param("hospital", "NO-SUCH-" + tag), 404);
        assertThat(audited(c.hospital.id(), "HOSPITAL_ENTERED", c.hospital.code())).isZero();
        page(get("/channels/CB-" + tag).with(user(analyst)).session(session), 200);

        // revoked on the grants page: the next click is back in A
        mvc.perform(post("/region/grants/revoke").with(user(regionAdmin)).with(csrf())
                        .param("username", a.analyst).param("hospital", b.hospital.code()))
                .andExpect(status().is3xxRedirection());
        assertThat(audited(a.hospital.id(), "HOSPITAL_ACCESS_REVOKED", a.analyst)).isEqualTo(1);
        page(get("/channels/CB-" + tag).with(user(analyst)).session(session), 404);
        assertThat(page(get("/").with(user(analyst)).session(session), 200))
                .contains("<h1 id=\"hospital-name\">" + a.hospital.name() + "</h1>")
                .doesNotContain("id=\"topbar-hospital\"");
        assertThat(session.getAttribute(HospitalChooser.SESSION_ATTRIBUTE)).isNull();
    }

    @Test
    void choosingTheOwnHospitalAgainEndsTheVisit() throws Exception {
        TestHospital a = new TestHospital(mvc, users, hospitals);
        TestHospital b = new TestHospital(mvc, users, hospitals);
        MeridianUser regionAdmin = load(a.user(Role.REGION_ADMIN));
        String manager = a.user(Role.HOSPITAL_MANAGER);
        mvc.perform(post("/region/grants").with(user(regionAdmin)).with(csrf())
                        .param("username", manager).param("hospital", b.hospital.code()))
                .andExpect(status().is3xxRedirection());
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/account/hospital").with(user(load(manager))).with(csrf()).session(session)
                .param("hospital", b.hospital.code())).andExpect(redirectedUrl("/"));
        assertThat(session.getAttribute(HospitalChooser.SESSION_ATTRIBUTE)).isEqualTo(b.hospital.id());
        mvc.perform(post("/account/hospital").with(user(load(manager))).with(csrf()).session(session)
                .param("hospital", a.hospital.code())).andExpect(redirectedUrl("/"));
        assertThat(session.getAttribute(HospitalChooser.SESSION_ATTRIBUTE)).isNull();
        assertThat(page(get("/").with(user(load(manager))).session(session), 200))
                .contains("<h1 id=\"hospital-name\">" + a.hospital.name() + "</h1>", "class=\"topbar-hospital\"");
    }
}
