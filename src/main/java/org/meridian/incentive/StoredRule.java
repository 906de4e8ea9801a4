package org.meridian.incentive;

import java.time.Instant;
import java.time.LocalDate;

import org.meridian.incentive.rules.IncentiveRule;
import org.meridian.incentive.rules.RuleDefinition;
import org.meridian.incentive.rules.RuleType;

/**
 * One version of a hospital's incentive rule as kept: its definition, its validity (the end date is set
 * when a later version takes over), and its compliance state with the sign-off (who, when, why).
 */
public record StoredRule(long id, String code, int version, String name, RuleType type, String unitType,
                         LocalDate validFrom, LocalDate validTo, RuleDefinition definition,
                         ComplianceStatus complianceStatus, String complianceReason, String signedOffBy,
                         Instant signedOffAt, String signOffJustification, String createdBy, Instant createdAt) {

    /** The rule as the calculation applies it, with the stored validity. */
    public IncentiveRule toRule() {
        return definition.withValidity(validFrom, validTo).toRule(version);
    }
}
