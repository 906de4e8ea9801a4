package org.meridian.notification;

import java.time.Clock;

import org.meridian.insight.AlertsRaised;
import org.meridian.shared.security.Accounts;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A scan raised alerts: the channel office hears of each, a channel's own users of their channel's
 * ({@link AlertAudience}). Delivered again, it creates nothing twice (one notification per recipient, kind and alert).
 */
@Component
class NotificationsOnAlert {

    private final Inbox inbox;
    private final Accounts accounts;
    private final Clock clock;

    NotificationsOnAlert(Inbox inbox, Accounts accounts, Clock clock) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AlertsRaised raised) {
        long h = raised.hospitalId();
        inbox.deliver(h, AlertAudience.of(raised, accounts.list(h, clock.instant())));
    }
}
