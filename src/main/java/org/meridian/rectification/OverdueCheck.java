package org.meridian.rectification;

import org.meridian.shared.tenant.HospitalSchedule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The morning check of overdue rectification actions (整改逾期检查): every hour at minute 50, for each hospital where
 * it is now between 07:00 and 07:59 local time ({@link HospitalSchedule}), the actions that became overdue are told
 * ({@link RectificationWorkflow#tellOverdue}) by the system actor {@code system:overdue-check}. An action missed on one
 * morning (Meridian was down) is told on the next, since each is told until recorded. A failure of one hospital is
 * logged and does not stop the others.
 */
@Component
class OverdueCheck {

    static final String ACTOR = "overdue-check";
    static final int HOUR = 7;

    private final RectificationWorkflow workflow;
    private final HospitalSchedule schedule;
    private final boolean enabled;

    OverdueCheck(RectificationWorkflow workflow, HospitalSchedule schedule,
                 @Value("${meridian.rectification.overdue-check:true}") boolean enabled) {
        this.workflow = workflow;
        this.schedule = schedule;
        this.enabled = enabled;
    }

    @Scheduled(cron = "0 50 * * * *")
    void morning() {
        if (enabled) {
            schedule.daily(HOUR, ACTOR, (actor, today) -> workflow.tellOverdue(actor));
        }
    }
}
