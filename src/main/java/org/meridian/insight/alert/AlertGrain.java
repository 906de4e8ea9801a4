package org.meridian.insight.alert;

/** Whether an alert is about a day or a month (its day is then the first day of the month). */
public enum AlertGrain {
    DAY,
    MONTH
}
