package org.meridian.insight.change;

import java.time.YearMonth;

/** What a month is compared with: the month before (环比) or the same month a year before (同比). */
public enum ChangeBasis {
    MONTH_BEFORE,
    YEAR_BEFORE;

    /** The month compared with {@code month}. */
    public YearMonth base(YearMonth month) {
        return this == MONTH_BEFORE ? month.minusMonths(1) : month.minusYears(1);
    }
}
