package org.meridian.allocation;

/** How a plan turns units into shares. */
public enum PlanRule {
    /** In proportion to a weighted mix of performance, brand index, DEA efficiency and forecast demand. */
    DRIVER,
    /** Fixed parts per evaluated tier (e.g. A 3, B 2, C 1: a unit of tier A gets 3 parts for a tier C unit's 1). */
    TIERS
}
