package org.meridian.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time written without offset (按医院时区解读), as offices type it and spreadsheets save it: {@code 2026-11-23 10:00:00},
 * {@code 2026-11-23T10:00}, {@code 2026/11/23 10:00} (how Chinese Excel shows a date-time when it saves CSV), seconds
 * and up to nine fraction digits optional. It is read as the wall-clock time of the hospital's time zone. Where the
 * zone has daylight saving time, a wall-clock time in the spring gap never happened and one in the autumn overlap
 * happened twice; both are refused with the reason, never guessed: only an offset says which instant is meant. Event
 * imports read such times (JSON events keep requiring an offset, docs/intake.md); exam records read them wherever
 * they come from (docs/exams.md).
 */
public final class LocalTimes {

    private static final Pattern LOCAL = Pattern.compile(
            "(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private LocalTimes() {
    }

    /**
     * A time that cannot be read, or that names no single instant in the zone; the message is an events file's
     * reason (English, naming {@code occurredAt}); {@link #kind} and the clock times say it in other words.
     */
    public static final class Refused extends Exception {

        /** What is wrong: no such date, a wall-clock time in a spring gap, or one in an autumn overlap. */
        public enum Kind { NO_DATE, GAP, OVERLAP }

        private final Kind kind;
        private final String from;
        private final String to;

        Refused(String message, Kind kind, String from, String to) {
            super(message, null, false, false);
            this.kind = kind;
            this.from = from;
            this.to = to;
        }

        public Kind kind() {
            return kind;
        }

        /** For a gap or an overlap, the wall-clock time before the clocks changed ({@code HH:mm}); else null. */
        public String from() {
            return from;
        }

        /** For a gap or an overlap, the wall-clock time they changed to ({@code HH:mm}); else null. */
        public String to() {
            return to;
        }
    }

    /**
     * The instant of {@code text} read in {@code zone}, or null when the text is not of a local form at all.
     *
     * @throws Refused when it has a local form but names no date (2026-09-31), or no single instant in the zone
     */
    public static Instant read(String text, ZoneId zone) throws Refused {
        LocalDateTime local = parse(text.strip());
        if (local == null) {
            return null;
        }
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.size() == 1) {
            return local.atOffset(offsets.get(0)).toInstant();
        }
        ZoneOffsetTransition t = zone.getRules().getTransition(local);
        String from = t.getDateTimeBefore().toLocalTime().format(CLOCK);
        String to = t.getDateTimeAfter().toLocalTime().format(CLOCK);
        if (t.isGap()) {
            throw new Refused("occurredAt '" + text + "' does not exist in " + zone.getId() + ": the clocks jumped from "
                    + from + " to " + to + " that day; give it with its offset", Refused.Kind.GAP, from, to);
        }
        throw new Refused("occurredAt '" + text + "' happened twice in " + zone.getId() + ": the clocks went back from "
                + from + " to " + to + " that day (offsets " + t.getOffsetBefore() + " and " + t.getOffsetAfter()
                + "); give it with its offset", Refused.Kind.OVERLAP, from, to);
    }

    /** The local date-time, or null when the text has no local form; a form with no such date is refused. */
    private static LocalDateTime parse(String text) throws Refused {
        Matcher m = LOCAL.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            int nanos = 0;
            if (m.group(8) != null) {
                nanos = Integer.parseInt((m.group(8) + "00000000").substring(0, 9));
            }
            return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                    m.group(7) == null ? 0 : Integer.parseInt(m.group(7)), nanos);
        } catch (DateTimeException e) {
            throw new Refused(notATime(text), Refused.Kind.NO_DATE, null, null);
        }
    }

    /** The reason for a file's occurredAt that is no date and time in any form read. */
    public static String notATime(String text) {
        return "occurredAt '" + text + "' is not a date and time (e.g. 2026-09-03 10:15:00 in the hospital's time zone,"
                + " or 2026-09-03T10:15:00+08:00)";
    }
}
