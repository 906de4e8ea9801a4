package org.meridian.notification;

import java.time.Clock;

import org.meridian.referral.ReferralProgressed;
import org.meridian.shared.security.Accounts;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A referral came one step further: the desk hears of a new referral, the channel's own users of every step the
 * desk takes ({@link ReferralAudience}). Delivered again, it creates nothing twice (one notification per recipient,
 * kind and referral).
 */
@Component
class NotificationsOnReferral {

    private final Inbox inbox;
    private final Accounts accounts;
    private final Clock clock;

    NotificationsOnReferral(Inbox inbox, Accounts accounts, Clock clock) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ReferralProgressed progressed) {
        long h = progressed.hospitalId();
        inbox.deliver(h, ReferralAudience.of(progressed, accounts.list(h, clock.instant())));
    }
}
