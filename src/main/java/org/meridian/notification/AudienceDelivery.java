package org.meridian.notification;

import java.time.Clock;
import java.util.List;

import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.Accounts.Account;
import org.springframework.stereotype.Component;

/**
 * What every notification listener does with its event, the one way: hands the event and the hospital's accounts
 * (as they are now) to the event's audience policy and delivers what it picks to the inbox, e.g.
 * {@code delivery.deliver(e.hospitalId(), e, TierChangeAudience::of)}. The inbox creates nothing twice, so an event
 * delivered again adds nothing.
 */
@Component
class AudienceDelivery {

    /** Who hears of an event, picked from the hospital's accounts: a {@code *Audience} policy. */
    @FunctionalInterface
    interface Audience<E> {
        List<NewNotification> of(E event, List<Account> accounts);
    }

    private final Inbox inbox;
    private final Accounts accounts;
    private final Clock clock;

    AudienceDelivery(Inbox inbox, Accounts accounts, Clock clock) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Delivers to the accounts of the hospital that {@code audience} picks for {@code event}; how many were new. */
    <E> int deliver(long hospitalId, E event, Audience<E> audience) {
        return inbox.deliver(hospitalId, audience.of(event, accounts.list(hospitalId, clock.instant())));
    }
}
