package org.meridian.insight.forecast;

import org.meridian.shared.Actor;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's forecasts (demo mode only, after the demo events of {@code @Order(40)}): computed once for the demo
 * hospital as the monthly schedule would have left them, unless they are up to date already.
 */
@Component
@Order(63)
@ConditionalOnBooleanProperty("meridian.demo")
class ForecastDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ForecastDemoData.class);

    private final ForecastBook book;
    private final Hospitals hospitals;

    ForecastDemoData(ForecastBook book, Hospitals hospitals) {
        this.book = book;
        this.hospitals = hospitals;
    }

    @Override
    public void run(ApplicationArguments args) {
        Hospital h = hospitals.all().get(0);
        book.computeIfMonthClosed(Actor.system(h.id(), "forecast-demo"))
                .ifPresent(run -> log.info("Demo forecasts: {} channel(s) up to {}", run.channels(), run.lastMonth()));
    }
}
