package org.meridian.indicator.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.meridian.indicator.Measure;
import org.meridian.indicator.MeasureTotals;

/**
 * The scorecard computation of engine.md §4, for every unit of one scheme and one period:
 * <ol>
 * <li>value of each indicator = its formula on the unit's measure totals (null on a division by zero);</li>
 * <li>score = the indicator's rule on a non-null value ({@code PEER_RANK} among the units with a non-null
 *     value of that indicator);</li>
 * <li>total = Σ(weight × score) / Σ(weight) over the indicators with a value, null if none;
 *     coverage = that weight sum / the scheme's whole weight sum;</li>
 * <li>rank = competition rank (1, 2, 2, 4) of the total rounded half-up to 2 decimals, descending; null totals
 *     are unranked; tier from the thresholds on the rounded total;</li>
 * <li>peer median of each indicator: the median of the non-null values (mean of the two middle values for an
 *     even count), null if there is none.</li>
 * </ol>
 * Empty input gives an empty list; a single unit gets rank 1 and 100 on every {@code PEER_RANK} indicator with a
 * value. An event measure a unit lacks counts as 0 (a unit without events); a statistic measure it lacks is missing
 * and makes every formula that reads it null (a unit that did not report did not report zero), so that indicator
 * gets no score and leaves the total, its dimension and the coverage as any null value does. Divisions use
 * {@link Formula#PRECISION}.
 */
public final class ScorecardEngine {

    private ScorecardEngine() {
    }

    /**
     * Scores every unit.
     *
     * @param totals the period's measure totals per unit key (e.g. channel code); iteration order breaks ties
     *               in the returned order only
     * @return one scorecard per unit, in rank order, unranked units last (by unit key)
     */
    public static List<Scorecard> score(SchemeSnapshot scheme, Map<String, Map<Measure, BigDecimal>> totals) {
        Map<String, MeasureTotals> measures = new LinkedHashMap<>();
        totals.forEach((unit, events) -> measures.put(unit, MeasureTotals.ofEvents(events)));
        return scoreUnits(scheme, measures);
    }

    /**
     * Scores every unit from its measures over the period: event sums, aggregated statistics and the period's days.
     *
     * @param totals each unit's measures by unit key (a channel's or a department's code); iteration order breaks
     *               ties in the returned order only
     * @return one scorecard per unit, in rank order, unranked units last (by unit key)
     */
    public static List<Scorecard> scoreUnits(SchemeSnapshot scheme, Map<String, MeasureTotals> totals) {
        Objects.requireNonNull(scheme, "scheme");
        List<String> units = new ArrayList<>(totals.keySet());
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        Map<String, SortedPeers> peers = new LinkedHashMap<>();
        for (SchemeItem item : scheme.items()) {
            List<BigDecimal> nonNull = new ArrayList<>();
            for (String unit : units) {
                BigDecimal v = item.indicator().formula().evaluate(totals.get(unit));
                values.computeIfAbsent(unit, u -> new HashMap<>()).put(item.code(), v);
                if (v != null) {
                    nonNull.add(v);
                }
            }
            peers.put(item.code(), new SortedPeers(nonNull));
        }
        Map<String, BigDecimal> medians = new HashMap<>();
        peers.forEach((code, vs) -> medians.put(code, vs.median()));
        BigDecimal wholeWeight = scheme.totalWeight();

        // each unit's card depends only on its own values and the peers' (read only from here on): 5,000 cards of 12
        // lines, with their explanations, are made on every core (docs/benchmarks.md, "Storing a run while it is
        // written"); the list keeps the units' order
        List<Scorecard> cards = units.parallelStream()
                .map(unit -> card(scheme, unit, totals.get(unit), values.get(unit), peers, medians, wholeWeight))
                .toList();
        return rank(cards);
    }

    /** One unit's scorecard, unranked: its values scored against the peers, weighted, explained line by line. */
    private static Scorecard card(SchemeSnapshot scheme, String unit, MeasureTotals measures,
                                  Map<String, BigDecimal> unitValues, Map<String, SortedPeers> peers,
                                  Map<String, BigDecimal> medians, BigDecimal wholeWeight) {
        List<ScoringRule.Applied> applied = new ArrayList<>();
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal scoredWeight = BigDecimal.ZERO;
        for (SchemeItem item : scheme.items()) {
            BigDecimal v = unitValues.get(item.code());
            ScoringRule.Applied a = v == null ? null
                    : item.rule().apply(v, item.indicator().direction(), peers.get(item.code()));
            applied.add(a);
            if (a != null) {
                weighted = weighted.add(item.weight().multiply(a.score()));
                scoredWeight = scoredWeight.add(item.weight());
            }
        }
        BigDecimal total = scoredWeight.signum() == 0 ? null : weighted.divide(scoredWeight, Formula.PRECISION);
        BigDecimal coverage = scoredWeight.divide(wholeWeight, Formula.PRECISION);
        List<Scorecard.IndicatorResult> results = new ArrayList<>();
        for (int i = 0; i < scheme.items().size(); i++) {
            SchemeItem item = scheme.items().get(i);
            ScoringRule.Applied a = applied.get(i);
            Formula f = item.indicator().formula();
            BigDecimal v = unitValues.get(item.code());
            BigDecimal score = a == null ? null : a.score();
            BigDecimal contribution = score == null ? null
                    : item.weight().multiply(score).divide(scoredWeight, Formula.PRECISION);
            results.add(new Scorecard.IndicatorResult(item.code(), v, score, item.weight(), contribution,
                    medians.get(item.code()), new Scorecard.Explanation(f.text(), f.inputs(measures),
                    f.substitute(measures), v, a)));
        }
        return new Scorecard(unit, total, coverage, null, scheme.tiers().tierOf(Scorecard.round(total)), results);
    }

    /** Competition ranking (1, 2, 2, 4) by rounded total, descending; null totals unranked and last. */
    static List<Scorecard> rank(List<Scorecard> cards) {
        // Sorted once by rounded total, descending: a unit's rank is 1 + the number of units before the first
        // of its equals (n log n; comparing every pair cost 25 million roundings for 5,000 units).
        record Rounded(Scorecard card, BigDecimal total) {
        }
        List<Rounded> totals = new ArrayList<>();
        for (Scorecard c : cards) {
            if (c.total() != null) {
                totals.add(new Rounded(c, c.roundedTotal()));
            }
        }
        totals.sort(Comparator.comparing(Rounded::total).reversed());
        Map<Scorecard, Integer> ranks = new IdentityHashMap<>();
        for (int i = 0; i < totals.size(); i++) {
            boolean tiedWithPrevious = i > 0 && totals.get(i).total().compareTo(totals.get(i - 1).total()) == 0;
            ranks.put(totals.get(i).card(), tiedWithPrevious ? ranks.get(totals.get(i - 1).card()) : i + 1);
        }
        List<Scorecard> ranked = new ArrayList<>();
        for (Scorecard c : cards) {
            ranked.add(new Scorecard(c.unit(), c.total(), c.coverage(), ranks.get(c), c.tier(), c.indicators()));
        }
        ranked.sort(Comparator.comparing(Scorecard::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Scorecard::unit));
        return ranked;
    }

    /** The median; the mean of the two middle values for an even count; null for no values. */
    public static BigDecimal median(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        return new SortedPeers(values).median();
    }
}
