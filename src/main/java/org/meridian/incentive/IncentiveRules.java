package org.meridian.incentive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.meridian.shared.db.ById;
import org.meridian.incentive.rules.IncentiveRule;
import org.meridian.incentive.rules.RuleDefinition;
import org.meridian.incentive.rules.RuleType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The stored versions of the hospitals' incentive rules. Every query is scoped to one hospital. */
@Repository
class IncentiveRules {

    private static final String COLUMNS = """
            id, code, version, name, rule_type, unit_type, valid_from, valid_to, definition::text, compliance_status,
            compliance_reason, signed_off_by, signed_off_at, sign_off_justification, created_by, created_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IncentiveRules(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<StoredRule> all(long hospitalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incentive_rule WHERE hospital_id = :h ORDER BY code, version")
                .param("h", hospitalId).query(this::map).list();
    }

    /** The hospital's rule versions that take effect (not waiting for a compliance sign-off), as calculated. */
    List<IncentiveRule> inEffect(long hospitalId) {
        return all(hospitalId).stream().filter(r -> r.complianceStatus().inEffect()).map(StoredRule::toRule).toList();
    }

    Optional<StoredRule> find(long hospitalId, long id) {
        return ById.find(jdbc, "SELECT " + COLUMNS + " FROM incentive_rule", hospitalId, id, this::map);
    }

    Optional<StoredRule> latest(long hospitalId, String code) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM incentive_rule WHERE hospital_id = :h AND code = :c ORDER BY version DESC LIMIT 1")
                .param("h", hospitalId).param("c", code).query(this::map).optional();
    }

    long insert(long hospitalId, int version, RuleType type, RuleDefinition definition, ComplianceStatus status,
                String reason, String actor, Instant at) {
        return jdbc.sql("""
                        INSERT INTO incentive_rule (hospital_id, code, version, name, rule_type, unit_type, valid_from,
                            valid_to, definition, compliance_status, compliance_reason, created_by, created_at)
                        VALUES (:h, :code, :version, :name, :type, :unit, :from, :to, CAST(:def AS jsonb), :status,
                            :reason, :actor, :at)
                        RETURNING id""")
                .param("h", hospitalId).param("code", definition.code()).param("version", version)
                .param("name", definition.name().strip()).param("type", type.name())
                .param("unit", definition.unitType() == null || definition.unitType().isBlank() ? null
                        : definition.unitType().strip().toUpperCase(java.util.Locale.ROOT))
                .param("from", definition.validFrom()).param("to", definition.validTo())
                .param("def", json.writeValueAsString(definition)).param("status", status.name())
                .param("reason", reason).param("actor", actor).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .query(Long.class).single();
    }

    void endValidity(long hospitalId, long id, LocalDate validTo) {
        jdbc.sql("UPDATE incentive_rule SET valid_to = :to WHERE hospital_id = :h AND id = :id")
                .param("to", validTo).param("h", hospitalId).param("id", id).update();
    }

    boolean signOff(long hospitalId, long id, String actor, Instant at, String justification) {
        return jdbc.sql("""
                        UPDATE incentive_rule SET compliance_status = 'SIGNED_OFF', signed_off_by = :actor,
                            signed_off_at = :at, sign_off_justification = :why
                        WHERE hospital_id = :h AND id = :id AND compliance_status = 'COMPLIANCE_REVIEW_REQUIRED'""")
                .param("actor", actor).param("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .param("why", justification).param("h", hospitalId).param("id", id).update() == 1;
    }

    private StoredRule map(ResultSet rs, int row) throws SQLException {
        return new StoredRule(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                RuleType.valueOf(rs.getString(5)), rs.getString(6), rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class), json.readValue(rs.getString(9), RuleDefinition.class),
                ComplianceStatus.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12),
                instant(rs, 13), rs.getString(14), rs.getString(15), instant(rs, 16));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
