package org.meridian.rectification;

import java.time.OffsetDateTime;

import org.meridian.shared.UnitType;

/**
 * A rectification plan (整改计划) of one channel, opened on the grounds of one published evaluation.
 *
 * @param grounds why the channel was eligible, e.g. {@code 等级 D; REFERRAL_VOLUME 42.5}
 */
public record Plan(long id, long channelId, String channelCode, String channelName, long evaluationId, String period,
                   UnitType unitType, String grounds, String title, PlanStatus status, OffsetDateTime openedAt,
                   String openedBy, OffsetDateTime closedAt, String closedBy) {
}
