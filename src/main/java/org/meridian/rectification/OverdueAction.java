package org.meridian.rectification;

/**
 * An open action of a live plan, with the plan it belongs to and how many days it is late (negative: how many days
 * are left, for an action due soon).
 */
public record OverdueAction(PlanAction action, Plan plan, long daysLate) {
}
