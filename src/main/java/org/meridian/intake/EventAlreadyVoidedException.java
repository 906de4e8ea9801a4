package org.meridian.intake;

/** The event was voided before (answers 409). */
public class EventAlreadyVoidedException extends RuntimeException {
    public EventAlreadyVoidedException(String eventId) {
        super("Event '" + eventId + "' is already voided.");
    }
}
