package org.meridian.region;

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
 * regulator (both accounts of hospital A), and a hospital administrator of A who is no region administrator.
 */
class TestRegion {

    final long id;
    final String code;
    final TestHospital a;
    final TestHospital b;
    final String regionAdmin;
    final String regulator;
    final String hospitalAdmin;

    TestRegion(MockMvc mvc, TestUsers users, Hospitals hospitals, JdbcClient jdbc) {
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
}
