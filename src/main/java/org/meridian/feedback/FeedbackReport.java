package org.meridian.feedback;

import java.time.Instant;

/**
 * One unit's feedback report (反馈报告) on one published evaluation, with its delivery status: when it was
 * generated, when a user of the channel first opened it and who, and when and by whom it was acknowledged. A
 * department's or institution's report is acknowledged by the office on the unit's behalf: {@code acknowledgedBy} is
 * the office user who recorded it and {@code confirmedBy} the person of the unit who confirmed receiving it (null for
 * a channel's report, which its own user acknowledges).
 */
public record FeedbackReport(long id, long evaluationId, long channelId, ReportContent content, Instant generatedAt,
                             Instant viewedAt, String viewedBy, Instant acknowledgedAt, String acknowledgedBy,
                             String confirmedBy) {

    public DeliveryStatus status() {
        if (acknowledgedAt != null) {
            return DeliveryStatus.ACKNOWLEDGED;
        }
        return viewedAt != null ? DeliveryStatus.VIEWED : DeliveryStatus.GENERATED;
    }
}
