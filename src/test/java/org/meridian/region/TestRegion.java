package org.meridian.region;

import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A region of its own for one test, with two hospitals {@link #a} and {@link #b}, a region administrator and a
 * regulator (both accounts of hospital A), and a hospital administrator of A who is no region administrator; more
 * hospitals join it with {@link #join()}, and the region administrator sets the region's examination items and
 * alliances.
 */
class TestRegion {

    final long id;
    final String code;
    final TestHospital a;
    final TestHospital b;
    final String regionAdmin;
    final String regulator;
    final String hospitalAdmin;

    private final MockMvc mvc;
    private final TestUsers users;
    private final Hospitals hospitals;
    private final JdbcClient jdbc;

    TestRegion(MockMvc mvc, TestUsers users, Hospitals hospitals, JdbcClient jdbc) {
        this.mvc = mvc;
        this.users = users;
        this.hospitals = hospitals;
        this.jdbc = jdbc;
        code = "R-" + UUID.randomUUID().toString().substring(0, 8);
        id = jdbc.sql("INSERT INTO region (code, name) VALUES (:c, :c) RETURNING id").param("c", code)
                .query(Long.class).single();
        a = new TestHospital(mvc, users, hospitals);
        b = new TestHospital(mvc, users, hospitals);
        jdbc.sql("UPDATE hospital SET region_id = :r WHERE id IN (:ids)").param("r", id)
                .param("ids", List.of(a.hospital.id(), b.hospital.id())).update();
        regionAdmin = a.user(Role.REGION_ADMIN);
        regulator = a.user(Role.REGULATOR);
        hospitalAdmin = a.user(Role.ADMIN);
    }

    /** One more hospital of the region. */
    TestHospital join() {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        jdbc.sql("UPDATE hospital SET region_id = :r WHERE id = :h").param("r", id).param("h", h.hospital.id())
                .update();
        return h;
    }

    /** The region-wide examination item {@code code}, a repeat within 30 days, at {@code price} yuan. */
    void item(String code, String name, String category, String price) throws Exception {
        a.as(regionAdmin, json(put("/api/v1/exam-items/" + code), """
                {"name": "%s", "category": "%s", "validDays": 30, "scope": "REGION", "price": %s}"""
                .formatted(name, category, price))).andExpect(status().isOk());
    }

    /** An alliance named {@code name} led by the hospital coded {@code lead}, with those members; its new code. */
    String alliance(String name, String lead, String... members) throws Exception {
        String alliance = "AL-" + UUID.randomUUID().toString().substring(0, 6);
        a.as(regionAdmin, json(post("/api/v1/alliances"), """
                {"code": "%s", "name": "%s", "lead": "%s", "members": [%s]}""".formatted(alliance, name, lead,
                String.join(", ", List.of(members).stream().map(m -> "\"" + m + "\"").toList()))))
                .andExpect(status().isCreated());
        return alliance;
    }
}
