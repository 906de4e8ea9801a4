package org.meridian.region;

import java.math.BigDecimal;
import java.util.List;

import org.meridian.exam.Alliance;
import org.meridian.exam.NamedInstitution;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;

/**
 * An alliance's report for a period (医联体评价报告): the alliance, its repeat-examination figures over the records
 * its members performed (null when fewer than the threshold; {@code repeatRecords} is then only compared, never
 * shown), and each member with its latest published scorecard and its contribution. The referral indicators are not
 * computed yet (see docs/region.md): {@code missing} names them.
 */
public record AllianceFigures(Alliance alliance, Period period, HospitalFigures.Repeats repeats, long repeatRecords,
                              List<Member> members, List<String> missing) {

    /** The indicators of the alliance report that cannot be computed from the data Meridian holds yet. */
    public static final List<String> NOT_YET = List.of("UPWARD_REFERRALS", "DOWNWARD_REFERRALS", "DOWNWARD_SHARE",
            "PRIMARY_CARE_VISIT_SHARE");

    public AllianceFigures {
        members = List.copyOf(members);
        missing = List.copyOf(missing);
    }

    /**
     * One member: whether it leads, its latest published scorecard (null when none), its repeat figures in the period
     * (null when it performed fewer records than the threshold) and its contribution: its share of the alliance's
     * records and of its repeats (0 to 1; null when its own figures or the alliance's are hidden, or the alliance
     * has no repeat).
     */
    public record Member(NamedInstitution institution, boolean lead, Scorecard scorecard,
                         HospitalFigures.Repeats repeats, long repeatRecords, BigDecimal recordShare,
                         BigDecimal repeatShare) {
    }

    /**
     * A member's latest published scorecard: for a hospital of the region, its newest published evaluation of any unit
     * type with how many units it scored and their mean total; for an institution unit a hospital registered, the
     * unit's own total in the newest published evaluation of that hospital that scored it ({@code units} 1).
     */
    public record Scorecard(Period period, UnitType unitType, int units, BigDecimal total) {
    }
}
