package org.meridian.notification;

import org.meridian.appeal.AppealDecided;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An appeal was decided: the appealed channel's own users hear the outcome ({@link AppealAudience}). Delivered
 * again, it creates nothing twice (one notification per recipient, kind and appeal).
 */
@Component
class NotificationsOnAppealDecided {

    private final AudienceDelivery delivery;

    NotificationsOnAppealDecided(AudienceDelivery delivery) {
        this.delivery = delivery;
    }

    @ApplicationModuleListener
    void on(AppealDecided decided) {
        delivery.deliver(decided.hospitalId(), decided, AppealAudience::decided);
    }
}
