package org.meridian.region;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.meridian.shared.web.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The region's repeat-rate alerts and its threshold (table {@code repeat_alert}, column {@code region.repeat_alert_threshold}). */
@Repository
class RepeatAlerts {

    private static final String COLUMNS = "id, kind, subject, subject_name, month, records, repeats, threshold, raised_at";

    private final JdbcClient jdbc;

    RepeatAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BigDecimal> threshold(long region) {
        return jdbc.sql("SELECT repeat_alert_threshold FROM region WHERE id = :r").param("r", region)
                .query((rs, i) -> Optional.ofNullable(rs.getBigDecimal(1))).single();
    }

    void setThreshold(long region, BigDecimal threshold) {
        jdbc.sql("UPDATE region SET repeat_alert_threshold = :t WHERE id = :r").param("t", threshold)
                .param("r", region).update();
    }

    /** Inserts the alert unless its subject already has one that month; the stored alert when new. */
    Optional<RepeatAlert> insertIfAbsent(long region, RepeatAlert a) {
        return jdbc.sql("""
                        INSERT INTO repeat_alert (region_id, kind, subject, subject_name, month, records, repeats,
                                                  threshold, raised_at)
                        VALUES (:r, :kind, :subject, :name, :month, :records, :repeats, :threshold, :at)
                        ON CONFLICT (region_id, kind, subject, month) DO NOTHING
                        RETURNING\s""" + COLUMNS)
                .param("r", region).param("kind", a.kind().name()).param("subject", a.subject())
                .param("name", a.subjectName()).param("month", a.month().atDay(1)).param("records", a.records())
                .param("repeats", a.repeats()).param("threshold", a.threshold())
                .param("at", Timestamp.from(a.raisedAt()))
                .query(RepeatAlerts::row).optional();
    }

    /** The alerts already raised in the month. */
    List<RepeatAlert> ofMonth(long region, YearMonth month) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM repeat_alert WHERE region_id = :r AND month = :m")
                .param("r", region).param("m", month.atDay(1)).query(RepeatAlerts::row).list();
    }

    /** The month's current figures of a raised alert. */
    void updateFigures(long region, long id, long records, long repeats) {
        jdbc.sql("UPDATE repeat_alert SET records = :records, repeats = :repeats WHERE region_id = :r AND id = :id")
                .param("records", records).param("repeats", repeats).param("r", region).param("id", id).update();
    }

    Paged<RepeatAlert> page(long region, YearMonth month, RepeatAlert.Kind kind, String text, int page, int size) {
        String where = " WHERE region_id = :r AND (CAST(:month AS date) IS NULL OR month = :month)"
                + " AND (CAST(:kind AS varchar) IS NULL OR kind = :kind)"
                + " AND (CAST(:text AS varchar) IS NULL OR strpos(lower(subject || ' ' || subject_name), lower(:text)) > 0)";
        LocalDate m = month == null ? null : month.atDay(1);
        String k = kind == null ? null : kind.name();
        List<RepeatAlert> items = jdbc.sql("SELECT " + COLUMNS + " FROM repeat_alert" + where
                        + " ORDER BY month DESC, kind, subject LIMIT :size OFFSET :offset")
                .param("r", region).param("month", m).param("kind", k).param("text", text)
                .param("size", size).param("offset", (long) page * size)
                .query(RepeatAlerts::row).list();
        long total = jdbc.sql("SELECT count(*) FROM repeat_alert" + where)
                .param("r", region).param("month", m).param("kind", k).param("text", text)
                .query(Long.class).single();
        return new Paged<>(items, page, size, total);
    }

    private static RepeatAlert row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Instant at = rs.getTimestamp("raised_at").toInstant();
        return new RepeatAlert(rs.getLong("id"), RepeatAlert.Kind.valueOf(rs.getString("kind")),
                rs.getString("subject"), rs.getString("subject_name"),
                YearMonth.from(rs.getDate("month").toLocalDate()), rs.getLong("records"), rs.getLong("repeats"),
                rs.getBigDecimal("threshold"), at);
    }
}
