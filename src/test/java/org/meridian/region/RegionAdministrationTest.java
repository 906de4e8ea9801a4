package org.meridian.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.meridian.support.TestHospital.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The region administrator (issue 16 part 1): creates the hospitals of its region with their first administrator,
 * sees only its own region, and manages which administrators act in further hospitals. Bad input names every field
 * and stores nothing; another region's hospital answers 404.
 */
@MeridianTest
class RegionAdministrationTest {

    @Autowired MockMvc mvc;
    @Autowired TestRegions regions;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;

    TestRegion r;
    TestRegion other;

    @BeforeEach
    void regions() {
        r = regions.create();
        other = regions.create();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    static String body(String code, String admin) {
        return """
                {"code": "%s", "name": "城北社区卫生服务中心", "type": "PRIMARY_CARE", "level": "未定级",
                 "district": "城北区", "admin": {"username": "%s", "displayName": "孙主任"}}""".formatted(code, admin);
    }

    @Test
    void theRegionAdministratorCreatesAHospitalWhoseAdministratorSignsInWithTheOneTimePassword() throws Exception {
        String code = unique("HN");
        String admin = unique("adm-").toLowerCase();
        String answer = r.a.as(r.regionAdmin, json(post("/api/v1/region/hospitals"), body(code, admin)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/region/hospitals/" + code))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.type").value("PRIMARY_CARE"))
                .andExpect(jsonPath("$.level").value("未定级"))
                .andExpect(jsonPath("$.district").value("城北区"))
                .andExpect(jsonPath("$.timeZone").value("Asia/Shanghai"))
                .andExpect(jsonPath("$.admin.username").value(admin))
                .andReturn().getResponse().getContentAsString();
        String password = JsonPath.read(answer, "$.admin.oneTimePassword");

        // the hospital is in the region administrator's region, and its administrator holds ADMIN there only
        assertThat(hospitals.regionOf(hospitals.findByCode(code).orElseThrow().id())).isEqualTo(r.id);
        MeridianUser signedIn = accounts.loadForSignIn(admin, clock.instant()).orElseThrow();
        assertThat(signedIn.hospitalId()).isEqualTo(hospitals.findByCode(code).orElseThrow().id());
        assertThat(signedIn.actor().roles()).containsExactly(Role.ADMIN);
        assertThat(encoder.matches(password, signedIn.getPassword())).isTrue();
        // stored only as a hash: the clear password is in no column of the account
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE password_hash = :p").param("p", password)
                .query(Long.class).single()).isZero();
        // the new administrator signs in with it and sees its own, empty hospital
        mvc.perform(get("/api/v1/channels").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic(admin, password)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        // with the default catalogue: the visits measure the region's primary-care share reads is there to report
        assertThat(jdbc.sql("SELECT code FROM statistic_measure WHERE hospital_id = :h")
                .param("h", hospitals.findByCode(code).orElseThrow().id()).query(String.class).list())
                .contains("outpatient_visits", "discharges");

        // listed and readable in the region, by the region administrator and the regulator
        r.a.as(r.regionAdmin, get("/api/v1/region/hospitals/" + code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("城北社区卫生服务中心"))
                .andExpect(jsonPath("$.admin").doesNotExist());
        r.a.as(r.regulator, get("/api/v1/region/hospitals").param("type", "PRIMARY_CARE"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.page").value(0)).andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.items[0].code").value(code));
        // and audited in the region administrator's hospital and in the new one
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'HOSPITAL_CREATED' AND target = :c")
                .param("c", code).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void badInputNamesEveryFieldAndStoresNothing() throws Exception {
        long hospitalsBefore = hospitals.all().size();
        String admin = unique("bad-").toLowerCase();
        r.a.as(r.regionAdmin, json(post("/api/v1/region/hospitals"), """
                        {"code": "no spaces", "name": " ", "type": "EXAM_CENTER", "district": "%s",
                         "timeZone": "Mars/Olympus", "admin": {"username": "x", "displayName": ""}}"""
                        .formatted("区".repeat(101))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("code", "name", "type", "level",
                        "district", "timeZone", "adminUsername", "adminDisplayName")));
        // an empty body names the required fields
        r.a.as(r.regionAdmin, json(post("/api/v1/region/hospitals"), "{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("code", "name", "type", "level",
                        "district", "adminUsername", "adminDisplayName")));
        // a code and a username already taken (the first hospital's and the region administrator's own)
        r.a.as(r.regionAdmin, json(post("/api/v1/region/hospitals"),
                        body(users.firstHospital().code().toLowerCase(), r.regionAdmin.toUpperCase())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("code", "adminUsername")))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("已被使用")));
        assertThat(hospitals.all()).hasSize((int) hospitalsBefore);
        assertThat(accounts.usernameTaken(admin)).isFalse();
        assertThat(accounts.usernameTaken("x")).isFalse();
    }

    @Test
    void anotherRegionsHospitalIsNotFoundAndNotListed() throws Exception {
        String theirs = other.a.hospital.code();
        r.a.as(r.regionAdmin, get("/api/v1/region/hospitals/" + theirs)).andExpect(status().isNotFound());
        r.a.as(r.regulator, get("/api/v1/region/hospitals/" + theirs)).andExpect(status().isNotFound());
        regions.as(r.regionAdmin, get("/region/hospitals/" + theirs).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
        r.a.as(r.regionAdmin, get("/api/v1/region/hospitals").param("size", "1000")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].code").value(containsInAnyOrder(r.a.hospital.code(),
                        r.b.hospital.code())));
        // the own region's other hospital is found
        r.a.as(r.regionAdmin, get("/api/v1/region/hospitals/" + r.b.hospital.code())).andExpect(status().isOk());
    }

    @Test
    void onlyTheRegionAdministratorCreatesAndAHospitalAdministratorCannotGrantTheRole() throws Exception {
        for (String caller : new String[] {r.hospitalAdmin, r.regulator, r.a.analyst}) {
            r.a.as(caller, json(post("/api/v1/region/hospitals"), body(unique("HX"), unique("x-").toLowerCase())))
                    .andExpect(status().isForbidden());
        }
        r.a.as(r.hospitalAdmin, get("/api/v1/region/hospitals")).andExpect(status().isForbidden());
        // the account pages of a hospital neither offer nor accept the region administrator's role
        String page = regions.as(r.hospitalAdmin, get("/admin/users/new"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("value=\"REGION_ADMIN\"");
        String name = unique("would-be-").toLowerCase();
        regions.as(r.hospitalAdmin, post("/admin/users").with(csrf())
                        .param("username", name).param("displayName", "想当区域管理员")
                        .param("password", TestUsers.PASSWORD).param("roles", "REGION_ADMIN"))
                .andExpect(status().isOk());
        assertThat(accounts.usernameTaken(name)).isFalse();
        // an account that holds it keeps it when its hospital's administrator changes its other roles
        long id = load(r.regionAdmin).userId();
        regions.as(r.hospitalAdmin, post("/admin/users/" + id).with(csrf())
                        .param("displayName", "区域管理员").param("roles", "ANALYST").param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.roles(r.a.hospital.id(), id)).isEqualTo(Set.of(Role.REGION_ADMIN, Role.ANALYST));
    }

    @Test
    void theRegionAdministratorGrantsAndRevokesAFurtherHospitalToAnAdministrator() throws Exception {
        String bCode = r.b.hospital.code();
        r.a.as(r.regionAdmin, json(post("/api/v1/region/grants"),
                "{\"username\": \"%s\", \"hospital\": \"%s\"}".formatted(r.hospitalAdmin, bCode)))
                .andExpect(status().isNoContent());
        long adminId = load(r.hospitalAdmin).userId();
        assertThat(accounts.mayActIn(adminId, r.b.hospital.id())).isTrue();
        // the administrator now acts in B with ?hospital=
        r.a.as(r.hospitalAdmin, get("/api/v1/channels").param("hospital", bCode)).andExpect(status().isOk());
        String page = regions.as(r.regionAdmin, get("/region/grants"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(r.hospitalAdmin, r.b.hospital.name(), r.regulator);

        // bad grants: every field named, nothing stored
        r.a.as(r.regionAdmin, json(post("/api/v1/region/grants"),
                        "{\"username\": \"%s\", \"hospital\": \"%s\"}".formatted(r.regulator, other.a.hospital.code())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("username", "hospital")));
        r.a.as(r.regionAdmin, json(post("/api/v1/region/grants"),
                        "{\"username\": \"%s\", \"hospital\": \"%s\"}".formatted(other.hospitalAdmin, bCode)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("username")));
        r.a.as(r.regionAdmin, json(post("/api/v1/region/grants"),
                        "{\"username\": \"%s\", \"hospital\": \"%s\"}".formatted(r.hospitalAdmin,
                                r.a.hospital.code())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("hospital")));
        assertThat(accounts.hospitalGrants(r.id, null, 0, 25).total()).isEqualTo(1);
        assertThat(accounts.mayActIn(load(other.hospitalAdmin).userId(), r.b.hospital.id())).isFalse();

        // revoked, and a second revocation finds nothing
        String revoke = "{\"username\": \"%s\", \"hospital\": \"%s\"}".formatted(r.hospitalAdmin, bCode);
        r.a.as(r.regionAdmin, json(post("/api/v1/region/grants/revoke"), revoke)).andExpect(status().isNoContent());
        assertThat(accounts.mayActIn(adminId, r.b.hospital.id())).isFalse();
        r.a.as(r.regionAdmin, json(post("/api/v1/region/grants/revoke"), revoke)).andExpect(status().isNotFound());
        // another region's administrator cannot touch this region's grants
        other.a.as(other.regionAdmin, json(post("/api/v1/region/grants"),
                        "{\"username\": \"%s\", \"hospital\": \"%s\"}".formatted(r.hospitalAdmin, bCode)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("username", "hospital")));
    }

    @Test
    void thePagesCreateAHospitalShowThePasswordOnceAndNameEachBadField() throws Exception {
        MeridianUser admin = load(r.regionAdmin);
        String list = regions.as(r.regionAdmin, get("/region/hospitals")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains(r.a.hospital.name(), r.b.hospital.name(), "共 2 家", "id=\"new-hospital\"")
                .doesNotContain(other.a.hospital.name());

        String bad = regions.as(r.regionAdmin, post("/region/hospitals").with(csrf())
                        .param("code", "").param("name", "新医院").param("type", "TERTIARY_HOSPITAL")
                        .param("level", "三级甲等").param("district", "城北区").param("adminUsername", "ab")
                        .param("adminDisplayName", "赵主任"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("id=\"form-errors\"", "id=\"code-error\"", "id=\"adminUsername-error\"",
                "value=\"新医院\"").doesNotContain("id=\"name-error\"", "id=\"created-password\"");

        String code = unique("HP");
        String username = unique("pg-").toLowerCase();
        String created = regions.as(r.regionAdmin, post("/region/hospitals").with(csrf())
                        .param("code", code).param("name", "城北人民医院").param("type", "SECONDARY_HOSPITAL")
                        .param("level", "二级甲等").param("district", "城北区").param("adminUsername", username)
                        .param("adminDisplayName", "赵主任"))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString();
        String password = created.replaceAll("(?s).*id=\"created-password\">([^<]+)<.*", "$1");
        assertThat(encoder.matches(password, load(username).getPassword())).isTrue();
        // the hospital's own page shows its facts in words, and never the password again
        String detail = regions.as(r.regionAdmin, get("/region/hospitals/" + code)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("城北人民医院", "二级医院", "二级甲等", "城北区").doesNotContain(password,
                "SECONDARY_HOSPITAL");
        // filtered by type and district
        String filtered = regions.as(r.regionAdmin, get("/region/hospitals").param("type", "SECONDARY_HOSPITAL")
                        .param("district", "城北区")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(filtered).contains("城北人民医院", "共 1 家").doesNotContain(r.b.hospital.name());
        assertThat(load(username).hospitalId()).isNotEqualTo(admin.hospitalId());
        r.a.as(r.regionAdmin, get("/api/v1/region/hospitals").param("type", "EXAM_CENTER"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("type")))
                .andExpect(jsonPath("$.errors[*].field", not(hasItem("code"))));
    }

    private MeridianUser load(String username) {
        return accounts.loadForSignIn(username, clock.instant()).orElseThrow();
    }

    static MockHttpServletRequestBuilder html(MockHttpServletRequestBuilder b) {
        return b.accept(MediaType.TEXT_HTML);
    }
}
