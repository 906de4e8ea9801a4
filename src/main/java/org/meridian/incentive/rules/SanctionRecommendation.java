package org.meridian.incentive.rules;

import org.meridian.shared.Period;

/**
 * What the sanction policy recommends for a channel after a period: a level and how many consecutive
 * periods it has been in the lowest tier. A recommendation, never an action.
 */
public record SanctionRecommendation(String channelCode, Period period, Level level, int consecutivePeriods,
                                     String lowestTier, String ruleCode, int ruleVersion) {

    /** The steps of the sanction policy, mildest first. */
    public enum Level {
        /** 预警: first period in the lowest tier. */
        WARNING,
        /** 观察期: the channel's status should become PROBATION. */
        PROBATION,
        /** 建议终止合作: a person decides whether to end the cooperation. */
        TERMINATION_RECOMMENDED
    }

    public Explanation explanation() {
        return Explanation.of("incentive.explain.sanction." + level.name(), lowestTier, consecutivePeriods,
                period);
    }
}
