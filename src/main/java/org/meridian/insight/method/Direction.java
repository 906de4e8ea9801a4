package org.meridian.insight.method;

/** Whether more of an indicator is better (效益型, {@code BENEFIT}) or less is (成本型, {@code COST}). */
public enum Direction {
    BENEFIT,
    COST
}
