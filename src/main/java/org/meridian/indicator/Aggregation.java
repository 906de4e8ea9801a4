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
        return aggregate(monthly.stream().reduce(BigDecimal.ZERO, BigDecimal::add), monthly.size(),
                monthly.get(monthly.size() - 1));
    }

    /**
     * The period's value from the sum of its months' values, how many months have one and the latest month's
     * value, which is all that {@link #aggregate(List)} reads (so a database can add up the months); null for none.
     */
    public BigDecimal aggregate(BigDecimal sum, long months, BigDecimal latest) {
        if (months == 0) {
            return null;
        }
        return switch (this) {
            case SUM -> sum;
            case AVERAGE -> sum.divide(BigDecimal.valueOf(months), Formula.PRECISION);
            case LAST -> latest;
        };
    }
}
