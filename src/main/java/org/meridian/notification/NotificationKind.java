package org.meridian.notification;

/** What a notification tells; with its source id it is unique per recipient. */
public enum NotificationKind {
    /** The channel office and analysts: an evaluation was published (source: the evaluation). */
    EVALUATION_PUBLISHED,
    /** A channel's own user: the channel's feedback report of a published evaluation is ready (source: the evaluation). */
    REPORT_READY,
    /** The referral desk: a channel referred a patient (source: the referral). */
    REFERRAL_SUBMITTED,
    /** A channel's own user: the desk accepted the channel's referral (source: the referral). */
    REFERRAL_ACCEPTED,
    /** A channel's own user: the desk booked the appointment (source: the referral). */
    REFERRAL_SCHEDULED,
    /** A channel's own user: the referred patient arrived (source: the referral). */
    REFERRAL_ARRIVED,
    /** A channel's own user: the visit converted, with the desk's message if any (source: the referral). */
    REFERRAL_CONVERTED,
    /** A channel's own user: the desk declined the referral, with its reason (source: the referral). */
    REFERRAL_DECLINED,
    /** The channel office: the alert watch raised an alert; a channel's own user: one of its own channel (source: the alert). */
    ALERT_RAISED,
    /**
     * The region's regulators, and the channel office (else the administrators) of an alliance's lead hospital for
     * the alliance and its members: a repeat rate passed the region's threshold in a month (source: the alert).
     */
    REPEAT_RATE_ALERT,
    /** Hospital managers but the requester: a downgrade waits for approval (source: the tier change). */
    TIER_CHANGE_REQUESTED,
    /** The requester: their downgrade was approved or rejected (source: the tier change). */
    TIER_CHANGE_DECIDED,
    /** A channel's own user: its tier changed, applied at once or approved (source: the tier change). */
    TIER_CHANGED,
    /** The channel office but the preparer: a statement waits for review (source: the statement). */
    STATEMENT_TO_REVIEW,
    /** Hospital managers but the preparer (and a system draft's reviewer): a statement waits for approval (source: the statement). */
    STATEMENT_TO_APPROVE,
    /** A channel's own user: its statement was approved (source: the statement). */
    STATEMENT_APPROVED,
    /** Hospital managers but the one who saved it: a rule waits for its compliance sign-off (source: the rule version). */
    COMPLIANCE_SIGN_OFF,
    /** The channel office: a termination recommendation was decided (source: the sanction). */
    TERMINATION_DECIDED,
    /** The channel office (else the hospital's managers), never the filer: an appeal was filed (source: the appeal). */
    APPEAL_FILED,
    /** A channel's own user: its channel's appeal was upheld or rejected (source: the appeal). */
    APPEAL_DECIDED,
    /** The channel office and the plan's channel's own users: a rectification action is overdue (source: the action). */
    RECTIFICATION_OVERDUE
}
