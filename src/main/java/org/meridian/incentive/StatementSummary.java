package org.meridian.incentive;

import java.math.BigDecimal;

import org.meridian.incentive.statements.StatementStatus;

/** A statement in a list: who, which period, where in the workflow, and the sum of its lines. */
public record StatementSummary(long id, String channelCode, String unitType, String period, int sequence,
                               Long corrects, StatementStatus status, String preparedBy, int lineCount,
                               BigDecimal total, Integer evaluationVersion) {
}
