package org.meridian.allocation;

/**
 * What a plan's driver was read from: a published evaluation (performance, brand index, tier) or a published
 * efficiency run (DEA score) of one unit type.
 */
public record PlanSource(Kind kind, long id, String unitType, String period) {

    public enum Kind {
        EVALUATION, EFFICIENCY_RUN
    }
}
