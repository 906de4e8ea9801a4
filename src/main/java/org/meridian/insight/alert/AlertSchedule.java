package org.meridian.insight.alert;

import org.meridian.shared.tenant.HospitalSchedule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily alert scan (每日预警检查): every hour at minute 40, for each hospital where it is now between 02:00 and
 * 02:59 local time ({@link HospitalSchedule}), the last 7 days up to yesterday are scanned by the system actor
 * {@code system:alert-scan}. A failure of one hospital is logged and does not stop the others.
 */
@Component
class AlertSchedule {

    static final String ACTOR = "alert-scan";
    static final int HOUR = 2;

    private final AlertWatch watch;
    private final HospitalSchedule schedule;
    private final boolean enabled;

    AlertSchedule(AlertWatch watch, HospitalSchedule schedule,
                  @Value("${meridian.insight.alert-scan:true}") boolean enabled) {
        this.watch = watch;
        this.schedule = schedule;
        this.enabled = enabled;
    }

    @Scheduled(cron = "0 40 * * * *")
    void daily() {
        if (enabled) {
            schedule.daily(HOUR, ACTOR, watch::scanYesterday);
        }
    }
}
