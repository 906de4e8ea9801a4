package org.meridian.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.meridian.shared.web.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The over-quota green-channel bookings held for approval; every query names the hospital. */
@Repository
class GreenChannelRequests {

    private static final String SELECT = """
            SELECT g.id, g.referral_id, g.channel_id, r.channel_name, g.appointment_date, g.appointment_department,
                   g.appointment_doctor, g.quota, g.used, g.requested_by, g.requested_at, g.status, g.decided_by,
                   g.decided_at, g.note
            FROM green_channel_request g JOIN referral r ON r.hospital_id = g.hospital_id AND r.id = g.referral_id
            WHERE g.hospital_id = :h""";

    private final JdbcClient jdbc;

    GreenChannelRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long hospitalId, Referral r, Appointment a, GreenChannelQuota q, String by, Instant at) {
        return jdbc.sql("""
                        INSERT INTO green_channel_request (hospital_id, referral_id, channel_id, appointment_date,
                            appointment_department, appointment_doctor, quota, used, requested_by, requested_at, status)
                        VALUES (:h, :r, :c, :d, :dep, :doc, :q, :u, :by, :at, 'PENDING')
                        RETURNING id""")
                .param("h", hospitalId).param("r", r.id()).param("c", r.channelId()).param("d", a.date())
                .param("dep", a.department()).param("doc", a.doctor()).param("q", q.quota()).param("u", q.used())
                .param("by", by).param("at", utc(at)).query(Long.class).single();
    }

    Optional<GreenChannelRequest> find(long hospitalId, long id) {
        return jdbc.sql(SELECT + " AND g.id = :id").param("h", hospitalId).param("id", id)
                .query(GreenChannelRequests::row).optional();
    }

    /** The request, its row locked until the transaction ends (two managers never both decide it). */
    Optional<GreenChannelRequest> lock(long hospitalId, long id) {
        return jdbc.sql(SELECT + " AND g.id = :id FOR UPDATE OF g").param("h", hospitalId).param("id", id)
                .query(GreenChannelRequests::row).optional();
    }

    /** The booking of the referral that waits for approval, if any. */
    Optional<GreenChannelRequest> pendingOf(long hospitalId, long referralId) {
        return jdbc.sql(SELECT + " AND g.referral_id = :r AND g.status = 'PENDING'").param("h", hospitalId)
                .param("r", referralId).query(GreenChannelRequests::row).optional();
    }

    /** A page of the hospital's requests in that status (null: all), the longest waiting first. */
    Paged<GreenChannelRequest> page(long hospitalId, GreenChannelRequest.Status status, int page, int size) {
        String where = status == null ? "" : " AND g.status = :s";
        var count = jdbc.sql("SELECT count(*) FROM green_channel_request g WHERE g.hospital_id = :h" + where)
                .param("h", hospitalId);
        var items = jdbc.sql(SELECT + where + " ORDER BY g.status <> 'PENDING', g.requested_at, g.id"
                        + " LIMIT :size OFFSET :offset")
                .param("h", hospitalId).param("size", size).param("offset", (long) page * size);
        if (status != null) {
            count = count.param("s", status.name());
            items = items.param("s", status.name());
        }
        return new Paged<>(items.query(GreenChannelRequests::row).list(), page, size,
                count.query(Long.class).single());
    }

    void decide(long hospitalId, long id, GreenChannelRequest.Status status, String by, String note, Instant at) {
        jdbc.sql("""
                        UPDATE green_channel_request SET status = :s, decided_by = :by, decided_at = :at, note = :n
                        WHERE hospital_id = :h AND id = :id""")
                .param("s", status.name()).param("by", by).param("at", utc(at)).param("n", note)
                .param("h", hospitalId).param("id", id).update();
    }

    /**
     * Holds the transaction's lock on the channel's green-channel slots, so that two clerks booking at once never
     * both take the last slot.
     */
    void lockSlots(long hospitalId, long channelId) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended('green-channel:' || CAST(:h AS text)"
                        + " || ':' || CAST(:c AS text), 0))) AS locked")
                .param("h", hospitalId).param("c", channelId).query(Integer.class).single();
    }

    private static GreenChannelRequest row(ResultSet rs, int i) throws SQLException {
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        return new GreenChannelRequest(rs.getLong("id"), rs.getLong("referral_id"), rs.getLong("channel_id"),
                rs.getString("channel_name"), new Appointment(rs.getDate("appointment_date").toLocalDate(),
                rs.getString("appointment_department"), rs.getString("appointment_doctor")),
                rs.getInt("quota"), rs.getInt("used"), rs.getString("requested_by"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                GreenChannelRequest.Status.valueOf(rs.getString("status")), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("note"));
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
