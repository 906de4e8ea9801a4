package org.meridian.notification;

/** What a notification tells; with its source id it is unique per recipient. */
public enum NotificationKind {
    /** The channel office and analysts: an evaluation was published (source: the evaluation). */
    EVALUATION_PUBLISHED,
    /** A channel's own user: the channel's feedback report of a published evaluation is ready (source: the evaluation). */
    REPORT_READY
}
