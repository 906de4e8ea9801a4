/**
 * Efficiency (效率评价): data envelopment analysis of units that turn inputs (beds, doctors, cost) into outputs
 * (discharges, visits, surgeries) — CCR and BCC models, slacks, targets, peers, scale efficiency, super-efficiency —
 * and the Malmquist productivity index across periods (methods.md §5), with a stateless calculator API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.meridian.efficiency;
