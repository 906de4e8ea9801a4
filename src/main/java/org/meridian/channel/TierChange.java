package org.meridian.channel;

import java.time.OffsetDateTime;

/**
 * One tier change (分级调整) of a channel with its trail: from and to which tier, why, where it came from
 * ({@code sourceRef}: e.g. the evaluation's id), who asked and when, and who decided, when and why.
 */
public record TierChange(long id, long channelId, String channelCode, String channelName, String fromTier,
                         String toTier, TierDirection direction, String reason, TierChangeSource source,
                         String sourceRef, TierChangeStatus status, String requestedBy, Long requestedById,
                         OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt,
                         String decisionNote) {

    public boolean pending() {
        return status == TierChangeStatus.PENDING;
    }

    /** Whether the change has taken effect on the channel. */
    public boolean effective() {
        return status == TierChangeStatus.APPLIED || status == TierChangeStatus.APPROVED;
    }
}
