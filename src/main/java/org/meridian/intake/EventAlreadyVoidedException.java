package org.meridian.intake;

import java.util.List;

import org.meridian.shared.problem.ConflictException;

/** The event was voided before: 409, {@code urn:meridian:intake:already-voided}. */
public class EventAlreadyVoidedException extends ConflictException {
    public EventAlreadyVoidedException(String eventId) {
        super("intake", "already-voided", "intake.problem.alreadyVoided", List.of(eventId),
                "Event '" + eventId + "' is already voided.");
    }
}
