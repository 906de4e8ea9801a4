package org.meridian.appeal;

import java.time.Instant;

import org.meridian.shared.UnitType;

/**
 * An appeal was decided (申诉已裁决): upheld (申诉成立, the events corrected and a new evaluation version drafted) or
 * rejected (驳回), with the office's reason. Published by {@link AppealProcedure#decide} in the decision's
 * transaction; the appealed channel's own users are told of the outcome.
 *
 * @param reason the decider's reason as typed (it stays inside Meridian: never sent out by e-mail or robot)
 */
public record AppealDecided(long hospitalId, long appealId, long channelId, String channelName, String period,
                            UnitType unitType, int evaluationVersion, boolean upheld, String reason,
                            String decidedBy, Instant at) {
}
