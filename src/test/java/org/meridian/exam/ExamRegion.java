package org.meridian.exam;

import static org.meridian.support.TestHospital.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A region of its own for one test, with two hospitals: {@link #a} (which registers the primary-care institution
 * {@code A-CLINIC}) and {@link #b}; a region administrator (who keeps the catalogue and the alliances), an
 * administrator of hospital A (who does not) and a regulator, all accounts of hospital A. The catalogue has three items:
 * <ul>
 * <li>{@code CT}: examination, 30 days, REGION, 200.00 CNY;</li>
 * <li>{@code HB}: laboratory, 7 days, ALLIANCE, 30.00 CNY;</li>
 * <li>{@code GLU}: laboratory, 1 day, REGION, 10.00 CNY;</li>
 * </ul>
 * and one alliance {@code ALL-1}, led by hospital A with A-CLINIC as member (hospital B belongs to none).
 */
class ExamRegion {

    final long region;
    final TestHospital a;
    final TestHospital b;
    final String regionAdmin;
    final String admin;
    final String regulator;

    ExamRegion(MockMvc mvc, TestUsers users, Hospitals hospitals, JdbcClient jdbc) throws Exception {
        String code = "R-" + UUID.randomUUID().toString().substring(0, 8);
        region = jdbc.sql("INSERT INTO region (code, name) VALUES (:c, :c) RETURNING id").param("c", code)
                .query(Long.class).single();
        a = new TestHospital(mvc, users, hospitals);
        b = new TestHospital(mvc, users, hospitals);
        jdbc.sql("UPDATE hospital SET region_id = :r WHERE id IN (:ids)").param("r", region)
                .param("ids", java.util.List.of(a.hospital.id(), b.hospital.id())).update();
        regionAdmin = a.user(Role.REGION_ADMIN);
        admin = a.user(Role.ADMIN);
        regulator = a.user(Role.REGULATOR);
        a.as(a.office, json(post("/api/v1/units"), """
                {"code": "A-CLINIC", "name": "甲社区卫生服务中心", "kind": "INSTITUTION", "type": "PRIMARY_CARE"}"""))
                .andExpect(status().isCreated());
        item("CT", "胸部 CT", "EXAMINATION", 30, "REGION", "200.00");
        item("HB", "糖化血红蛋白", "LABORATORY", 7, "ALLIANCE", "30.00");
        item("GLU", "血糖", "LABORATORY", 1, "REGION", "10.00");
        a.as(regionAdmin, json(post("/api/v1/alliances"), """
                {"code": "ALL-1", "name": "甲医联体", "lead": "%s", "members": ["A-CLINIC"]}"""
                .formatted(a.hospital.code()))).andExpect(status().isCreated());
    }

    void item(String code, String name, String category, int days, String scope, String price) throws Exception {
        a.as(regionAdmin, json(put("/api/v1/exam-items/" + code), """
                {"name": "%s", "category": "%s", "validDays": %d, "scope": "%s", "price": %s}"""
                .formatted(name, category, days, scope, price))).andExpect(status().isOk());
    }

    static String exam(String recordId, String institution, String patient, String item, String at, boolean rec,
                       String exception) {
        return """
                {"recordId": "%s", "institution": "%s", "patientId": "%s", "item": "%s", "performedAt": "%s",
                 "recognisable": %s%s}""".formatted(recordId, institution, patient, item, at, rec,
                exception == null ? "" : ", \"exception\": \"" + exception + "\"");
    }
}
