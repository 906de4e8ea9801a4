package org.meridian.appeal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.meridian.shared.UnitType;

/**
 * An appeal (申诉) against one indicator value of one channel's scorecard in one published evaluation version.
 *
 * @param contestedValue   the value as published (null when the indicator had no data)
 * @param filingDeadline   the end of the filing window of the appealed evaluation (publication + filing days)
 * @param reviewDue        by when the office should decide (filing + review days)
 * @param correctedEvaluationId the evaluation version an upheld appeal's corrections were scored in
 */
public record Appeal(long id, long evaluationId, long channelId, String channelCode, String channelName,
                     String period, UnitType unitType, int evaluationVersion, String indicator,
                     BigDecimal contestedValue, BigDecimal contestedScore, String statement, AppealStatus status,
                     OffsetDateTime filedAt, String filedBy, OffsetDateTime filingDeadline, OffsetDateTime reviewDue,
                     OffsetDateTime reviewStartedAt, String reviewStartedBy, OffsetDateTime decidedAt,
                     String decidedBy, String decisionReason, Long correctedEvaluationId) {

    /** Still waiting for a decision after its review date. */
    public boolean overdueAt(OffsetDateTime now) {
        return status.open() && now.isAfter(reviewDue);
    }
}
