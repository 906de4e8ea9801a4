package org.meridian.appeal;

import java.util.List;

import org.meridian.intake.RawEvent;

/**
 * The office's decision on an appeal under review: upheld (申诉成立) with the event corrections it leads to, or
 * rejected (驳回); a reason always.
 *
 * @param voids  events to void, each with its reason
 * @param events corrected events to send through intake (new event ids), as the events API takes them
 */
public record Decision(boolean upheld, String reason, List<EventVoid> voids, List<RawEvent> events) {

    public Decision {
        voids = voids == null ? List.of() : List.copyOf(voids);
        events = events == null ? List.of() : List.copyOf(events);
    }

    public static Decision reject(String reason) {
        return new Decision(false, reason, List.of(), List.of());
    }

    public static Decision uphold(String reason, List<EventVoid> voids, List<RawEvent> events) {
        return new Decision(true, reason, voids, events);
    }

    /** One event to void, with why. */
    public record EventVoid(String eventId, String reason) {
    }
}
