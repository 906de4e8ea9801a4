/**
 * Indicators (指标体系): the measures events add to, the indicator catalogue with formulas over measures,
 * per-unit-type schemes with weights, scoring rules and tier thresholds (engine.md §3–4).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.meridian.indicator;
