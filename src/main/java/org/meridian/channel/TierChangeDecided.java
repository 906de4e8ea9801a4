package org.meridian.channel;

import java.time.Instant;

/**
 * A tier change was settled (分级调整结果): applied at once (a first tier or an upgrade: {@code APPLIED}), or a waiting
 * downgrade approved or rejected by a hospital manager ({@code APPROVED}, {@code REJECTED}). Published by
 * {@link TierChangeWorkflow} in the step's transaction. With {@code APPLIED} and {@code APPROVED} the channel's tier
 * is now {@code toTier}.
 *
 * @param fromTier    the tier's name before (the catalogue's name, else its code); null: the channel had none
 * @param toTier      the requested tier's name
 * @param requestedBy who asked for it; {@code decidedBy} who decided it (the requester for {@code APPLIED})
 */
public record TierChangeDecided(long hospitalId, long tierChangeId, long channelId, String channelCode,
                                String channelName, String fromTier, String toTier, TierChangeStatus status,
                                String requestedBy, String decidedBy, Instant at) {

    /** Whether the channel's tier changed by it. */
    public boolean effective() {
        return status == TierChangeStatus.APPLIED || status == TierChangeStatus.APPROVED;
    }
}
