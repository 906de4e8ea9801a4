package org.meridian.shared.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** api.md: "an administrator of several hospitals passes ?hospital=CODE" — and nobody else can. */
@MeridianTest
class HospitalChoiceTest {

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired TestUsers users;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    private void grant(String username, long hospitalId) {
        long userId = accounts.loadForSignIn(username, clock.instant()).orElseThrow().userId();
        jdbc.sql("INSERT INTO admin_hospital (hospital_id, user_id) VALUES (:h, :u)")
                .param("h", hospitalId).param("u", userId).update();
    }

    @Test
    void aGrantedAdministratorActsInTheOtherHospitalWithHospitalCode() throws Exception {
        String other = users.otherHospital().code();
        String admin = users.create(Role.ADMIN);
        grant(admin, users.otherHospital().id());
        String code = "HC-" + System.nanoTime() % 1_000_000;

        mvc.perform(post("/api/v1/channels").param("hospital", other).with(httpBasic(admin, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + code + "\", \"name\": \"另一家医院的体检中心\", \"type\": \"EXAM_CENTER\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/channels/{code}", code).param("hospital", other)
                        .with(httpBasic(admin, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("另一家医院的体检中心"));
        // without the parameter the administrator is in their own hospital, where the channel does not exist
        mvc.perform(get("/api/v1/channels/{code}", code).with(httpBasic(admin, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound());
        // naming the own hospital changes nothing
        mvc.perform(get("/api/v1/channels/{code}", code).param("hospital", users.firstHospital().code())
                        .with(httpBasic(admin, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void withoutAGrantOrWithoutAdminRoleOrForAnUnknownHospitalTheCallIsRefused() throws Exception {
        String other = users.otherHospital().code();
        String ungranted = users.create(Role.ADMIN);
        String manager = users.create(Role.CHANNEL_MANAGER);
        grant(manager, users.otherHospital().id());
        String code = "HX-" + System.nanoTime() % 1_000_000;
        for (String caller : new String[] {ungranted, manager}) {
            mvc.perform(post("/api/v1/channels").param("hospital", other).with(httpBasic(caller, TestUsers.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\": \"" + code + "\", \"name\": \"越权\", \"type\": \"EXAM_CENTER\"}"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(containsString(other)));
        }
        mvc.perform(get("/api/v1/channels").param("hospital", "NO-SUCH-HOSPITAL")
                        .with(httpBasic(ungranted, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
        String granted = users.create(Role.ADMIN);
        grant(granted, users.otherHospital().id());
        mvc.perform(get("/api/v1/channels/{code}", code).param("hospital", other)
                        .with(httpBasic(granted, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound());
    }
}
