package org.meridian.notification;

import java.time.Clock;

import org.meridian.appeal.AppealDecided;
import org.meridian.shared.security.Accounts;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An appeal was decided: the appealed channel's own users hear the outcome ({@link AppealAudience}). Delivered
 * again, it creates nothing twice (one notification per recipient, kind and appeal).
 */
@Component
class NotificationsOnAppealDecided {

    private final Inbox inbox;
    private final Accounts accounts;
    private final Clock clock;

    NotificationsOnAppealDecided(Inbox inbox, Accounts accounts, Clock clock) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AppealDecided event) {
        long h = event.hospitalId();
        inbox.deliver(h, AppealAudience.decided(event, accounts.list(h, clock.instant())));
    }
}
