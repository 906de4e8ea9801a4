package org.meridian.intake;

import org.meridian.shared.LocalTimes;
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

import org.meridian.shared.web.InputNumbers;
import org.meridian.shared.web.StorableText;

/**
 * The row rules of engine.md §2 that need no stored events: required fields, known type and channel, an
 * instant with offset (or, in an import file, a local time of the hospital's zone: {@link LocalTimes}) no later than
 * ingestion + 24 h, numeric values, SURVEY ranges. Every broken rule is
 * reported, not only the first.
 */
final class EventValidator {

    static final int MAX_ID_LENGTH = 128;
    static final int MAX_ATTRIBUTE_KEY = 64;
    static final int MAX_ATTRIBUTE_VALUE = 1000;
    static final Duration FUTURE_TOLERANCE = Duration.ofHours(24);
    /**
     * The earliest moment an event may have: far before any channel's history, and far inside what the local date and
     * PostgreSQL's timestamps can hold (an instant of the year -999,999,999 has no local date).
     */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    /** A value has at most this many digits before the decimal point (below 10^19). */
    static final int VALUE_INTEGER_DIGITS = 19;
    /** A value has at most this many digits after the decimal point (trailing zeros do not count). */
    static final int VALUE_FRACTION_DIGITS = 9;
    private static final Pattern SMALL_INTEGER = Pattern.compile("\\d{1,2}");

    private final Function<String, Optional<Long>> channelIds;
    private final ZoneId zone;
    private final Instant ingestedAt;
    private final Function<String, Optional<String>> destinations;
    private final Function<String, Optional<String>> origins;
    private final boolean localTimes;
    private int readAsLocal;

    /**
     * @param channelIds resolves a channel code of the hospital to the channel's id
     * @param zone       the hospital's time zone, which decides an event's local date
     * @param ingestedAt the moment of ingestion
     */
    EventValidator(Function<String, Optional<Long>> channelIds, ZoneId zone, Instant ingestedAt) {
        this(channelIds, zone, ingestedAt, false);
    }

    /**
     * @param localTimes whether an occurredAt without offset is read in {@code zone} ({@link LocalTimes}; import
     *                   files) rather than refused (JSON, FHIR)
     */
    EventValidator(Function<String, Optional<Long>> channelIds, ZoneId zone, Instant ingestedAt, boolean localTimes) {
        this(channelIds, zone, ingestedAt, Optional::of, code -> Optional.of(String.valueOf(code)), localTimes);
    }

    /**
     * @param destinations resolves {@code attributes.to} of a REFERRAL_OUT to the region-wide reference of the
     *                     receiving institution (empty: no institution of the region)
     * @param origins      resolves {@code attributes.from} (null: the hospital itself) to the reference of one of the
     *                     hospital's own institutions (empty: not one of them)
     */
    EventValidator(Function<String, Optional<Long>> channelIds, ZoneId zone, Instant ingestedAt,
                   Function<String, Optional<String>> destinations, Function<String, Optional<String>> origins,
                   boolean localTimes) {
        this.channelIds = channelIds;
        this.zone = zone;
        this.ingestedAt = ingestedAt;
        this.destinations = destinations;
        this.origins = origins;
        this.localTimes = localTimes;
    }

    /** How many rows validated so far had an occurredAt without offset, read in the hospital's time zone. */
    int readAsLocal() {
        return readAsLocal;
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
        } else if (!isStorable(row.channel())) {
            // never looked up: PostgreSQL refuses the text, which failed the whole batch (issue 18, point 4)
            storable("channel", row.channel(), errors);
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
            occurredAt = occurredAt(row.occurredAt(), errors);
            if (occurredAt != null && occurredAt.isAfter(ingestedAt.plus(FUTURE_TOLERANCE))) {
                errors.add("occurredAt " + row.occurredAt() + " is more than 24 hours after the moment of ingestion ("
                        + ingestedAt.truncatedTo(ChronoUnit.SECONDS) + ")");
                occurredAt = null;
            } else if (occurredAt != null && occurredAt.isBefore(EARLIEST)) {
                // found by EventReadersFuzzTest: -999999999-01-01T00:00:00+18:00 failed the whole batch (500)
                errors.add("occurredAt " + row.occurredAt() + " is before 1900-01-01 (the earliest moment an event"
                        + " may have)");
                occurredAt = null;
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
            value = bounded(number, errors);
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
        storable("eventId", eventId, errors);
        storable("referralId", row.referralId(), errors);
        storable("patientId", row.patientId(), errors);
        for (var attribute : row.attributes().entrySet()) {
            storable("attribute name '" + attribute.getKey() + "'", attribute.getKey(), errors);
            storable("attribute " + attribute.getKey(), attribute.getValue(), errors);
        }

        String recommend = row.attributes().get("recommend");
        if (type == EventType.SURVEY && recommend != null && !isRecommendation(recommend)) {
            errors.add("attributes.recommend '" + recommend + "' is not an integer from 0 to 10");
        }

        java.util.Map<String, String> attributes = row.attributes();
        if (type != null && type.needsDestination() && errors.isEmpty()) {
            attributes = referralEnds(type, attributes, errors);
        }

        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new Valid(eventId, type, channelId, occurredAt, occurredAt.atZone(zone).toLocalDate(),
                referralId, emptyToNull(row.patientId()), value, attributes), List.of());
    }

    /**
     * A REFERRAL_OUT names the receiving institution in {@code attributes.to} and, when it is not the hospital
     * itself, the referring one in {@code attributes.from}; both are stored as their region-wide references
     * ({@code HOSPITAL} or {@code HOSPITAL/UNIT}), so that the alliance report compares them with its members
     * whatever short form the hospital sent. A referral to the referring institution itself is refused.
     */
    private java.util.Map<String, String> referralEnds(EventType type, java.util.Map<String, String> attributes,
                                                       List<String> errors) {
        String to = emptyToNull(attributes.get("to"));
        String from = emptyToNull(attributes.get("from"));
        Optional<String> destination = Optional.empty();
        if (to == null) {
            errors.add("attributes.to is required for " + type);
        } else {
            destination = destinations.apply(to.strip());
            if (destination.isEmpty()) {
                errors.add("attributes.to '" + to + "' names no institution of the region");
            }
        }
        Optional<String> origin = origins.apply(from == null ? null : from.strip());
        if (origin.isEmpty()) {
            errors.add("attributes.from '" + from + "' is not one of this hospital's institutions");
        }
        if (destination.isPresent() && origin.isPresent() && destination.get().equals(origin.get())) {
            errors.add("attributes.to '" + to + "' is the referring institution itself");
        }
        if (!errors.isEmpty()) {
            return attributes;
        }
        java.util.Map<String, String> canonical = new java.util.LinkedHashMap<>(attributes);
        canonical.put("to", destination.get());
        if (from != null) {
            canonical.put("from", origin.get());
        }
        return canonical;
    }

    /** The instant of an occurredAt, to the microsecond, or null with the reason added. */
    private Instant occurredAt(String text, List<String> errors) {
        try {
            return parseInstant(text).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            if (!localTimes) {
                errors.add("occurredAt '" + text + "' is not an ISO-8601 instant with offset (e.g. 2026-09-03T10:15:00+08:00)");
                return null;
            }
        }
        try {
            Instant local = LocalTimes.read(text, zone);
            if (local == null) {
                errors.add(LocalTimes.notATime(text));
                return null;
            }
            readAsLocal++;
            return local.truncatedTo(ChronoUnit.MICROS);
        } catch (LocalTimes.Refused e) {
            errors.add(e.getMessage());
            return null;
        }
    }

    /**
     * An ISO-8601 date-time with offset, as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} reads it. The form every
     * system sends ({@code 2026-09-03T10:15:00+08:00}, {@code …Z}, with up to 9 fraction digits) is read by hand,
     * several times faster than the formatter; anything else, and anything out of range, goes to the formatter,
     * which gives the same answer or the same refusal.
     */
    static Instant parseInstant(String text) {
        Instant fast = fastInstant(text);
        return fast != null ? fast
                : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    private static Instant fastInstant(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (t.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                nanos = nanos * 10 + (t.charAt(i) - '0');
                i++;
            }
            int count = i - start;
            if (count == 0) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (i >= n) {
            return null;
        }
        int offsetSeconds;
        char sign = t.charAt(i);
        if (sign == 'Z' && i == n - 1) {
            offsetSeconds = 0;
        } else if ((sign == '+' || sign == '-') && i == n - 6 && t.charAt(i + 3) == ':') {
            int oh = digits(t, i + 1, 2);
            int om = digits(t, i + 4, 2);
            if ((oh | om) < 0 || oh > 18 || om > 59 || (oh == 18 && om > 0)) {
                return null;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
        } else {
            return null;
        }
        if (month < 1 || month > 12 || day < 1 || day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
    }

    /** The ASCII digits at from..from+count as a number, or -1 when any is not a digit. */
    private static int digits(String t, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * The value when it lies in the documented range and scale (below 10^19 in magnitude, at most nine
     * decimal places), else null with the reason added. Checked on precision and scale alone, before anything
     * expands the number: {@code 1e100000} would otherwise be written out as 100,001 digits (issue 18, point 3).
     */
    static BigDecimal bounded(BigDecimal number, List<String> errors) {
        if (!InputNumbers.fits(number, VALUE_INTEGER_DIGITS, VALUE_FRACTION_DIGITS)) {
            errors.add("value " + InputNumbers.shown(number) + " is outside the allowed range (at most "
                    + VALUE_INTEGER_DIGITS + " digits before and " + VALUE_FRACTION_DIGITS + " after the decimal point)");
            return null;
        }
        // a zero keeps its scale (0.00 is stored as 0.00), but not an exponent it fits anywhere (0E+100000)
        return number.signum() == 0 && number.scale() < 0 ? BigDecimal.ZERO : number;
    }

    /**
     * PostgreSQL stores no U+0000 in a text (and none in {@code jsonb}), and an unpaired UTF-16 surrogate has no
     * UTF-8 form (it would be stored as '?'): such a row is refused with a reason instead of failing its batch.
     */
    private static void storable(String field, String text, List<String> errors) {
        if (!isStorable(text)) {
            errors.add(field + " contains a character that cannot be stored (U+0000 or an unpaired surrogate)");
        }
    }

    /** Whether PostgreSQL can store the text as it is (null counts as storable); the rule is shared.web's. */
    static boolean isStorable(String text) {
        return StorableText.isStorable(text);
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
