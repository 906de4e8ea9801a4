package org.meridian.channel;

/**
 * The state of a tier change request. Upgrades and first tiers are {@code APPLIED} at once; a downgrade
 * is {@code PENDING} until a hospital manager {@code APPROVED} or {@code REJECTED} it; a pending one is
 * {@code SUPERSEDED} when a newer request for the same channel arrives.
 */
public enum TierChangeStatus {
    APPLIED,
    PENDING,
    APPROVED,
    REJECTED,
    SUPERSEDED
}
