package org.meridian.insight.alert;

import java.time.Clock;
import java.time.ZonedDateTime;

import org.meridian.shared.Actor;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily alert scan (每日预警检查): every hour at minute 40, for each hospital where it is now between 02:00 and
 * 02:59 local time (read from the injected {@link Clock}), the last 7 days up to yesterday are scanned by the system
 * actor {@code system:alert-scan}. A failure of one hospital is logged and does not stop the others.
 */
@Component
class AlertSchedule {

    static final String ACTOR = "alert-scan";
    private static final Logger log = LoggerFactory.getLogger(AlertSchedule.class);

    private final AlertWatch watch;
    private final Hospitals hospitals;
    private final Clock clock;
    private final boolean enabled;

    AlertSchedule(AlertWatch watch, Hospitals hospitals, Clock clock,
                  @Value("${meridian.insight.alert-scan:true}") boolean enabled) {
        this.watch = watch;
        this.hospitals = hospitals;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(cron = "0 40 * * * *")
    void daily() {
        if (!enabled) {
            return;
        }
        for (Hospital h : hospitals.all()) {
            ZonedDateTime local = clock.instant().atZone(h.timeZone());
            if (local.getHour() == 2) {
                try {
                    watch.scanYesterday(Actor.system(h.id(), ACTOR), local.toLocalDate());
                } catch (RuntimeException e) {
                    log.error("The alert scan of hospital {} failed", h.code(), e);
                }
            }
        }
    }
}
