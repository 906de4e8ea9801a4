package org.meridian.region;

import org.meridian.exam.RepeatFiguresChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A month's repeat figures changed: check them against the region's threshold ({@link RepeatAlertWatch#check}).
 * Delivered again, it raises nothing twice (one alert per subject and month).
 */
@Component
class RepeatAlertsOnFigures {

    private final RepeatAlertWatch watch;

    RepeatAlertsOnFigures(RepeatAlertWatch watch) {
        this.watch = watch;
    }

    @ApplicationModuleListener
    void on(RepeatFiguresChanged changed) {
        watch.check(changed);
    }
}
