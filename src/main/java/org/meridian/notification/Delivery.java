package org.meridian.notification;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One notification on its way outside Meridian by one {@link DeliveryWay}: what the administrator's list shows.
 *
 * @param attempts      how many attempts were made so far
 * @param nextAttemptAt when the sender tries next (meaningful while {@link DeliveryStatus#PENDING})
 * @param lastError     why the last attempt failed; null when none failed
 */
public record Delivery(long id, String recipient, NotificationKind kind, DeliveryWay way, String subject,
                       DeliveryStatus status, int attempts, OffsetDateTime nextAttemptAt, String lastError,
                       OffsetDateTime createdAt, OffsetDateTime sentAt) {

    public Delivery {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(way, "way");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
