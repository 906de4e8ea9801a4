package org.meridian.incentive;

import java.time.Instant;

/**
 * A flagged rule version (需合规审查) was signed off (合规签批) by {@code signedOffBy} and takes effect from its
 * validity on: the work {@link IncentiveRuleFlagged} asked the hospital's managers for is done. Published by
 * {@link RuleBook#signOff} in the sign-off's transaction.
 */
public record IncentiveRuleSignedOff(long hospitalId, long ruleId, String code, int version, String signedOffBy,
                                     Instant at) {
}
