package org.meridian.rectification;

/** An action past its due date and not done, with the plan it belongs to and how many days it is late. */
public record OverdueAction(PlanAction action, Plan plan, long daysLate) {
}
