package org.meridian.notification;

import org.meridian.rectification.RectificationActionsOverdue;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Rectification actions became overdue: the channel office hears of each, a channel's own users of their channel's
 * ({@link OverdueAudience}). Delivered again, it creates nothing twice (one notification per recipient, kind and
 * action).
 */
@Component
class NotificationsOnOverdueActions {

    private final AudienceDelivery delivery;

    NotificationsOnOverdueActions(AudienceDelivery delivery) {
        this.delivery = delivery;
    }

    @ApplicationModuleListener
    void on(RectificationActionsOverdue overdue) {
        delivery.deliver(overdue.hospitalId(), overdue, OverdueAudience::of);
    }
}
