package org.meridian.notification;

import org.meridian.appeal.AppealFiled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An appeal was filed: those who decide it hear of it, never its filer ({@link AppealAudience}). Delivered again, it
 * creates nothing twice (one notification per recipient, kind and appeal).
 */
@Component
class NotificationsOnAppealFiled {

    private final AudienceDelivery delivery;

    NotificationsOnAppealFiled(AudienceDelivery delivery) {
        this.delivery = delivery;
    }

    @ApplicationModuleListener
    void on(AppealFiled filed) {
        delivery.deliver(filed.hospitalId(), filed, AppealAudience::filed);
    }
}
