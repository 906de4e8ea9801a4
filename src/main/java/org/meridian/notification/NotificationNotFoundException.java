package org.meridian.notification;

import org.meridian.shared.problem.NotFoundException;

/** No notification with that id belongs to the caller in this hospital (404). */
public class NotificationNotFoundException extends NotFoundException {

    public NotificationNotFoundException(long id) {
        super("notification", "notification", id, "notification.problem.notFound");
    }
}
