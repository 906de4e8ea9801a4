package org.meridian.allocation;

import org.meridian.allocation.method.Inequality;

/**
 * How evenly a plan spreads its resource over its units, each unit counted once (公平性): Gini, Theil T and L and the
 * Lorenz curve of the plan's amounts ({@code after}) and of the last approved plan of the resource it was drafted
 * against ({@code before}; null when there was none).
 */
public record PlanEquity(Inequality.Result after, Inequality.Result before, AllocationPlan previous) {
}
