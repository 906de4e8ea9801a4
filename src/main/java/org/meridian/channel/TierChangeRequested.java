package org.meridian.channel;

import java.time.Instant;

/**
 * A downgrade was asked for and waits for a hospital manager (降级待审批). Published by {@link TierChangeWorkflow} in the
 * request's transaction; a first tier or an upgrade, applied at once, is told by {@link TierChangeDecided} instead.
 *
 * @param fromTier    the tier's name as people read it (the catalogue's name, else its code); null: the channel had none
 * @param toTier      the requested tier's name
 * @param requestedBy the username who asked; they may not decide it (four eyes)
 */
public record TierChangeRequested(long hospitalId, long tierChangeId, long channelId, String channelCode,
                                  String channelName, String fromTier, String toTier, String requestedBy, Instant at) {
}
