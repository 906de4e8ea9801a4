package org.meridian.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.meridian.shared.web.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox, table {@code notification_delivery}; every query but the sender's scan names the hospital. */
@Repository
class Deliveries {

    private static final String COLUMNS = """
            id, recipient, kind, way, subject, status, attempts, next_attempt_at, last_error, created_at, sent_at""";
    private static final int ERROR_LENGTH = 500;

    /** A delivery the sender claimed: what it needs to send it. */
    record Due(long hospitalId, long id, String recipient, DeliveryWay way, String subject, String body, String link,
               int attempts) {
    }

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a delivery due at once, unless the notification already has one by that way. */
    boolean insertIfAbsent(long hospitalId, long notificationId, String recipient, NotificationKind kind,
                           DeliveryWay way, String subject, String body, String link, Instant now) {
        return jdbc.sql("""
                        INSERT INTO notification_delivery (hospital_id, notification_id, recipient, kind, way, subject,
                                                           body, link, status, next_attempt_at, created_at)
                        VALUES (:h, :n, :r, :k, :w, :s, :b, :l, 'PENDING', :now, :now)
                        ON CONFLICT (hospital_id, notification_id, way) DO NOTHING""")
                .param("h", hospitalId).param("n", notificationId).param("r", recipient).param("k", kind.name())
                .param("w", way.name()).param("s", subject).param("b", body).param("l", link)
                .param("now", utc(now))
                .update() == 1;
    }

    /**
     * Claims up to {@code limit} pending deliveries due at {@code now}, of every hospital, by moving their next
     * attempt to {@code leaseUntil}: a sender that dies while sending leaves them to be tried again then, and two
     * senders never claim the same one (rows locked by another are skipped).
     */
    List<Due> claim(Instant now, Instant leaseUntil, int limit) {
        return claim(null, now, leaseUntil, limit);
    }

    /** As {@link #claim(Instant, Instant, int)}, of one hospital only ({@code null}: every hospital). */
    List<Due> claim(Long hospitalId, Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        UPDATE notification_delivery d SET next_attempt_at = :lease
                        FROM (SELECT hospital_id, id FROM notification_delivery
                              WHERE status = 'PENDING' AND next_attempt_at <= :now
                                AND (CAST(:h AS bigint) IS NULL OR hospital_id = :h)
                              ORDER BY next_attempt_at, id LIMIT :limit
                              FOR UPDATE SKIP LOCKED) due
                        WHERE d.hospital_id = due.hospital_id AND d.id = due.id
                        RETURNING d.hospital_id, d.id, d.recipient, d.way, d.subject, d.body, d.link, d.attempts""")
                .param("now", utc(now)).param("lease", utc(leaseUntil)).param("limit", limit)
                .param("h", hospitalId)
                .query((rs, i) -> new Due(rs.getLong("hospital_id"), rs.getLong("id"), rs.getString("recipient"),
                        DeliveryWay.valueOf(rs.getString("way")), rs.getString("subject"), rs.getString("body"),
                        rs.getString("link"), rs.getInt("attempts")))
                .list();
    }

    void sent(long hospitalId, long id, Instant at) {
        jdbc.sql("""
                        UPDATE notification_delivery
                        SET status = 'SENT', attempts = attempts + 1, sent_at = :at, last_error = NULL
                        WHERE hospital_id = :h AND id = :id""")
                .param("h", hospitalId).param("id", id).param("at", utc(at)).update();
    }

    /** Records a failed attempt: pending again at {@code next}, or failed for good when {@code next} is empty. */
    void failed(long hospitalId, long id, String error, Optional<Instant> next, Instant at) {
        jdbc.sql("""
                        UPDATE notification_delivery
                        SET attempts = attempts + 1, last_error = :e, status = :s,
                            next_attempt_at = COALESCE(CAST(:next AS timestamptz), next_attempt_at)
                        WHERE hospital_id = :h AND id = :id""")
                .param("h", hospitalId).param("id", id)
                .param("e", error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error)
                .param("s", next.isPresent() ? DeliveryStatus.PENDING.name() : DeliveryStatus.FAILED.name())
                .param("next", next.map(Deliveries::utc).orElse(null))
                .update();
    }

    /** Makes a delivery that is not sent due at {@code now} again; false when there is none such in the hospital. */
    boolean retryNow(long hospitalId, long id, Instant now) {
        return jdbc.sql("""
                        UPDATE notification_delivery SET status = 'PENDING', next_attempt_at = :now
                        WHERE hospital_id = :h AND id = :id AND status <> 'SENT'""")
                .param("h", hospitalId).param("id", id).param("now", utc(now)).update() == 1;
    }

    Optional<Delivery> find(long hospitalId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_delivery WHERE hospital_id = :h AND id = :id")
                .param("h", hospitalId).param("id", id).query(Deliveries::row).optional();
    }

    /** The hospital's deliveries in {@code statuses}, newest first. */
    Paged<Delivery> page(long hospitalId, Set<DeliveryStatus> statuses, int page, int size) {
        List<String> names = statuses.stream().map(Enum::name).toList();
        long total = jdbc.sql("SELECT count(*) FROM notification_delivery WHERE hospital_id = :h AND status IN (:s)")
                .param("h", hospitalId).param("s", names).query(Long.class).single();
        List<Delivery> items = jdbc.sql("SELECT " + COLUMNS + """
                         FROM notification_delivery WHERE hospital_id = :h AND status IN (:s)
                        ORDER BY created_at DESC, id DESC LIMIT :size OFFSET :offset""")
                .param("h", hospitalId).param("s", names).param("size", size).param("offset", (long) page * size)
                .query(Deliveries::row).list();
        return new Paged<>(items, page, size, total);
    }

    private static Delivery row(ResultSet rs, int i) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getString("recipient"), NotificationKind.valueOf(rs.getString("kind")),
                DeliveryWay.valueOf(rs.getString("way")), rs.getString("subject"),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getString("last_error"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
