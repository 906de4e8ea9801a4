package org.meridian.rectification;

import java.time.OffsetDateTime;

import org.meridian.shared.UnitType;

/**
 * A rectification plan (整改计划) of one channel, opened on the grounds of one published evaluation.
 *
 * @param grounds why the channel was eligible, as stored: {@code tier:D; REFERRAL_VOLUME 42.5} (the lowest tier when
 *                it was, then each failing indicator with its score); see {@link #groundsTier()} and
 *                {@link #groundsFailing()}
 */
public record Plan(long id, long channelId, String channelCode, String channelName, long evaluationId, String period,
                   UnitType unitType, String grounds, String title, PlanStatus status, OffsetDateTime openedAt,
                   String openedBy, OffsetDateTime closedAt, String closedBy) {

    static final String TIER = "tier:";

    /** The lowest tier the channel was in, or null when it qualified by failing indicators only. */
    public String groundsTier() {
        return java.util.Arrays.stream(grounds.split("; ")).filter(g -> g.startsWith(TIER))
                .map(g -> g.substring(TIER.length())).findFirst().orElse(null);
    }

    /** The failing indicators with their scores as stored ({@code REFERRAL_VOLUME 42.5}), in the stored order. */
    public java.util.List<Candidate.Failing> groundsFailing() {
        return java.util.Arrays.stream(grounds.split("; "))
                .filter(g -> !g.isBlank() && !g.startsWith(TIER) && g.lastIndexOf(' ') > 0)
                .map(g -> new Candidate.Failing(g.substring(0, g.lastIndexOf(' ')),
                        new java.math.BigDecimal(g.substring(g.lastIndexOf(' ') + 1))))
                .toList();
    }
}
