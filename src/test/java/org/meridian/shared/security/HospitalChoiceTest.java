package org.meridian.shared.security;

import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * api.md: "a person granted several hospitals passes ?hospital=CODE" — granted by the region administrator through the
 * API, as a person would, never by SQL. Nobody else can, and a hospital one may not enter answers exactly as one that
 * does not exist: 404, the call not run, nothing of the hospital told.
 */
@MeridianTest
class HospitalChoiceTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    private TestHospital a;
    private TestHospital b;
    private String regionAdmin;

    private void hospitals() {
        a = new TestHospital(mvc, users, hospitals);
        b = new TestHospital(mvc, users, hospitals);
        regionAdmin = a.user(Role.REGION_ADMIN);
    }

    private void grant(String username, String hospital, int expected) throws Exception {
        a.as(regionAdmin, json(post("/api/v1/region/grants"),
                "{\"username\": \"%s\", \"hospital\": \"%s\"}".formatted(username, hospital)))
                .andExpect(status().is(expected));
    }

    private static String code(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private static String channel(String code, String name) {
        return "{\"code\": \"" + code + "\", \"name\": \"" + name + "\", \"type\": \"EXAM_CENTER\"}";
    }

    @Test
    void aGrantedAdministratorActsInTheOtherHospitalWithHospitalCode() throws Exception {
        hospitals();
        String admin = a.user(Role.ADMIN);
        grant(admin, b.hospital.code(), 204);
        String code = code("HC-");

        a.as(admin, json(post("/api/v1/channels?hospital=" + b.hospital.code()), channel(code, "另一家医院的体检中心")))
                .andExpect(status().isCreated());
        a.as(admin, get("/api/v1/channels/{code}?hospital=" + b.hospital.code(), code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("另一家医院的体检中心"));
        // B's own office sees the channel: it was made in B
        b.as(b.office, get("/api/v1/channels/{code}", code)).andExpect(status().isOk());
        // without the parameter the administrator is in their own hospital, where the channel does not exist
        a.as(admin, get("/api/v1/channels/{code}", code)).andExpect(status().isNotFound());
        // naming the own hospital changes nothing
        a.as(admin, get("/api/v1/channels/{code}?hospital=" + a.hospital.code(), code))
                .andExpect(status().isNotFound());
    }

    @Test
    void aGrantedAnalystReadsTheOtherHospitalWithTheRolesItHoldsAndWritesNothingThere() throws Exception {
        hospitals();
        String code = code("HR-");
        b.channel(code, "乙院的社区中心", "EXAM_CENTER", null, null);
        grant(a.analyst, b.hospital.code(), 204);

        a.as(a.analyst, get("/api/v1/channels/{code}?hospital=" + b.hospital.code(), code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("乙院的社区中心"));
        // an analyst there as at home: reading, not registering
        a.as(a.analyst, json(post("/api/v1/channels?hospital=" + b.hospital.code()), channel(code("HW-"), "越权")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aHospitalNotGrantedAnswersAsOneThatDoesNotExist() throws Exception {
        hospitals();
        String code = code("HX-");
        b.channel(code, "乙院的渠道", "EXAM_CENTER", null, null);
        String ungranted = a.user(Role.ADMIN);
        for (String hospital : new String[] {b.hospital.code(), "NO-SUCH-HOSPITAL"}) {
            a.as(ungranted, get("/api/v1/channels/{code}?hospital=" + hospital, code))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:meridian:security:hospital-not-found"))
                    .andExpect(jsonPath("$.detail").value("No hospital '" + hospital + "' that you may act in."));
        }
        // a write is not run either
        a.as(ungranted, json(post("/api/v1/channels?hospital=" + b.hospital.code()), channel(code("HY-"), "越权")))
                .andExpect(status().isNotFound());
        b.as(b.office, get("/api/v1/channels?size=100")).andExpect(jsonPath("$.total").value(1));

        // neither a channel user nor a regulator can be granted a hospital: they hold no hospital role
        long channelId = a.channel(code("HZ-"), "甲院的渠道", "EXAM_CENTER", null, null);
        String channelUser = a.channelUser(channelId);
        grant(channelUser, b.hospital.code(), 400);
        grant(a.user(Role.REGULATOR), b.hospital.code(), 400);
        a.as(channelUser, get("/api/v1/channels/{code}?hospital=" + b.hospital.code(), code))
                .andExpect(status().isNotFound());

        // a revoked grant answers 404 again at the next call
        String once = a.user(Role.ANALYST);
        grant(once, b.hospital.code(), 204);
        a.as(once, get("/api/v1/channels/{code}?hospital=" + b.hospital.code(), code)).andExpect(status().isOk());
        a.as(regionAdmin, json(post("/api/v1/region/grants/revoke"),
                "{\"username\": \"%s\", \"hospital\": \"%s\"}".formatted(once, b.hospital.code())))
                .andExpect(status().isNoContent());
        a.as(once, get("/api/v1/channels/{code}?hospital=" + b.hospital.code(), code))
                .andExpect(status().isNotFound());
    }
}
