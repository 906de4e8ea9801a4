package org.meridian.channel;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a channel stands in its lifecycle (合作状态). The allowed moves are the lifecycle policy:
 * <pre>
 * PROSPECT   → PILOT, ACTIVE, TERMINATED
 * PILOT      → ACTIVE, TERMINATED
 * ACTIVE     → PROBATION, TERMINATED
 * PROBATION  → ACTIVE, TERMINATED
 * TERMINATED → PROSPECT (a former partner is courted again)
 * </pre>
 * Channels in PILOT, ACTIVE or PROBATION are evaluated (engine.md §4).
 */
public enum ChannelStatus {
    /** 意向: talks under way, no referrals yet. */
    PROSPECT,
    /** 试点: a trial cooperation. */
    PILOT,
    /** 正式合作 */
    ACTIVE,
    /** 整改观察: on probation after poor results or a breach. */
    PROBATION,
    /** 终止合作 */
    TERMINATED;

    public Set<ChannelStatus> next() {
        return switch (this) {
            case PROSPECT -> EnumSet.of(PILOT, ACTIVE, TERMINATED);
            case PILOT -> EnumSet.of(ACTIVE, TERMINATED);
            case ACTIVE -> EnumSet.of(PROBATION, TERMINATED);
            case PROBATION -> EnumSet.of(ACTIVE, TERMINATED);
            case TERMINATED -> EnumSet.of(PROSPECT);
        };
    }

    public boolean canMoveTo(ChannelStatus target) {
        return next().contains(target);
    }

    /** Whether channels in this status are scored by evaluations. */
    public boolean evaluable() {
        return this == PILOT || this == ACTIVE || this == PROBATION;
    }

    /** Statuses a channel may be registered with: anything but TERMINATED. */
    public boolean allowedAtRegistration() {
        return this != TERMINATED;
    }
}
