/**
 * The region (区域) as its administrator and its regulator see it: the region administrator creates the region's
 * hospitals with their first administrator and manages which accounts act in which hospitals
 * ({@link org.meridian.region.RegionAdministration}); the regulator (卫健委) reads the region's hospitals with their
 * latest published evaluation and repeat-examination figures, never a patient-level row
 * ({@link org.meridian.region.RegionOverview}); the region's own institution evaluations run in its evaluation centre
 * ({@link org.meridian.region.RegionCentre}), whose evaluator publishes the yearly ranking of performance and brand
 * ({@link org.meridian.region.YearlyRanking}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "exam", "evaluation", "intake", "channel", "indicator", "indicator :: scoring", "unit"})
package org.meridian.region;
