package org.meridian.incentive.rules;

import org.meridian.shared.Period;

/** The tier a channel was given for one period (from a published evaluation). */
public record TierInPeriod(Period period, String tier) {

    public TierInPeriod {
        if (period == null || tier == null || tier.isBlank()) {
            throw new IllegalArgumentException("a tier in a period needs both");
        }
    }
}
