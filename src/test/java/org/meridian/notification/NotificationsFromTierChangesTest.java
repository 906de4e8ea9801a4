package org.meridian.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who hears of a tier change (docs/notifications.md, derived from the rules there, not from the code): a downgrade
 * waiting reaches the hospital managers and administrators but its requester; its approval or rejection the
 * requester; a change that took effect (a first tier, an upgrade, an approved downgrade) the channel's own users —
 * of their own channel only. The default catalogue names the tiers A 战略, B 核心, C 一般, D 观察.
 */
@MeridianTest
class NotificationsFromTierChangesTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void eachStepReachesExactlyThoseWhoDecideAskedOrBelongToTheChannel() throws Exception {
        TestHospital h = new TestHospital(mvc, users, hospitals);
        TestHospital other = new TestHospital(mvc, users, hospitals);
        String office2 = h.user(Role.CHANNEL_MANAGER);
        String manager = h.user(Role.HOSPITAL_MANAGER);
        String manager2 = h.user(Role.HOSPITAL_MANAGER);
        String admin = h.user(Role.ADMIN);
        long t1 = h.channel("T1", "EXAM_CENTER", null, null);
        long t2 = h.channel("T2", "EXAM_CENTER", null, null);
        String ofT1 = h.channelUser(t1);
        String ofT2 = h.channelUser(t2);

        // T1's first tier, applied at once by the office: only T1's user is told
        request(h, h.office, "T1", "B");
        assertThat(told(h)).isEqualTo(Map.of(ofT1, List.of("TIER_CHANGED")));
        assertThat(page(ofT1, "/notifications")).contains("您渠道的分级已调整：未分级 → 核心");

        // a downgrade of T1 asked by the office: the managers and the administrator, not the office, not T1's user
        long down = request(h, h.office, "T1", "D");
        for (String decider : List.of(manager, manager2, admin)) {
            assertThat(page(decider, "/notifications")).as(decider)
                    .contains("降级待审批：测试 " + h.office + " 申请将 渠道 T1 的分级由 核心 调整为 观察");
            assertThat(links(h, decider)).as("opening it shows the downgrades to decide")
                    .containsExactly("/channels/approvals");
        }
        // approved by a manager: the office hears the decision, T1's user the new tier
        h.as(manager, post("/api/v1/channel-tier-changes/" + down + "/approve")).andExpect(status().isOk());
        assertThat(page(h.office, "/notifications")).contains("您申请的降级已批准：渠道 T1 的分级由 核心 调整为 观察");
        assertThat(page(ofT1, "/notifications")).contains("您渠道的分级已调整：核心 → 观察");
        assertThat(links(h, ofT1)).as("their workbench shows the tier").containsExactly("/", "/");
        assertThat(links(h, h.office)).containsExactly("/channels/T1");

        // T2: a manager gives it A, then asks to downgrade it to C; the other manager rejects it
        request(h, manager, "T2", "A");
        long rejected = request(h, manager, "T2", "C");
        h.as(manager2, post("/api/v1/channel-tier-changes/" + rejected + "/reject")).andExpect(status().isOk());
        assertThat(page(manager, "/notifications")).contains("您申请的降级未获批准：渠道 T2 保持 战略，不调整为 一般");

        assertThat(told(h)).isEqualTo(Map.of(
                ofT1, List.of("TIER_CHANGED", "TIER_CHANGED"),
                manager2, List.of("TIER_CHANGE_REQUESTED", "TIER_CHANGE_REQUESTED"),
                admin, List.of("TIER_CHANGE_REQUESTED", "TIER_CHANGE_REQUESTED"),
                manager, List.of("TIER_CHANGE_REQUESTED", "TIER_CHANGE_DECIDED"),
                h.office, List.of("TIER_CHANGE_DECIDED"),
                ofT2, List.of("TIER_CHANGED")));
        // nobody else: the second office, the analyst, another hospital
        assertThat(told(h)).doesNotContainKeys(office2, h.analyst);
        assertThat(told(other)).isEmpty();
    }

    /** Asks for the channel's tier as {@code user}; the tier change's id. */
    private static long request(TestHospital h, String user, String channel, String tier) throws Exception {
        String answer = h.as(user, json(post("/api/v1/channels/" + channel + "/tier-changes"),
                        "{\"tier\": \"" + tier + "\", \"reason\": \"年度复核\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    private String page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(user(accounts.loadUserByUsername(username))).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Where the user's notifications lead when opened, oldest first. */
    private List<String> links(TestHospital h, String recipient) {
        return jdbc.sql("SELECT link FROM notification WHERE hospital_id = :h AND recipient = :r ORDER BY id")
                .param("h", h.hospital.id()).param("r", recipient).query(String.class).list();
    }

    /** Each recipient's notifications of tier changes in the hospital, by kind, oldest first. */
    private Map<String, List<String>> told(TestHospital h) {
        return jdbc.sql("""
                        SELECT recipient, kind FROM notification
                        WHERE hospital_id = :h AND kind LIKE 'TIER_CHANGE%' ORDER BY id""")
                .param("h", h.hospital.id()).query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey, TreeMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }
}
