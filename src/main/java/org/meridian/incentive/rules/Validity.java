package org.meridian.incentive.rules;

import java.time.LocalDate;

import org.meridian.shared.Period;

/**
 * The dates a rule version is in force (有效期), both inclusive; {@code to} null means open-ended.
 * A rule applies to a period when it is in force on the period's last day.
 */
public record Validity(LocalDate from, LocalDate to) {

    public Validity {
        if (from == null) {
            throw new InvalidIncentiveException(IncentiveProblem.of("validFrom", "incentive.v.validFrom"));
        }
        if (to != null && to.isBefore(from)) {
            throw new InvalidIncentiveException(IncentiveProblem.of("validTo", "incentive.v.validTo", to, from));
        }
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    /** True when the rule is in force for the period, i.e. on its last day. */
    public boolean appliesTo(Period period) {
        return covers(period.lastDay());
    }

    public boolean overlaps(Validity other) {
        return (to == null || !other.from.isAfter(to)) && (other.to == null || !from.isAfter(other.to));
    }
}
