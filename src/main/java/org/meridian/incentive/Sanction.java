package org.meridian.incentive;

import java.time.Instant;

/**
 * A sanction (惩戒) computed for a channel from the tiers of its published evaluations: the level the
 * sanction rule gives after {@code streak} consecutive periods in the lowest tier, and what became of it.
 *
 * @param status  NOTED (a warning, recorded), APPLIED (the channel was put on probation through its lifecycle),
 *                UNCHANGED (nothing to do, see {@code outcome}), PENDING (a termination recommendation waiting for a
 *                hospital manager), TERMINATED or DECLINED (decided by that person), SUPERSEDED (a pending
 *                recommendation of an older evaluation version of its period, or one that a later period's
 *                recommendation took over: see {@code supersededPeriod}), RETIRED (a termination recommendation that
 *                a later period contradicts: the channel was no longer in the lowest tier then)
 * @param outcome what was done or why nothing was, in English for the audit trail (the pages show the status)
 * @param retiredPeriod of a RETIRED recommendation, the later period whose published evaluation put the channel in
 *                      {@code retiredTier}, which is not the lowest; null otherwise
 * @param supersededPeriod of a termination recommendation SUPERSEDED by a later period's recommendation for the same
 *                         channel (the channel stayed in the lowest tier), that later period; null otherwise
 */
public record Sanction(long id, String channelCode, String unitType, String period, long evaluationId,
                       int evaluationVersion, String ruleCode, int ruleVersion, String lowestTier, String level,
                       int streak, String status, String outcome, String decidedBy, Instant decidedAt,
                       String decisionNote, Instant createdAt, String retiredPeriod, String retiredTier,
                       Instant retiredAt, String supersededPeriod) {

    public boolean pending() {
        return "PENDING".equals(status);
    }

    /** A termination recommendation that a later period's recommendation took over (see {@code supersededPeriod}). */
    public boolean supersededByLater() {
        return "SUPERSEDED".equals(status) && supersededPeriod != null;
    }

    /** A termination recommendation that a later period contradicts (see {@code retiredPeriod}). */
    public boolean retired() {
        return "RETIRED".equals(status);
    }
}
