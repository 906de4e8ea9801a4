package org.meridian.channel;

import java.math.BigDecimal;

/**
 * One of a hospital's tiers (渠道分级) and its management standard (管理标准): how often its channels
 * are reviewed, how many visits the channel office pays them a year, the incentive rate in percent, the
 * priority quota (e.g. green-channel appointment slots per month, 绿色通道号源/月), the service standards — the
 * response time promised to the tier's referrals (响应时限, average hours from referral to acceptance) and the arrival
 * rate expected of them (到诊率标准, per cent) — and notes.
 * {@code rank} 1 is the best tier; moving to a larger rank is a downgrade.
 */
public record Tier(String code, String name, int rank, ReviewCadence reviewCadence, int visitsPerYear,
                   BigDecimal incentiveRate, int priorityQuota, int responseHours, int arrivalRate, String notes) {

    public Tier {
        if (code == null || code.isBlank() || rank < 1) {
            throw new IllegalArgumentException("a tier needs a code and a rank of at least 1");
        }
    }
}
