package org.meridian.indicator.scoring;

/** Whether a higher or a lower value of an indicator is better (指标方向). */
public enum Direction {
    /** 越高越好, e.g. 到诊率 */
    HIGHER_IS_BETTER,
    /** 越低越好, e.g. 服务响应时间, 投诉率 */
    LOWER_IS_BETTER;

    /** True when {@code a} is strictly better than {@code b} in this direction. */
    public boolean better(java.math.BigDecimal a, java.math.BigDecimal b) {
        int c = a.compareTo(b);
        return this == HIGHER_IS_BETTER ? c > 0 : c < 0;
    }
}
