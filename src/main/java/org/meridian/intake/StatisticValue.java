package org.meridian.intake;

import java.math.BigDecimal;
import java.time.YearMonth;

/** One stored statistic: the value in force of a measure for a unit in a month. */
public record StatisticValue(long unitId, String measure, YearMonth month, BigDecimal value) {
}
