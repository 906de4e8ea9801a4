package org.meridian.incentive;

/** Where a rule version stands with the compliance guard (合规审查). */
public enum ComplianceStatus {
    /** The guard found nothing: the rule takes effect from its valid-from date. */
    NOT_REQUIRED,
    /** 需合规审查: a money rule based on patient volume or revenue; not in effect until signed off. */
    COMPLIANCE_REVIEW_REQUIRED,
    /** A hospital manager signed it off with a recorded justification; in effect from its valid-from date. */
    SIGNED_OFF;

    /** True when a rule in this state is applied to statements. */
    public boolean inEffect() {
        return this != COMPLIANCE_REVIEW_REQUIRED;
    }
}
