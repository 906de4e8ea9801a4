package org.meridian.appeal;

/**
 * Where an appeal stands: {@code SUBMITTED} (filed, waiting), {@code UNDER_REVIEW} (the office is looking at it),
 * then {@code UPHELD} (申诉成立: the events were corrected and the period scored again) or {@code REJECTED}
 * (驳回). Only these steps, in this order.
 */
public enum AppealStatus {
    SUBMITTED, UNDER_REVIEW, UPHELD, REJECTED;

    public boolean open() {
        return this == SUBMITTED || this == UNDER_REVIEW;
    }
}
