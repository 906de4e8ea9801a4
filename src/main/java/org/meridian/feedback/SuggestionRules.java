package org.meridian.feedback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.meridian.shared.db.ById;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored suggestion rules of each hospital (table {@code feedback_rule}). */
@Repository
class SuggestionRules {

    private static final String COLUMNS = "id, indicator_code, below, text_zh, text_en, enabled, updated_at, updated_by";

    private final JdbcClient jdbc;

    SuggestionRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SuggestionRule> all(long hospitalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM feedback_rule WHERE hospital_id = :h ORDER BY id")
                .param("h", hospitalId).query(SuggestionRules::row).list();
    }

    Optional<SuggestionRule> find(long hospitalId, long id) {
        return ById.find(jdbc, "SELECT " + COLUMNS + " FROM feedback_rule", hospitalId, id, SuggestionRules::row);
    }

    /** Marks the hospital's defaults as seeded; true only the first time. */
    boolean claimSeeding(long hospitalId) {
        return jdbc.sql("INSERT INTO feedback_rule_seeded (hospital_id) VALUES (:h) ON CONFLICT DO NOTHING")
                .param("h", hospitalId).update() == 1;
    }

    long insert(long hospitalId, String code, BigDecimal below, String zh, String en, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO feedback_rule (hospital_id, indicator_code, below, text_zh, text_en, updated_at,
                            updated_by) VALUES (:h, :c, :b, :zh, :en, :at, :by) RETURNING id""")
                .param("h", hospitalId).param("c", code).param("b", below).param("zh", zh).param("en", en)
                .param("at", at.atOffset(ZoneOffset.UTC)).param("by", by).query(Long.class).single();
    }

    void update(long hospitalId, long id, String code, BigDecimal below, String zh, String en, Instant at,
                String by) {
        jdbc.sql("""
                        UPDATE feedback_rule SET indicator_code = :c, below = :b, text_zh = :zh, text_en = :en,
                            updated_at = :at, updated_by = :by WHERE hospital_id = :h AND id = :id""")
                .param("h", hospitalId).param("id", id).param("c", code).param("b", below).param("zh", zh)
                .param("en", en).param("at", at.atOffset(ZoneOffset.UTC)).param("by", by).update();
    }

    void setEnabled(long hospitalId, long id, boolean enabled, Instant at, String by) {
        jdbc.sql("""
                        UPDATE feedback_rule SET enabled = :e, updated_at = :at, updated_by = :by
                        WHERE hospital_id = :h AND id = :id""")
                .param("h", hospitalId).param("id", id).param("e", enabled).param("at", at.atOffset(ZoneOffset.UTC))
                .param("by", by).update();
    }

    private static SuggestionRule row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new SuggestionRule(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros(),
                rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                rs.getString(8));
    }
}
