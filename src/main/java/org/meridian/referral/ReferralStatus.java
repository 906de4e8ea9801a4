package org.meridian.referral;

import java.util.Set;

/**
 * Where a referral stands (转诊进度): submitted by the channel (待受理), accepted (已受理), scheduled (已预约), the
 * patient arrived (已到诊), converted (已转化), or declined by the desk (已拒绝).
 */
public enum ReferralStatus {
    SUBMITTED, ACCEPTED, SCHEDULED, ARRIVED, CONVERTED, DECLINED;

    /** The referrals still waiting for the desk's first answer: the response-time clock runs. */
    public static final Set<ReferralStatus> WAITING = Set.of(SUBMITTED);

    /** Whether the desk still has a step to take. */
    public boolean open() {
        return this != CONVERTED && this != DECLINED;
    }
}
