package org.meridian.notification.web;

import java.util.Optional;

import org.meridian.notification.Inbox;
import org.meridian.shared.Actor;
import org.meridian.shared.web.TopBarBadge;
import org.springframework.stereotype.Component;

/** The bell in the top bar: the caller's unread notifications, opening the list. */
@Component
class NotificationBell implements TopBarBadge {

    private final Inbox inbox;

    NotificationBell(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public Optional<Shown> shown(Actor actor) {
        return Optional.of(new Shown("topbar-notifications", "/notifications", "notification.bell",
                inbox.unread(actor)));
    }
}
