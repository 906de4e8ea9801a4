package org.meridian.allocation;

import org.meridian.allocation.method.Inequality;

/**
 * How evenly a plan spreads its resource over its units, each unit counted once (公平性): Gini, Theil T and L and the
 * Lorenz curve of the plan's amounts ({@code after}) and of the last approved plan of the resource it was drafted
 * against ({@code before}; null when there was none). With a per-head measure, the same per head of it
 * ({@code afterPerHead}, {@code beforePerHead}: the grouped, Lorenz form with each unit's value of the measure as its
 * population, so a unit with twice the workload is expected to get twice the amount); {@code beforePerHead} only when
 * every unit of the plan before has a value in this one.
 */
public record PlanEquity(Inequality.Result after, Inequality.Result before, AllocationPlan previous,
        Inequality.Result afterPerHead, Inequality.Result beforePerHead) {
}
