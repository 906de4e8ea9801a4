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
    record Contact(String email, WebhookFormat webhookFormat, String webhookUrl) {

        static final Contact NONE = new Contact(null, null, null);

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
                        SELECT email, webhook_format, webhook_url FROM notification_contact
                        WHERE hospital_id = :h AND username = :u""")
                .param("h", hospitalId).param("u", username)
                .query((rs, i) -> new Contact(rs.getString(1),
                        rs.getString(2) == null ? null : WebhookFormat.valueOf(rs.getString(2)), rs.getString(3)))
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

    void saveWebhook(long hospitalId, String username, WebhookFormat format, String url, Instant now) {
        jdbc.sql("""
                        INSERT INTO notification_contact (hospital_id, username, webhook_format, webhook_url, updated_at)
                        VALUES (:h, :u, :f, :url, :now)
                        ON CONFLICT (hospital_id, username)
                        DO UPDATE SET webhook_format = :f, webhook_url = :url, updated_at = :now""")
                .param("h", hospitalId).param("u", username).param("f", format == null ? null : format.name())
                .param("url", url).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
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
