package org.meridian.intake;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The row rules of engine.md §2 that need no stored events: required fields, known type and channel, an
 * instant with offset no later than ingestion + 24 h, numeric values, SURVEY ranges. Every broken rule is
 * reported, not only the first.
 */
final class EventValidator {

    static final int MAX_ID_LENGTH = 128;
    static final int MAX_ATTRIBUTE_KEY = 64;
    static final int MAX_ATTRIBUTE_VALUE = 1000;
    static final Duration FUTURE_TOLERANCE = Duration.ofHours(24);
    private static final Pattern SMALL_INTEGER = Pattern.compile("\\d{1,2}");

    private final Function<String, Optional<Long>> channelIds;
    private final ZoneId zone;
    private final Instant ingestedAt;

    /**
     * @param channelIds resolves a channel code of the hospital to the channel's id
     * @param zone       the hospital's time zone, which decides an event's local date
     * @param ingestedAt the moment of ingestion
     */
    EventValidator(Function<String, Optional<Long>> channelIds, ZoneId zone, Instant ingestedAt) {
        this.channelIds = channelIds;
        this.zone = zone;
        this.ingestedAt = ingestedAt;
    }

    /** A row that passed: its content (patient not yet hashed) and local date. */
    record Valid(String eventId, EventType type, long channelId, Instant occurredAt, java.time.LocalDate localDate,
                 String referralId, String patientId, BigDecimal value, java.util.Map<String, String> attributes) {
    }

    /** Either a valid row or the list of every reason it is not. */
    record Result(Valid valid, List<String> errors) {
        boolean ok() {
            return valid != null;
        }
    }

    Result validate(RawEvent row) {
        List<String> errors = new ArrayList<>(row.problems());

        String eventId = row.eventId();
        if (isEmpty(eventId)) {
            errors.add("eventId is required");
        } else if (eventId.length() > MAX_ID_LENGTH) {
            errors.add("eventId is longer than " + MAX_ID_LENGTH + " characters");
        }

        EventType type = null;
        if (isEmpty(row.type())) {
            errors.add("type is required");
        } else {
            type = EventType.parse(row.type()).orElse(null);
            if (type == null) {
                errors.add("unknown type '" + row.type() + "' (expected one of " + EventType.names() + ")");
            }
        }

        Long channelId = null;
        if (isEmpty(row.channel())) {
            errors.add("channel is required");
        } else {
            channelId = channelIds.apply(row.channel()).orElse(null);
            if (channelId == null) {
                errors.add("unknown channel '" + row.channel() + "'");
            }
        }

        Instant occurredAt = null;
        if (isEmpty(row.occurredAt())) {
            errors.add("occurredAt is required");
        } else {
            try {
                occurredAt = OffsetDateTime.parse(row.occurredAt(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant().truncatedTo(ChronoUnit.MICROS);
                if (occurredAt.isAfter(ingestedAt.plus(FUTURE_TOLERANCE))) {
                    errors.add("occurredAt " + row.occurredAt() + " is more than 24 hours after the moment of ingestion ("
                            + ingestedAt.truncatedTo(ChronoUnit.SECONDS) + ")");
                    occurredAt = null;
                }
            } catch (DateTimeParseException e) {
                errors.add("occurredAt '" + row.occurredAt()
                        + "' is not an ISO-8601 instant with offset (e.g. 2026-09-03T10:15:00+08:00)");
            }
        }

        String referralId = emptyToNull(row.referralId());
        if (referralId == null && type != null && type.needsReferralId()) {
            errors.add("referralId is required for " + type);
        } else if (referralId != null && referralId.length() > MAX_ID_LENGTH) {
            errors.add("referralId is longer than " + MAX_ID_LENGTH + " characters");
        }

        BigDecimal value = null;
        if (row.value() instanceof BigDecimal number) {
            value = number;
        } else if (row.value() != null) {
            errors.add("value " + row.value() + " is not a number");
        } else if (type != null && type.needsValue()) {
            errors.add("value is required for " + type);
        }
        if (type == EventType.SURVEY && value != null
                && (value.compareTo(BigDecimal.ONE) < 0 || value.compareTo(BigDecimal.valueOf(5)) > 0)) {
            errors.add("SURVEY value " + value.toPlainString() + " is outside 1–5");
        }

        for (var attribute : row.attributes().entrySet()) {
            if (attribute.getKey().isEmpty() || attribute.getKey().length() > MAX_ATTRIBUTE_KEY) {
                errors.add("attribute name '" + attribute.getKey() + "' must have 1–" + MAX_ATTRIBUTE_KEY + " characters");
            }
            if (attribute.getValue() != null && attribute.getValue().length() > MAX_ATTRIBUTE_VALUE) {
                errors.add("attribute " + attribute.getKey() + " is longer than " + MAX_ATTRIBUTE_VALUE + " characters");
            }
        }
        String recommend = row.attributes().get("recommend");
        if (type == EventType.SURVEY && recommend != null && !isRecommendation(recommend)) {
            errors.add("attributes.recommend '" + recommend + "' is not an integer from 0 to 10");
        }

        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new Valid(eventId, type, channelId, occurredAt, occurredAt.atZone(zone).toLocalDate(),
                referralId, emptyToNull(row.patientId()), value, row.attributes()), List.of());
    }

    static boolean isRecommendation(String text) {
        return SMALL_INTEGER.matcher(text).matches() && Integer.parseInt(text) <= 10;
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return isEmpty(s) ? null : s;
    }
}
