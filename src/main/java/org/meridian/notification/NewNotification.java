package org.meridian.notification;

import java.util.List;
import java.util.Objects;

/** A notification to be delivered to {@code recipient} (a username of the hospital), unless it already was. */
record NewNotification(String recipient, NotificationKind kind, long sourceId, String messageKey, List<String> args,
                       String link) {

    NewNotification {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageKey, "messageKey");
        args = List.copyOf(args);
        Notification.checkLink(link);
    }
}
