package org.meridian.channel;

import java.time.OffsetDateTime;

/** One lifecycle step of a channel with its reason: who moved it from which status to which, and when. */
public record StatusChange(long id, ChannelStatus fromStatus, ChannelStatus toStatus, String reason,
                           String changedBy, OffsetDateTime changedAt) {
}
