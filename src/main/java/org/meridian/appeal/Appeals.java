package org.meridian.appeal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.meridian.shared.db.ById;
import org.meridian.shared.UnitType;
import org.meridian.shared.web.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appeals with their attachments and corrections, and the hospitals' appeal settings. */
@Repository
class Appeals {

    private static final String COLUMNS = """
            id, evaluation_id, channel_id, channel_code, channel_name, period, unit_type, evaluation_version, indicator,
            contested_value, contested_score, statement, status, filed_at, filed_by, filing_deadline, review_due,
            review_started_at, review_started_by, decided_at, decided_by, decision_reason, corrected_evaluation_id""";

    private final JdbcClient jdbc;

    Appeals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AppealSettings> settings(long hospitalId) {
        return jdbc.sql("SELECT filing_days, review_days FROM appeal_setting WHERE hospital_id = :h")
                .param("h", hospitalId)
                .query((rs, i) -> new AppealSettings(rs.getInt("filing_days"), rs.getInt("review_days"))).optional();
    }

    void saveSettings(long hospitalId, AppealSettings s) {
        jdbc.sql("""
                        INSERT INTO appeal_setting (hospital_id, filing_days, review_days) VALUES (:h, :f, :r)
                        ON CONFLICT (hospital_id) DO UPDATE SET filing_days = :f, review_days = :r""")
                .param("h", hospitalId).param("f", s.filingDays()).param("r", s.reviewDays()).update();
    }

    long insert(long hospitalId, Appeal a) {
        return jdbc.sql("""
                        INSERT INTO appeal (hospital_id, evaluation_id, channel_id, channel_code, channel_name, period,
                            unit_type, evaluation_version, indicator, contested_value, contested_score, statement,
                            status, filed_at, filed_by, filing_deadline, review_due)
                        VALUES (:h, :e, :c, :code, :name, :p, :t, :v, :i, :value, :score, :s, 'SUBMITTED', :at, :by,
                            :deadline, :due)
                        RETURNING id""")
                .param("h", hospitalId).param("e", a.evaluationId()).param("c", a.channelId())
                .param("code", a.channelCode()).param("name", a.channelName()).param("p", a.period())
                .param("t", a.unitType().name()).param("v", a.evaluationVersion()).param("i", a.indicator())
                .param("value", a.contestedValue()).param("score", a.contestedScore()).param("s", a.statement())
                .param("at", a.filedAt()).param("by", a.filedBy()).param("deadline", a.filingDeadline())
                .param("due", a.reviewDue())
                .query(Long.class).single();
    }

    Optional<Appeal> find(long hospitalId, long id) {
        return ById.find(jdbc, "SELECT " + COLUMNS + " FROM appeal", hospitalId, id, Appeals::appeal);
    }

    Optional<Appeal> lock(long hospitalId, long id) {
        return ById.lock(jdbc, "SELECT " + COLUMNS + " FROM appeal", hospitalId, id, Appeals::appeal);
    }

    /** Appeals newest first, optionally of one channel, status and evaluation. */
    Paged<Appeal> search(long hospitalId, Long channelId, AppealStatus status, Long evaluationId, int page, int size) {
        String where = " WHERE hospital_id = :h AND (CAST(:c AS bigint) IS NULL OR channel_id = :c)"
                + " AND (CAST(:s AS varchar) IS NULL OR status = :s)"
                + " AND (CAST(:e AS bigint) IS NULL OR evaluation_id = :e)";
        String s = status == null ? null : status.name();
        long total = jdbc.sql("SELECT count(*) FROM appeal" + where).param("h", hospitalId).param("c", channelId)
                .param("s", s).param("e", evaluationId).query(Long.class).single();
        List<Appeal> items = jdbc.sql("SELECT " + COLUMNS + " FROM appeal" + where
                        + " ORDER BY filed_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("h", hospitalId).param("c", channelId).param("s", s).param("e", evaluationId)
                .param("limit", size).param("offset", (long) page * size).query(Appeals::appeal).list();
        return new Paged<>(items, page, size, total);
    }

    /** Open appeals (SUBMITTED, UNDER_REVIEW), the longest-waiting first. */
    List<Appeal> open(long hospitalId, Long channelId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM appeal WHERE hospital_id = :h AND status IN ('SUBMITTED', 'UNDER_REVIEW')
                          AND (CAST(:c AS bigint) IS NULL OR channel_id = :c)
                        ORDER BY filed_at, id LIMIT :limit""")
                .param("h", hospitalId).param("c", channelId).param("limit", limit).query(Appeals::appeal).list();
    }

    long countOpen(long hospitalId, Long channelId) {
        return jdbc.sql("""
                        SELECT count(*) FROM appeal WHERE hospital_id = :h AND status IN ('SUBMITTED', 'UNDER_REVIEW')
                          AND (CAST(:c AS bigint) IS NULL OR channel_id = :c)""")
                .param("h", hospitalId).param("c", channelId).query(Long.class).single();
    }

    void startReview(long hospitalId, long id, Instant at, String by) {
        int n = jdbc.sql("""
                        UPDATE appeal SET status = 'UNDER_REVIEW', review_started_at = :at, review_started_by = :by
                        WHERE hospital_id = :h AND id = :id AND status = 'SUBMITTED'""")
                .param("h", hospitalId).param("id", id).param("at", at.atOffset(ZoneOffset.UTC)).param("by", by)
                .update();
        check(n);
    }

    void decide(long hospitalId, long id, AppealStatus to, Instant at, String by, String reason, Long corrected) {
        int n = jdbc.sql("""
                        UPDATE appeal SET status = :to, decided_at = :at, decided_by = :by, decision_reason = :reason,
                            corrected_evaluation_id = :corrected
                        WHERE hospital_id = :h AND id = :id AND status = 'UNDER_REVIEW'""")
                .param("h", hospitalId).param("id", id).param("to", to.name()).param("at", at.atOffset(ZoneOffset.UTC))
                .param("by", by).param("reason", reason).param("corrected", corrected).update();
        check(n);
    }

    private static void check(int updated) {
        if (updated != 1) {
            throw new IllegalStateException("the appeal changed under a lock");
        }
    }

    // ---- attachments --------------------------------------------------------------------------

    long insertAttachment(long hospitalId, long appealId, String fileName, String contentType, byte[] content,
                          Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO appeal_attachment (hospital_id, appeal_id, file_name, content_type, size_bytes,
                            content, uploaded_at, uploaded_by)
                        VALUES (:h, :a, :n, :t, :s, :c, :at, :by) RETURNING id""")
                .param("h", hospitalId).param("a", appealId).param("n", fileName).param("t", contentType)
                .param("s", content.length).param("c", content).param("at", at.atOffset(ZoneOffset.UTC))
                .param("by", by).query(Long.class).single();
    }

    List<Attachment> attachments(long hospitalId, long appealId) {
        return jdbc.sql("""
                        SELECT id, appeal_id, file_name, content_type, size_bytes, uploaded_at, uploaded_by
                        FROM appeal_attachment WHERE hospital_id = :h AND appeal_id = :a ORDER BY id""")
                .param("h", hospitalId).param("a", appealId).query(Appeals::attachment).list();
    }

    Optional<Attachment.File> attachmentFile(long hospitalId, long appealId, long id) {
        return jdbc.sql("""
                        SELECT id, appeal_id, file_name, content_type, size_bytes, uploaded_at, uploaded_by, content
                        FROM appeal_attachment WHERE hospital_id = :h AND appeal_id = :a AND id = :id""")
                .param("h", hospitalId).param("a", appealId).param("id", id)
                .query((rs, i) -> new Attachment.File(attachment(rs, i), rs.getBytes("content"))).optional();
    }

    // ---- corrections --------------------------------------------------------------------------

    void insertCorrections(long hospitalId, long appealId, List<Correction> corrections) {
        int position = 0;
        for (Correction c : corrections) {
            jdbc.sql("""
                            INSERT INTO appeal_correction (hospital_id, appeal_id, position, kind, event_id, note)
                            VALUES (:h, :a, :p, :k, :e, :n)""")
                    .param("h", hospitalId).param("a", appealId).param("p", position++).param("k", c.kind().name())
                    .param("e", c.eventId()).param("n", c.note()).update();
        }
    }

    List<Correction> corrections(long hospitalId, long appealId) {
        return jdbc.sql("""
                        SELECT kind, event_id, note FROM appeal_correction WHERE hospital_id = :h AND appeal_id = :a
                        ORDER BY position""")
                .param("h", hospitalId).param("a", appealId)
                .query((rs, i) -> new Correction(Correction.Kind.valueOf(rs.getString("kind")),
                        rs.getString("event_id"), rs.getString("note"))).list();
    }

    private static Attachment attachment(ResultSet rs, int i) throws SQLException {
        return new Attachment(rs.getLong("id"), rs.getLong("appeal_id"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getInt("size_bytes"), time(rs, "uploaded_at"),
                rs.getString("uploaded_by"));
    }

    private static Appeal appeal(ResultSet rs, int i) throws SQLException {
        long corrected = rs.getLong("corrected_evaluation_id");
        Long correctedId = rs.wasNull() ? null : corrected;
        return new Appeal(rs.getLong("id"), rs.getLong("evaluation_id"), rs.getLong("channel_id"),
                rs.getString("channel_code"), rs.getString("channel_name"), rs.getString("period"),
                UnitType.valueOf(rs.getString("unit_type")), rs.getInt("evaluation_version"), rs.getString("indicator"),
                rs.getBigDecimal("contested_value"), rs.getBigDecimal("contested_score"), rs.getString("statement"),
                AppealStatus.valueOf(rs.getString("status")), time(rs, "filed_at"), rs.getString("filed_by"),
                time(rs, "filing_deadline"), time(rs, "review_due"), time(rs, "review_started_at"),
                rs.getString("review_started_by"), time(rs, "decided_at"), rs.getString("decided_by"),
                rs.getString("decision_reason"), correctedId);
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
