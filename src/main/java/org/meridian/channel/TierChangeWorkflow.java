package org.meridian.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.FourEyes;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tier changes (分级调整): a first tier or an upgrade applies at once; a downgrade waits for a hospital manager,
 * who is never the person who asked for it ({@link FourEyes}). A newer request supersedes a pending one, so at most
 * one downgrade waits per channel. Every step is audited with the old and new tier, and told to other modules:
 * {@link TierChangeRequested} for a downgrade that waits, {@link TierChangeDecided} when a change is applied, approved
 * or rejected.
 */
@Service
public class TierChangeWorkflow {

    private final Channels channels;
    private final Tiers tiers;
    private final TierChanges tierChanges;
    private final AuditLog audit;
    private final Accounts accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TierChangeWorkflow(Channels channels, Tiers tiers, TierChanges tierChanges, AuditLog audit, Accounts accounts,
                       Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.channels = channels;
        this.tiers = tiers;
        this.tierChanges = tierChanges;
        this.audit = audit;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Asks for a channel's tier to become {@code toTier}, with a reason. A first tier or an upgrade (a better rank)
     * is APPLIED at once; a downgrade waits as PENDING for {@link #decide}. A newer request replaces a pending one
     * (SUPERSEDED). Evaluations ask with source {@link TierChangeSource#EVALUATION} and their id as
     * {@code sourceRef}. An unknown tier, the current tier, a terminated channel or a missing reason: a 400 listing
     * every problem; a channel not in the actor's hospital: {@link ChannelNotFoundException}.
     */
    @Transactional
    public TierChange request(Actor actor, long channelId, String toTier, String reason, TierChangeSource source,
                              String sourceRef) {
        return request(actor, channelId, toTier, reason, source, sourceRef, true);
    }

    /**
     * As {@link #request(Actor, long, String, String, TierChangeSource, String)}; {@code tell} false publishes no
     * event, for the import's channels, which it registers in the same transaction: nobody is bound to them yet, and
     * thousands of first tiers would each be delivered to nobody.
     */
    @Transactional
    TierChange request(Actor actor, long channelId, String toTier, String reason, TierChangeSource source,
                       String sourceRef, boolean tell) {
        long h = actor.hospitalId();
        Channel channel = channels.lock(h, channelId).orElseThrow(() -> ChannelNotFoundException.id(channelId));
        List<Problem> problems = new ArrayList<>();
        List<Tier> catalogue = tiers.all(h);
        String target = toTier == null ? null : toTier.strip();
        Tier to = catalogue.stream().filter(t -> t.code().equals(target)).findFirst().orElse(null);
        if (target == null || target.isEmpty()) {
            problems.add(Problem.of("tier", "channel.error.required"));
        } else if (to == null) {
            problems.add(Problem.of("tier", "channel.error.unknownTier", target));
        } else if (to.code().equals(channel.tier())) {
            problems.add(Problem.of("tier", "channel.error.sameTier", target));
        }
        if (channel.status() == ChannelStatus.TERMINATED) {
            problems.add(Problem.of("tier", "channel.error.tierTerminated"));
        }
        String why = ChangeReason.check("reason", reason, problems);
        if (sourceRef != null && sourceRef.length() > 100) {
            problems.add(Problem.of("sourceRef", "channel.error.tooLong", 100));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("channel", problems);
        }
        TierChangeSource src = source == null ? TierChangeSource.MANUAL : source;
        Tier from = catalogue.stream().filter(t -> t.code().equals(channel.tier())).findFirst().orElse(null);
        TierDirection direction = from == null ? TierDirection.INITIAL
                : to.rank() < from.rank() ? TierDirection.UPGRADE : TierDirection.DOWNGRADE;
        tierChanges.pendingOf(h, channel.id()).ifPresent(p -> {
            tierChanges.decide(h, p.id(), TierChangeStatus.SUPERSEDED, actor.username(),
                    "superseded by a newer request", clock.instant());
            audit.record(h, actor.username(), "CHANNEL_TIER_CHANGE_SUPERSEDED", channel.code(),
                    Map.of("tierChange", p.id()));
        });
        boolean downgrade = direction == TierDirection.DOWNGRADE;
        long id = tierChanges.insert(h, channel.id(), channel.tier(), to.code(), direction, why, src, sourceRef,
                downgrade ? TierChangeStatus.PENDING : TierChangeStatus.APPLIED, actor.username(), accountId(actor),
                clock.instant());
        Map<String, Object> details = AuditLog.details("tier", AuditLog.change(channel.tier(), to.code()),
                "direction", direction.name(), "reason", why, "source", src.name());
        if (sourceRef != null) {
            details.put("sourceRef", sourceRef);
        }
        details.put("tierChange", id);
        if (downgrade) {
            audit.record(h, actor.username(), "CHANNEL_TIER_DOWNGRADE_REQUESTED", channel.code(), details);
            if (tell) {
                events.publishEvent(new TierChangeRequested(h, id, channel.id(), channel.code(), channel.name(),
                        name(from), name(to), actor.username(), clock.instant()));
            }
        } else {
            channels.setTier(h, channel.id(), to.code());
            audit.record(h, actor.username(), "CHANNEL_TIER_CHANGED", channel.code(), details);
            if (tell) {
                events.publishEvent(new TierChangeDecided(h, id, channel.id(), channel.code(), channel.name(),
                        name(from), name(to), TierChangeStatus.APPLIED, actor.username(), actor.username(),
                        clock.instant()));
            }
        }
        return tierChanges.find(h, id).orElseThrow();
    }

    /**
     * Approves or rejects a pending downgrade. The person who requested it cannot decide it
     * ({@link FourEyes}: 403, {@code urn:meridian:channel:four-eyes}); one that is no longer pending is a conflict (409); a note longer than
     * {@value ChangeReason#MAX} characters a 400. An approval sets the channel's tier.
     */
    @Transactional
    public TierChange decide(Actor actor, long tierChangeId, boolean approve, String note) {
        long h = actor.hospitalId();
        TierChange change = find(actor, tierChangeId)
                .orElseThrow(() -> ChannelNotFoundException.tierChange(tierChangeId));
        Channel channel = channels.lock(h, change.channelId()).orElseThrow();
        change = tierChanges.find(h, tierChangeId).orElseThrow();
        if (!change.pending()) {
            throw ChannelConflictException.notPending(change);
        }
        FourEyes.require("channel", change.requestedBy(), actor, "channel.problem.selfApproval");
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > ChangeReason.MAX) {
            throw new InvalidInputException("channel", Problem.of("note", "channel.error.tooLong", ChangeReason.MAX));
        }
        TierChangeStatus decision = approve ? TierChangeStatus.APPROVED : TierChangeStatus.REJECTED;
        tierChanges.decide(h, change.id(), decision, actor.username(), n, clock.instant());
        Map<String, Object> details = AuditLog.details("tierChange", change.id(), "requestedBy", change.requestedBy(),
                "tier", AuditLog.change(channel.tier(), approve ? change.toTier() : channel.tier()),
                "requestedTier", change.toTier());
        if (n != null) {
            details.put("note", n);
        }
        if (approve) {
            channels.setTier(h, channel.id(), change.toTier());
            audit.record(h, actor.username(), "CHANNEL_TIER_CHANGED", channel.code(), details);
        } else {
            audit.record(h, actor.username(), "CHANNEL_TIER_DOWNGRADE_REJECTED", channel.code(), details);
        }
        List<Tier> catalogue = tiers.all(h);
        events.publishEvent(new TierChangeDecided(h, change.id(), channel.id(), channel.code(), channel.name(),
                name(catalogue, change.fromTier()), name(catalogue, change.toTier()), decision, change.requestedBy(),
                actor.username(), clock.instant()));
        return tierChanges.find(h, change.id()).orElseThrow();
    }

    /** A tier's name as people read it: the catalogue's name, else its code; null for none. */
    private static String name(Tier tier) {
        return tier == null ? null : tier.name() == null || tier.name().isBlank() ? tier.code() : tier.name();
    }

    private static String name(List<Tier> catalogue, String code) {
        return code == null ? null : catalogue.stream().filter(t -> t.code().equals(code)).findFirst()
                .map(TierChangeWorkflow::name).orElse(code);
    }

    public Optional<TierChange> find(Actor actor, long tierChangeId) {
        return tierChanges.find(actor.hospitalId(), tierChangeId);
    }

    /** A channel's tier changes, newest first. */
    public List<TierChange> history(Actor actor, long channelId) {
        return tierChanges.ofChannel(actor.hospitalId(), channelId);
    }

    /** Downgrades waiting for a hospital manager, oldest first. */
    public List<TierChange> pending(Actor actor) {
        ChannelVisibility.requireRegistry(actor);
        return tierChanges.pending(actor.hospitalId());
    }

    public long countPending(Actor actor) {
        return tierChanges.countPending(actor.hospitalId());
    }

    /** The account id kept beside the requester's name (none for the system). */
    private Long accountId(Actor actor) {
        return actor.isSystem() ? null
                : accounts.loadForSignIn(actor.username(), clock.instant()).map(MeridianUser::userId).orElse(null);
    }
}
