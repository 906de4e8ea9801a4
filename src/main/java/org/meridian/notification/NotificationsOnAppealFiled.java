package org.meridian.notification;

import java.time.Clock;

import org.meridian.appeal.AppealFiled;
import org.meridian.shared.security.Accounts;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An appeal was filed: those who decide it hear of it, never its filer ({@link AppealAudience}). Delivered again, it
 * creates nothing twice (one notification per recipient, kind and appeal).
 */
@Component
class NotificationsOnAppealFiled {

    private final Inbox inbox;
    private final Accounts accounts;
    private final Clock clock;

    NotificationsOnAppealFiled(Inbox inbox, Accounts accounts, Clock clock) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AppealFiled event) {
        long h = event.hospitalId();
        inbox.deliver(h, AppealAudience.filed(event, accounts.list(h, clock.instant())));
    }
}
