package org.meridian.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.shared.Actor;
import org.meridian.shared.NamedValues;
import org.meridian.shared.UnitType;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.web.Paged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The channel registry (渠道台账): registers channels, edits their fields, finds and searches them, and flags
 * contracts about to end. Other modules resolve channels here ({@link #find}, {@link #findByCode},
 * {@link #evaluable}). Every call acts for an {@link Actor} in the actor's hospital; nothing of another hospital is
 * ever read or changed. Changes are audited with old and new values in the same transaction.
 */
@Service
public class ChannelRegistry {

    private final Channels channels;
    private final ChannelLifecycle lifecycle;
    private final AuditLog audit;
    private final HospitalCalendar calendar;
    private final int contractWarningDays;

    ChannelRegistry(Channels channels, ChannelLifecycle lifecycle, AuditLog audit, HospitalCalendar calendar,
                    @Value("${meridian.channel.contract-warning-days:60}") int contractWarningDays) {
        this.channels = channels;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.calendar = calendar;
        this.contractWarningDays = contractWarningDays;
    }

    // ---- look-ups for other modules -------------------------------------------------------------

    /** The channel with this code in the actor's hospital (codes are case-sensitive), e.g. to resolve an event. */
    public Optional<ChannelRef> findByCode(Actor actor, String code) {
        return code == null ? Optional.empty() : channels.findByCode(actor.hospitalId(), code).map(Channel::ref);
    }

    public Optional<ChannelRef> find(Actor actor, long channelId) {
        return channels.findById(actor.hospitalId(), channelId).map(Channel::ref);
    }

    /**
     * The names of the channels with these codes in the actor's hospital, for lists that store codes (statements,
     * sanctions); a code not registered is absent from the map.
     */
    public java.util.Map<String, String> names(Actor actor, java.util.Collection<String> codes) {
        return channels.names(actor.hospitalId(), codes);
    }

    /** The channels of a type that evaluations score ({@link ChannelStatus#EVALUABLE}), by code. */
    public List<ChannelRef> evaluable(Actor actor, UnitType type) {
        return channels.evaluable(actor.hospitalId(), type).stream().map(Channel::ref).toList();
    }

    // ---- the registry ---------------------------------------------------------------------------

    /** The channel with this code, or {@link ChannelNotFoundException}. */
    public Channel get(Actor actor, String code) {
        ChannelVisibility.requireRegistry(actor);
        return channels.findByCode(actor.hospitalId(), code).orElseThrow(() -> ChannelNotFoundException.code(code));
    }

    public Channel get(Actor actor, long channelId) {
        ChannelVisibility.requireRegistry(actor);
        return channels.findById(actor.hospitalId(), channelId)
                .orElseThrow(() -> ChannelNotFoundException.id(channelId));
    }

    public Paged<Channel> search(Actor actor, ChannelQuery query) {
        ChannelVisibility.requireRegistry(actor);
        return channels.search(actor.hospitalId(), query, calendar.today(actor.hospitalId()));
    }

    /** Every region path in use with its ancestors, sorted, for filters. */
    public List<String> regions(Actor actor) {
        ChannelVisibility.requireRegistry(actor);
        return channels.regions(actor.hospitalId());
    }

    /**
     * Registers a channel. Every field problem is reported at once (400); a code already used in the
     * hospital is a conflict (409). Status defaults to ACTIVE, the tier to none.
     */
    @Transactional
    public Channel register(Actor actor, ChannelDraft draft) {
        long h = actor.hospitalId();
        ChannelDraft.Fields f = draft.check(true);
        if (channels.codeTaken(h, f.code())) {
            throw duplicate(f.code());
        }
        long id;
        try {
            id = channels.insert(h, f);
        } catch (DuplicateKeyException e) {
            throw duplicate(f.code());
        }
        channels.insertStatusChange(h, id, null, f.status(), "registered", actor.username());
        Channel created = channels.findById(h, id).orElseThrow();
        audit.record(h, actor.username(), "CHANNEL_CREATED", created.code(), describe(created));
        return created;
    }

    /**
     * Changes a channel's fields; its code never changes. A status in the draft that differs from the
     * current one is a lifecycle step ({@link ChannelLifecycle}) and needs {@code statusReason}; field problems
     * and an illegal step are reported together (400) and nothing is changed. The audit entry lists each changed
     * field with its old and new value.
     */
    @Transactional
    public Channel update(Actor actor, String code, ChannelDraft draft, String statusReason) {
        long h = actor.hospitalId();
        Channel before = channels.lockByCode(h, code).orElseThrow(() -> ChannelNotFoundException.code(code));
        List<Problem> problems = new ArrayList<>();
        ChannelDraft.Fields f = null;
        try {
            f = new ChannelDraft(before.code(), draft.name(), draft.type(), draft.cooperationLevel(), null,
                    draft.region(), draft.address(), draft.contactName(), draft.contactPhone(), draft.contractStart(),
                    draft.contractEnd(), draft.contractRef(), draft.notes()).check(false);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        boolean statusChanges = draft.status() != null && !draft.status().isBlank()
                && !draft.status().strip().equalsIgnoreCase(before.status().name());
        ChannelStatus target = null;
        String why = null;
        if (statusChanges) {
            target = ChannelStatus.fromName(draft.status()).orElse(null);
            if (target == null) {
                problems.add(Problem.of("status", "channel.error.unknownStatus", draft.status()));
            } else {
                ChannelLifecycle.checkStep(before, target, problems);
            }
            why = ChangeReason.check("statusReason", statusReason, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("channel", problems);
        }
        channels.update(h, before.id(), f);
        Channel after = channels.findById(h, before.id()).orElseThrow();
        Map<String, Object> changes = new LinkedHashMap<>();
        Map<String, Object> now = describe(after);
        describe(before).forEach((k, v) -> AuditChanges.diff(changes, k, v, now.get(k)));
        if (!changes.isEmpty()) {
            audit.record(h, actor.username(), "CHANNEL_UPDATED", after.code(), changes);
        }
        if (statusChanges) {
            lifecycle.move(actor, before, target, why);
            after = channels.findById(h, before.id()).orElseThrow();
        }
        return after;
    }

    // ---- contracts ending -----------------------------------------------------------------------

    /** Days ahead within which an ending contract is flagged ({@code meridian.channel.contract-warning-days}). */
    public int contractWarningDays() {
        return contractWarningDays;
    }

    /** Channels not terminated whose contract ends between today and the warning horizon, soonest first. */
    public Paged<Channel> contractsEndingSoon(Actor actor, int size) {
        return search(actor, new ChannelQuery(null, null, null, null, null, null, contractWarningDays,
                ChannelQuery.Sort.CONTRACT_END, false, 0, size));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static ChannelConflictException duplicate(String code) {
        return ChannelConflictException.codeTaken(code);
    }

    private static Map<String, Object> describe(Channel c) {
        Map<String, Object> m = NamedValues.of("name", c.name(), "type", c.type().name(),
                "cooperationLevel", c.cooperationLevel() == null ? null : c.cooperationLevel().name(),
                "status", c.status().name(), "region", c.region(), "address", c.address(),
                "contactName", c.contactName(), "contactPhone", c.contactPhone(),
                "contractStart", c.contractStart() == null ? null : c.contractStart().toString(),
                "contractEnd", c.contractEnd() == null ? null : c.contractEnd().toString(),
                "contractRef", c.contractRef(), "notes", c.notes());
        return m;
    }
}
