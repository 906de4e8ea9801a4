package org.meridian.notification;

/** Where a delivery of the outbox stands. */
public enum DeliveryStatus {
    /** Waiting for its first attempt or for a retry at its next attempt time. */
    PENDING,
    /** Accepted by the mail server or the robot. */
    SENT,
    /** Every attempt of the retry policy failed; kept, shown to the administrator, who may send it again. */
    FAILED
}
