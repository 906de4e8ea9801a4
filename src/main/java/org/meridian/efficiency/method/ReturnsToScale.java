package org.meridian.efficiency.method;

/** Returns to scale at a unit's projection, by the non-increasing-returns test (规模报酬). */
public enum ReturnsToScale {
    /** Increasing: the unit is too small for its mix (规模报酬递增). */
    IRS,
    /** Constant: scale efficient (规模报酬不变). */
    CRS,
    /** Decreasing: the unit is too large (规模报酬递减). */
    DRS
}
