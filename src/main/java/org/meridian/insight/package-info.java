/**
 * Insight (智能分析): the analytical methods beside the scorecards — expert and objective weights (AHP, entropy),
 * alternative rankings (TOPSIS, RSR), small-sample rates (Wilson interval, NPS), forecasts (Holt-Winters) and
 * anomaly detection — as plain-Java numerics in {@code method}, served by the stateless calculator API; and in the
 * product, the alternative rankings of a published evaluation ({@link org.meridian.insight.RankingComparison}) and the
 * seasonal-aware alerts on every working channel with the hospital's holiday calendar
 * ({@link org.meridian.insight.alert.AlertWatch}, {@link org.meridian.insight.alert.HolidayCalendar}), and the stored
 * monthly forecasts of every working channel and the hospital with last year's back-test
 * ({@link org.meridian.insight.forecast.ForecastBook}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "evaluation", "indicator", "indicator :: scoring",
        "channel", "intake"})
package org.meridian.insight;
