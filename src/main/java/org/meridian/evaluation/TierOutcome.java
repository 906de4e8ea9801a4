package org.meridian.evaluation;

/**
 * What applying an evaluation's recommended tier did for one channel.
 *
 * @param outcome      APPLIED (a first tier or an upgrade took effect), PENDING (a downgrade waits for a hospital
 *                     manager), or why nothing was asked: UNRATED, SAME, ALREADY_PENDING, UNKNOWN_TIER, TERMINATED
 * @param tierChangeId the tier change asked for, null when nothing was asked
 */
public record TierOutcome(String channel, String fromTier, String toTier, Outcome outcome, Long tierChangeId) {

    public enum Outcome {
        APPLIED, PENDING, UNRATED, SAME, ALREADY_PENDING, UNKNOWN_TIER, TERMINATED
    }
}
