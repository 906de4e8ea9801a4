package org.meridian.notification;

import org.meridian.referral.ReferralProgressed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A referral came one step further: the desk hears of a new referral, the channel's own users of every step the
 * desk takes ({@link ReferralAudience}). Delivered again, it creates nothing twice (one notification per recipient,
 * kind and referral).
 */
@Component
class NotificationsOnReferral {

    private final AudienceDelivery delivery;

    NotificationsOnReferral(AudienceDelivery delivery) {
        this.delivery = delivery;
    }

    @ApplicationModuleListener
    void on(ReferralProgressed progressed) {
        delivery.deliver(progressed.hospitalId(), progressed, ReferralAudience::of);
    }
}
