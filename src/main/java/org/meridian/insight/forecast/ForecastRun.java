package org.meridian.insight.forecast;

import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * The latest computation of a hospital's forecasts: up to which closed month, how many months ahead, how many
 * channels, when and by whom ({@code system:forecast} when the month closed).
 */
public record ForecastRun(YearMonth lastMonth, int horizon, int channels, OffsetDateTime computedAt,
                          String computedBy) {
}
