package org.meridian.insight.forecast;

import org.meridian.shared.tenant.HospitalSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forecasts when a month closes (月度重算): every hour at minute 20, for each hospital where it is now between 03:00
 * and 03:59 local time ({@link HospitalSchedule}), the forecasts are computed by {@code system:forecast} when a month
 * has closed since they were last computed — so on the first day of a month at 03:20, or on the next day if the
 * application was down then; on other days it finds them up to date and does nothing. A failure of one hospital is
 * logged and does not stop the others.
 */
@Component
class ForecastSchedule {

    static final String ACTOR = "forecast";
    static final int HOUR = 3;
    private static final Logger log = LoggerFactory.getLogger(ForecastSchedule.class);

    private final ForecastBook book;
    private final HospitalSchedule schedule;
    private final boolean enabled;

    ForecastSchedule(ForecastBook book, HospitalSchedule schedule,
                     @Value("${meridian.insight.forecasts:true}") boolean enabled) {
        this.book = book;
        this.schedule = schedule;
        this.enabled = enabled;
    }

    @Scheduled(cron = "0 20 * * * *")
    void hourly() {
        if (enabled) {
            schedule.daily(HOUR, ACTOR, (actor, today) -> book.computeIfMonthClosed(actor).ifPresent(run ->
                    log.info("Forecasts of hospital {} computed up to {}", actor.hospitalId(), run.lastMonth())));
        }
    }
}
