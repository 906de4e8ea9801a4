package org.meridian.rectification;

import java.math.BigDecimal;
import java.util.List;

/**
 * A channel of a published evaluation that qualifies for a rectification plan: in the lowest tier, or with at least
 * one failing indicator; {@code livePlanId} names its plan for this evaluation when one is already open.
 */
public record Candidate(long channelId, String code, String name, String tier, BigDecimal total, boolean lowestTier,
                        List<Failing> failing, Long livePlanId) {

    public Candidate {
        failing = List.copyOf(failing);
    }

    /** An indicator whose score is below the failing score. */
    public record Failing(String indicator, BigDecimal score) {
    }
}
