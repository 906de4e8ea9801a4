package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EventContentTest {

    static EventContent content(String at, BigDecimal value, Map<String, String> attributes) {
        return new EventContent(EventType.REVENUE, 7, OffsetDateTime.parse(at).toInstant(), null, "h", value, attributes);
    }

    @Test
    void sameInstantWrittenWithAnotherOffsetAndSameNumberWithAnotherScaleMeanTheSame() {
        EventContent a = content("2026-09-03T10:15:00+08:00", new BigDecimal("10"), Map.of("k", "v", "d", "x"));
        EventContent b = content("2026-09-03T02:15:00Z", new BigDecimal("10.0"), Map.of("d", "x", "k", "v"));
        assertThat(a.sameMeaningAs(b)).isTrue();
    }

    @Test
    void anyDifferenceInMeaningIsADifferentEvent() {
        EventContent a = content("2026-09-03T10:15:00+08:00", new BigDecimal("10"), Map.of("k", "v"));
        assertThat(a.sameMeaningAs(content("2026-09-03T10:15:01+08:00", new BigDecimal("10"), Map.of("k", "v")))).isFalse();
        assertThat(a.sameMeaningAs(content("2026-09-03T10:15:00+08:00", new BigDecimal("10.01"), Map.of("k", "v")))).isFalse();
        assertThat(a.sameMeaningAs(content("2026-09-03T10:15:00+08:00", new BigDecimal("10"), Map.of()))).isFalse();
        assertThat(a.sameMeaningAs(content("2026-09-03T10:15:00+08:00", null, Map.of("k", "v")))).isFalse();
        EventContent otherPatient = new EventContent(EventType.REVENUE, 7, Instant.parse("2026-09-03T02:15:00Z"), null,
                "other", new BigDecimal("10"), Map.of("k", "v"));
        assertThat(a.sameMeaningAs(otherPatient)).isFalse();
        EventContent otherChannel = new EventContent(EventType.REVENUE, 8, Instant.parse("2026-09-03T02:15:00Z"), null,
                "h", new BigDecimal("10"), Map.of("k", "v"));
        assertThat(a.sameMeaningAs(otherChannel)).isFalse();
    }
}
