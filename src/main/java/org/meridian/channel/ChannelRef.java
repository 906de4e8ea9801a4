package org.meridian.channel;

import org.meridian.shared.UnitType;

/**
 * What other modules need to know of a channel: its id and code, name, type, status, current tier
 * ({@code null} when it has none yet) and region path (市/区/街道, may be null).
 */
public record ChannelRef(long id, String code, String name, UnitType type, ChannelStatus status, String tier,
                         String region) {
}
