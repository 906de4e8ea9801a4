package org.meridian.insight.alert;

/** The rule that raised an alert (see {@link AlertDetection}). */
public enum AlertRule {
    /** 偏离每周规律: a day that breaks the channel's weekly pattern. */
    WEEKLY_PATTERN,
    /** 偏离全年规律: a month that breaks the channel's yearly pattern. */
    YEARLY_PATTERN,
    /** 持续无转诊: a run of days without referrals where some were expected. */
    SILENCE
}
