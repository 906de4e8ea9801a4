package org.meridian.incentive.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.meridian.shared.Period;

/**
 * Applies a {@link IncentiveRule.SanctionRule} to a channel's tier history. The streak is the number of
 * consecutive periods, ending with the latest one, in which the channel was in the lowest tier; periods
 * must follow each other without a gap (2026-Q2, 2026-Q3): a missing period or any other tier ends the
 * streak. An {@code UNRATED} period is not the lowest tier and so ends the streak too.
 */
public final class SanctionPolicy {

    private SanctionPolicy() {
    }

    /**
     * The recommendation after the latest period of {@code history}, or empty when the channel is not
     * in the lowest tier then. All periods must be of one kind (all quarters, or all months…).
     */
    public static Optional<SanctionRecommendation> recommend(IncentiveRule.SanctionRule rule, String channelCode,
                                                             List<TierInPeriod> history) {
        if (history == null || history.isEmpty()) {
            return Optional.empty();
        }
        List<TierInPeriod> sorted = new ArrayList<>(history);
        sorted.sort(Comparator.comparing(TierInPeriod::period));
        Period.Kind kind = sorted.get(0).period().kind();
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).period().kind() != kind) {
                throw new InvalidIncentiveException(IncentiveProblem.of("history[" + i + "]", "incentive.v.historyKinds", kind, sorted.get(i).period().kind()));
            }
            if (i > 0 && sorted.get(i).period().equals(sorted.get(i - 1).period())) {
                throw new InvalidIncentiveException(IncentiveProblem.of("history[" + i + "]", "incentive.v.historyTwice", sorted.get(i).period()));
            }
        }
        TierInPeriod latest = sorted.get(sorted.size() - 1);
        int streak = 0;
        Period expected = latest.period();
        for (int i = sorted.size() - 1; i >= 0; i--) {
            TierInPeriod t = sorted.get(i);
            if (!t.period().equals(expected) || !t.tier().equals(rule.lowestTier())) {
                break;
            }
            streak++;
            expected = t.period().previous();
        }
        SanctionRecommendation.Level level;
        if (streak >= rule.terminationAfter()) {
            level = SanctionRecommendation.Level.TERMINATION_RECOMMENDED;
        } else if (streak >= rule.probationAfter()) {
            level = SanctionRecommendation.Level.PROBATION;
        } else if (streak >= rule.warningAfter()) {
            level = SanctionRecommendation.Level.WARNING;
        } else {
            return Optional.empty();
        }
        return Optional.of(new SanctionRecommendation(channelCode, latest.period(), level, streak,
                rule.lowestTier(), rule.header().code(), rule.header().version()));
    }
}
