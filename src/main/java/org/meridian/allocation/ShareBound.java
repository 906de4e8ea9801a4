package org.meridian.allocation;

/** Which bound held a unit's amount, if any: its floor or cap, or the pace of change against the last plan. */
public enum ShareBound {
    FLOOR, CAP, PACE_FLOOR, PACE_CAP
}
