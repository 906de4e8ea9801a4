package org.meridian.channel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;

/**
 * Where a channel stands in its lifecycle (合作状态). The allowed moves are the lifecycle policy:
 * <pre>
 * PROSPECT   → PILOT, ACTIVE, TERMINATED
 * PILOT      → ACTIVE, TERMINATED
 * ACTIVE     → PROBATION, TERMINATED
 * PROBATION  → ACTIVE, TERMINATED
 * TERMINATED → PROSPECT (a former partner is courted again)
 * </pre>
 * Channels in PILOT, ACTIVE or PROBATION are evaluated ({@link #EVALUABLE}, engine.md §4).
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

    /**
     * The statuses whose channels evaluations score: PILOT, ACTIVE and PROBATION. The one place that says so; the
     * registry's SQL binds these names.
     */
    public static final Set<ChannelStatus> EVALUABLE = Collections.unmodifiableSet(EnumSet.of(PILOT, ACTIVE,
            PROBATION));

    /** The status of this name (any case, surrounding blanks ignored); empty for anything else. */
    public static Optional<ChannelStatus> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The target of a lifecycle step as a person or a client named it, for {@code web/} and {@code api/}: none when
     * blank (the lifecycle then reports it as required); a name that is no status is a 400 listing it together with
     * the problems of the step's reason (given under {@code reasonField}), so that every problem shows at once.
     */
    public static ChannelStatus named(String status, String reasonField, String reason) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return fromName(status).orElseThrow(() -> {
            List<Problem> problems = new ArrayList<>();
            problems.add(Problem.of("status", "channel.error.unknownStatus", status));
            problems.addAll(ChangeReason.problems(reasonField, reason));
            return new InvalidInputException("channel", problems);
        });
    }

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
        return EVALUABLE.contains(this);
    }

    /** Statuses a channel may be registered with: anything but TERMINATED. */
    public boolean allowedAtRegistration() {
        return this != TERMINATED;
    }
}
