package org.meridian.allocation;

/** A plan is drafted, then approved by a second person, which freezes it. */
public enum PlanStatus {
    DRAFT, APPROVED
}
