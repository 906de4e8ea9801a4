package org.meridian.incentive;

import java.time.Instant;

/**
 * A hospital manager decided a termination recommendation (终止合作建议): the cooperation was ended
 * ({@code terminated}) or the recommendation declined. Published by {@link SanctionWorkflow} in the decision's
 * transaction. The note stays inside Meridian: it is a person's text.
 */
public record TerminationDecided(long hospitalId, long sanctionId, String channelCode, String channelName,
                                 String period, boolean terminated, String decidedBy, Instant at) {
}
