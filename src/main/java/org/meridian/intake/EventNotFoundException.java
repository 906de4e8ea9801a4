package org.meridian.intake;

/** No event with that eventId in the hospital (answers 404). */
public class EventNotFoundException extends RuntimeException {
    public EventNotFoundException(String eventId) {
        super("No event with eventId '" + eventId + "'.");
    }
}
