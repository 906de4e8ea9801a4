package org.meridian.feedback;

import java.time.Instant;

/**
 * One channel's feedback report (反馈报告) on one published evaluation, with its delivery status: when it was
 * generated, when a user of the channel first opened it and who, and when and by whom it was acknowledged.
 */
public record FeedbackReport(long id, long evaluationId, long channelId, ReportContent content, Instant generatedAt,
                             Instant viewedAt, String viewedBy, Instant acknowledgedAt, String acknowledgedBy) {

    public DeliveryStatus status() {
        if (acknowledgedAt != null) {
            return DeliveryStatus.ACKNOWLEDGED;
        }
        return viewedAt != null ? DeliveryStatus.VIEWED : DeliveryStatus.GENERATED;
    }
}
