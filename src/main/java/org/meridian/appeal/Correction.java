package org.meridian.appeal;

/**
 * What an upheld appeal changed in the events: a void of an event ({@code VOID}, with its reason) or an event sent
 * anew ({@code EVENT}, with its type).
 */
public record Correction(Kind kind, String eventId, String note) {

    public enum Kind { VOID, EVENT }
}
