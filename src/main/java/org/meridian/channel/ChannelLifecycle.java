package org.meridian.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A channel's lifecycle (生命周期): moves between the statuses of {@link ChannelStatus} with a reason
 * ({@link ChangeReason}), each kept in the channel's status history with who and when, and audited as
 * {@code CHANNEL_STATUS_CHANGED} with the old and new status.
 */
@Service
public class ChannelLifecycle {

    private final Channels channels;
    private final AuditLog audit;

    ChannelLifecycle(Channels channels, AuditLog audit) {
        this.channels = channels;
        this.audit = audit;
    }

    /**
     * Moves a channel to {@code target} ({@link ChannelStatus#next()}), with a reason. No target, an illegal move,
     * a missing or over-long reason: a 400 listing every problem, and nothing changes. A code not in the actor's
     * hospital: {@link ChannelNotFoundException}.
     */
    @Transactional
    public Channel changeStatus(Actor actor, String code, ChannelStatus target, String reason) {
        long h = actor.hospitalId();
        Channel before = channels.lockByCode(h, code).orElseThrow(() -> ChannelNotFoundException.code(code));
        List<Problem> problems = new ArrayList<>();
        checkStep(before, target, problems);
        String why = ChangeReason.check("reason", reason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("channel", problems);
        }
        move(actor, before, target, why);
        return channels.findById(h, before.id()).orElseThrow();
    }

    /** A channel's lifecycle steps, newest first. */
    public List<StatusChange> history(Actor actor, long channelId) {
        ChannelVisibility.requireRegistry(actor);
        return channels.statusHistory(actor.hospitalId(), channelId);
    }

    /** Adds the problem of moving {@code before} to {@code target}, if any. */
    static void checkStep(Channel before, ChannelStatus target, List<Problem> problems) {
        if (target == null) {
            problems.add(Problem.of("status", "channel.error.required"));
        } else if (!before.status().canMoveTo(target)) {
            problems.add(Problem.of("status", "channel.error.transition", before.status().name(),
                    target.name()));
        }
    }

    /** Makes a checked step: the status, its history entry and the audit entry. */
    void move(Actor actor, Channel before, ChannelStatus target, String why) {
        long h = actor.hospitalId();
        channels.setStatus(h, before.id(), target);
        channels.insertStatusChange(h, before.id(), before.status(), target, why, actor.username());
        Map<String, Object> details = AuditLog.details("status", AuditLog.change(before.status().name(), target.name()),
                "reason", why);
        audit.record(h, actor.username(), "CHANNEL_STATUS_CHANGED", before.code(), details);
    }
}
