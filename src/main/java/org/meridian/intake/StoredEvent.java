package org.meridian.intake;

import java.time.LocalDate;

/** An event as stored: its content, the local date it belongs to, and whether it was voided. */
record StoredEvent(String eventId, EventContent content, LocalDate localDate, boolean voided) {

    EventType type() {
        return content.type();
    }
}
