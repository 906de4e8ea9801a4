package org.meridian.intake;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which channel a stored event belongs to (the channel it was reported for), so that a module correcting events on a
 * channel's behalf — an upheld appeal (申诉) — can keep its corrections within that channel. Reading only: events
 * are recorded and voided through {@link EventIntake}.
 */
@Service
public class EventChannels {

    private final Events events;

    EventChannels(Events events) {
        this.events = events;
    }

    /**
     * The id of the channel the event was reported for, live or voided; empty when the hospital has no event with
     * that id.
     */
    @Transactional(readOnly = true)
    public Optional<Long> channelOf(long hospitalId, String eventId) {
        if (eventId == null || eventId.isBlank()) {
            return Optional.empty();
        }
        return events.findByEventId(hospitalId, eventId).map(e -> e.content().channelId());
    }
}
