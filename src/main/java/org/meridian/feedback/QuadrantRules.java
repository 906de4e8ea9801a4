package org.meridian.feedback;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.meridian.indicator.scoring.Quadrant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored quadrant rules of each hospital (table {@code feedback_quadrant_rule}), one per quadrant. */
@Repository
class QuadrantRules {

    private static final String COLUMNS = "quadrant, text_zh, text_en, enabled, updated_at, updated_by";

    private final JdbcClient jdbc;

    QuadrantRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the rule of a quadrant unless the hospital has one (a rule is never deleted, so never again). */
    void insertIfAbsent(long hospitalId, Quadrant quadrant, String zh, String en, Instant at, String by) {
        jdbc.sql("""
                        INSERT INTO feedback_quadrant_rule (hospital_id, quadrant, text_zh, text_en, updated_at, updated_by)
                        VALUES (:h, :q, :zh, :en, :at, :by) ON CONFLICT DO NOTHING""")
                .param("h", hospitalId).param("q", quadrant.name()).param("zh", zh).param("en", en)
                .param("at", at.atOffset(ZoneOffset.UTC)).param("by", by).update();
    }

    /** The hospital's rules in the order of the quadrants. */
    List<QuadrantRule> all(long hospitalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM feedback_quadrant_rule WHERE hospital_id = :h")
                .param("h", hospitalId).query(QuadrantRules::row).list().stream()
                .sorted(java.util.Comparator.comparing(QuadrantRule::quadrant)).toList();
    }

    Optional<QuadrantRule> find(long hospitalId, Quadrant quadrant) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM feedback_quadrant_rule WHERE hospital_id = :h AND quadrant = :q")
                .param("h", hospitalId).param("q", quadrant.name()).query(QuadrantRules::row).optional();
    }

    void update(long hospitalId, Quadrant quadrant, String zh, String en, boolean enabled, Instant at, String by) {
        jdbc.sql("""
                        UPDATE feedback_quadrant_rule SET text_zh = :zh, text_en = :en, enabled = :e, updated_at = :at,
                            updated_by = :by WHERE hospital_id = :h AND quadrant = :q""")
                .param("h", hospitalId).param("q", quadrant.name()).param("zh", zh).param("en", en)
                .param("e", enabled).param("at", at.atOffset(ZoneOffset.UTC)).param("by", by).update();
    }

    private static QuadrantRule row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new QuadrantRule(Quadrant.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6));
    }
}
