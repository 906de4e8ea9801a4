package org.meridian.insight.alert;

/** A day of the holiday calendar: a public holiday (法定节假日, also the days moved into it) or a 调休 working day. */
public enum HolidayKind {
    HOLIDAY,
    WORKDAY
}
