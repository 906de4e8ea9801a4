package org.meridian.rectification;

import java.util.Set;

/**
 * Where a rectification plan stands: {@code OPEN} (opened, actions being agreed), {@code IN_PROGRESS} (the channel
 * works on it), {@code DONE} (every action done) or {@code CANCELLED} (with a reason). DONE and CANCELLED are final.
 */
public enum PlanStatus {
    OPEN, IN_PROGRESS, DONE, CANCELLED;

    public boolean live() {
        return this == OPEN || this == IN_PROGRESS;
    }

    /** The statuses a plan in this status may move to. */
    public Set<PlanStatus> next() {
        return switch (this) {
            case OPEN -> Set.of(IN_PROGRESS, DONE, CANCELLED);
            case IN_PROGRESS -> Set.of(DONE, CANCELLED);
            case DONE, CANCELLED -> Set.of();
        };
    }
}
