package org.meridian.notification;

import java.time.Clock;

import org.meridian.rectification.RectificationActionsOverdue;
import org.meridian.shared.security.Accounts;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Rectification actions became overdue: the channel office hears of each, a channel's own users of their channel's
 * ({@link OverdueAudience}). Delivered again, it creates nothing twice (one notification per recipient, kind and
 * action).
 */
@Component
class NotificationsOnOverdueActions {

    private final Inbox inbox;
    private final Accounts accounts;
    private final Clock clock;

    NotificationsOnOverdueActions(Inbox inbox, Accounts accounts, Clock clock) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(RectificationActionsOverdue overdue) {
        long h = overdue.hospitalId();
        inbox.deliver(h, OverdueAudience.of(overdue, accounts.list(h, clock.instant())));
    }
}
