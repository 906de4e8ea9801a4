package org.meridian.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.shared.db.ById;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The stored feedback reports; every query names the hospital. */
@Repository
class Reports {

    private static final String COLUMNS = "id, evaluation_id, channel_id, content::text, generated_at, viewed_at, "
            + "viewed_by, acknowledged_at, acknowledged_by, confirmed_by";
    private static final String RANK_ORDER = " ORDER BY (content->>'rank')::int NULLS LAST, channel_code";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Reports(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts the report unless the channel already has one for the evaluation; true when inserted. */
    boolean insertIfAbsent(long hospitalId, long evaluationId, long channelId, ReportContent content, Instant at) {
        return jdbc.sql("""
                        INSERT INTO feedback_report (hospital_id, evaluation_id, channel_id, channel_code, channel_name,
                            period, unit_type, version, content, generated_at)
                        VALUES (:h, :e, :c, :code, :name, :period, :type, :version, CAST(:content AS jsonb), :at)
                        ON CONFLICT (hospital_id, evaluation_id, channel_id) DO NOTHING""")
                .param("h", hospitalId).param("e", evaluationId).param("c", channelId)
                .param("code", content.channelCode()).param("name", content.channelName())
                .param("period", content.period()).param("type", content.unitType())
                .param("version", content.version()).param("content", json.writeValueAsString(content))
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    Optional<FeedbackReport> find(long hospitalId, long id) {
        return ById.find(jdbc, "SELECT " + COLUMNS + " FROM feedback_report", hospitalId, id, this::row);
    }

    List<FeedbackReport> ofEvaluation(long hospitalId, long evaluationId, boolean onlyUnacknowledged) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM feedback_report WHERE hospital_id = :h AND evaluation_id = :e"
                        + (onlyUnacknowledged ? " AND acknowledged_at IS NULL" : "") + RANK_ORDER)
                .param("h", hospitalId).param("e", evaluationId).query(this::row).list();
    }

    List<FeedbackReport> ofChannel(long hospitalId, long channelId) {
        // channel_id holds a unit's id in department and institution reports: only channel types are a channel's
        return jdbc.sql("SELECT " + COLUMNS + " FROM feedback_report WHERE hospital_id = :h AND channel_id = :c"
                        + " AND unit_type IN (:channelTypes) ORDER BY period DESC, unit_type, version DESC, id DESC")
                .param("h", hospitalId).param("c", channelId)
                .param("channelTypes", org.meridian.shared.UnitType.channelTypes().stream().map(Enum::name).toList())
                .query(this::row).list();
    }

    /** Number of reports per evaluation: generated, viewed (or acknowledged), acknowledged. */
    record Counts(int generated, int viewed, int acknowledged) {
    }

    Map<Long, Counts> counts(long hospitalId, List<Long> evaluationIds) {
        if (evaluationIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Counts> m = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT evaluation_id, count(*), count(coalesce(viewed_at, acknowledged_at)), count(acknowledged_at)
                        FROM feedback_report
                        WHERE hospital_id = :h AND evaluation_id IN (:ids) GROUP BY evaluation_id""")
                .param("h", hospitalId).param("ids", evaluationIds)
                .query((rs, i) -> m.put(rs.getLong(1), new Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4))))
                .list();
        return m;
    }

    /** Records the first view; false when it was viewed before. */
    boolean markViewed(long hospitalId, long id, String username, Instant at) {
        return jdbc.sql("""
                        UPDATE feedback_report SET viewed_at = :at, viewed_by = :u
                        WHERE hospital_id = :h AND id = :id AND viewed_at IS NULL""")
                .param("h", hospitalId).param("id", id).param("u", username).param("at", at.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    /** Records the acknowledgement; false when it was acknowledged before. */
    boolean acknowledge(long hospitalId, long id, String username, Instant at) {
        return jdbc.sql("""
                        UPDATE feedback_report SET acknowledged_at = :at, acknowledged_by = :u,
                            viewed_at = coalesce(viewed_at, :at), viewed_by = coalesce(viewed_by, :u)
                        WHERE hospital_id = :h AND id = :id AND acknowledged_at IS NULL""")
                .param("h", hospitalId).param("id", id).param("u", username).param("at", at.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    /**
     * Records a unit's confirmation, entered by an office user (not a view: nobody of the unit opened it here);
     * false when the report was acknowledged before.
     */
    boolean confirm(long hospitalId, long id, String username, String confirmedBy, Instant at) {
        return jdbc.sql("""
                        UPDATE feedback_report SET acknowledged_at = :at, acknowledged_by = :u, confirmed_by = :who
                        WHERE hospital_id = :h AND id = :id AND acknowledged_at IS NULL""")
                .param("h", hospitalId).param("id", id).param("u", username).param("who", confirmedBy)
                .param("at", at.atOffset(ZoneOffset.UTC)).update() == 1;
    }

    private FeedbackReport row(ResultSet rs, int i) throws SQLException {
        return new FeedbackReport(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                json.readValue(rs.getString(4), ReportContent.class), instant(rs, 5), instant(rs, 6), rs.getString(7),
                instant(rs, 8), rs.getString(9), rs.getString(10));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
