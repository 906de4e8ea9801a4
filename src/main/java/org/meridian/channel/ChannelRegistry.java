package org.meridian.channel;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.meridian.shared.UnitType;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.CurrentUser;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.shared.web.InputProblem;
import org.meridian.shared.web.InvalidInputException;
import org.meridian.shared.web.Paged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The channel registry (渠道台账): the one way into the channel module for people, the API and other
 * modules. Every call names the hospital; nothing of another hospital is ever read or changed. Changes
 * are written to the audit log with old and new values in the same transaction. Who acts is the signed-in user, or {@code system} without one.
 * Role checks belong to the callers (controllers); the four-eyes rule of tier downgrades is kept here.
 */
@Service
public class ChannelRegistry {

    /** Longest reason or decision note for a status or tier change. */
    public static final int REASON_MAX = 500;

    private final Channels channels;
    private final Tiers tiers;
    private final TierChanges tierChanges;
    private final AuditLog audit;
    private final Hospitals hospitals;
    private final Clock clock;
    private final int contractWarningDays;

    ChannelRegistry(Channels channels, Tiers tiers, TierChanges tierChanges, AuditLog audit,
                    Hospitals hospitals, Clock clock,
                    @Value("${meridian.channel.contract-warning-days:60}") int contractWarningDays) {
        this.channels = channels;
        this.tiers = tiers;
        this.tierChanges = tierChanges;
        this.audit = audit;
        this.hospitals = hospitals;
        this.clock = clock;
        this.contractWarningDays = contractWarningDays;
    }

    // ---- look-ups for other modules -------------------------------------------------------------

    /** The channel with this code in the hospital (codes are case-sensitive), e.g. to resolve an event. */
    public Optional<ChannelRef> findByCode(long hospitalId, String code) {
        return code == null ? Optional.empty() : channels.findByCode(hospitalId, code).map(Channel::ref);
    }

    public Optional<ChannelRef> find(long hospitalId, long channelId) {
        return channels.findById(hospitalId, channelId).map(Channel::ref);
    }

    /** The channels of a type that evaluations score: status PILOT, ACTIVE or PROBATION (engine.md §4), by code. */
    public List<ChannelRef> evaluable(long hospitalId, UnitType type) {
        return channels.evaluable(hospitalId, type).stream().map(Channel::ref).toList();
    }

    // ---- the registry ---------------------------------------------------------------------------

    /** The channel with this code, or {@link ChannelNotFoundException}. */
    public Channel get(long hospitalId, String code) {
        return channels.findByCode(hospitalId, code).orElseThrow(() -> ChannelNotFoundException.code(code));
    }

    public Channel get(long hospitalId, long channelId) {
        return channels.findById(hospitalId, channelId)
                .orElseThrow(() -> new ChannelNotFoundException("No channel " + channelId + " in your hospital."));
    }

    public Paged<Channel> search(long hospitalId, ChannelQuery query) {
        return channels.search(hospitalId, query, today(hospitalId));
    }

    /** Every region path in use with its ancestors, sorted, for filters. */
    public List<String> regions(long hospitalId) {
        return channels.regions(hospitalId);
    }

    /**
     * Registers a channel. Every field problem is reported at once (400); a code already used in the
     * hospital is a conflict (409). Status defaults to ACTIVE, the tier to none.
     */
    @Transactional
    public Channel register(long hospitalId, ChannelDraft draft) {
        ChannelDraft.Fields f = draft.check(true);
        if (channels.codeTaken(hospitalId, f.code())) {
            throw duplicate(f.code());
        }
        long id;
        try {
            id = channels.insert(hospitalId, f);
        } catch (DuplicateKeyException e) {
            throw duplicate(f.code());
        }
        channels.insertStatusChange(hospitalId, id, null, f.status(), "registered", actor().name());
        Channel created = channels.findById(hospitalId, id).orElseThrow();
        audit(hospitalId, "CHANNEL_CREATED", created.code(), describe(created));
        return created;
    }

    /**
     * Changes a channel's fields; its code never changes. A status in the draft that differs from the
     * current one is a lifecycle step and needs {@code statusReason}; field problems and an illegal step
     * are reported together (400) and nothing is changed. The audit entry lists each changed field with
     * its old and new value.
     */
    @Transactional
    public Channel update(long hospitalId, String code, ChannelDraft draft, String statusReason) {
        Channel before = channels.lock(hospitalId, get(hospitalId, code).id()).orElseThrow();
        List<InputProblem> problems = new ArrayList<>();
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
        ChannelStatus target = statusChanges ? checkTransition(before, draft.status(), problems) : null;
        String why = statusChanges ? reason("statusReason", statusReason, problems) : null;
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        channels.update(hospitalId, before.id(), f);
        Channel after = channels.findById(hospitalId, before.id()).orElseThrow();
        Map<String, Object> changes = differences(before, after);
        if (!changes.isEmpty()) {
            audit(hospitalId, "CHANNEL_UPDATED", after.code(), changes);
        }
        if (statusChanges) {
            applyStatus(hospitalId, before, target, why);
            after = channels.findById(hospitalId, before.id()).orElseThrow();
        }
        return after;
    }

    /**
     * Moves a channel in its lifecycle ({@link ChannelStatus#next()}), with a reason. An illegal move,
     * a missing or over-long reason is a 400 listing the problems.
     */
    @Transactional
    public Channel changeStatus(long hospitalId, String code, String targetStatus, String reason) {
        Channel before = channels.lock(hospitalId, get(hospitalId, code).id()).orElseThrow();
        List<InputProblem> problems = new ArrayList<>();
        ChannelStatus target = checkTransition(before, targetStatus, problems);
        String why = reason("reason", reason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        applyStatus(hospitalId, before, target, why);
        return channels.findById(hospitalId, before.id()).orElseThrow();
    }

    private static ChannelStatus checkTransition(Channel before, String targetStatus, List<InputProblem> problems) {
        if (targetStatus == null || targetStatus.isBlank()) {
            problems.add(InputProblem.of("status", "channel.error.required"));
            return null;
        }
        try {
            ChannelStatus target = ChannelStatus.valueOf(targetStatus.strip().toUpperCase(java.util.Locale.ROOT));
            if (!before.status().canMoveTo(target)) {
                problems.add(InputProblem.of("status", "channel.error.transition", before.status().name(),
                        target.name()));
            }
            return target;
        } catch (IllegalArgumentException e) {
            problems.add(InputProblem.of("status", "channel.error.unknownStatus", targetStatus));
            return null;
        }
    }

    private void applyStatus(long hospitalId, Channel before, ChannelStatus target, String why) {
        channels.setStatus(hospitalId, before.id(), target);
        channels.insertStatusChange(hospitalId, before.id(), before.status(), target, why, actor().name());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", AuditLog.change(before.status().name(), target.name()));
        details.put("reason", why);
        audit(hospitalId, "CHANNEL_STATUS_CHANGED", before.code(), details);
    }

    public List<StatusChange> statusHistory(long hospitalId, long channelId) {
        return channels.statusHistory(hospitalId, channelId);
    }

    // ---- tiers ----------------------------------------------------------------------------------

    /** The hospital's tiers, best first; the defaults A 战略, B 核心, C 一般, D 观察 until it changes them. */
    public List<Tier> tiers(long hospitalId) {
        return tiers.all(hospitalId);
    }

    /**
     * Changes the management standard of an existing tier (name, review cadence, visits, incentive rate,
     * priority quota, notes); its code and rank stay. Every problem is reported at once.
     */
    @Transactional
    public Tier updateTier(long hospitalId, String code, String name, String reviewCadence, String visitsPerYear,
                           String incentiveRate, String priorityQuota, String notes) {
        Tier before = tiers.find(hospitalId, code)
                .orElseThrow(() -> new ChannelNotFoundException("No tier '" + code + "' in your hospital."));
        List<InputProblem> problems = new ArrayList<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            problems.add(InputProblem.of("name", "channel.error.required"));
        } else if (n.length() > 50) {
            problems.add(InputProblem.of("name", "channel.error.tooLong", 50));
        }
        ReviewCadence cadence = null;
        try {
            cadence = ReviewCadence.valueOf(reviewCadence == null ? "" : reviewCadence.strip());
        } catch (IllegalArgumentException e) {
            problems.add(InputProblem.of("reviewCadence", "channel.error.unknownCadence", reviewCadence));
        }
        Integer visits = integer("visitsPerYear", visitsPerYear, 0, 365, problems);
        Integer quota = integer("priorityQuota", priorityQuota, 0, 100000, problems);
        BigDecimal rate = null;
        try {
            rate = new BigDecimal(incentiveRate == null ? "" : incentiveRate.strip());
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0 || rate.scale() > 2) {
                problems.add(InputProblem.of("incentiveRate", "channel.error.rate"));
            }
        } catch (NumberFormatException e) {
            problems.add(InputProblem.of("incentiveRate", "channel.error.rate"));
        }
        String nt = notes == null || notes.isBlank() ? null : notes.strip();
        if (nt != null && nt.length() > 1000) {
            problems.add(InputProblem.of("notes", "channel.error.tooLong", 1000));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Tier after = new Tier(before.code(), n, before.rank(), cadence, visits, rate.setScale(2), quota, nt);
        tiers.update(hospitalId, after);
        Map<String, Object> changes = new LinkedHashMap<>();
        diff(changes, "name", before.name(), after.name());
        diff(changes, "reviewCadence", before.reviewCadence(), after.reviewCadence());
        diff(changes, "visitsPerYear", before.visitsPerYear(), after.visitsPerYear());
        diff(changes, "incentiveRate", before.incentiveRate().toPlainString(), after.incentiveRate().toPlainString());
        diff(changes, "priorityQuota", before.priorityQuota(), after.priorityQuota());
        diff(changes, "notes", before.notes(), after.notes());
        if (!changes.isEmpty()) {
            audit(hospitalId, "CHANNEL_TIER_STANDARD_UPDATED", "tier " + code, changes);
        }
        return after;
    }

    /**
     * Asks for a channel's tier to become {@code toTier}, with a reason (分级调整). A first tier or an
     * upgrade (a better rank) applies at once; a downgrade
     * waits as PENDING for a hospital manager ({@link #decideTierChange}). A newer request replaces a pending one (SUPERSEDED). Evaluations
     * call this with source {@link TierChangeSource#EVALUATION} and their id as {@code sourceRef}.
     * Unknown tier, the current tier, a terminated channel or a missing reason: 400.
     */
    @Transactional
    public TierChange requestTierChange(long hospitalId, long channelId, String toTier, String reason,
                                        TierChangeSource source, String sourceRef) {
        Channel channel = channels.lock(hospitalId, get(hospitalId, channelId).id()).orElseThrow();
        List<InputProblem> problems = new ArrayList<>();
        List<Tier> catalogue = tiers.all(hospitalId);
        String target = toTier == null ? null : toTier.strip();
        Tier to = catalogue.stream().filter(t -> t.code().equals(target)).findFirst().orElse(null);
        if (target == null || target.isEmpty()) {
            problems.add(InputProblem.of("tier", "channel.error.required"));
        } else if (to == null) {
            problems.add(InputProblem.of("tier", "channel.error.unknownTier", target));
        } else if (to.code().equals(channel.tier())) {
            problems.add(InputProblem.of("tier", "channel.error.sameTier", target));
        }
        if (channel.status() == ChannelStatus.TERMINATED) {
            problems.add(InputProblem.of("tier", "channel.error.tierTerminated"));
        }
        String why = reason("reason", reason, problems);
        if (sourceRef != null && sourceRef.length() > 100) {
            problems.add(InputProblem.of("sourceRef", "channel.error.tooLong", 100));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        TierChangeSource src = source == null ? TierChangeSource.MANUAL : source;
        Tier from = catalogue.stream().filter(t -> t.code().equals(channel.tier())).findFirst().orElse(null);
        TierDirection direction = from == null ? TierDirection.INITIAL
                : to.rank() < from.rank() ? TierDirection.UPGRADE : TierDirection.DOWNGRADE;
        Actor actor = actor();
        Optional<TierChange> pending = tierChanges.pendingOf(hospitalId, channel.id());
        pending.ifPresent(p -> {
            tierChanges.decide(hospitalId, p.id(), TierChangeStatus.SUPERSEDED, actor.name(),
                    "superseded by a newer request");
            audit(hospitalId, "CHANNEL_TIER_CHANGE_SUPERSEDED", channel.code(), Map.of("tierChange", p.id()));
        });
        boolean downgrade = direction == TierDirection.DOWNGRADE;
        long id = tierChanges.insert(hospitalId, channel.id(), channel.tier(), to.code(), direction, why, src, sourceRef,
                downgrade ? TierChangeStatus.PENDING : TierChangeStatus.APPLIED, actor.name(), actor.userId());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tier", AuditLog.change(channel.tier(), to.code()));
        details.put("direction", direction.name());
        details.put("reason", why);
        details.put("source", src.name());
        if (sourceRef != null) {
            details.put("sourceRef", sourceRef);
        }
        details.put("tierChange", id);
        if (downgrade) {
            audit(hospitalId, "CHANNEL_TIER_DOWNGRADE_REQUESTED", channel.code(), details);
        } else {
            channels.setTier(hospitalId, channel.id(), to.code());
            audit(hospitalId, "CHANNEL_TIER_CHANGED", channel.code(), details);
        }
        return tierChanges.find(hospitalId, id).orElseThrow();
    }

    /**
     * Approves or rejects a pending downgrade. The person who requested it cannot decide it
     * ({@link SelfApprovalException}, 403); one that is no longer pending is a conflict (409). An approval
     * sets the channel's tier.
     */
    @Transactional
    public TierChange decideTierChange(long hospitalId, long tierChangeId, boolean approve, String note) {
        TierChange change = tierChanges.find(hospitalId, tierChangeId).orElseThrow(() ->
                new ChannelNotFoundException("No tier change " + tierChangeId + " in your hospital."));
        Channel channel = channels.lock(hospitalId, change.channelId()).orElseThrow();
        change = tierChanges.find(hospitalId, tierChangeId).orElseThrow();
        if (!change.pending()) {
            throw new ChannelConflictException("Tier change " + tierChangeId + " is " + change.status()
                    + ", not PENDING.");
        }
        Actor actor = actor();
        if (change.requestedById() != null && Objects.equals(change.requestedById(), actor.userId())) {
            throw new SelfApprovalException();
        }
        List<InputProblem> problems = new ArrayList<>();
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > REASON_MAX) {
            problems.add(InputProblem.of("note", "channel.error.tooLong", REASON_MAX));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        TierChangeStatus decision = approve ? TierChangeStatus.APPROVED : TierChangeStatus.REJECTED;
        tierChanges.decide(hospitalId, change.id(), decision, actor.name(), n);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tierChange", change.id());
        details.put("requestedBy", change.requestedBy());
        details.put("tier", AuditLog.change(channel.tier(), approve ? change.toTier() : channel.tier()));
        details.put("requestedTier", change.toTier());
        if (n != null) {
            details.put("note", n);
        }
        if (approve) {
            channels.setTier(hospitalId, channel.id(), change.toTier());
            audit(hospitalId, "CHANNEL_TIER_CHANGED", channel.code(), details);
        } else {
            audit(hospitalId, "CHANNEL_TIER_DOWNGRADE_REJECTED", channel.code(), details);
        }
        return tierChanges.find(hospitalId, change.id()).orElseThrow();
    }

    public Optional<TierChange> findTierChange(long hospitalId, long tierChangeId) {
        return tierChanges.find(hospitalId, tierChangeId);
    }

    /** A channel's tier changes, newest first. */
    public List<TierChange> tierHistory(long hospitalId, long channelId) {
        return tierChanges.ofChannel(hospitalId, channelId);
    }

    /** Downgrades waiting for a hospital manager, oldest first. */
    public List<TierChange> pendingTierChanges(long hospitalId) {
        return tierChanges.pending(hospitalId);
    }

    // ---- figures --------------------------------------------------------------------------------

    /** Days ahead within which an ending contract is flagged ({@code meridian.channel.contract-warning-days}). */
    public int contractWarningDays() {
        return contractWarningDays;
    }

    /** Channels not terminated whose contract ends between today and the warning horizon, soonest first. */
    public Paged<Channel> contractsEndingSoon(long hospitalId, int size) {
        return search(hospitalId, new ChannelQuery(null, null, null, null, null, null, contractWarningDays,
                ChannelQuery.Sort.CONTRACT_END, false, 0, size));
    }

    public long countActive(long hospitalId) {
        return channels.countByStatus(hospitalId, ChannelStatus.ACTIVE);
    }

    public long countAll(long hospitalId) {
        return channels.count(hospitalId);
    }

    public long countPendingTierChanges(long hospitalId) {
        return tierChanges.countPending(hospitalId);
    }

    /** Today in the hospital's time zone. */
    public LocalDate today(long hospitalId) {
        return LocalDate.now(clock.withZone(zone(hospitalId)));
    }

    /** The hospital's time zone, in which its pages show times. */
    public ZoneId zone(long hospitalId) {
        return hospitals.find(hospitalId).map(Hospital::timeZone).orElse(ZoneId.of("Asia/Shanghai"));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private record Actor(String name, Long userId) {
    }

    private static Actor actor() {
        return CurrentUser.find().map(u -> new Actor(u.getUsername(), u.userId())).orElse(new Actor("system", null));
    }

    private void audit(long hospitalId, String action, String target, Map<String, ?> details) {
        Optional<MeridianUser> user = CurrentUser.find();
        audit.record(hospitalId, user.map(MeridianUser::getUsername).orElse("system"), action, target, details);
    }

    private static ChannelConflictException duplicate(String code) {
        return new ChannelConflictException("A channel with code '" + code + "' already exists in your hospital.");
    }

    private static String reason(String field, String reason, List<InputProblem> problems) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            problems.add(InputProblem.of(field, "channel.error.reasonRequired"));
            return null;
        }
        if (r.length() > REASON_MAX) {
            problems.add(InputProblem.of(field, "channel.error.tooLong", REASON_MAX));
            return null;
        }
        return r;
    }

    private static Integer integer(String field, String value, int min, int max, List<InputProblem> problems) {
        try {
            int v = Integer.parseInt(value == null ? "" : value.strip());
            if (v < min || v > max) {
                problems.add(InputProblem.of(field, "channel.error.range", min, max));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(InputProblem.of(field, "channel.error.range", min, max));
            return null;
        }
    }

    private static Map<String, Object> describe(Channel c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("type", c.type().name());
        m.put("cooperationLevel", c.cooperationLevel() == null ? null : c.cooperationLevel().name());
        m.put("status", c.status().name());
        m.put("region", c.region());
        m.put("address", c.address());
        m.put("contactName", c.contactName());
        m.put("contactPhone", c.contactPhone());
        m.put("contractStart", c.contractStart() == null ? null : c.contractStart().toString());
        m.put("contractEnd", c.contractEnd() == null ? null : c.contractEnd().toString());
        m.put("contractRef", c.contractRef());
        m.put("notes", c.notes());
        return m;
    }

    private static Map<String, Object> differences(Channel before, Channel after) {
        Map<String, Object> old = describe(before);
        Map<String, Object> now = describe(after);
        Map<String, Object> changes = new LinkedHashMap<>();
        old.forEach((k, v) -> diff(changes, k, v, now.get(k)));
        return changes;
    }

    private static void diff(Map<String, Object> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, AuditLog.change(before, after));
        }
    }
}
