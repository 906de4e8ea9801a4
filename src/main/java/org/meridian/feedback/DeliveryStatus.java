package org.meridian.feedback;

/**
 * How far a feedback report has reached its channel: generated (已生成), viewed by the channel's own staff
 * (已查看), acknowledged by them (已确认). Each step implies the ones before it.
 */
public enum DeliveryStatus {
    GENERATED,
    VIEWED,
    ACKNOWLEDGED
}
