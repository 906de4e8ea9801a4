package org.meridian.referral;

import java.util.EnumSet;
import java.util.Set;

/**
 * A step of the referral desk and the statuses it may be taken from (docs/referrals.md). Scheduling a referral that
 * was not accepted yet accepts it too: the engine's ACCEPTED means "accepted or scheduled" (受理/预约).
 */
public enum ReferralStep {
    ACCEPT(ReferralStatus.ACCEPTED, EnumSet.of(ReferralStatus.SUBMITTED)),
    SCHEDULE(ReferralStatus.SCHEDULED, EnumSet.of(ReferralStatus.SUBMITTED, ReferralStatus.ACCEPTED)),
    ARRIVE(ReferralStatus.ARRIVED, EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.SCHEDULED)),
    CONVERT(ReferralStatus.CONVERTED, EnumSet.of(ReferralStatus.ARRIVED)),
    DECLINE(ReferralStatus.DECLINED,
            EnumSet.of(ReferralStatus.SUBMITTED, ReferralStatus.ACCEPTED, ReferralStatus.SCHEDULED));

    private final ReferralStatus to;
    private final Set<ReferralStatus> from;

    ReferralStep(ReferralStatus to, Set<ReferralStatus> from) {
        this.to = to;
        this.from = from;
    }

    public ReferralStatus to() {
        return to;
    }

    /** Whether the step may be taken from a referral in that status. */
    public boolean allowedFrom(ReferralStatus status) {
        return from.contains(status);
    }
}
