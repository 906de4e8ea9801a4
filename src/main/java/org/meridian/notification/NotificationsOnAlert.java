package org.meridian.notification;

import org.meridian.insight.AlertsRaised;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A scan raised alerts: the channel office hears of each, a channel's own users of their channel's
 * ({@link AlertAudience}). Delivered again, it creates nothing twice (one notification per recipient, kind and alert).
 */
@Component
class NotificationsOnAlert {

    private final AudienceDelivery delivery;

    NotificationsOnAlert(AudienceDelivery delivery) {
        this.delivery = delivery;
    }

    @ApplicationModuleListener
    void on(AlertsRaised raised) {
        delivery.deliver(raised.hospitalId(), raised, AlertAudience::of);
    }
}
