package org.meridian.channel;

/** A downgrade was requested and waits for a hospital manager's approval. */
public record TierDowngradeRequested(long hospitalId, long channelId, String channelCode, String fromTier,
                                     String toTier, TierChangeSource source, long tierChangeId) {
}
