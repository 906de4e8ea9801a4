package org.meridian.channel;

/** A channel's tier took effect: an upgrade or first tier at once, or a downgrade once approved. */
public record ChannelTierChanged(long hospitalId, long channelId, String channelCode, String fromTier,
                                 String toTier, TierChangeSource source, long tierChangeId) {
}
