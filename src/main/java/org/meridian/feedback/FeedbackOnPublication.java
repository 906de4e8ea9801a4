package org.meridian.feedback;

import org.meridian.evaluation.EvaluationPublished;
import org.meridian.shared.Actor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When an evaluation is published, its channels' feedback reports are generated right after the publication
 * commits, in a transaction of their own, as the system: a failure here never undoes the publication. The event is
 * kept in the event publication registry until the reports are made, so a crash in between only delays them to the
 * next start (docs/adr/0004-event-publication-registry.md); delivering it twice changes nothing, because
 * {@link FeedbackReporting#generate} makes only the missing reports. The office can also generate them on demand.
 */
@Component
class FeedbackOnPublication {

    /** Who makes the reports on publication: the system actor {@code system:feedback}, named in the audit trail. */
    static final String SYSTEM = "feedback";

    private final FeedbackReporting reports;

    FeedbackOnPublication(FeedbackReporting reports) {
        this.reports = reports;
    }

    @ApplicationModuleListener
    void on(EvaluationPublished published) {
        reports.generate(Actor.system(published.hospitalId(), SYSTEM), published.evaluationId());
    }
}
