package org.meridian.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic stream of realistic events (engine.md §2) for the benchmark: referral by referral, a
 * REFERRAL, usually its ACCEPTED, an ARRIVED for most, then REVENUE (a few refunds), CONVERTED, SURVEY (mostly with
 * {@code recommend}), COMPLAINT, RETURN_VISIT and FEEDBACK, spread over the given channels and time window. The
 * same seed gives the same rows; {@code prefix} only changes the eventIds and referralIds, so that one stream can
 * be loaded twice (through the API and as a file) without the second load being duplicates.
 */
final class BenchEvents {

    /** The CSV header of api.md plus two attribute columns. */
    static final String CSV_HEADER = "eventId,type,channel,occurredAt,referralId,patientId,value,department,recommend";

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final String[] DEPARTMENTS = {"心内科", "骨科", "消化内科", "眼科", "妇产科", "儿科", "体检中心", "肿瘤科"};
    private static final long HOUR = 3_600;
    private static final long DAY = 24 * HOUR;

    /** One event row as the sending system would write it. Empty optional fields are null. */
    record Row(String eventId, String type, String channel, String occurredAt, String referralId, String patientId,
               String value, String department, String recommend) {
    }

    private final SplittableRandom random;
    private final String prefix;
    private final List<String> channels;
    private final long from;
    private final long span;
    private final long latest;
    private final ArrayDeque<Row> pending = new ArrayDeque<>();
    /** In time order: events generated but not yet due, by their instant (then by generation). */
    private final PriorityQueue<Timed> due = new PriorityQueue<>(
            Comparator.comparingLong(Timed::epochSecond).thenComparingLong(Timed::sequence));
    private boolean chronological;
    private double meanGap;
    private long cursor;
    private long referral;
    private long event;

    /**
     * @param from   the earliest REFERRAL
     * @param to     the latest REFERRAL
     * @param latest no event later than this (follow-ups that would fall later are left out)
     */
    BenchEvents(long seed, String prefix, List<String> channels, Instant from, Instant to, Instant latest) {
        this.random = new SplittableRandom(seed);
        this.prefix = prefix;
        this.channels = List.copyOf(channels);
        this.from = from.getEpochSecond();
        this.span = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
        this.latest = latest.getEpochSecond();
    }

    private record Timed(long epochSecond, long sequence, Row row) {
    }

    /**
     * The same kind of stream in time order, as a hospital system sends events while they happen (or exports them
     * sorted by time): REFERRALs arrive at random intervals across the window, sized so that about
     * {@code expectedEvents} events fill it, and each event is given out once no later REFERRAL can produce an
     * earlier one. Without this, every REFERRAL falls anywhere in the window, so any batch touches a random
     * channel-day for most of its rows — the worst case for the rollups, kept as the default for the other uses.
     */
    BenchEvents inTimeOrder(long expectedEvents) {
        chronological = true;
        meanGap = span / Math.max(1.0, expectedEvents / 4.4);
        cursor = from;
        return this;
    }

    Row next() {
        if (chronological) {
            while (due.isEmpty() || due.peek().epochSecond() > cursor) {
                if (cursor > from + span) {
                    if (!due.isEmpty()) {
                        break; // no more REFERRALs in the window: the follow-ups still due come out in order
                    }
                    cursor = from; // more events asked for than the window was sized for: a second pass
                }
                referral();
            }
            return due.poll().row();
        }
        while (pending.isEmpty()) {
            referral();
        }
        return pending.poll();
    }

    List<Row> next(int count) {
        List<Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(next());
        }
        return rows;
    }

    private void referral() {
        referral++;
        // a few big channels and a long tail, as in a real hospital
        int c = (int) (Math.pow(random.nextDouble(), 1.6) * channels.size());
        String channel = channels.get(Math.min(c, channels.size() - 1));
        String referralId = prefix + "R" + referral;
        String patient = "P" + (100_000 + random.nextInt(2_000_000));
        String department = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
        long t0;
        if (chronological) {
            t0 = cursor;
            cursor += (long) Math.ceil(-Math.log(1 - random.nextDouble()) * meanGap);
        } else {
            t0 = from + (long) (random.nextDouble() * span);
        }
        add("REFERRAL", channel, t0, referralId, patient, null, department, null);
        if (random.nextDouble() < 0.92) {
            add("ACCEPTED", channel, t0 + (long) (random.nextDouble() * 48 * HOUR), referralId, patient, null, department, null);
        }
        if (random.nextDouble() >= 0.70) {
            return;
        }
        long arrived = t0 + DAY + (long) (random.nextDouble() * 9 * DAY);
        add("ARRIVED", channel, arrived, null, patient, null, department, null);
        if (random.nextDouble() < 0.90) {
            long cents = 20_000 + random.nextInt(280_000);
            add("REVENUE", channel, arrived + HOUR, null, patient, money(cents), department, null);
            if (random.nextDouble() < 0.01) {
                add("REVENUE", channel, arrived + 5 * DAY, null, patient, money(-cents / 2), department, null);
            }
        }
        if (random.nextDouble() < 0.25) {
            add("CONVERTED", channel, arrived + 2 * HOUR, null, patient, null, department, null);
            add("REVENUE", channel, arrived + 3 * HOUR, null, patient, money(500_000 + random.nextInt(2_500_000)),
                    department, null);
        }
        if (random.nextDouble() < 0.50) {
            int score = new int[]{1, 2, 3, 3, 4, 4, 4, 5, 5, 5}[random.nextInt(10)];
            String recommend = random.nextDouble() < 0.80 ? Integer.toString(Math.min(10, score * 2 + random.nextInt(2)))
                    : null;
            add("SURVEY", channel, arrived + DAY, null, patient, Integer.toString(score), department, recommend);
        }
        if (random.nextDouble() < 0.02) {
            add("COMPLAINT", channel, arrived + 2 * DAY, null, patient, null, department, null);
        }
        if (random.nextDouble() < 0.20) {
            add("RETURN_VISIT", channel, arrived + 14 * DAY + (long) (random.nextDouble() * 28 * DAY), null, patient,
                    null, department, null);
        }
        if (random.nextDouble() < 0.60) {
            add("FEEDBACK", channel, arrived + 3 * DAY, null, patient, null, department, null);
        }
    }

    private void add(String type, String channel, long epochSecond, String referralId, String patient, String value,
                     String department, String recommend) {
        if (epochSecond > latest) {
            return;
        }
        event++;
        String at = INSTANT.format(OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), CHINA));
        Row row = new Row(prefix + event, type, channel, at, referralId, patient, value, department, recommend);
        if (chronological) {
            due.add(new Timed(epochSecond, event, row));
        } else {
            pending.add(row);
        }
    }

    private static String money(long cents) {
        long abs = Math.abs(cents);
        return (cents < 0 ? "-" : "") + abs / 100 + "." + (abs % 100 < 10 ? "0" : "") + abs % 100;
    }

    /** The rows as the JSON array of {@code POST /api/v1/events}. */
    static byte[] json(List<Row> rows) {
        StringBuilder s = new StringBuilder(rows.size() * 240);
        s.append('[');
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (i > 0) {
                s.append(',');
            }
            s.append("{\"eventId\":\"").append(r.eventId()).append("\",\"type\":\"").append(r.type())
                    .append("\",\"channel\":\"").append(r.channel()).append("\",\"occurredAt\":\"").append(r.occurredAt())
                    .append('"');
            if (r.referralId() != null) {
                s.append(",\"referralId\":\"").append(r.referralId()).append('"');
            }
            s.append(",\"patientId\":\"").append(r.patientId()).append('"');
            if (r.value() != null) {
                s.append(",\"value\":").append(r.value());
            }
            s.append(",\"attributes\":{\"department\":\"").append(r.department()).append('"');
            if (r.recommend() != null) {
                s.append(",\"recommend\":\"").append(r.recommend()).append('"');
            }
            s.append("}}");
        }
        s.append(']');
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One CSV line (without line break) in the column order of {@link #CSV_HEADER}. */
    static String csv(Row r) {
        return r.eventId() + ',' + r.type() + ',' + r.channel() + ',' + r.occurredAt() + ',' + opt(r.referralId()) + ','
                + r.patientId() + ',' + opt(r.value()) + ',' + r.department() + ',' + opt(r.recommend());
    }

    private static String opt(String s) {
        return s == null ? "" : s;
    }

    /** Writes {@code count} rows of this stream as a UTF-8 CSV file with header; returns its size in bytes. */
    long writeCsv(Path file, long count) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(CSV_HEADER);
            out.write("\r\n");
            for (long i = 0; i < count; i++) {
                out.write(csv(next()));
                out.write("\r\n");
            }
        }
        return Files.size(file);
    }

    /** Writes rows until the file reaches {@code bytes}; returns the number of rows written. */
    long writeCsvOfSize(Path file, long bytes) throws IOException {
        long rows = 0;
        long size = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(CSV_HEADER);
            out.write("\r\n");
            size += CSV_HEADER.length() + 2;
            while (size < bytes) {
                String line = csv(next());
                out.write(line);
                out.write("\r\n");
                size += line.getBytes(StandardCharsets.UTF_8).length + 2;
                rows++;
            }
        }
        return rows;
    }
}
