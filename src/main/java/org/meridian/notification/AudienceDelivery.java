package org.meridian.notification;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.Accounts.Account;
import org.springframework.stereotype.Component;

/** What a listener does with its event: hands the hospital's accounts to the event's audience policy and delivers. */
@Component
class AudienceDelivery {

    private final Inbox inbox;
    private final Accounts accounts;
    private final Clock clock;

    AudienceDelivery(Inbox inbox, Accounts accounts, Clock clock) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Delivers to the hospital's accounts that {@code audience} picks; how many notifications were new. */
    int deliver(long hospitalId, Function<List<Account>, List<NewNotification>> audience) {
        return inbox.deliver(hospitalId, audience.apply(accounts.list(hospitalId, clock.instant())));
    }
}
