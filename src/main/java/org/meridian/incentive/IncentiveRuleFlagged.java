package org.meridian.incentive;

import java.time.Instant;

/**
 * A rule version was saved that the compliance guard holds back (需合规审查): it takes no effect until a hospital
 * manager other than {@code createdBy} signs it off. Published by {@link RuleBook} in the saving transaction.
 */
public record IncentiveRuleFlagged(long hospitalId, long ruleId, String code, int version, String name,
                                   String createdBy, Instant at) {
}
