package org.meridian.indicator;

import java.math.BigDecimal;
import java.util.List;

import org.meridian.indicator.scoring.Formula;

/**
 * How the monthly values of a statistic measure make one value over a period (汇总方式), counting only the months
 * that have a value: {@link #SUM} adds them, {@link #AVERAGE} is their mean (a division at
 * {@link Formula#PRECISION}), {@link #LAST} is the latest month's value. A period with no value is missing (null),
 * never 0.
 */
public enum Aggregation {
    /** 求和: e.g. discharges, operations */
    SUM,
    /** 平均: e.g. a monthly satisfaction score */
    AVERAGE,
    /** 期末值: e.g. staff at the end of the period */
    LAST;

    /**
     * The period's value from its months' values in month order (months without a value left out); null for none.
     */
    public BigDecimal aggregate(List<BigDecimal> monthly) {
        if (monthly == null || monthly.isEmpty()) {
            return null;
        }
        return switch (this) {
            case SUM -> monthly.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case AVERAGE -> monthly.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(monthly.size()), Formula.PRECISION);
            case LAST -> monthly.get(monthly.size() - 1);
        };
    }
}
