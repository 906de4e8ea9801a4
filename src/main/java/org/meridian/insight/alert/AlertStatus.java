package org.meridian.insight.alert;

import java.util.EnumSet;
import java.util.Set;

/** Where an alert stands: NEW (未处理) → ACKNOWLEDGED (已确认, with a note) → CLOSED (已关闭); NEW may be closed at once. */
public enum AlertStatus {
    NEW,
    ACKNOWLEDGED,
    CLOSED;

    /** The statuses an alert may go to from this one. */
    public Set<AlertStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(ACKNOWLEDGED, CLOSED);
            case ACKNOWLEDGED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(AlertStatus.class);
        };
    }

    /** The status named exactly (as in a URL), or null. */
    public static AlertStatus named(String name) {
        for (AlertStatus s : values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
