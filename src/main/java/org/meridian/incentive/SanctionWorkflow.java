package org.meridian.incentive;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.meridian.channel.ChannelLifecycle;
import org.meridian.channel.ChannelRegistry;
import org.meridian.incentive.rules.InvalidIncentiveException;
import org.meridian.shared.problem.Problem;
import org.meridian.incentive.statements.WorkflowForbidden;
import org.meridian.incentive.statements.WorkflowRefusal;
import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.meridian.incentive.rules.IncentiveProblem;

/**
 * Sanctions (惩戒) computed from published evaluations, and a hospital manager's decision on a termination
 * recommendation. The sanctions themselves are recorded by the drafting of a published evaluation; this is where
 * they are read and decided. Every call works in the actor's hospital; a decision is audited.
 */
@Service
@Transactional
public class SanctionWorkflow {

    private final Sanctions sanctions;
    private final ChannelRegistry channels;
    private final ChannelLifecycle lifecycle;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SanctionWorkflow(Sanctions sanctions, ChannelRegistry channels, ChannelLifecycle lifecycle, AuditLog audit,
                     Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.lifecycle = lifecycle;
        this.sanctions = sanctions;
        this.channels = channels;
        this.audit = audit;
        this.clock = clock;
    }

    /** The hospital's sanctions, newest period first. */
    @Transactional(readOnly = true)
    public List<Sanction> sanctions(Actor actor) {
        return sanctions.list(actor.hospitalId(), null);
    }

    /**
     * One page of the hospital's sanctions, latest period first: those of channels whose code or name contains
     * {@code channel} (null: all) with the status {@code status} (null: any).
     */
    @Transactional(readOnly = true)
    public org.meridian.shared.web.Paged<Sanction> sanctions(Actor actor, String channel, String status, int page,
                                                             int size) {
        List<String> codes = channel == null || channel.isBlank() ? null
                : StatementWorkflow.matching(channels, actor, sanctions.channelCodes(actor.hospitalId()), channel);
        return sanctions.page(actor.hospitalId(), codes, status, Math.max(page, 0), size);
    }

    /**
     * The termination recommendations waiting for this person's decision (待办): all of them for a hospital manager
     * (or an administrator), none for anyone else; drafted by the system, so no four-eyes exclusion applies.
     */
    @Transactional(readOnly = true)
    public List<Sanction> awaitingDecision(Actor actor) {
        return actor.has(Role.HOSPITAL_MANAGER) ? sanctions.pending(actor.hospitalId()) : List.of();
    }

    /** The termination recommendations waiting for a hospital manager's decision. */
    @Transactional(readOnly = true)
    public List<Sanction> pending(Actor actor) {
        return sanctions.pending(actor.hospitalId());
    }

    @Transactional(readOnly = true)
    public Sanction sanction(Actor actor, long id) {
        return sanctions.find(actor.hospitalId(), id).orElseThrow(() -> new IncentiveNotFound("sanction", id));
    }

    /**
     * A hospital manager's decision on a termination recommendation, with a note (required): {@code terminate}
     * ends the cooperation through the channel lifecycle (status TERMINATED, the note as its reason, the manager
     * as who did it); otherwise the recommendation is declined and the channel stays as it is.
     */
    public Sanction decide(Actor actor, long id, boolean terminate, String note) {
        if (!actor.has(Role.HOSPITAL_MANAGER)) {
            throw new WorkflowForbidden(WorkflowForbidden.ROLE, "only a hospital manager decides a termination recommendation");
        }
        if (note == null || note.isBlank()) {
            throw new InvalidIncentiveException(IncentiveProblem.of("note", "incentive.v.noteRequired"));
        }
        if (note.strip().length() > 500) {
            throw new InvalidIncentiveException(IncentiveProblem.of("note", "incentive.v.tooLong", 500));
        }
        Sanction sanction = sanction(actor, id);
        if (!sanction.pending()) {
            throw new WorkflowRefusal("not-pending", "sanction " + id + " is " + sanction.status()
                    + "; only a PENDING termination recommendation is decided");
        }
        long h = actor.hospitalId();
        String outcome;
        if (terminate) {
            var channel = channels.get(actor, sanction.channelCode());
            if (!channel.status().canMoveTo(org.meridian.channel.ChannelStatus.TERMINATED)) {
                throw new WorkflowRefusal("channel-state", "channel " + channel.code() + " is " + channel.status()
                        + " and cannot be terminated");
            }
            lifecycle.changeStatus(actor, channel.code(), org.meridian.channel.ChannelStatus.TERMINATED, note.strip());
            outcome = "status " + channel.status() + " → TERMINATED";
        } else {
            outcome = "termination declined";
        }
        if (!sanctions.decide(h, id, terminate ? "TERMINATED" : "DECLINED", actor.username(), clock.instant(),
                note.strip(), outcome)) {
            throw new WorkflowRefusal("concurrent", "sanction " + id + " was decided meanwhile");
        }
        audit.record(terminate ? "INCENTIVE_SANCTION_TERMINATION_APPROVED" : "INCENTIVE_SANCTION_TERMINATION_DECLINED",
                "sanction:" + id, Map.of("channel", sanction.channelCode(), "note", note.strip()));
        String name = channels.names(actor, List.of(sanction.channelCode())).getOrDefault(sanction.channelCode(),
                sanction.channelCode());
        events.publishEvent(new TerminationDecided(h, id, sanction.channelCode(), name, sanction.period(), terminate,
                actor.username(), clock.instant()));
        return sanction(actor, id);
    }
}
