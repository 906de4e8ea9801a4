/**
 * Evaluations (考核评估): for one period and unit type, every evaluable unit (channel, department or institution) is
 * scored against the scheme in force, ranked and tiered; a draft can be re-run until it is published, which freezes it; the recommended tiers
 * of a published evaluation can be sent to the channel registry. Other modules run and publish through
 * {@link org.meridian.evaluation.EvaluationRuns}, read through {@link org.meridian.evaluation.EvaluationResults}, and
 * ask {@link org.meridian.evaluation.EvaluationVisibility} who may see which results.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "channel", "indicator", "indicator :: scoring", "intake", "unit"})
package org.meridian.evaluation;
