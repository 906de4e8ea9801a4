package org.meridian.exam;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;

import org.springframework.stereotype.Component;

/**
 * Keeps the outcomes of {@link RepeatRule} up to date, and the monthly figures ({@code exam_figure}) with them: for
 * each patient × item touched (new records, a changed catalogue item, a new alliance) it reads every stored record of
 * that pair (one query for all pairs), applies the rule to them and the new records together, stores the new records
 * with their outcomes (binary {@code COPY}), writes the stored outcomes that changed (one {@code UPDATE}) and adds
 * what changed to the monthly figures (one upsert) and the new records' patients to the distinct patients kept per
 * hospital and period (one statement). Other pairs are never read. Runs inside the caller's transaction,
 * under the region's lock.
 */
@Component
class Detection {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Detection.class);
    /** A batch at least this large logs the time of each step (docs/benchmarks.md reads them). */
    static final int TIMED_BATCH = 1_000;

    private final ExamRecords records;
    private final ExamItems items;
    private final Alliances alliances;

    Detection(ExamRecords records, ExamItems items, Alliances alliances) {
        this.records = records;
        this.items = items;
        this.alliances = alliances;
    }

    /**
     * Stores new records of one hospital and brings the pairs of those of catalogue items up to date; returns the
     * months (of their local dates) of the records of catalogue items stored or whose outcome changed.
     */
    Set<YearMonth> store(long region, long hospitalId, List<ExamRecord> fresh, Instant at, String by) {
        if (fresh.isEmpty()) {
            return Set.of();
        }
        long t0 = System.nanoTime();
        Map<String, ExamItem> catalogue = items.byCode(region);
        long[] ids = records.nextIds(fresh.size());
        List<ExamRecords.Stored> added = new ArrayList<>(fresh.size());
        Set<ExamRecords.Pair> pairs = new LinkedHashSet<>();
        for (int i = 0; i < fresh.size(); i++) {
            ExamRecord r = fresh.get(i);
            added.add(new ExamRecords.Stored(ids[i], r, Outcome.NONE, null));
            if (catalogue.containsKey(r.item())) {
                pairs.add(new ExamRecords.Pair(r.patient(), r.item()));
            }
        }
        Set<YearMonth> months = new TreeSet<>();
        Map<ExamRecords.FigureKey, long[]> figures = new HashMap<>();
        List<ExamRecords.Stored> decided = new ArrayList<>(added.size());
        long t1 = System.nanoTime();
        Map<Long, RepeatRule.Result> results = apply(region, catalogue, pairs, added, months, figures);
        long t2 = System.nanoTime();
        for (ExamRecords.Stored s : added) {
            RepeatRule.Result r = results.get(s.id());
            ExamRecords.Stored d = r == null ? s : new ExamRecords.Stored(s.id(), s.record(), r.outcome(), r.earlier());
            decided.add(d);
            add(figures, key(d.record()), d.outcome(), 1);
            if (catalogue.containsKey(s.record().item())) {
                months.add(YearMonth.from(s.record().month()));
            }
        }
        records.insert(region, hospitalId, decided, at, by);
        long t3 = System.nanoTime();
        records.addToFigures(region, figures);
        long t4 = System.nanoTime();
        records.addPatients(region, fresh.stream().filter(r -> catalogue.containsKey(r.item())).toList());
        long t5 = System.nanoTime();
        if (fresh.size() >= TIMED_BATCH) {
            LOG.info("exam batch of {} new records ({} pairs): ids in {} ms, pairs read and decided in {} ms, stored in {}"
                    + " ms, figures in {} ms, patients in {} ms", fresh.size(), pairs.size(), ms(t0, t1), ms(t1, t2),
                    ms(t2, t3), ms(t3, t4), ms(t4, t5));
        }
        return months;
    }

    /** Recomputes stored pairs; returns the months (of their local dates) of the records whose outcome changed. */
    Set<YearMonth> recompute(long region, Collection<ExamRecords.Pair> pairs) {
        if (pairs.isEmpty()) {
            return Set.of();
        }
        Set<YearMonth> months = new TreeSet<>();
        Map<ExamRecords.FigureKey, long[]> figures = new HashMap<>();
        apply(region, items.byCode(region), pairs, List.of(), months, figures);
        records.addToFigures(region, figures);
        return months;
    }

    /**
     * Applies the rule to every record of the pairs, stored or {@code added} (not stored yet, outcome NONE); writes
     * the stored outcomes that changed, notes their months and their change to the figures, and returns the results
     * of the added records by id.
     */
    private Map<Long, RepeatRule.Result> apply(long region, Map<String, ExamItem> catalogue,
                                               Collection<ExamRecords.Pair> pairs, List<ExamRecords.Stored> added,
                                               Set<YearMonth> months, Map<ExamRecords.FigureKey, long[]> figures) {
        Map<Long, RepeatRule.Result> addedResults = new HashMap<>();
        if (pairs.isEmpty()) {
            return addedResults;
        }
        Map<Institution, Set<Long>> memberships = alliances.memberships(region);
        BiPredicate<Institution, Institution> sameAlliance = (a, b) -> {
            Set<Long> x = memberships.get(a);
            Set<Long> y = memberships.get(b);
            if (x == null || y == null) {
                return false;
            }
            for (Long id : x) {
                if (y.contains(id)) {
                    return true;
                }
            }
            return false;
        };
        Map<ExamRecords.Pair, List<ExamRecords.Member>> byPair = records.ofPairs(region, pairs);
        Set<Long> addedIds = new HashSet<>();
        for (ExamRecords.Stored s : added) {
            ExamRecord r = s.record();
            ExamRecords.Pair pair = new ExamRecords.Pair(r.patient(), r.item());
            if (catalogue.containsKey(pair.item())) {
                byPair.computeIfAbsent(pair, x -> new ArrayList<>()).add(new ExamRecords.Member(s.id(),
                        r.institution(), r.performedAt(), r.month(), r.recognisable(), r.exception() != null,
                        Outcome.NONE, null));
                addedIds.add(s.id());
            }
        }
        List<ExamRecords.Change> changed = new ArrayList<>();
        byPair.forEach((pair, all) -> {
            ExamItem item = catalogue.get(pair.item());
            if (!addedIds.isEmpty()) {
                countPatients(pair, all, addedIds, figures);
            }
            Map<Long, RepeatRule.Result> results = new HashMap<>();
            if (item != null) {
                List<RepeatRule.Rec> recs = all.stream().map(m -> new RepeatRule.Rec(m.id(), m.institution(),
                        m.performedAt(), m.recognisable(), m.excepted())).toList();
                BiPredicate<Institution, Institution> inScope = item.scope() == RecognitionScope.REGION
                        ? (a, b) -> true : sameAlliance;
                RepeatRule.apply(recs, item.validity(), inScope).forEach(r -> results.put(r.id(), r));
            }
            for (ExamRecords.Member m : all) {
                RepeatRule.Result r = results.get(m.id());
                if (addedIds.contains(m.id())) {
                    if (r != null) {
                        addedResults.put(m.id(), r);
                    }
                    continue;
                }
                Outcome outcome = r == null ? Outcome.NONE : r.outcome();
                Long earlier = r == null ? null : r.earlier();
                if (outcome != m.outcome() || !Objects.equals(earlier, m.earlier())) {
                    changed.add(new ExamRecords.Change(pair, m.id(), outcome, earlier));
                    if (outcome != m.outcome()) {
                        ExamRecords.FigureKey key = new ExamRecords.FigureKey(m.institution(), pair.item(), m.month());
                        add(figures, key, m.outcome(), -1);
                        add(figures, key, outcome, 1);
                    }
                    months.add(YearMonth.from(m.month()));
                }
            }
        });
        records.updateOutcomes(region, changed);
        return addedResults;
    }

    /**
     * The pair's patient in the figures' distinct patients: one more at each institution × month where an added
     * record is the pair's first stored there, whatever the order the records arrive in (every stored record of
     * the pair is among {@code all}).
     */
    private static void countPatients(ExamRecords.Pair pair, List<ExamRecords.Member> all, Set<Long> addedIds,
                                      Map<ExamRecords.FigureKey, long[]> figures) {
        Set<ExamRecords.FigureKey> stored = new HashSet<>();
        Set<ExamRecords.FigureKey> fresh = new HashSet<>();
        for (ExamRecords.Member m : all) {
            ExamRecords.FigureKey key = new ExamRecords.FigureKey(m.institution(), pair.item(), m.month());
            (addedIds.contains(m.id()) ? fresh : stored).add(key);
        }
        for (ExamRecords.FigureKey key : fresh) {
            if (!stored.contains(key)) {
                figures.computeIfAbsent(key, k -> new long[4])[3]++;
            }
        }
    }

    private static ExamRecords.FigureKey key(ExamRecord r) {
        return new ExamRecords.FigureKey(r.institution(), r.item(), r.month());
    }

    /** Adds (sign 1) or takes away (sign -1) one record with its outcome to the figures' changes. */
    private static void add(Map<ExamRecords.FigureKey, long[]> figures, ExamRecords.FigureKey key, Outcome outcome,
                            int sign) {
        long[] d = figures.computeIfAbsent(key, k -> new long[4]);
        d[0] += sign;
        if (outcome == Outcome.REPEAT) {
            d[1] += sign;
        } else if (outcome == Outcome.SAME_INSTITUTION) {
            d[2] += sign;
        }
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
