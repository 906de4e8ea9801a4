package org.meridian.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration that moved each scorecard's lines into its own row ({@code V20261206_1556__scorecard_lines.sql})
 * keeps every evaluation stored before it: the schema as it was just before (version 20261206.1045) is built in a
 * schema of its own, a scorecard with two lines written there the old way (rows of {@code evaluation_indicator}, in
 * positions 1 and 0), then migrated; the scorecard's lines come back through the repository's own reading, in their
 * positions' order, every number exact and the "why" unchanged.
 */
@MeridianTest
class ScorecardLinesMigrationTest {

    private static final String SCHEMA = "lines_migration";

    @Autowired DataSource dataSource;
    @Autowired Evaluations evaluations;

    @AfterEach
    void dropSchema() {
        JdbcClient.create(dataSource).sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
    }

    @Test
    void theLinesOfAnEvaluationStoredBeforeComeBackUnchangedFromTheirScorecard() {
        flyway("20261206.1045").migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long hospital = jdbc.sql("""
                        INSERT INTO lines_migration.hospital (code, name, time_zone)
                        VALUES ('MIG', '迁移医院', 'Asia/Shanghai')
                        RETURNING id""").query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO lines_migration.channel_tier (hospital_id, code, name, rank, review_cadence,
                             visits_per_year, incentive_rate, priority_quota)
                        VALUES (:h, 'B', 'B 级', 2, 'QUARTERLY', 4, 0, 0)""").param("h", hospital).update();
        long channel = jdbc.sql("""
                        INSERT INTO lines_migration.channel (hospital_id, code, name, type, tier, status)
                        VALUES (:h, 'CH-1', '渠道一', 'HEALTH_PLATFORM', 'B', 'ACTIVE') RETURNING id""")
                .param("h", hospital).query(Long.class).single();
        long evaluation = jdbc.sql("""
                        INSERT INTO lines_migration.evaluation (hospital_id, period, period_start, period_end,
                             unit_type, version, status, scheme_version, scheme, ran_at, ran_by)
                        VALUES (:h, '2026-10', DATE '2026-10-01', DATE '2026-10-31', 'HEALTH_PLATFORM', 1, 'DRAFT', 1,
                                '{}', now(), 'office') RETURNING id""")
                .param("h", hospital).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO lines_migration.evaluation_scorecard (hospital_id, evaluation_id, channel_id,
                             channel_code, channel_name, region, total, coverage, rank, tier, position)
                        VALUES (:h, :e, :c, 'CH-1', '渠道一', NULL, 71.125, 1, 1, 'B', 0)""")
                .param("h", hospital).param("e", evaluation).param("c", channel).update();
        // the second line first: the migration orders by position, not by the order the rows were written
        jdbc.sql("""
                        INSERT INTO lines_migration.evaluation_indicator (hospital_id, evaluation_id, channel_id, code,
                             position, value, score, weight, contribution, peer_median, explanation)
                        VALUES (:h, :e, :c, 'ARRIVAL_RATE', 1, 69.62488563586459, 59.24977127172918, 0.25,
                                14.812442817932295, 61.5,
                                '{"formula":"100 * arrivals / referrals","inputs":{"arrivals":761,"referrals":1093}}'),
                               (:h, :e, :c, 'REFERRAL_VOLUME', 0, 1093, 100, 0.75, 75.000000000000000001, NULL,
                                '{"formula":"referrals","inputs":{"referrals":1093}}')""")
                .param("h", hospital).param("e", evaluation).param("c", channel).update();

        flyway("20261206.1556").migrate();

        List<UnitScorecard.Line> lines = evaluations.lines(jdbc.sql("""
                        SELECT lines::text FROM lines_migration.evaluation_scorecard
                        WHERE hospital_id = :h AND evaluation_id = :e""")
                .param("h", hospital).param("e", evaluation).query(String.class).single());
        assertThat(lines).extracting(UnitScorecard.Line::code).containsExactly("REFERRAL_VOLUME", "ARRIVAL_RATE");
        UnitScorecard.Line volume = lines.get(0);
        assertThat(volume.value()).isEqualByComparingTo("1093");
        assertThat(volume.contribution()).isEqualTo(new BigDecimal("75.000000000000000001"));
        assertThat(volume.peerMedian()).isNull();
        assertThat(volume.why().formula()).isEqualTo("referrals");
        UnitScorecard.Line arrivals = lines.get(1);
        assertThat(arrivals.value()).isEqualTo(new BigDecimal("69.62488563586459"));
        assertThat(arrivals.score()).isEqualTo(new BigDecimal("59.24977127172918"));
        assertThat(arrivals.weight()).isEqualTo(new BigDecimal("0.25"));
        assertThat(arrivals.peerMedian()).isEqualTo(new BigDecimal("61.5"));
        assertThat(arrivals.why().inputs()).containsEntry("arrivals", new BigDecimal("761"));
        assertThat(jdbc.sql("SELECT to_regclass('" + SCHEMA + ".evaluation_indicator') IS NULL").query(Boolean.class)
                .single()).as("the old table is gone").isTrue();
    }

    /** Meridian's migrations up to {@code target}, in the schema of this test. */
    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration")
                .outOfOrder(true).target(target).load();
    }
}
