package org.meridian.intake;

import java.time.LocalDate;

/**
 * Published after a batch of events or a void changed a hospital's measures; {@code from}–{@code to} is the
 * range of local dates touched (null when nothing changed).
 */
public record EventsRecorded(long hospitalId, int accepted, int voided, LocalDate from, LocalDate to) {
}
