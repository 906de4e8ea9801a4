package org.meridian.channel;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each hospital's tier catalogue. A hospital that has none yet gets the defaults on first use:
 * A 战略, B 核心, C 一般, D 观察 (docs/channels.md).
 */
@Repository
class Tiers {

    static final List<Tier> DEFAULTS = List.of(
            new Tier("A", "战略", 1, ReviewCadence.QUARTERLY, 12, new BigDecimal("3.00"), 30, 4, 80,
                    "院领导牵头，季度联席会；绿色通道优先号源"),
            new Tier("B", "核心", 2, ReviewCadence.QUARTERLY, 6, new BigDecimal("2.00"), 15, 8, 70,
                    "渠道办专人对接，双月走访"),
            new Tier("C", "一般", 3, ReviewCadence.HALF_YEARLY, 4, new BigDecimal("1.00"), 5, 24, 60,
                    "常规对接，半年考核"),
            new Tier("D", "观察", 4, ReviewCadence.MONTHLY, 2, new BigDecimal("0.00"), 0, 48, 50,
                    "整改观察期，按月跟踪转诊质量"));

    private final JdbcClient jdbc;

    Tiers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Tier> all(long hospitalId) {
        ensureDefaults(hospitalId);
        return jdbc.sql("""
                        SELECT code, name, rank, review_cadence, visits_per_year, incentive_rate, priority_quota,
                            response_hours, arrival_rate, notes
                        FROM channel_tier WHERE hospital_id = :h ORDER BY rank""")
                .param("h", hospitalId)
                .query((rs, i) -> new Tier(rs.getString(1), rs.getString(2), rs.getInt(3),
                        ReviewCadence.valueOf(rs.getString(4)), rs.getInt(5), rs.getBigDecimal(6), rs.getInt(7),
                        rs.getInt(8), rs.getInt(9), rs.getString(10)))
                .list();
    }

    Optional<Tier> find(long hospitalId, String code) {
        return all(hospitalId).stream().filter(t -> t.code().equals(code)).findFirst();
    }

    void update(long hospitalId, Tier tier) {
        jdbc.sql("""
                        UPDATE channel_tier SET name = :name, review_cadence = :cadence, visits_per_year = :visits,
                            incentive_rate = :rate, priority_quota = :quota, response_hours = :response,
                            arrival_rate = :arrival, notes = :notes
                        WHERE hospital_id = :h AND code = :code""")
                .param("name", tier.name()).param("cadence", tier.reviewCadence().name())
                .param("visits", tier.visitsPerYear()).param("rate", tier.incentiveRate())
                .param("quota", tier.priorityQuota()).param("response", tier.responseHours())
                .param("arrival", tier.arrivalRate()).param("notes", tier.notes())
                .param("h", hospitalId).param("code", tier.code()).update();
    }

    void insert(long hospitalId, Tier tier) {
        jdbc.sql("""
                        INSERT INTO channel_tier (hospital_id, code, name, rank, review_cadence, visits_per_year,
                            incentive_rate, priority_quota, response_hours, arrival_rate, notes)
                        VALUES (:h, :code, :name, :rank, :cadence, :visits, :rate, :quota, :response, :arrival, :notes)
                        ON CONFLICT DO NOTHING""")
                .param("h", hospitalId).param("code", tier.code()).param("name", tier.name())
                .param("rank", tier.rank()).param("cadence", tier.reviewCadence().name())
                .param("visits", tier.visitsPerYear()).param("rate", tier.incentiveRate())
                .param("quota", tier.priorityQuota()).param("response", tier.responseHours())
                .param("arrival", tier.arrivalRate()).param("notes", tier.notes()).update();
    }

    private void ensureDefaults(long hospitalId) {
        boolean any = jdbc.sql("SELECT EXISTS (SELECT 1 FROM channel_tier WHERE hospital_id = :h)")
                .param("h", hospitalId).query(Boolean.class).single();
        if (!any) {
            DEFAULTS.forEach(t -> insert(hospitalId, t));
        }
    }
}
