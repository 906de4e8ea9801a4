package org.meridian.exam;

import java.time.Instant;

/**
 * A repeat in the list of repeats: it names the record (its recordId, institution, item and instant) and the earlier
 * record that made it a repeat by institution and instant (by recordId too when that record is the same hospital's),
 * never a patient.
 */
public record RepeatRecord(String recordId, NamedInstitution institution, String item, String itemName,
                           Instant performedAt, Outcome outcome, NamedInstitution earlierInstitution,
                           Instant earlierAt, String earlierRecordId) {
}
