package org.meridian.evaluation;

import java.math.BigDecimal;

import org.meridian.shared.Period;

/** A channel's result in one published evaluation, for the trend of its total over periods. */
public record TrendPoint(Period period, long evaluationId, int version, BigDecimal total, Integer rank, String tier) {
}
