package org.meridian.incentive;

import java.time.Instant;

/**
 * A sanction (惩戒) computed for a channel from the tiers of its published evaluations: the level the
 * sanction rule gives after {@code streak} consecutive periods in the lowest tier, and what became of it.
 *
 * @param status  NOTED (a warning, recorded), APPLIED (the channel was put on probation through its lifecycle),
 *                UNCHANGED (nothing to do, see {@code outcome}), PENDING (a termination recommendation waiting for a
 *                hospital manager), TERMINATED or DECLINED (decided by that person), SUPERSEDED (a pending
 *                recommendation of an older evaluation version)
 * @param outcome what was done or why nothing was, in English for the audit trail (the pages show the status)
 */
public record Sanction(long id, String channelCode, String unitType, String period, long evaluationId,
                       int evaluationVersion, String ruleCode, int ruleVersion, String lowestTier, String level,
                       int streak, String status, String outcome, String decidedBy, Instant decidedAt,
                       String decisionNote, Instant createdAt) {

    public boolean pending() {
        return "PENDING".equals(status);
    }
}
