package org.meridian.insight.forecast;

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
 * Forecasts when a month closes (月度重算): every hour at minute 20, for each hospital where it is now between 03:00
 * and 03:59 local time (read from the injected {@link Clock}), the forecasts are computed by {@code system:forecast}
 * when a month has closed since they were last computed — so on the first day of a month at 03:20, or on the next
 * day if the application was down then; on other days it finds them up to date and does nothing. A failure of one
 * hospital is logged and does not stop the others.
 */
@Component
class ForecastSchedule {

    static final String ACTOR = "forecast";
    private static final Logger log = LoggerFactory.getLogger(ForecastSchedule.class);

    private final ForecastBook book;
    private final Hospitals hospitals;
    private final Clock clock;
    private final boolean enabled;

    ForecastSchedule(ForecastBook book, Hospitals hospitals, Clock clock,
                     @Value("${meridian.insight.forecasts:true}") boolean enabled) {
        this.book = book;
        this.hospitals = hospitals;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(cron = "0 20 * * * *")
    void hourly() {
        if (!enabled) {
            return;
        }
        for (Hospital h : hospitals.all()) {
            ZonedDateTime local = clock.instant().atZone(h.timeZone());
            if (local.getHour() == 3) {
                try {
                    book.computeIfMonthClosed(Actor.system(h.id(), ACTOR))
                            .ifPresent(run -> log.info("Forecasts of hospital {} computed up to {}", h.code(),
                                    run.lastMonth()));
                } catch (RuntimeException e) {
                    log.error("The forecasts of hospital {} failed", h.code(), e);
                }
            }
        }
    }
}
