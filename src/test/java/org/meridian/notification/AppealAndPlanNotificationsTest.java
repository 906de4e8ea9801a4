package org.meridian.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.meridian.appeal.AppealFiled;
import org.meridian.appeal.Published;
import org.meridian.rectification.NewAction;
import org.meridian.rectification.Plan;
import org.meridian.rectification.RectificationWorkflow;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Appeals and rectification plans tell exactly the people they concern (docs/notifications.md), worked out by hand
 * on {@link Published} (two channel managers, an analyst, a hospital manager, a regulator, a user of A1 and one of
 * A2) and a second hospital that hears nothing:
 * <ul>
 * <li>an appeal filed by A1's user reaches both channel managers, who decide appeals, and nobody else; one filed by a
 *     channel manager for A2 reaches the other channel manager only (four eyes);</li>
 * <li>its decision reaches the appealed channel's own user only, with the outcome (the rejection's reason);</li>
 * <li>an action past its due date reaches both channel managers and A2's user once, however often checked; an action
 *     not yet due reaches nobody.</li>
 * </ul>
 */
@MeridianTest
class AppealAndPlanNotificationsTest {

    private static final Set<String> KINDS = Set.of("APPEAL_FILED", "APPEAL_DECIDED", "RECTIFICATION_OVERDUE");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired UserDetailsService accounts;
    @Autowired Accounts accountList;
    @Autowired RectificationWorkflow rectification;
    @Autowired IncompleteEventPublications incomplete;

    @Test
    void anAppealTellsThoseWhoDecideItAndItsDecisionTheChannelThatFiledIt() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        TestHospital other = new TestHospital(mvc, users, hospitals);
        long byPartner = p.file(p.userA1, "A1", "ARRIVAL_RATE");

        // both channel managers, nobody else: not the analyst (reads, decides nothing), not the filer
        assertThat(told(p)).isEqualTo(Map.of(
                p.office, List.of("APPEAL_FILED " + byPartner),
                p.office2, List.of("APPEAL_FILED " + byPartner)));
        assertThat(told(other)).isEmpty();
        String officePage = page(p.office);
        assertThat(officePage).contains("新申诉待处理：体检中心 A1 对 2026-09 体检中心（第 1 版）的评估结果提出申诉")
                .doesNotContain("到诊数少算了一例"); // the statement stays on the appeal's page
        open(p.office, newest(p, p.office)).andExpect(redirectedUrl("/appeals/" + byPartner));

        // the office files for A2: the other channel manager decides it, so only they are told
        long byOffice = p.file(p.office, "A2", "ARRIVAL_RATE");
        assertThat(told(p).get(p.office)).containsExactly("APPEAL_FILED " + byPartner);
        assertThat(told(p).get(p.office2)).containsExactly("APPEAL_FILED " + byPartner, "APPEAL_FILED " + byOffice);

        // delivered again (as after a crash before the registry recorded completion): nothing twice
        int reopened = jdbc.sql("""
                        UPDATE event_publication SET completion_date = NULL, status = 'PROCESSING'
                        WHERE event_type = :type AND listener_id LIKE '%NotificationsOnAppealFiled%'
                          AND (serialized_event::jsonb ->> 'appealId')::bigint = :a
                          AND (serialized_event::jsonb ->> 'hospitalId')::bigint = :h""")
                .param("type", AppealFiled.class.getName()).param("a", byPartner).param("h", p.hospital.id())
                .update();
        assertThat(reopened).isEqualTo(1);
        incomplete.resubmitIncompletePublications(e -> e.getEvent() instanceof AppealFiled f
                && f.appealId() == byPartner && f.hospitalId() == p.hospital.id());
        assertThat(told(p).get(p.office)).containsExactly("APPEAL_FILED " + byPartner);
        assertThat(told(p).get(p.office2)).hasSize(2);

        // office2 rejects A1's appeal: A1's user hears it with the reason; A2's user and the office nothing new
        p.as(p.office2, post("/api/v1/appeals/" + byPartner + "/review")).andExpect(status().isOk());
        p.as(p.office2, json(post("/api/v1/appeals/" + byPartner + "/decision"),
                "{\"decision\": \"REJECT\", \"reason\": \"HIS 中没有该患者的到诊记录\"}")).andExpect(status().isOk());
        assertThat(told(p).get(p.userA1)).containsExactly("APPEAL_DECIDED " + byPartner);
        assertThat(told(p)).doesNotContainKey(p.userA2);
        assertThat(page(p.userA1)).contains(
                "您渠道对 2026-09 体检中心（第 1 版）评估结果的申诉已被驳回，理由：HIS 中没有该患者的到诊记录");

        // office2 upholds the office's appeal for A2 with one more arrival: A2's user hears it, A1's nothing new
        p.as(p.office2, post("/api/v1/appeals/" + byOffice + "/review")).andExpect(status().isOk());
        p.as(p.office2, json(post("/api/v1/appeals/" + byOffice + "/decision"),
                "{\"decision\": \"UPHOLD\", \"reason\": \"漏登记一例到诊\", \"events\": ["
                        + Published.event(p.id("fix-b"), "ARRIVED", "A2", "2026-09-13T09:00:00+08:00", "") + "]}"))
                .andExpect(status().isOk());
        assertThat(told(p).get(p.userA2)).containsExactly("APPEAL_DECIDED " + byOffice);
        assertThat(told(p).get(p.userA1)).containsExactly("APPEAL_DECIDED " + byPartner);
        assertThat(page(p.userA2)).contains("您渠道对 2026-09 体检中心（第 1 版）评估结果的申诉已成立");
        // the analyst, the hospital manager and the regulator heard of none of it; neither did the other hospital
        assertThat(told(p).keySet()).containsExactlyInAnyOrder(p.office, p.office2, p.userA1, p.userA2);
        assertThat(told(other)).isEmpty();
    }

    /**
     * A2 (tier D) gets a plan with two actions: one due three days before today, one due in five days. The check
     * tells of the first only: "已逾期 3 天" because it is three days late by construction.
     */
    @Test
    void anOverdueActionIsToldOnceToTheOfficeAndTheChannelsOwnUser() throws Exception {
        Published p = new Published(mvc, users, hospitals);
        TestHospital other = new TestHospital(mvc, users, hospitals);
        Actor office = signedIn(p.office).actor();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        Plan plan = rectification.open(office, p.evaluationId, "A2", "A2 到诊率整改");
        rectification.addAction(office, plan.id(), new NewAction("每周核对到诊登记", "A2 联络员", today.minusDays(3)));
        rectification.addAction(office, plan.id(), new NewAction("培训前台", "A2 联络员", today.plusDays(5)));

        assertThat(rectification.tellOverdue(Actor.system(p.hospital.id(), "test"))).isEqualTo(1);
        assertThat(told(p).keySet()).containsExactlyInAnyOrder(p.office, p.office2, p.userA2);
        String late = "应于 " + today.minusDays(3) + " 完成，已逾期 3 天";
        assertThat(page(p.office)).contains("整改措施已逾期：体检中心 A2 的“每周核对到诊登记”（A2 到诊率整改）" + late);
        assertThat(page(p.userA2)).contains("您渠道的整改措施已逾期：“每周核对到诊登记”（A2 到诊率整改）" + late)
                .doesNotContain("培训前台");
        open(p.userA2, newest(p, p.userA2)).andExpect(redirectedUrl("/rectification/" + plan.id()));

        // checked again: told already, nothing new
        assertThat(rectification.tellOverdue(Actor.system(p.hospital.id(), "test"))).isZero();
        assertThat(told(p).values()).allSatisfy(kinds -> assertThat(kinds).hasSize(1));
        assertThat(told(other)).isEmpty();
    }

    @Test
    void eachNewKindIsOfferedToTheRolesItReaches() {
        assertThat(offered(Role.CHANNEL_MANAGER, null)).contains(NotificationKind.APPEAL_FILED,
                NotificationKind.RECTIFICATION_OVERDUE).doesNotContain(NotificationKind.APPEAL_DECIDED);
        // hospital managers and administrators hear of an appeal only when no other channel manager may decide it
        assertThat(offered(Role.HOSPITAL_MANAGER, null)).contains(NotificationKind.APPEAL_FILED)
                .doesNotContain(NotificationKind.RECTIFICATION_OVERDUE, NotificationKind.APPEAL_DECIDED);
        assertThat(offered(Role.ADMIN, null)).contains(NotificationKind.APPEAL_FILED);
        assertThat(offered(Role.CHANNEL_USER, 9L)).contains(NotificationKind.APPEAL_DECIDED,
                NotificationKind.RECTIFICATION_OVERDUE).doesNotContain(NotificationKind.APPEAL_FILED);
        assertThat(offered(Role.ANALYST, null)).doesNotContain(NotificationKind.APPEAL_FILED,
                NotificationKind.APPEAL_DECIDED, NotificationKind.RECTIFICATION_OVERDUE);
        assertThat(offered(Role.REGULATOR, null)).doesNotContain(NotificationKind.APPEAL_FILED,
                NotificationKind.APPEAL_DECIDED, NotificationKind.RECTIFICATION_OVERDUE);
    }

    /** The only channel manager filed it: then the hospital manager and the administrator decide, and are told. */
    @Test
    void whenTheOnlyChannelManagerFiledTheHospitalsManagersAreTold() {
        OffsetDateTime t = OffsetDateTime.parse("2027-01-15T12:00:00+08:00");
        List<Accounts.Account> accounts = List.of(
                new Accounts.Account(1, 7, "keshi", "科室", true, null, Set.of(Role.CHANNEL_MANAGER), false, t),
                new Accounts.Account(2, 7, "yuanzhang", "院长", true, null, Set.of(Role.HOSPITAL_MANAGER), false, t),
                new Accounts.Account(3, 7, "guanli", "管理员", true, null, Set.of(Role.ADMIN), false, t),
                new Accounts.Account(4, 7, "tingyong", "停用", false, null, Set.of(Role.HOSPITAL_MANAGER), false, t),
                new Accounts.Account(5, 7, "fenxi", "分析", true, null, Set.of(Role.ANALYST), false, t));
        AppealFiled filed = new AppealFiled(7, 11, 3, "体检中心 A1", "2026-09", UnitType.EXAM_CENTER, 1, "keshi",
                Instant.parse("2027-01-15T04:00:00Z"));
        assertThat(AppealAudience.filed(filed, accounts)).extracting(NewNotification::recipient)
                .containsExactly("yuanzhang", "guanli");
        AppealFiled byPartner = new AppealFiled(7, 12, 3, "体检中心 A1", "2026-09", UnitType.EXAM_CENTER, 1, "partner",
                Instant.parse("2027-01-15T04:00:00Z"));
        assertThat(AppealAudience.filed(byPartner, accounts)).extracting(NewNotification::recipient)
                .containsExactly("keshi");
    }

    private static List<NotificationKind> offered(Role role, Long channelId) {
        return DeliveryPreference.kindsFor(new Actor(1L, "someone", Set.of(role), channelId));
    }

    /** Recipient → "KIND source" of this slice's kinds in the hospital, oldest first. */
    private Map<String, List<String>> told(TestHospital h) {
        return jdbc.sql("SELECT recipient, kind, source_id FROM notification WHERE hospital_id = :h ORDER BY id")
                .param("h", h.hospital.id())
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2) + " " + rs.getLong(3)}).list()
                .stream().filter(r -> KINDS.contains(r[1].split(" ")[0]))
                .collect(Collectors.groupingBy(r -> r[0], TreeMap::new,
                        Collectors.mapping(r -> r[1], Collectors.toList())));
    }

    private long newest(TestHospital h, String user) {
        return jdbc.sql("SELECT max(id) FROM notification WHERE hospital_id = :h AND recipient = :u")
                .param("h", h.hospital.id()).param("u", user).query(Long.class).single();
    }

    private MeridianUser signedIn(String username) {
        return (MeridianUser) accounts.loadUserByUsername(username);
    }

    /** The user clicks one of their notifications. */
    private org.springframework.test.web.servlet.ResultActions open(String username, long id) throws Exception {
        return mvc.perform(post("/notifications/" + id + "/open").with(csrf())
                .with(user(accountList.loadForSignIn(username, clock.instant()).orElseThrow())));
    }

    /** The user's notification list as they see it. */
    private String page(String username) throws Exception {
        return mvc.perform(get("/notifications").with(user(accountList.loadForSignIn(username, clock.instant())
                        .orElseThrow())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
