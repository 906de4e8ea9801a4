package org.meridian.channel;

/** A channel was registered (by hand, by the API, by an import or by the demo data). */
public record ChannelRegistered(long hospitalId, ChannelRef channel) {
}
