package org.meridian.intake;

import java.util.List;
import java.util.Map;

/**
 * One event row as a source delivered it (a JSON object, a CSV or XLSX row, a FHIR resource), before
 * validation. Text fields are null when absent; {@code value} is a {@link java.math.BigDecimal} when the
 * source gave a number, the source's text when it gave something else, or null when absent.
 * {@code problems} are what the source format itself found wrong (e.g. an attribute that is not a string).
 */
public record RawEvent(String eventId, String type, String channel, String occurredAt, String referralId,
                       String patientId, Object value, Map<String, String> attributes, List<String> problems) {

    public RawEvent {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** A row without format problems. */
    public static RawEvent of(String eventId, String type, String channel, String occurredAt, String referralId,
                              String patientId, Object value, Map<String, String> attributes) {
        return new RawEvent(eventId, type, channel, occurredAt, referralId, patientId, value, attributes, List.of());
    }
}
