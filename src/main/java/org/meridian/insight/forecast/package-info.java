/**
 * Forecasts (预测): the stored monthly forecasts of the hospital's channels ({@link
 * org.meridian.insight.forecast.ForecastBook}) and the rule that forecasts one monthly series ({@link
 * org.meridian.insight.forecast.ForecastModel}), which other modules may use for series of their own (allocation
 * plans forecast a unit's demand with it).
 */
@org.springframework.modulith.NamedInterface("forecast")
package org.meridian.insight.forecast;
