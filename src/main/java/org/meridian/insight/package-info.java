/**
 * Insight (智能分析): the analytical methods beside the scorecards — expert and objective weights (AHP, entropy),
 * alternative rankings (TOPSIS, RSR), small-sample rates (Wilson interval, NPS), forecasts (Holt-Winters) and
 * anomaly detection — as plain-Java numerics in {@code method}, served by the stateless calculator API; and in the
 * product, the alternative rankings of a published evaluation ({@link org.meridian.insight.RankingComparison}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "evaluation", "indicator", "indicator :: scoring"})
package org.meridian.insight;
