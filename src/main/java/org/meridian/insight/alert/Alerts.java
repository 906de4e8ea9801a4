package org.meridian.insight.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.meridian.shared.db.ById;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The alerts of the scan, one per channel, measure, grain and day. Channel code and name are filled by the facade. */
@Repository
class Alerts {

    private static final String COLUMNS = """
            id, channel_id, measure, grain, day, observed, expected, lower_bound, upper_bound, rule, status, note,
            raised_at, acknowledged_by, acknowledged_at, closed_by, closed_at""";

    private final JdbcClient jdbc;

    Alerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new alert unless the channel already has one for this measure, grain and day; its id when it was added. */
    Optional<Long> insertIfAbsent(long hospitalId, long channelId, AlertMeasure measure, AlertGrain grain, LocalDate day,
                           AlertDetection.Finding f, OffsetDateTime at) {
        return jdbc.sql("""
                        INSERT INTO insight_alert (hospital_id, channel_id, measure, grain, day, observed, expected,
                            lower_bound, upper_bound, rule, status, raised_at)
                        VALUES (:h, :c, :m, :g, :d, :o, :e, :lo, :up, :r, 'NEW', :at)
                        ON CONFLICT (hospital_id, channel_id, measure, grain, day) DO NOTHING
                        RETURNING id""")
                .param("h", hospitalId).param("c", channelId).param("m", measure.name()).param("g", grain.name())
                .param("d", day).param("o", round(f.observed())).param("e", round(f.expected()))
                .param("lo", round(f.lower())).param("up", round(f.upper())).param("r", f.rule().name())
                .param("at", at).query(Long.class).optional();
    }

    /** A value as stored: two decimals, half up. */
    static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    Optional<Alert> find(long hospitalId, long id) {
        return ById.find(jdbc, "SELECT " + COLUMNS + " FROM insight_alert", hospitalId, id, Alerts::alert);
    }

    Optional<Alert> lock(long hospitalId, long id) {
        return ById.lock(jdbc, "SELECT " + COLUMNS + " FROM insight_alert", hospitalId, id, Alerts::alert);
    }

    private static final String FILTER = """
             WHERE hospital_id = :h AND (CAST(:s AS varchar) IS NULL OR status = :s)
               AND (CAST(:c AS bigint) IS NULL OR channel_id = :c) AND (CAST(:m AS varchar) IS NULL OR measure = :m)""";

    /** Newest day first. */
    List<Alert> search(long hospitalId, AlertStatus status, Long channelId, AlertMeasure measure, long offset,
                       int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM insight_alert " + FILTER
                        + " ORDER BY day DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("h", hospitalId).param("s", status == null ? null : status.name()).param("c", channelId)
                .param("m", measure == null ? null : measure.name()).param("limit", limit).param("offset", offset)
                .query(Alerts::alert).list();
    }

    long count(long hospitalId, AlertStatus status, Long channelId, AlertMeasure measure) {
        return jdbc.sql("SELECT count(*) FROM insight_alert " + FILTER)
                .param("h", hospitalId).param("s", status == null ? null : status.name()).param("c", channelId)
                .param("m", measure == null ? null : measure.name()).query(Long.class).single();
    }

    /** The channels that have alerts. */
    List<Long> channelIds(long hospitalId) {
        return jdbc.sql("SELECT DISTINCT channel_id FROM insight_alert WHERE hospital_id = :h")
                .param("h", hospitalId).query(Long.class).list();
    }

    void acknowledge(long hospitalId, long id, String note, String by, OffsetDateTime at) {
        jdbc.sql("""
                        UPDATE insight_alert SET status = 'ACKNOWLEDGED', note = :n, acknowledged_by = :by,
                               acknowledged_at = :at WHERE hospital_id = :h AND id = :id""")
                .param("n", note).param("by", by).param("at", at).param("h", hospitalId).param("id", id).update();
    }

    void close(long hospitalId, long id, String note, String by, OffsetDateTime at) {
        jdbc.sql("""
                        UPDATE insight_alert SET status = 'CLOSED', note = COALESCE(:n, note), closed_by = :by,
                               closed_at = :at WHERE hospital_id = :h AND id = :id""")
                .param("n", note).param("by", by).param("at", at).param("h", hospitalId).param("id", id).update();
    }

    private static Alert alert(ResultSet rs, int row) throws SQLException {
        return new Alert(rs.getLong("id"), rs.getLong("channel_id"), null, null,
                AlertMeasure.valueOf(rs.getString("measure")), AlertGrain.valueOf(rs.getString("grain")),
                rs.getObject("day", LocalDate.class), rs.getBigDecimal("observed"), rs.getBigDecimal("expected"),
                rs.getBigDecimal("lower_bound"), rs.getBigDecimal("upper_bound"),
                AlertRule.valueOf(rs.getString("rule")), AlertStatus.valueOf(rs.getString("status")),
                rs.getString("note"), rs.getObject("raised_at", OffsetDateTime.class), rs.getString("acknowledged_by"),
                rs.getObject("acknowledged_at", OffsetDateTime.class), rs.getString("closed_by"),
                rs.getObject("closed_at", OffsetDateTime.class));
    }
}
