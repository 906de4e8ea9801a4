package org.meridian.channel;

/** A tier change's direction by the tiers' ranks: a first tier, a better tier, or a worse one. */
public enum TierDirection {
    INITIAL,
    UPGRADE,
    DOWNGRADE
}
