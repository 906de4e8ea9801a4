package org.meridian.intake;

import org.meridian.shared.problem.NotFoundException;

/** No event with that eventId in the hospital: 404, {@code urn:meridian:intake:event-not-found}. */
public class EventNotFoundException extends NotFoundException {
    public EventNotFoundException(String eventId) {
        super("intake", "event", eventId, "intake.problem.eventNotFound");
    }
}
