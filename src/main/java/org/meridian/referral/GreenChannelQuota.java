package org.meridian.referral;

import java.time.YearMonth;

/**
 * A channel's green-channel slots (绿色通道号源) in one month: its tier's monthly priority quota (the tier standard's
 * 优先号源/月; 0 for a channel without a tier) and the slots it used — its green-channel appointments dated in that
 * month, of referrals not declined. More than the quota can be used only with a hospital manager's approval.
 *
 * @param tier     the channel's tier code, null when it has none
 * @param tierName the tier's name (e.g. 核心), null when it has none
 */
public record GreenChannelQuota(YearMonth month, String tier, String tierName, int quota, int used) {

    /** The slots left this month; 0 when the quota is used up (or was exceeded with approval). */
    public int left() {
        return Math.max(0, quota - used);
    }

    /** Whether one more green-channel booking fits the quota. */
    public boolean fits() {
        return used < quota;
    }
}
