package org.meridian.allocation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The floors and caps a planner sets (下限、上限): one floor and one cap for every unit (null: none), and per unit by its
 * code, which take the place of the common ones for that unit.
 */
public record PlanBounds(BigDecimal floor, BigDecimal cap, Map<String, BigDecimal> floors,
        Map<String, BigDecimal> caps) {

    public static final PlanBounds NONE = new PlanBounds(null, null, Map.of(), Map.of());

    public PlanBounds {
        floors = Map.copyOf(floors == null ? Map.of() : floors);
        caps = Map.copyOf(caps == null ? Map.of() : caps);
    }

    public BigDecimal floorOf(String unit) {
        return floors.getOrDefault(unit, floor);
    }

    public BigDecimal capOf(String unit) {
        return caps.getOrDefault(unit, cap);
    }
}
