package org.meridian.channel;

/** A channel moved in its lifecycle, e.g. ACTIVE → PROBATION. */
public record ChannelStatusChanged(long hospitalId, long channelId, String channelCode, ChannelStatus from,
                                   ChannelStatus to, String reason) {
}
