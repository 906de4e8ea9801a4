package org.meridian.bench;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The exam records of {@code ./bench region} (docs/benchmarks.md): a deterministic stream in time order whose every
 * record's outcome is known by construction, without the server's rule. Records come in <b>episodes</b> of one patient
 * and one catalogue item: a first examination, and in 30 % of episodes a second one — at another institution within
 * the item's validity (a repeat when the item's scope covers both institutions), exactly at the validity's end (still a
 * repeat), at another institution with an exception reason, at the same institution (a same-institution repeat),
 * after the validity, or after a first result that was not recognisable (neither). An episode of a patient and item
 * starts only when the last record of the one before is more than the validity old, so episodes never see each other
 * and each record's outcome is the one its episode gave it. About 5 % of records name an item outside the catalogue
 * (stored, never counted). Patients have a home institution (70 % of first examinations) and are shared across the
 * region's institutions; an {@code ALLIANCE} item's second examination is at an institution of the same alliance in 60
 * % of cases.
 */
final class ExamStream {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

    /** What the rule must make of a record. */
    enum Expected { NONE, REPEAT, SAME_INSTITUTION }

    /** A catalogue item of the benchmark: code, validity in days, whether its scope is the alliance. */
    record Item(String code, String name, String category, int validDays, boolean alliance, String price) {
    }

    /** One record; {@code item} is -1 for an item outside the catalogue. */
    record Row(long seq, String recordId, int institution, String patientId, int item, long at, boolean recognisable,
               String exception, Expected expected) {

        YearMonth month() {
            return YearMonth.from(Instant.ofEpochSecond(at).atZone(ZONE));
        }

        String performedAt() {
            return OffsetDateTime.ofInstant(Instant.ofEpochSecond(at), OFFSET).toString();
        }
    }

    private final SplittableRandom random;
    private final String prefix;
    private final List<Item> items;
    private final String outsideCatalogue;
    private final int[] alliance;
    private final int patients;
    private final int[] busyUntil;
    private final long from;
    private final double meanGap;
    private final PriorityQueue<Row> pending = new PriorityQueue<>(
            Comparator.comparingLong(Row::at).thenComparingLong(Row::seq));
    private int[] pool;
    private double nextFirst;
    private long seq;

    /**
     * @param alliance for each institution the alliance it belongs to, or -1 for none
     * @param records  about how many records the stream should hold between {@code from} and {@code to}
     */
    ExamStream(long seed, String prefix, List<Item> items, String outsideCatalogue, int[] alliance, Instant from,
               Instant to, long records) {
        this.random = new SplittableRandom(seed);
        this.prefix = prefix;
        this.items = items;
        this.outsideCatalogue = outsideCatalogue;
        this.alliance = alliance.clone();
        this.patients = (int) Math.max(50, records / 10);
        this.busyUntil = new int[patients * items.size()];
        Arrays.fill(busyUntil, -1);
        this.from = from.getEpochSecond();
        // about 1.29 records an episode: 30 % have a second examination, none outside the catalogue
        this.meanGap = (to.getEpochSecond() - this.from) / (records / (1 + 0.3 * 0.95));
        this.pool = new int[alliance.length];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = i;
        }
        this.nextFirst = this.from;
    }

    /** From now on new episodes take place only at these institutions (earlier episodes still end where they were). */
    void restrictTo(int[] institutions) {
        pool = institutions.clone();
    }

    /** The next record in time order. */
    Row next() {
        while (true) {
            if (!pending.isEmpty() && pending.peek().at() <= (long) nextFirst) {
                return pending.poll();
            }
            long t1 = (long) nextFirst;
            nextFirst += -Math.log(1 - random.nextDouble()) * meanGap;
            Row first = episode(t1);
            if (first != null) {
                return first;
            }
        }
    }

    String itemCode(int item) {
        return item < 0 ? outsideCatalogue : items.get(item).code();
    }

    private Row episode(long t1) {
        if (random.nextInt(100) < 5) {
            return row(pool[random.nextInt(pool.length)], patientId(random.nextInt(patients)), -1, t1, true, null,
                    Expected.NONE);
        }
        int k = random.nextInt(items.size());
        Item item = items.get(k);
        int p = -1;
        for (int attempt = 0; attempt < 20 && p < 0; attempt++) {
            int candidate = random.nextInt(patients);
            if (busyUntil[candidate * items.size() + k] < t1 - from) {
                p = candidate;
            }
        }
        if (p < 0) {
            return null;
        }
        long validity = item.validDays() * 86_400L;
        int home = pool[(int) ((p * 2_654_435_761L & 0x7fffffffL) % pool.length)];
        int a = random.nextInt(100) < 70 ? home : pool[random.nextInt(pool.length)];
        String patient = patientId(p);
        long last = t1;
        int roll = random.nextInt(100);
        boolean recognisable = true;
        if (roll < 30 && pool.length > 1) {
            int kind = random.nextInt(100);
            int b = other(a, item);
            long t2;
            String exception = null;
            Expected expected;
            if (kind < 40) { // another institution within the validity
                t2 = t1 + 1 + random.nextLong(validity);
                expected = inScope(a, b, item) ? Expected.REPEAT : Expected.NONE;
            } else if (kind < 45) { // exactly validDays x 24 h later: still recognised
                t2 = t1 + validity;
                expected = inScope(a, b, item) ? Expected.REPEAT : Expected.NONE;
            } else if (kind < 55) { // with an exception reason
                t2 = t1 + 1 + random.nextLong(validity);
                exception = random.nextBoolean() ? "CONDITION_CHANGED" : "EMERGENCY";
                expected = Expected.NONE;
            } else if (kind < 70) { // at the same institution
                b = a;
                t2 = t1 + 1 + random.nextLong(validity);
                expected = Expected.SAME_INSTITUTION;
            } else if (kind < 85) { // after the validity
                t2 = t1 + validity + 1 + random.nextLong(validity);
                expected = Expected.NONE;
            } else { // the first result was not recognisable
                recognisable = false;
                t2 = t1 + 1 + random.nextLong(validity);
                expected = Expected.NONE;
            }
            pending.add(row(b, patient, k, t2, random.nextInt(10) > 0, exception, expected));
            last = t2;
        }
        busyUntil[p * items.size() + k] = (int) (last + validity - from);
        return row(a, patient, k, t1, recognisable, null, Expected.NONE);
    }

    /** Another institution for a second examination: of the same alliance in 60 % of cases for an ALLIANCE item. */
    private int other(int a, Item item) {
        if (item.alliance() && alliance[a] >= 0 && random.nextInt(100) < 60) {
            int[] mates = Arrays.stream(pool).filter(i -> i != a && alliance[i] == alliance[a]).toArray();
            if (mates.length > 0) {
                return mates[random.nextInt(mates.length)];
            }
        }
        int b = pool[random.nextInt(pool.length - 1)];
        return b == a ? pool[pool.length - 1] : b;
    }

    private boolean inScope(int a, int b, Item item) {
        return !item.alliance() || alliance[a] >= 0 && alliance[a] == alliance[b];
    }

    private String patientId(int p) {
        return "P" + prefix + p;
    }

    private Row row(int institution, String patient, int item, long at, boolean recognisable, String exception,
                    Expected expected) {
        seq++;
        return new Row(seq, prefix + seq, institution, patient, item, at, recognisable, exception, expected);
    }
}
