package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class EventValidatorTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    final EventValidator validator = new EventValidator(
            code -> code.equals("CH-1") ? Optional.of(1L) : Optional.empty(), ZoneId.of("Asia/Shanghai"), NOW);

    static RawEvent row(String eventId, String type, String channel, String at, String referralId, Object value,
                        Map<String, String> attributes) {
        return RawEvent.of(eventId, type, channel, at, referralId, "P-1", value, attributes);
    }

    @Test
    void aCompleteReferralPassesWithItsLocalDate() {
        var result = validator.validate(row("e1", "REFERRAL", "CH-1", "2026-09-03T10:15:00+08:00", "r1", null, Map.of()));
        assertThat(result.errors()).isEmpty();
        assertThat(result.valid().channelId()).isEqualTo(1L);
        assertThat(result.valid().occurredAt()).isEqualTo(Instant.parse("2026-09-03T02:15:00Z"));
        assertThat(result.valid().localDate()).isEqualTo(LocalDate.of(2026, 9, 3));
    }

    @Test
    void localDateIsTheHospitalsNotUtc() {
        var result = validator.validate(row("e1", "ARRIVED", "CH-1", "2026-09-30T16:30:00Z", null, null, Map.of()));
        assertThat(result.valid().localDate()).isEqualTo(LocalDate.of(2026, 10, 1));
        var before = validator.validate(row("e2", "ARRIVED", "CH-1", "2026-09-30T15:59:59Z", null, null, Map.of()));
        assertThat(before.valid().localDate()).isEqualTo(LocalDate.of(2026, 9, 30));
    }

    @Test
    void everyMissingRequiredFieldIsReportedAtOnce() {
        var result = validator.validate(row(null, "", " ", null, null, null, Map.of()));
        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).containsExactly("eventId is required", "type is required", "channel is required",
                "occurredAt is required");
    }

    @Test
    void unknownTypeAndChannelAreNamed() {
        var result = validator.validate(row("e1", "VISIT", "CH-999", "2026-09-03T10:15:00+08:00", null, null, Map.of()));
        assertThat(result.errors()).hasSize(2);
        assertThat(result.errors().get(0)).startsWith("unknown type 'VISIT'").contains("REFERRAL");
        assertThat(result.errors().get(1)).isEqualTo("unknown channel 'CH-999'");
    }

    @Test
    void occurredAtNeedsAnOffset() {
        for (String bad : List.of("2026-09-03T10:15:00", "2026-09-03", "yesterday", "2026-13-03T10:15:00+08:00")) {
            var result = validator.validate(row("e1", "ARRIVED", "CH-1", bad, null, null, Map.of()));
            assertThat(result.errors()).as(bad).singleElement().asString()
                    .contains("'" + bad + "' is not an ISO-8601 instant with offset");
        }
    }

    @Test
    void occurredAtMayBeUpTo24HoursAfterIngestionButNotLater() {
        assertThat(validator.validate(row("e1", "ARRIVED", "CH-1", "2026-11-25T12:00:00Z", null, null, Map.of())).ok())
                .isTrue();
        var late = validator.validate(row("e1", "ARRIVED", "CH-1", "2026-11-25T20:00:01+08:00", null, null, Map.of()));
        assertThat(late.errors()).singleElement().asString().contains("more than 24 hours after");
    }

    @Test
    void referralAndAcceptedNeedAReferralId() {
        assertThat(validator.validate(row("e1", "REFERRAL", "CH-1", "2026-09-03T10:15:00+08:00", "", null, Map.of()))
                .errors()).containsExactly("referralId is required for REFERRAL");
        assertThat(validator.validate(row("e1", "ACCEPTED", "CH-1", "2026-09-03T10:15:00+08:00", null, null, Map.of()))
                .errors()).containsExactly("referralId is required for ACCEPTED");
    }

    @Test
    void revenueAndSurveyNeedANumber() {
        assertThat(validator.validate(row("e1", "REVENUE", "CH-1", "2026-09-03T10:15:00+08:00", null, null, Map.of()))
                .errors()).containsExactly("value is required for REVENUE");
        assertThat(validator.validate(row("e1", "SURVEY", "CH-1", "2026-09-03T10:15:00+08:00", null, "\"4\"", Map.of()))
                .errors()).containsExactly("value \"4\" is not a number");
        assertThat(validator.validate(row("e1", "REVENUE", "CH-1", "2026-09-03T10:15:00+08:00", null,
                new BigDecimal("-120.50"), Map.of())).ok()).as("a refund is a negative revenue").isTrue();
    }

    @Test
    void surveyValueOneToFiveAndRecommendZeroToTen() {
        assertThat(validator.validate(row("e1", "SURVEY", "CH-1", "2026-09-03T10:15:00+08:00", null,
                new BigDecimal("5.5"), Map.of("recommend", "11"))).errors())
                .containsExactly("SURVEY value 5.5 is outside 1–5", "attributes.recommend '11' is not an integer from 0 to 10");
        assertThat(validator.validate(row("e1", "SURVEY", "CH-1", "2026-09-03T10:15:00+08:00", null,
                new BigDecimal("0"), Map.of("recommend", "8.5"))).errors()).hasSize(2);
        assertThat(validator.validate(row("e1", "SURVEY", "CH-1", "2026-09-03T10:15:00+08:00", null,
                BigDecimal.ONE, Map.of("recommend", "0"))).ok()).isTrue();
        assertThat(validator.validate(row("e1", "SURVEY", "CH-1", "2026-09-03T10:15:00+08:00", null,
                BigDecimal.valueOf(5), Map.of("recommend", "10"))).ok()).isTrue();
    }

    @Test
    void formatProblemsOfTheSourceComeFirstAndTooLongIdsAreRejected() {
        RawEvent raw = new RawEvent("x".repeat(129), "ARRIVED", "CH-1", "2026-09-03T10:15:00+08:00", null, null, null,
                Map.of(), List.of("attribute a must be a string"));
        assertThat(validator.validate(raw).errors()).containsExactly("attribute a must be a string",
                "eventId is longer than 128 characters");
    }
}
