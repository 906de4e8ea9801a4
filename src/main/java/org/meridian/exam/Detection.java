package org.meridian.exam;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import org.springframework.stereotype.Component;

/**
 * Keeps the outcomes of {@link RepeatRule} up to date: for each patient × item touched (new records, a changed
 * catalogue item, a new alliance) it reads every record of that pair, applies the rule and writes the outcomes
 * that changed. Other pairs are never read. Runs inside the caller's transaction, under the region's lock.
 */
@Component
class Detection {

    private final ExamRecords records;
    private final ExamItems items;
    private final Alliances alliances;

    Detection(ExamRecords records, ExamItems items, Alliances alliances) {
        this.records = records;
        this.items = items;
        this.alliances = alliances;
    }

    /** Recomputes the pairs; returns the months (of their local dates) of the records whose outcome changed. */
    Set<YearMonth> recompute(long region, Collection<ExamRecords.Pair> pairs) {
        if (pairs.isEmpty()) {
            return Set.of();
        }
        Map<String, ExamItem> catalogue = items.byCode(region);
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
        List<ExamRecords.Stored> changed = new ArrayList<>();
        Map<ExamRecords.Pair, List<ExamRecords.Stored>> byPair = records.ofPairs(region, new HashSet<>(pairs));
        byPair.forEach((pair, stored) -> {
            ExamItem item = catalogue.get(pair.item());
            Map<Long, RepeatRule.Result> results = new java.util.HashMap<>();
            if (item != null) {
                List<RepeatRule.Rec> recs = stored.stream().map(s -> new RepeatRule.Rec(s.id(),
                        s.record().institution(), s.record().performedAt(), s.record().recognisable(),
                        s.record().exception() != null)).toList();
                BiPredicate<Institution, Institution> inScope = item.scope() == RecognitionScope.REGION
                        ? (a, b) -> true : sameAlliance;
                RepeatRule.apply(recs, item.validity(), inScope).forEach(r -> results.put(r.id(), r));
            }
            for (ExamRecords.Stored s : stored) {
                RepeatRule.Result r = results.get(s.id());
                Outcome outcome = r == null ? Outcome.NONE : r.outcome();
                Long earlier = r == null ? null : r.earlier();
                if (outcome != s.outcome() || !java.util.Objects.equals(earlier, s.earlier())) {
                    changed.add(new ExamRecords.Stored(s.id(), s.record(), outcome, earlier));
                }
            }
        });
        records.updateOutcomes(region, changed);
        Set<YearMonth> months = new java.util.TreeSet<>();
        changed.forEach(s -> months.add(YearMonth.from(s.record().month())));
        return months;
    }
}
