package org.meridian.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hospital's tiers (渠道分级) and their management standards (管理标准). A hospital gets the defaults A 战略,
 * B 核心, C 一般, D 观察 on first use; a hospital manager then edits each tier's {@link TierStandard}, never its
 * code or rank. Changes are audited as {@code CHANNEL_TIER_STANDARD_UPDATED} with each changed value.
 */
@Service
public class TierCatalogue {

    private final Tiers tiers;
    private final AuditLog audit;

    TierCatalogue(Tiers tiers, AuditLog audit) {
        this.tiers = tiers;
        this.audit = audit;
    }

    /** The hospital's tiers, best first. */
    public List<Tier> tiers(Actor actor) {
        return tiers.all(actor.hospitalId());
    }

    /** The tier with this code, or {@link ChannelNotFoundException}. */
    public Tier get(Actor actor, String code) {
        return tiers.find(actor.hospitalId(), code)
                .orElseThrow(() -> ChannelNotFoundException.tier(code));
    }

    /** Sets a tier's management standard; its code and rank stay. */
    @Transactional
    public Tier updateStandard(Actor actor, String code, TierStandard standard) {
        Tier before = get(actor, code);
        Tier after = new Tier(before.code(), standard.name(), before.rank(), standard.reviewCadence(),
                standard.visitsPerYear(), standard.incentiveRate(), standard.priorityQuota(), standard.responseHours(),
                standard.arrivalRate(), standard.notes());
        tiers.update(actor.hospitalId(), after);
        Map<String, Object> changes = new LinkedHashMap<>();
        AuditChanges.diff(changes, "name", before.name(), after.name());
        AuditChanges.diff(changes, "reviewCadence", before.reviewCadence(), after.reviewCadence());
        AuditChanges.diff(changes, "visitsPerYear", before.visitsPerYear(), after.visitsPerYear());
        AuditChanges.diff(changes, "incentiveRate", before.incentiveRate().toPlainString(),
                after.incentiveRate().toPlainString());
        AuditChanges.diff(changes, "priorityQuota", before.priorityQuota(), after.priorityQuota());
        AuditChanges.diff(changes, "responseHours", before.responseHours(), after.responseHours());
        AuditChanges.diff(changes, "arrivalRate", before.arrivalRate(), after.arrivalRate());
        AuditChanges.diff(changes, "notes", before.notes(), after.notes());
        if (!changes.isEmpty()) {
            audit.record(actor.hospitalId(), actor.username(), "CHANNEL_TIER_STANDARD_UPDATED", "tier " + code, changes);
        }
        return after;
    }
}
