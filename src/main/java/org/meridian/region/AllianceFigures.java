package org.meridian.region;

import java.math.BigDecimal;
import java.util.List;

import org.meridian.exam.Alliance;
import org.meridian.exam.NamedInstitution;
import org.meridian.shared.Period;
import org.meridian.shared.Rate;
import org.meridian.shared.UnitType;

/**
 * An alliance's report for a period (医联体评价报告): the alliance, its repeat-examination figures over the records
 * its members performed (null when fewer than the threshold; {@code repeatRecords} is then only compared, never
 * shown), its two-way referrals (双向转诊), its primary-care visit share (基层诊疗量占比), and each member with its latest
 * published scorecard and its contribution.
 */
public record AllianceFigures(Alliance alliance, Period period, HospitalFigures.Repeats repeats, long repeatRecords,
                              Referrals referrals, PrimaryCare primaryCare, List<Member> members) {

    /** The statistic measure whose monthly values are a member's visits: 门急诊人次 (outpatient and emergency visits). */
    public static final String VISITS = "outpatient_visits";

    public AllianceFigures {
        members = List.copyOf(members);
    }

    /**
     * One member: whether it leads, its latest published scorecard (null when none), its repeat figures in the period
     * (null when it performed fewer records than the threshold) and its contribution: its share of the alliance's
     * records and of its repeats (0 to 1; null when its own figures or the alliance's are hidden, or the alliance
     * has no repeat), and for a member that does not lead its referrals (the lead's row has none: the alliance's
     * totals are its own).
     */
    public record Member(NamedInstitution institution, boolean lead, Scorecard scorecard,
                         HospitalFigures.Repeats repeats, long repeatRecords, Rate recordShare,
                         Rate repeatShare, MemberReferrals referrals, Visits visits) {
    }

    /**
     * A member's visits in the period: whether it is a primary-care institution (基层医疗卫生机构: a hospital of the
     * region or an institution unit of type PRIMARY_CARE), whether its hospital registered the unit its visits are
     * reported for ({@code unit}: for a hospital, an INSTITUTION unit with the hospital's own code), how many months
     * of the period have a value of {@link #VISITS}, and their sum ({@code visits} null when none has, or when the
     * sum is from 1 to one below the threshold: {@code hidden}).
     */
    public record Visits(boolean primaryCare, boolean unit, int months, BigDecimal visits, boolean hidden) {

        public boolean reported() {
            return months > 0;
        }
    }

    /**
     * The alliance's primary-care visit share (基层诊疗量占比): the visits of its primary-care members over the visits
     * of all its members in the period (its fraction from 0 to 1 to 6 decimals). {@code share} (and both sums) null when a member
     * reported no visit in the period ({@code unreported} names them, by reference), when a member's visits are
     * hidden ({@code hidden}), or when the members' visits add up to 0.
     */
    public record PrimaryCare(BigDecimal primaryVisits, BigDecimal allVisits, Rate share,
                              List<String> unreported, boolean hidden) {

        public PrimaryCare {
            unreported = List.copyOf(unreported);
        }
    }

    /**
     * A count of referrals as the report may show it: {@code count} null when it is from 1 to one below the
     * threshold (hidden, so that a small count does not point at a few patients); 0 is shown.
     */
    public record Count(Long count) {

        static Count of(long n, int minRecords) {
            return new Count(n > 0 && n < minRecords ? null : n);
        }

        public boolean hidden() {
            return count == null;
        }
    }

    /**
     * The alliance's two-way referrals in the period (双向转诊): upward (上转, a member's REFERRAL_OUT to the lead),
     * downward (下转, the lead's REFERRAL_OUT to a member) and the downward share, downward / (upward + downward) from
     * 0 to 1 — null when there was no referral either way or either count is hidden.
     */
    public record Referrals(Count upward, Count downward, Rate downwardShare) {
    }

    /**
     * A member's part of the alliance's referrals: its upward referrals to the lead and the downward referrals the
     * lead sent it, each with its share of the alliance's total that way (0 to 1; null when either count is hidden or
     * the total is 0).
     */
    public record MemberReferrals(Count upward, Rate upwardShare, Count downward, Rate downwardShare) {
    }

    /**
     * A member's latest published scorecard: for a hospital of the region, its newest published evaluation of any unit
     * type with how many units it scored and their mean total; for an institution unit a hospital registered, the
     * unit's own total in the newest published evaluation of that hospital that scored it ({@code units} 1).
     */
    public record Scorecard(Period period, UnitType unitType, int units, BigDecimal total) {
    }
}
