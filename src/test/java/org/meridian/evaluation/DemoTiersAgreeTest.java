package org.meridian.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12 §5, "demo data agrees with itself" (the same context as {@code DemoModeTest}): the demo's evaluated tiers
 * reach the channel register through the tier-change workflow, so what a person reads in the register agrees with
 * the channel's latest published evaluation and with its sanctions.
 */
@MeridianDemoTest
class DemoTiersAgreeTest {

    /**
     * The unit types whose scorecards are channels': a department's or an institution's scorecard keeps its unit's id
     * where a channel's keeps the channel's, so an id alone does not tell them apart.
     */
    static final List<String> CHANNEL_TYPES = org.meridian.shared.UnitType.channelTypes().stream()
            .map(Enum::name).toList();

    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;

    /** A channel as the register shows it, beside the tier of its latest published evaluation. */
    record Row(String code, String status, String registered, String evaluated, boolean pending) {
    }

    /**
     * Every channel's register tier is the tier of its latest published evaluation (the newest period end, of two
     * ending together the shorter period — as a channel's own pages choose it), unless a tier change waits for a
     * decision, the channel is terminated (a terminated channel's tier is no longer changed) or it was not rated.
     */
    @Test
    void noChannelShowsATierItsLatestEvaluationContradicts() {
        long h = hospitals.all().get(0).id();
        List<Row> rows = jdbc.sql("""
                        SELECT c.code, c.status, c.tier,
                               (SELECT s.tier FROM evaluation e JOIN evaluation_scorecard s
                                       ON s.hospital_id = e.hospital_id AND s.evaluation_id = e.id
                                 WHERE e.hospital_id = c.hospital_id AND s.channel_id = c.id AND e.status = 'PUBLISHED'
                                   AND e.unit_type IN (:channelTypes)
                                 ORDER BY e.period_end DESC, e.period_start DESC, e.version DESC LIMIT 1),
                               EXISTS (SELECT 1 FROM channel_tier_change t WHERE t.hospital_id = c.hospital_id
                                       AND t.channel_id = c.id AND t.status = 'PENDING')
                        FROM channel c WHERE c.hospital_id = :h ORDER BY c.code""")
                .param("h", h).param("channelTypes", CHANNEL_TYPES).query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5))).list();
        List<Row> judged = rows.stream().filter(r -> r.evaluated() != null && !r.evaluated().equals("UNRATED"))
                .filter(r -> !r.status().equals("TERMINATED")).toList();
        assertThat(judged).as("rated channels of the demo").hasSizeGreaterThan(30);
        assertThat(judged).filteredOn(r -> !r.pending())
                .allSatisfy(r -> assertThat(r.registered()).as(r.code() + " in the register").isEqualTo(r.evaluated()));
        assertThat(judged).filteredOn(Row::pending).as("downgrades left for the manager").hasSize(2)
                .allSatisfy(r -> assertThat(r.registered()).isNotEqualTo(r.evaluated()));
    }

    /** Evaluated tier changes were asked for by the office and decided by a hospital manager, and both audited. */
    @Test
    void theEvaluatedTiersWentThroughTheWorkflowWithFourEyes() {
        long h = hospitals.all().get(0).id();
        List<Map<String, Object>> changes = jdbc.sql("""
                        SELECT direction, status, requested_by, decided_by FROM channel_tier_change
                        WHERE hospital_id = ? AND source = 'EVALUATION'""").param(h).query().listOfRows();
        assertThat(changes).as("evaluated tier changes").isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("requested_by")).isEqualTo("office"));
        List<Map<String, Object>> downgrades = changes.stream()
                .filter(c -> c.get("direction").equals("DOWNGRADE")).toList();
        assertThat(downgrades).filteredOn(c -> c.get("status").equals("APPROVED")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("decided_by")).isEqualTo("manager"));
        assertThat(downgrades).extracting(c -> c.get("status")).containsOnly("APPROVED", "PENDING");
        long requested = count(h, "CHANNEL_TIER_DOWNGRADE_REQUESTED", "office");
        long approved = count(h, "CHANNEL_TIER_CHANGED", "manager");
        assertThat(requested).as("each downgrade asked for, audited").isEqualTo(downgrades.size());
        assertThat(approved).as("each approval, audited").isEqualTo(downgrades.size() - 2);
    }

    /**
     * The register agrees with the sanctions: no channel whose termination is recommended shows the best tier A; and
     * a channel whose termination its latest evaluation recommends (the lowest tier in its three latest periods)
     * shows the lowest tier, or a change to it waits for the manager. (An older recommendation may stand beside a
     * better tier: the channel left the lowest tier in a later period, and the register follows the later one.)
     */
    @Test
    void noChannelRecommendedForTerminationShowsABetterTier() {
        long h = hospitals.all().get(0).id();
        List<Map<String, Object>> recommended = jdbc.sql("""
                        SELECT s.channel_code, s.period, s.lowest_tier, c.tier,
                               EXISTS (SELECT 1 FROM channel_tier_change t WHERE t.hospital_id = c.hospital_id
                                       AND t.channel_id = c.id AND t.status = 'PENDING' AND t.to_tier = s.lowest_tier)
                                   AS lowering,
                               s.evaluation_id = (SELECT e.id FROM evaluation e JOIN evaluation_scorecard sc
                                       ON sc.hospital_id = e.hospital_id AND sc.evaluation_id = e.id
                                 WHERE e.hospital_id = c.hospital_id AND sc.channel_id = c.id AND e.status = 'PUBLISHED'
                                   AND e.unit_type IN (:channelTypes)
                                 ORDER BY e.period_end DESC, e.period_start DESC, e.version DESC LIMIT 1) AS latest
                        FROM incentive_sanction s JOIN channel c ON c.hospital_id = s.hospital_id AND c.code = s.channel_code
                        WHERE s.hospital_id = :h AND s.level = 'TERMINATION_RECOMMENDED' AND s.status = 'PENDING'""")
                .param("h", h).param("channelTypes", CHANNEL_TYPES).query().listOfRows();
        assertThat(recommended).as("termination recommendations of the demo").isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("tier")).as(r.toString()).isNotEqualTo("A"));
        assertThat(recommended).filteredOn(r -> Boolean.TRUE.equals(r.get("latest")))
                .as("recommended by the channel's latest evaluation").isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("tier").equals(r.get("lowest_tier"))
                        || Boolean.TRUE.equals(r.get("lowering"))).as(r.toString()).isTrue());
    }

    private long count(long h, String action, String actor) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE hospital_id = ? AND action = ? AND actor = ?")
                .param(h).param(action).param(actor).query(Long.class).single();
    }
}
