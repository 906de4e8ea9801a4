package org.meridian.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users' contacts and choices, tables {@code notification_contact} and {@code notification_preference}. */
@Repository
class Preferences {

    /** Where a user's notifications go outside Meridian; each part null when not set. */
    record Contact(String email, WebhookFormat webhookFormat, String webhookUrl, String webhookSecret) {

        static final Contact NONE = new Contact(null, null, null, null);

        Optional<String> address(DeliveryWay way) {
            return Optional.ofNullable(way == DeliveryWay.EMAIL ? email : webhookUrl);
        }
    }

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Contact contact(long hospitalId, String username) {
        return jdbc.sql("""
                        SELECT email, webhook_format, webhook_url, webhook_secret FROM notification_contact
                        WHERE hospital_id = :h AND username = :u""")
                .param("h", hospitalId).param("u", username)
                .query((rs, i) -> new Contact(rs.getString(1),
                        rs.getString(2) == null ? null : WebhookFormat.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4)))
                .optional().orElse(Contact.NONE);
    }

    void saveEmail(long hospitalId, String username, String email, Instant now) {
        jdbc.sql("""
                        INSERT INTO notification_contact (hospital_id, username, email, updated_at)
                        VALUES (:h, :u, :e, :now)
                        ON CONFLICT (hospital_id, username) DO UPDATE SET email = :e, updated_at = :now""")
                .param("h", hospitalId).param("u", username).param("e", email)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
    }

    /** Sets the user's robot, or removes it when {@code format} is null. */
    void saveWebhook(long hospitalId, String username, WebhookFormat format, String url, String secret, Instant now) {
        jdbc.sql("""
                        INSERT INTO notification_contact (hospital_id, username, webhook_format, webhook_url,
                                                          webhook_secret, updated_at)
                        VALUES (:h, :u, :f, :url, :secret, :now)
                        ON CONFLICT (hospital_id, username)
                        DO UPDATE SET webhook_format = :f, webhook_url = :url, webhook_secret = :secret,
                                      updated_at = :now""")
                .param("h", hospitalId).param("u", username).param("f", format == null ? null : format.name())
                .param("url", format == null ? null : url).param("secret", format == null ? null : secret)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
    }

    /** The hospital's users with a robot, by username: each with its format and URL. */
    List<DeliveryPreference.Robot> robots(long hospitalId) {
        return jdbc.sql("""
                        SELECT username, webhook_format, webhook_url, webhook_secret IS NOT NULL AS signed
                        FROM notification_contact WHERE hospital_id = :h AND webhook_format IS NOT NULL
                        ORDER BY username""")
                .param("h", hospitalId)
                .query((rs, i) -> new DeliveryPreference.Robot(rs.getString(1), WebhookFormat.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    /** The ways the user chose for {@code kind}. */
    Set<DeliveryWay> ways(long hospitalId, String username, NotificationKind kind) {
        Set<DeliveryWay> ways = EnumSet.noneOf(DeliveryWay.class);
        jdbc.sql("SELECT way FROM notification_preference WHERE hospital_id = :h AND username = :u AND kind = :k")
                .param("h", hospitalId).param("u", username).param("k", kind.name())
                .query(String.class).list().forEach(w -> ways.add(DeliveryWay.valueOf(w)));
        return ways;
    }

    Set<DeliveryPreference.Pick> picks(long hospitalId, String username) {
        return new HashSet<>(jdbc.sql("SELECT kind, way FROM notification_preference WHERE hospital_id = :h AND username = :u")
                .param("h", hospitalId).param("u", username)
                .query((rs, i) -> new DeliveryPreference.Pick(NotificationKind.valueOf(rs.getString(1)),
                        DeliveryWay.valueOf(rs.getString(2))))
                .list());
    }

    /** Replaces every choice of the user by {@code picks}. */
    void replacePicks(long hospitalId, String username, Set<DeliveryPreference.Pick> picks) {
        jdbc.sql("DELETE FROM notification_preference WHERE hospital_id = :h AND username = :u")
                .param("h", hospitalId).param("u", username).update();
        for (DeliveryPreference.Pick p : List.copyOf(picks)) {
            jdbc.sql("INSERT INTO notification_preference (hospital_id, username, kind, way) VALUES (:h, :u, :k, :w)")
                    .param("h", hospitalId).param("u", username).param("k", p.kind().name())
                    .param("w", p.way().name()).update();
        }
    }
}
