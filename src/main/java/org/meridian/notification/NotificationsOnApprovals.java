package org.meridian.notification;

import org.meridian.channel.TierChangeDecided;
import org.meridian.channel.TierChangeRequested;
import org.meridian.incentive.IncentiveRuleFlagged;
import org.meridian.incentive.StatementMoved;
import org.meridian.incentive.TerminationDecided;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A step of the approval workflows (审批): a tier change requested or settled ({@link TierChangeAudience}); a
 * statement prepared, reviewed or approved, a rule waiting for its compliance sign-off, a termination decided
 * ({@link IncentiveAudience}). Those whose work or channel it is hear of it; delivered again, an event creates nothing
 * twice (one notification per recipient, kind and tier change, statement, rule or sanction).
 */
@Component
class NotificationsOnApprovals {

    private final AudienceDelivery delivery;

    NotificationsOnApprovals(AudienceDelivery delivery) {
        this.delivery = delivery;
    }

    @ApplicationModuleListener
    void on(TierChangeRequested requested) {
        delivery.deliver(requested.hospitalId(), requested, TierChangeAudience::of);
    }

    @ApplicationModuleListener
    void on(TierChangeDecided decided) {
        delivery.deliver(decided.hospitalId(), decided, TierChangeAudience::of);
    }

    @ApplicationModuleListener
    void on(StatementMoved moved) {
        delivery.deliver(moved.hospitalId(), moved, IncentiveAudience::of);
    }

    @ApplicationModuleListener
    void on(IncentiveRuleFlagged flagged) {
        delivery.deliver(flagged.hospitalId(), flagged, IncentiveAudience::of);
    }

    @ApplicationModuleListener
    void on(TerminationDecided decided) {
        delivery.deliver(decided.hospitalId(), decided, IncentiveAudience::of);
    }
}
