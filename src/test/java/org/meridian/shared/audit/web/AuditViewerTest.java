package org.meridian.shared.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The audit log viewer: filters by action prefix, actor and dates, pages of 50, htmx fragments. */
@MeridianTest
class AuditViewerTest {

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired TestUsers users;
    @Autowired Accounts accounts;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;

    private RequestPostProcessor as(String username) {
        return user(accounts.loadForSignIn(username, clock.instant()).orElseThrow());
    }

    @Test
    void filtersByActionPrefixAndActorAndPagesThroughTheResults() throws Exception {
        String admin = users.create(Role.ADMIN);
        long hospital = users.firstHospital().id();
        String actor = "robot-" + System.nanoTime() % 1_000_000;
        for (int i = 0; i < 55; i++) {
            audit.record(hospital, actor, "VIEWER_PROBE", "target-" + i, Map.of("n", i));
        }
        audit.record(hospital, actor, "OTHER_PROBE", "other", Map.of());

        mvc.perform(get("/admin/audit").with(as(admin)).param("action", "viewer_").param("actor", actor.toUpperCase()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("共 55 条记录")))
                .andExpect(content().string(containsString("target-54")))
                .andExpect(content().string(not(containsString(">target-4<"))))
                .andExpect(content().string(containsString("第 1 / 2 页")))
                .andExpect(content().string(containsString("id=\"audit-next\"")))
                .andExpect(content().string(containsString("<html")));
        mvc.perform(get("/admin/audit").with(as(admin)).header("HX-Request", "true")
                        .param("action", "VIEWER_").param("actor", actor).param("page", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("id=\"audit\"")))
                .andExpect(content().string(containsString(">target-4<")))
                .andExpect(content().string(not(containsString(">target-54<"))))
                .andExpect(content().string(containsString("第 2 / 2 页")))
                .andExpect(content().string(containsString("id=\"audit-prev\"")));
        mvc.perform(get("/admin/audit").with(as(admin)).param("actor", actor))
                .andExpect(content().string(containsString("共 56 条记录")));
    }

    @Test
    void filtersByDateRangeInTheHospitalsTimeZone() throws Exception {
        String admin = users.create(Role.ADMIN);
        long hospital = users.firstHospital().id();
        String actor = "dated-" + System.nanoTime() % 1_000_000;
        ZoneId zone = users.firstHospital().timeZone();
        // one entry at 23:30 local time on 2026-03-01, one at 00:30 local time on 2026-03-02
        insertAt(hospital, actor, "DATED_PROBE", "late-evening",
                LocalDate.of(2026, 3, 1).atTime(23, 30).atZone(zone).toOffsetDateTime());
        insertAt(hospital, actor, "DATED_PROBE", "after-midnight",
                LocalDate.of(2026, 3, 2).atTime(0, 30).atZone(zone).toOffsetDateTime());
        mvc.perform(get("/admin/audit").with(as(admin)).param("actor", actor)
                        .param("from", "2026-03-01").param("to", "2026-03-01"))
                .andExpect(content().string(containsString("共 1 条记录")))
                .andExpect(content().string(containsString("late-evening")))
                .andExpect(content().string(containsString("2026-03-01 23:30:00")));
        mvc.perform(get("/admin/audit").with(as(admin)).param("actor", actor).param("from", "2026-03-02"))
                .andExpect(content().string(containsString("共 1 条记录")))
                .andExpect(content().string(containsString("after-midnight")));
        mvc.perform(get("/admin/audit").with(as(admin)).param("actor", actor)
                        .param("from", "2026-03-02").param("to", "2026-03-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("截止日期不能早于起始日期")));
        mvc.perform(get("/admin/audit").with(as(admin)).param("from", "2026-13-45"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请输入日期")));
    }

    @Test
    void showsWhoWhenWhatTargetDetailsAndAddressOfAnAdministrativeChange() throws Exception {
        String admin = users.create(Role.ADMIN);
        String analyst = users.create(Role.ANALYST);
        long hospital = users.firstHospital().id();
        audit.record(hospital, admin, "ROLES_CHANGED", analyst,
                Map.of("roles", AuditLog.change(java.util.List.of("ANALYST"), java.util.List.of("CHANNEL_MANAGER"))));
        mvc.perform(get("/admin/audit").with(as(admin)).param("action", "ROLES_").param("actor", admin))
                .andExpect(content().string(containsString(analyst)))
                // the details in words, not JSON: the field's name, the roles' names, old → new
                .andExpect(content().string(containsString("角色：只读分析 → 渠道管理")))
                .andExpect(content().string(containsString(">修改角色<")))
                .andExpect(content().string(not(containsString("&quot;old&quot;"))));
        assertThat(audit.search(hospital, new AuditLog.Query("ROLES_", admin, null, null), 0, 10).total())
                .isEqualTo(1);
    }

    @Test
    void wildcardsInFiltersAreTakenLiterally() {
        long hospital = users.firstHospital().id();
        String actor = "literal-" + System.nanoTime() % 1_000_000;
        audit.record(hospital, actor, "PERCENT_PROBE", "x", Map.of());
        assertThat(audit.search(hospital, new AuditLog.Query("%", actor, null, null), 0, 10).total()).isZero();
        assertThat(audit.search(hospital, new AuditLog.Query("PERCENT_", actor, null, null), 0, 10).total()).isEqualTo(1);
        assertThat(audit.search(hospital, new AuditLog.Query(null, "literal_", null, null), 0, 10).total()).isZero();
    }

    private void insertAt(long hospital, String actor, String action, String target, OffsetDateTime at) {
        jdbc.sql("INSERT INTO audit_log (hospital_id, at, actor, action, target) VALUES (:h, :at, :a, :act, :t)")
                .param("h", hospital).param("at", at).param("a", actor).param("act", action).param("t", target)
                .update();
    }
}
