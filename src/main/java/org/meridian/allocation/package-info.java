/**
 * Allocation (资源配置): inequality of how a resource is spread (Gini, Theil with its decomposition, agglomeration),
 * the bounded proportional allocation of a budget among units with floors, caps and a pace of change, exact to the fen
 * (methods.md §6), with a stateless calculator API; and allocation plans
 * ({@link org.meridian.allocation.AllocationPlanning}) that share a resource among a hospital's departments or
 * institutions by their performance, brand index and efficiency from published evaluations and efficiency runs and
 * their demand forecast from their monthly statistics, or by tier, drafted by one person and approved by another.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "evaluation", "efficiency",
        "indicator", "indicator :: scoring", "intake", "insight :: forecast"})
package org.meridian.allocation;
