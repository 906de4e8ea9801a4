package org.meridian.notification;

import java.sql.Array;
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

/**
 * The {@code notification} table; every query names the hospital, and the recipient but where work done settles the
 * notifications that asked everyone for it.
 */
@Repository
class Notifications {

    private static final String COLUMNS = """
            id, recipient, kind, source_id, message_key, message_args, link, created_at, read_at""";

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the notification unless the recipient already has one of that kind from that source; its new id. */
    Optional<Long> insertIfAbsent(long hospitalId, NewNotification n, Instant now) {
        return jdbc.sql("""
                        INSERT INTO notification (hospital_id, recipient, kind, source_id, message_key, message_args,
                                                  link, created_at)
                        VALUES (:h, :r, :k, :s, :key, :args, :link, :now)
                        ON CONFLICT (hospital_id, recipient, kind, source_id) DO NOTHING
                        RETURNING id""")
                .param("h", hospitalId).param("r", n.recipient()).param("k", n.kind().name())
                .param("s", n.sourceId()).param("key", n.messageKey())
                .param("args", n.args().toArray(String[]::new)).param("link", n.link())
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query(Long.class).optional();
    }

    Paged<Notification> page(long hospitalId, String recipient, ReadFilter filter, int page, int size) {
        String where = "hospital_id = :h AND recipient = :r" + switch (filter == null ? "" : filter.name()) {
            case "UNREAD" -> " AND read_at IS NULL";
            case "READ" -> " AND read_at IS NOT NULL";
            default -> "";
        };
        long total = jdbc.sql("SELECT count(*) FROM notification WHERE " + where)
                .param("h", hospitalId).param("r", recipient).query(Long.class).single();
        List<Notification> items = jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE " + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :size OFFSET :offset")
                .param("h", hospitalId).param("r", recipient)
                .param("size", size).param("offset", (long) page * size)
                .query(Notifications::row).list();
        return new Paged<>(items, page, size, total);
    }

    long unread(long hospitalId, String recipient) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE hospital_id = :h AND recipient = :r AND read_at IS NULL")
                .param("h", hospitalId).param("r", recipient).query(Long.class).single();
    }

    Optional<Notification> find(long hospitalId, String recipient, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE hospital_id = :h AND recipient = :r AND id = :id")
                .param("h", hospitalId).param("r", recipient).param("id", id)
                .query(Notifications::row).optional();
    }

    /** Marks the recipient's unread notifications read (all of them when id is null); returns how many. */
    int markRead(long hospitalId, String recipient, Long id, Instant now) {
        return jdbc.sql("""
                        UPDATE notification SET read_at = :now
                        WHERE hospital_id = :h AND recipient = :r AND read_at IS NULL
                          AND (CAST(:id AS bigint) IS NULL OR id = :id)""")
                .param("h", hospitalId).param("r", recipient).param("id", id)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }

    /**
     * Marks read, at {@code at}, every recipient's unread notification of this kind and source: the work it asked
     * for is done; returns how many.
     */
    int settle(long hospitalId, NotificationKind kind, long sourceId, Instant at) {
        return jdbc.sql("""
                        UPDATE notification SET read_at = :at
                        WHERE hospital_id = :h AND kind = :k AND source_id = :s AND read_at IS NULL""")
                .param("h", hospitalId).param("k", kind.name()).param("s", sourceId)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    private static Notification row(ResultSet rs, int i) throws SQLException {
        Array args = rs.getArray("message_args");
        return new Notification(rs.getLong("id"), rs.getString("recipient"),
                NotificationKind.valueOf(rs.getString("kind")), rs.getLong("source_id"), rs.getString("message_key"),
                args == null ? List.of() : List.of((String[]) args.getArray()), rs.getString("link"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("read_at", OffsetDateTime.class));
    }
}
