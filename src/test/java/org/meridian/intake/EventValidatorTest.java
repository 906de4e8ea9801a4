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
    void aValueHasAtMostNineteenDigitsBeforeAndNineAfterThePoint() {
        // in range: the largest (19 nines . 9 nines), the smallest step (0.000000001), trailing zeros beyond the ninth
        // place (2.50000000 is 2.5), and zero written with any exponent
        for (String text : List.of("9999999999999999999.999999999", "-9999999999999999999.999999999", "0.000000001", "2.50000000", "0E+100000", "0E-99")) {
            var result = validator.validate(row("e1", "REVENUE", "CH-1", "2026-09-03T10:15:00+08:00", null,
                    new BigDecimal(text), Map.of()));
            assertThat(result.errors()).as(text).isEmpty();
            assertThat(result.valid().value()).as(text).isEqualByComparingTo(text);
        }
        // out of range: 10^19 (20 digits), 1e100000, one step finer than 0.000000001, 1e-100000
        for (String text : List.of("10000000000000000000", "-1E+19", "1E+100000", "0.0000000001", "12.0000000001", "1E-100000")) {
            var result = validator.validate(row("e1", "REVENUE", "CH-1", "2026-09-03T10:15:00+08:00", null,
                    new BigDecimal(text), Map.of()));
            assertThat(result.ok()).as(text).isFalse();
            assertThat(result.errors()).as(text).containsExactly("value " + new BigDecimal(text)
                    + " is outside the allowed range (at most 19 digits before and 9 after the decimal point)");
        }
    }

    @Test
    void anOutOfRangeSurveyValueGetsOneReasonNotTwo() {
        var result = validator.validate(row("e1", "SURVEY", "CH-1", "2026-09-03T10:15:00+08:00", null,
                new BigDecimal("1E+100000"), Map.of()));
        assertThat(result.errors()).containsExactly(
                "value 1E+100000 is outside the allowed range (at most 19 digits before and 9 after the decimal point)");
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

    /** What the ISO formatter answers: the instant, or "refused". */
    static String byFormatter(String text) {
        try {
            return java.time.OffsetDateTime.parse(text, java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant().toString();
        } catch (java.time.format.DateTimeParseException e) {
            return "refused";
        }
    }

    static String byValidator(String text) {
        try {
            return EventValidator.parseInstant(text).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return "refused";
        }
    }

    @Test
    void theFastInstantReaderAnswersExactlyAsTheIsoFormatter() {
        List<String> samples = new java.util.ArrayList<>(List.of(
                "2026-09-03T10:15:00+08:00", "2026-09-03T10:15:00Z", "2026-09-03T10:15:00.5Z",
                "2026-09-03T10:15:00.123456789-05:30", "2026-09-03T10:15:00.1234567891Z", "2026-09-03T10:15:00.Z",
                "2026-02-29T10:15:00Z", "2024-02-29T23:59:59+14:00", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
                "2026-00-10T00:00:00Z", "2026-09-00T00:00:00Z", "2026-09-03T24:00:00Z", "2026-09-03T23:60:00Z",
                "2026-09-03T23:59:60Z", "2026-09-03T10:15:00+18:00", "2026-09-03T10:15:00+18:01",
                "2026-09-03T10:15:00-18:00", "2026-09-03T10:15:00+19:00", "2026-09-03T10:15:00-00:00",
                "2026-09-03T10:15:00+0800", "2026-09-03T10:15:00+08", "2026-09-03T10:15:00+08:00:30",
                "2026-09-03T10:15Z", "2026-09-03t10:15:00z", "2026-09-03 10:15:00+08:00", "2026-09-03T10:15:00",
                "２０２６-09-03T10:15:00Z", "2026-9-3T10:15:00Z", "+2026-09-03T10:15:00Z", "0000-01-01T00:00:00Z",
                "1999-12-31T23:59:59.999999999+01:00", "2026-09-03T10:15:00+08:00 ", " 2026-09-03T10:15:00Z",
                "2026-09-03T10:15:00Z[Asia/Shanghai]", "2026-09-03T10:15:00.000+08:00", "garbage-text-of-len-20"));
        java.util.Random random = new java.util.Random(42);
        String alphabet = "0123456789-:T.Z+";
        for (int k = 0; k < 20_000; k++) {
            // mutate one character of a valid instant, or write random fraction digits and offsets
            StringBuilder b = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", random.nextInt(3000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62)));
            if (random.nextBoolean()) {
                b.append('.').append(Long.toString(Math.abs(random.nextLong())), 0, random.nextInt(11));
            }
            b.append(random.nextInt(3) == 0 ? "Z" : String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-",
                    random.nextInt(20), random.nextInt(61)));
            if (random.nextInt(4) == 0) {
                b.setCharAt(random.nextInt(b.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            samples.add(b.toString());
        }
        for (String sample : samples) {
            assertThat(byValidator(sample)).as(sample).isEqualTo(byFormatter(sample));
        }
        assertThat(samples.stream().filter(t -> !byFormatter(t).equals("refused")).count())
                .as("both accepted and refused forms are compared").isBetween(1_000L, 19_000L);
    }
}
