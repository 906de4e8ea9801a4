package org.meridian.rectification;

import java.time.Clock;

import org.meridian.shared.Actor;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The morning check of overdue rectification actions (整改逾期检查): every hour at minute 50, for each hospital where
 * it is now between 07:00 and 07:59 local time (read from the injected {@link Clock}), the actions that became
 * overdue are told ({@link RectificationWorkflow#tellOverdue}) by the system actor {@code system:overdue-check}. An
 * action missed on one morning (Meridian was down) is told on the next, since each is told until recorded. A failure
 * of one hospital is logged and does not stop the others.
 */
@Component
class OverdueCheck {

    static final String ACTOR = "overdue-check";
    static final int HOUR = 7;
    private static final Logger log = LoggerFactory.getLogger(OverdueCheck.class);

    private final RectificationWorkflow workflow;
    private final Hospitals hospitals;
    private final Clock clock;
    private final boolean enabled;

    OverdueCheck(RectificationWorkflow workflow, Hospitals hospitals, Clock clock,
                 @Value("${meridian.rectification.overdue-check:true}") boolean enabled) {
        this.workflow = workflow;
        this.hospitals = hospitals;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(cron = "0 50 * * * *")
    void morning() {
        if (enabled) {
            hospitals.all().stream().filter(this::morningIn).forEach(this::tell);
        }
    }

    private boolean morningIn(Hospital h) {
        return clock.instant().atZone(h.timeZone()).getHour() == HOUR;
    }

    private void tell(Hospital h) {
        try {
            workflow.tellOverdue(Actor.system(h.id(), ACTOR));
        } catch (RuntimeException e) {
            log.error("The overdue check of hospital {} failed", h.code(), e);
        }
    }
}
