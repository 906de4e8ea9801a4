package org.meridian.shared;

/**
 * What kind of thing an evaluated unit is (engine.md §1): a channel (渠道, an external referral partner), a
 * department of the hospital (科室) or an institution of a region (机构). Each {@link UnitType} belongs to one kind.
 */
public enum UnitKind {
    /** 渠道 */
    CHANNEL,
    /** 科室 */
    DEPARTMENT,
    /** 机构 */
    INSTITUTION
}
