/**
 * Efficiency (效率评价): data envelopment analysis of units that turn inputs (beds, doctors, cost) into outputs
 * (discharges, visits, surgeries) — CCR and BCC models, slacks, targets, peers, scale efficiency, super-efficiency —
 * and the Malmquist productivity index across periods (methods.md §5), with a stateless calculator API. Efficiency
 * runs ({@link org.meridian.efficiency.EfficiencyAnalysis}) apply them to the monthly statistics of a hospital's
 * departments or institutions and store the results like evaluations.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "unit", "indicator", "intake"})
package org.meridian.efficiency;
