package org.meridian.appeal;

import java.time.Instant;

import org.meridian.shared.UnitType;

/**
 * An appeal was filed (申诉已提交): a channel's user or the office contested one indicator of the channel's scorecard
 * in a published evaluation. Published by {@link AppealProcedure#file} in the filing's transaction; the channel
 * office, who reviews and decides it, is told of it (never the one who filed it).
 *
 * @param filedBy the username of who filed it, who may not decide it (four eyes)
 */
public record AppealFiled(long hospitalId, long appealId, long channelId, String channelName, String period,
                          UnitType unitType, int evaluationVersion, String filedBy, Instant at) {
}
