package org.meridian.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The trail of tier changes per channel. */
@Repository
class TierChanges {

    private static final String SELECT = """
            SELECT x.id, x.channel_id, c.code, c.name, x.from_tier, x.to_tier, x.direction, x.reason, x.source,
                   x.source_ref, x.status, x.requested_by, x.requested_by_id, x.requested_at, x.decided_by,
                   x.decided_at, x.decision_note
            FROM channel_tier_change x JOIN channel c ON c.hospital_id = x.hospital_id AND c.id = x.channel_id
            """;

    private final JdbcClient jdbc;

    TierChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long hospitalId, long channelId, String from, String to, TierDirection direction, String reason,
                TierChangeSource source, String sourceRef, TierChangeStatus status, String actor, Long actorId,
                Instant at) {
        return jdbc.sql("""
                        INSERT INTO channel_tier_change (hospital_id, channel_id, from_tier, to_tier, direction, reason,
                            source, source_ref, status, requested_by, requested_by_id, requested_at)
                        VALUES (:h, :c, :from, :to, :dir, :reason, :source, :ref, :status, :actor, :actorId, :at)
                        RETURNING id""")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("h", hospitalId).param("c", channelId).param("from", from).param("to", to)
                .param("dir", direction.name()).param("reason", reason).param("source", source.name())
                .param("ref", sourceRef).param("status", status.name()).param("actor", actor)
                .param("actorId", actorId)
                .query(Long.class).single();
    }

    Optional<TierChange> find(long hospitalId, long id) {
        return jdbc.sql(SELECT + " WHERE x.hospital_id = :h AND x.id = :id").param("h", hospitalId).param("id", id)
                .query(TierChanges::map).optional();
    }

    Optional<TierChange> pendingOf(long hospitalId, long channelId) {
        return jdbc.sql(SELECT + " WHERE x.hospital_id = :h AND x.channel_id = :c AND x.status = 'PENDING'")
                .param("h", hospitalId).param("c", channelId).query(TierChanges::map).optional();
    }

    List<TierChange> ofChannel(long hospitalId, long channelId) {
        return jdbc.sql(SELECT + " WHERE x.hospital_id = :h AND x.channel_id = :c ORDER BY x.requested_at DESC, x.id DESC")
                .param("h", hospitalId).param("c", channelId).query(TierChanges::map).list();
    }

    List<TierChange> pending(long hospitalId) {
        return jdbc.sql(SELECT + " WHERE x.hospital_id = :h AND x.status = 'PENDING' ORDER BY x.requested_at, x.id")
                .param("h", hospitalId).query(TierChanges::map).list();
    }

    long countPending(long hospitalId) {
        return jdbc.sql("SELECT count(*) FROM channel_tier_change WHERE hospital_id = :h AND status = 'PENDING'")
                .param("h", hospitalId).query(Long.class).single();
    }

    void decide(long hospitalId, long id, TierChangeStatus status, String actor, String note, Instant at) {
        jdbc.sql("""
                        UPDATE channel_tier_change SET status = :s, decided_by = :actor, decided_at = :at,
                            decision_note = :note
                        WHERE hospital_id = :h AND id = :id""")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("s", status.name()).param("actor", actor).param("note", note)
                .param("h", hospitalId).param("id", id).update();
    }

    static TierChange map(ResultSet rs, int row) throws SQLException {
        return new TierChange(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), TierDirection.valueOf(rs.getString(7)), rs.getString(8),
                TierChangeSource.valueOf(rs.getString(9)), rs.getString(10), TierChangeStatus.valueOf(rs.getString(11)),
                rs.getString(12), rs.getObject(13, Long.class), rs.getObject(14, OffsetDateTime.class),
                rs.getString(15), rs.getObject(16, OffsetDateTime.class), rs.getString(17));
    }
}
