package org.meridian.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What an event says, compared by meaning (engine.md §2): the same type, channel, instant (whatever offset
 * it was written with), referralId, patient, numeric value (10 = 10.0) and attribute map.
 */
record EventContent(EventType type, long channelId, Instant occurredAt, String referralId, String patientHash,
                    BigDecimal value, Map<String, String> attributes) {

    EventContent {
        Objects.requireNonNull(type);
        Objects.requireNonNull(occurredAt);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    boolean sameMeaningAs(EventContent other) {
        return type == other.type && channelId == other.channelId && occurredAt.equals(other.occurredAt)
                && Objects.equals(referralId, other.referralId) && Objects.equals(patientHash, other.patientHash)
                && sameNumber(value, other.value) && attributes.equals(other.attributes);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
