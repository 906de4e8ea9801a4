package org.meridian.indicator.scoring;

/**
 * Where a unit stands in the performance–brand matrix (绩效–品牌矩阵): high or low on each axis, high meaning at or
 * above the axis' threshold.
 */
public enum Quadrant {
    /** 双高: performance and brand both high. */
    STAR,
    /** 绩效高、品牌低: good work that is not known; make it known. */
    UNDER_RECOGNISED,
    /** 品牌高、绩效低: the reputation is not earned now. */
    BRAND_AT_RISK,
    /** 双低: both low. */
    WEAK;

    public static Quadrant of(boolean highPerformance, boolean highBrand) {
        if (highPerformance) {
            return highBrand ? STAR : UNDER_RECOGNISED;
        }
        return highBrand ? BRAND_AT_RISK : WEAK;
    }
}
