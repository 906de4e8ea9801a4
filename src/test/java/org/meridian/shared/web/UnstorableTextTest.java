package org.meridian.shared.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18, point 4, in the running application: a NUL (or a lone surrogate) in a name, a search box or any other
 * text is bad input of that field, answered 400 with the field named and nothing stored. Before, PostgreSQL refused
 * the text and the caller got 500.
 */
@MeridianTest
class UnstorableTextTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired UserDetailsService accounts;

    @Test
    void aNulInAChannelsNameIsRefusedAndTheChannelIsNotRegistered() throws Exception {
        String office = users.create(Role.CHANNEL_MANAGER);
        String code = "NUL" + System.nanoTime() % 100000;
        mvc.perform(post("/api/v1/channels").with(httpBasic(office, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + code + "\", \"name\": \"体检\\u0000中心\", \"type\": \"EXAM_CENTER\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(get("/api/v1/channels/{code}", code).with(httpBasic(office, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound());
        // the same request without the NUL is taken
        mvc.perform(post("/api/v1/channels").with(httpBasic(office, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + code + "\", \"name\": \"体检中心\", \"type\": \"EXAM_CENTER\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void aNulInTheSearchBoxIsBadInputOfTheSearchOnTheApiAndOnThePage() throws Exception {
        String office = users.create(Role.CHANNEL_MANAGER);
        mvc.perform(get("/api/v1/channels").param("q", "体检\u0000").with(httpBasic(office, TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(get("/channels").param("q", "体检\u0000").accept(MediaType.TEXT_HTML)
                        .with(user(accounts.loadUserByUsername(office))))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("error"));
        mvc.perform(get("/channels").param("q", "体检").accept(MediaType.TEXT_HTML)
                        .with(user(accounts.loadUserByUsername(office))))
                .andExpect(status().isOk());
    }
}
