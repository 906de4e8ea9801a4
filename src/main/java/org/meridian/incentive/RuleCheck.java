package org.meridian.incentive;

import java.util.List;

import org.meridian.shared.problem.Problem;

/**
 * What saving a rule definition now would give, without saving it (the rule builder's live check): the version it
 * would become, every problem that would refuse it, and the compliance guard's verdict.
 *
 * @param version    the version the definition would be saved as (1 for a new code)
 * @param problems   every problem {@link RuleBook#createRule} would refuse it for; empty when it would be saved
 * @param compliance the guard's verdict ({@code NOT_REQUIRED} or {@code COMPLIANCE_REVIEW_REQUIRED}); null while the
 *                   rule's type, or a fee's base, is not given yet
 * @param measure    the measure a flagged fee is based on (e.g. {@code arrivals}); null otherwise
 */
public record RuleCheck(int version, List<Problem> problems, ComplianceStatus compliance, String measure) {

    public RuleCheck {
        problems = List.copyOf(problems);
    }

    /** True when nothing stands in the way of saving. */
    public boolean saveable() {
        return problems.isEmpty();
    }
}
