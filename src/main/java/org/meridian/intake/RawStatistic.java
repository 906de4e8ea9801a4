package org.meridian.intake;

import java.math.BigDecimal;

/**
 * One statistics row as a client or a file sent it, before it is checked: the unit's code, the month as
 * {@code YYYY-MM}, the statistic measure's code, the value and an optional reason. {@code value} is the number when
 * the source gave one (a JSON number, a decimal in a CSV cell); {@code valueText} is what was given instead when it
 * was something else (a JSON string, a word in the cell), so that the row can say what was wrong.
 */
public record RawStatistic(String unit, String month, String measure, BigDecimal value, String valueText,
                           String reason) {
}
