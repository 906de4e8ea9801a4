package org.meridian.exam;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * The repeat-examination rule (重复检查的判定), applied to every record of one patient and one catalogue item. Plain
 * Java without Spring.
 *
 * <p>A record R (institution I, instant t) is a <b>repeat</b> when some earlier record R′ (institution I′, instant
 * t′) of the same patient and item is recognisable, was performed at another institution in the item's scope
 * ({@code inScope(I′, I)}: any other institution of the region for {@code REGION}, one sharing an alliance with I for
 * {@code ALLIANCE}), and
 * <pre>   t − validDays × 24 h ≤ t′ &lt; t</pre>
 * (instants, so a result exactly validDays × 24 h old still counts and one a second older does not; a record at the
 * very same instant is not earlier), and R carries no exception reason. A record that is not a repeat but has such
 * an earlier record at its own institution is a <b>same-institution repeat</b>. A record with an exception reason
 * is neither. Whether R itself is recognisable does not matter for R.
 *
 * <p>The outcome of each record depends only on the set of records, never on the order they arrived in: the records
 * are sorted by instant (then id) before the rule runs. {@code earlier} names the latest record that made the
 * outcome (for a repeat: the latest qualifying one at another institution). Empty input gives an empty answer; a
 * single record is never a repeat.
 */
public final class RepeatRule {

    private RepeatRule() {
    }

    /** One record as the rule sees it. */
    public record Rec(long id, Institution institution, Instant performedAt, boolean recognisable,
                      boolean excepted) {
        public Rec {
            Objects.requireNonNull(institution, "institution");
            Objects.requireNonNull(performedAt, "performedAt");
        }
    }

    /** A record's outcome, with the id of the earlier record behind it (null for {@link Outcome#NONE}). */
    public record Result(long id, Outcome outcome, Long earlier) {
    }

    /**
     * @param records  every record of one patient and item, in any order
     * @param validity validDays × 24 h
     * @param inScope  whether a result of the first institution is recognised at the second (never asked for one
     *                 institution with itself)
     * @return one result per record, ordered by instant then id
     */
    public static List<Result> apply(List<Rec> records, Duration validity,
                                     BiPredicate<Institution, Institution> inScope) {
        List<Rec> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(Rec::performedAt).thenComparingLong(Rec::id));
        List<Result> results = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Rec r = sorted.get(i);
            if (r.excepted()) {
                results.add(new Result(r.id(), Outcome.NONE, null));
                continue;
            }
            Instant from = r.performedAt().minus(validity);
            Long other = null;
            Long same = null;
            for (int j = i - 1; j >= 0; j--) {
                Rec e = sorted.get(j);
                if (e.performedAt().isBefore(from)) {
                    break;
                }
                if (!e.performedAt().isBefore(r.performedAt()) || !e.recognisable()) {
                    continue;
                }
                if (e.institution().equals(r.institution())) {
                    if (same == null) {
                        same = e.id();
                    }
                } else if (inScope.test(e.institution(), r.institution())) {
                    other = e.id();
                    break;
                }
            }
            if (other != null) {
                results.add(new Result(r.id(), Outcome.REPEAT, other));
            } else if (same != null) {
                results.add(new Result(r.id(), Outcome.SAME_INSTITUTION, same));
            } else {
                results.add(new Result(r.id(), Outcome.NONE, null));
            }
        }
        return results;
    }
}
