package org.meridian.allocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.meridian.allocation.method.BoundedAllocation;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;

/**
 * An allocation plan (资源配置方案): an amount of a resource shared among the units of one or more department or
 * institution types for a period, by a driver or by tier, within floors, caps and a pace of change against the last
 * approved plan of the same resource. Drafted by one person, approved by another (four eyes); approved, it is frozen.
 * Two drafts of one resource are scenarios to compare side by side.
 *
 * @param name           what the planner calls this scenario (方案名称)
 * @param unit           {@code CNY} (money, to the fen) or {@code WHOLE} (beds, posts, pieces of equipment)
 * @param weights        the driver's weights (rule DRIVER), else null
 * @param tiers          the parts per tier (rule TIERS), else null
 * @param maxChange      the largest change against the last approved plan, a fraction (0.1 = 10 %); null: none
 * @param previousPlanId the last approved plan of the same resource when this one was drafted; null: none
 * @param payPool        a performance-pay pool (绩效工资池) of departments, its driver including the brand index
 * @param demandMeasure  the statistic measure whose forecast is each unit's demand; null when demand is not weighted
 * @param equityPer      the measure equity is also taken per head of (per open bed, per discharge …); null: none
 */
public record AllocationPlan(long id, String name, String resource, BoundedAllocation.Unit unit, BigDecimal amount,
        Period period, List<UnitType> unitTypes, PlanRule rule, DriverWeights weights, Map<String, BigDecimal> tiers,
        PlanBounds bounds, BigDecimal maxChange, Long previousPlanId, List<PlanSource> sources, PlanStatus status,
        Instant draftedAt, String draftedBy, Instant approvedAt, String approvedBy, boolean payPool,
        String demandMeasure, String equityPer) {

    public AllocationPlan {
        unitTypes = List.copyOf(unitTypes);
        sources = List.copyOf(sources);
    }

    public boolean approved() {
        return status == PlanStatus.APPROVED;
    }

    public boolean money() {
        return unit == BoundedAllocation.Unit.CNY;
    }
}
