package org.meridian.indicator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.indicator.Measure.*;
import static org.meridian.indicator.scoring.FormulaTest.totals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.DefaultIndicators;
import org.meridian.indicator.Measure;
import org.meridian.shared.UnitType;

/**
 * Worked examples of engine.md §4, computed by hand in the comments. The engine keeps scores unrounded; the
 * assertions compare numerically with {@code isEqualByComparingTo} (so 73.75 = 73.750).
 */
class ScorecardEngineTest {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static SchemeSnapshot scheme(List<SchemeDraft.Item> items) {
        return new SchemeDraft(items, List.of(new SchemeDraft.Tier("A", d("85")), new SchemeDraft.Tier("B", d("70")),
                new SchemeDraft.Tier("C", d("55"))))
                .toSnapshot(DefaultIndicators::find, UnitType.EXAM_CENTER, 1, Instant.EPOCH, "test");
    }

    /**
     * ARRIVAL_RATE weight 10, LINEAR zero 50 full 90; RESPONSE_TIME weight 15, BANDS ≤4 → 100, ≤24 → 80, ≤48 → 60;
     * SATISFACTION weight 15, PEER_RANK. Whole weight 40.
     */
    static final SchemeSnapshot THREE = scheme(List.of(
            new SchemeDraft.Item("ARRIVAL_RATE", d("10"), SchemeDraftTest.linear("50", "90")),
            new SchemeDraft.Item("RESPONSE_TIME", d("15"), SchemeDraftTest.bands("4:100", "24:80", "48:60")),
            new SchemeDraft.Item("SATISFACTION", d("15"), SchemeDraftTest.PEER)));

    static Map<String, Map<Measure, BigDecimal>> fourUnits() {
        Map<String, Map<Measure, BigDecimal>> units = new LinkedHashMap<>();
        // U1: arrivals 52 / referrals 64 → 81.25; 30 h over 10 responses → 3 h; 18 of 20 satisfied → 90
        units.put("U1", totals(REFERRALS, 64, ARRIVALS, 52, RESPONSE_COUNT, 10, RESPONSE_HOURS_SUM, 30,
                SURVEY_COUNT, 20, SATISFIED, 18));
        // U2: 30 / 40 → 75; 100 h / 5 → 20 h; 9 of 10 → 90
        units.put("U2", totals(REFERRALS, 40, ARRIVALS, 30, RESPONSE_COUNT, 5, RESPONSE_HOURS_SUM, 100,
                SURVEY_COUNT, 10, SATISFIED, 9));
        // U3: no referrals and no responses (zero denominators → null); 2 of 4 satisfied → 50
        units.put("U3", totals(SURVEY_COUNT, 4, SATISFIED, 2));
        // U4: no events at all
        units.put("U4", Map.of());
        return units;
    }

    @Test
    void workedExampleOfFourUnits() {
        Map<String, Scorecard> cards = new LinkedHashMap<>();
        List<Scorecard> result = ScorecardEngine.score(THREE, fourUnits());
        result.forEach(c -> cards.put(c.unit(), c));
        assertThat(result).extracting(Scorecard::unit).containsExactly("U1", "U2", "U3", "U4");

        Scorecard u1 = cards.get("U1");
        // ARRIVAL_RATE: 100 × (81.25 − 50) / (90 − 50) = 3125 / 40 = 78.125
        assertThat(u1.indicator("ARRIVAL_RATE").value()).isEqualByComparingTo("81.25");
        assertThat(u1.indicator("ARRIVAL_RATE").score()).isEqualByComparingTo("78.125");
        // RESPONSE_TIME: 3 h ≤ 4 → 100
        assertThat(u1.indicator("RESPONSE_TIME").score()).isEqualByComparingTo("100");
        // SATISFACTION among 90 (U1), 90 (U2), 50 (U3), n = 3: U1 beats U3, ties U2 → 100 × (1 + 0.5) / 2 = 75
        assertThat(u1.indicator("SATISFACTION").score()).isEqualByComparingTo("75");
        // total (10 × 78.125 + 15 × 100 + 15 × 75) / 40 = (781.25 + 1500 + 1125) / 40 = 3406.25 / 40 = 85.15625
        assertThat(u1.total()).isEqualByComparingTo("85.15625");
        assertThat(u1.roundedTotal()).isEqualByComparingTo("85.16");
        assertThat(u1.coverage()).isEqualByComparingTo("1");
        assertThat(u1.rank()).isEqualTo(1);
        assertThat(u1.tier()).isEqualTo("A");
        // contributions add up to the total: 781.25 / 40 = 19.53125, 1500 / 40 = 37.5, 1125 / 40 = 28.125
        assertThat(u1.indicators()).extracting(Scorecard.IndicatorResult::contribution).map(BigDecimal::toPlainString)
                .containsExactly("19.53125", "37.5", "28.125");

        Scorecard u2 = cards.get("U2");
        // 100 × (75 − 50) / 40 = 62.5; 20 h ≤ 24 → 80; SATISFACTION 75 as U1
        // total (625 + 1200 + 1125) / 40 = 2950 / 40 = 73.75 → B, rank 2
        assertThat(u2.total()).isEqualByComparingTo("73.75");
        assertThat(u2.rank()).isEqualTo(2);
        assertThat(u2.tier()).isEqualTo("B");

        Scorecard u3 = cards.get("U3");
        // referrals 0 and response_count 0: both values null, no score; only SATISFACTION (50 beats nobody → 0)
        assertThat(u3.indicator("ARRIVAL_RATE").value()).isNull();
        assertThat(u3.indicator("ARRIVAL_RATE").score()).isNull();
        assertThat(u3.indicator("ARRIVAL_RATE").contribution()).isNull();
        assertThat(u3.indicator("RESPONSE_TIME").value()).isNull();
        assertThat(u3.indicator("SATISFACTION").score()).isEqualByComparingTo("0");
        // total 15 × 0 / 15 = 0 (not null: one indicator has a value) → D, rank 3; coverage 15 / 40 = 0.375
        assertThat(u3.total()).isEqualByComparingTo("0");
        assertThat(u3.coverage()).isEqualByComparingTo("0.375");
        assertThat(u3.rank()).isEqualTo(3);
        assertThat(u3.tier()).isEqualTo("D");

        Scorecard u4 = cards.get("U4");
        // no values at all: total null, unranked, UNRATED, coverage 0
        assertThat(u4.total()).isNull();
        assertThat(u4.roundedTotal()).isNull();
        assertThat(u4.rank()).isNull();
        assertThat(u4.tier()).isEqualTo("UNRATED");
        assertThat(u4.coverage()).isEqualByComparingTo("0");

        // peer medians: ARRIVAL_RATE of 81.25 and 75 → (81.25 + 75) / 2 = 78.125; RESPONSE_TIME (3 + 20) / 2 = 11.5;
        // SATISFACTION of 90, 90, 50 → 90; the same on every card
        for (Scorecard c : result) {
            assertThat(c.indicator("ARRIVAL_RATE").peerMedian()).isEqualByComparingTo("78.125");
            assertThat(c.indicator("RESPONSE_TIME").peerMedian()).isEqualByComparingTo("11.5");
            assertThat(c.indicator("SATISFACTION").peerMedian()).isEqualByComparingTo("90");
        }
    }

    @Test
    void explanationShowsTheFormulaWithTheTotalsAndTheRuleApplied() {
        List<Scorecard> result = ScorecardEngine.score(THREE, fourUnits());
        Scorecard.Explanation why = result.get(0).indicator("ARRIVAL_RATE").why();
        assertThat(why.formula()).isEqualTo("100 * arrivals / referrals");
        assertThat(why.inputs()).containsExactly(Map.entry("arrivals", d("52")), Map.entry("referrals", d("64")));
        assertThat(why.calculation()).isEqualTo("100 × 52 / 64 = 81.25");
        assertThat(why.rule().method()).isEqualTo("LINEAR");
        assertThat(why.rule().calculation()).isEqualTo("100 × (81.25 − 50) / (90 − 50) = 78.125");
        Scorecard.Explanation response = result.get(1).indicator("RESPONSE_TIME").why();
        assertThat(response.calculation()).isEqualTo("100 / 5 = 20");
        assertThat(response.rule().calculation()).isEqualTo("20 ≤ 24 (2) → 80");
        Scorecard.Explanation noData = result.get(2).indicator("ARRIVAL_RATE").why();
        assertThat(noData.calculation()).isEqualTo("100 × 0 / 0 = —");
        assertThat(noData.rule()).isNull();
        Scorecard.Explanation peer = result.get(2).indicator("SATISFACTION").why();
        assertThat(peer.rule().calculation()).isEqualTo("100 × (0 + 0.5 × 0) / (3 − 1) = 0");
        assertThat(peer.rule().parameters()).containsEntry("n", d("3"));
    }

    /** One indicator, REVENUE (revenue / 10000 万元) scored LINEAR 0 → 100: the score equals the value in 万元. */
    static final SchemeSnapshot REVENUE_ONLY = scheme(List.of(
            new SchemeDraft.Item("REVENUE", d("1"), SchemeDraftTest.linear("0", "100"))));

    static Map<String, Map<Measure, BigDecimal>> revenues(String... unitAndCny) {
        Map<String, Map<Measure, BigDecimal>> units = new LinkedHashMap<>();
        for (String s : unitAndCny) {
            units.put(s.split("=")[0], totals(REVENUE, s.split("=")[1]));
        }
        return units;
    }

    @Test
    void competitionRanksByTheRoundedTotal() {
        // totals 90, 80, 80, 80.004 (rounds to 80.00), 70: ranks 1, 2, 2, 2, 5; the unit without data unranked
        Map<String, Map<Measure, BigDecimal>> units = revenues("A=900000", "B=800000", "C=800000", "E=800040",
                "D=700000");
        units.put("Z", totals(REVENUE, 0));
        units.put("N", Map.of());
        Map<String, Integer> ranks = new LinkedHashMap<>();
        ScorecardEngine.score(REVENUE_ONLY, units).forEach(c -> ranks.put(c.unit(), c.rank()));
        // revenue 0 is a value (0 万元 scores 0), ranked last of the valued; REVENUE is never null, so N ranks too
        assertThat(ranks).containsExactly(Map.entry("A", 1), Map.entry("B", 2), Map.entry("C", 2), Map.entry("E", 2),
                Map.entry("D", 5), Map.entry("N", 6), Map.entry("Z", 6));
    }

    @Test
    void nullTotalsAreUnrankedAndListedLast() {
        // ARRIVAL_RATE alone: a unit without referrals has no value, so no total
        SchemeSnapshot s = scheme(List.of(new SchemeDraft.Item("ARRIVAL_RATE", d("1"), SchemeDraftTest.PEER)));
        Map<String, Map<Measure, BigDecimal>> units = new LinkedHashMap<>();
        units.put("AA-NONE", Map.of());
        units.put("BB", totals(REFERRALS, 10, ARRIVALS, 5));
        units.put("CC", totals(REFERRALS, 10, ARRIVALS, 5));
        List<Scorecard> cards = ScorecardEngine.score(s, units);
        // BB and CC tie at 50 % → each 100 × (0 + 0.5) / 1 = 50, both rank 1
        assertThat(cards).extracting(Scorecard::unit, Scorecard::rank).containsExactly(
                org.assertj.core.groups.Tuple.tuple("BB", 1), org.assertj.core.groups.Tuple.tuple("CC", 1),
                org.assertj.core.groups.Tuple.tuple("AA-NONE", null));
        assertThat(cards.get(0).total()).isEqualByComparingTo("50");
    }

    @Test
    void tierBoundariesAreComparedWithTheTotalRoundedHalfUp() {
        Map<String, String> tiers = new LinkedHashMap<>();
        Map<String, BigDecimal> rounded = new LinkedHashMap<>();
        // revenue / 10000 = the total: 85 → 85.00 → A; 84.995 → 85.00 (half-up) → A; 84.9949 → 84.99 → B;
        // 84.985 → 84.99 (half-up; half-even would give 84.98); 54.995 → 55.00 → C; 54.9949 → 54.99 → D
        ScorecardEngine.score(REVENUE_ONLY, revenues("T1=850000", "T2=849950", "T3=849949", "T4=849850",
                "T5=549950", "T6=549949")).forEach(c -> {
                    tiers.put(c.unit(), c.tier());
                    rounded.put(c.unit(), c.roundedTotal());
                });
        assertThat(tiers).containsEntry("T1", "A").containsEntry("T2", "A").containsEntry("T3", "B")
                .containsEntry("T4", "B").containsEntry("T5", "C").containsEntry("T6", "D");
        assertThat(rounded.get("T1").toPlainString()).isEqualTo("85.00");
        assertThat(rounded.get("T2").toPlainString()).isEqualTo("85.00");
        assertThat(rounded.get("T3").toPlainString()).isEqualTo("84.99");
        assertThat(rounded.get("T4").toPlainString()).isEqualTo("84.99");
    }

    @Test
    void aSingleUnitGetsFullPeerRankScoreAndRankOne() {
        SchemeSnapshot s = scheme(List.of(new SchemeDraft.Item("SATISFACTION", d("3"), SchemeDraftTest.PEER)));
        List<Scorecard> cards = ScorecardEngine.score(s, Map.of("ONLY", totals(SURVEY_COUNT, 4, SATISFIED, 1)));
        // n = 1 → 100
        assertThat(cards.get(0).indicator("SATISFACTION").score()).isEqualByComparingTo("100");
        assertThat(cards.get(0).rank()).isEqualTo(1);
        assertThat(cards.get(0).indicator("SATISFACTION").peerMedian()).isEqualByComparingTo("25");
        assertThat(ScorecardEngine.score(s, Map.of())).isEmpty();
    }

    @Test
    void bandsForLowerIsBetterInAScorecard() {
        // COMPLAINT_RATE = 1000 × complaints / arrivals (‰), lower is better; bands ≤ 1 ‰ → 100, ≤ 5 ‰ → 70
        SchemeSnapshot s = scheme(List.of(
                new SchemeDraft.Item("COMPLAINT_RATE", d("2"), SchemeDraftTest.bands("1:100", "5:70")),
                new SchemeDraft.Item("REFERRAL_VOLUME", d("3"), SchemeDraftTest.linear("0", "100"))));
        Map<String, Map<Measure, BigDecimal>> units = new LinkedHashMap<>();
        units.put("LOW", totals(ARRIVALS, 2000, COMPLAINTS, 2, REFERRALS, 50));   // 1 ‰ → 100; volume 50 → 50
        units.put("MID", totals(ARRIVALS, 1000, COMPLAINTS, 3, REFERRALS, 50));   // 3 ‰ → 70
        units.put("HIGH", totals(ARRIVALS, 100, COMPLAINTS, 1, REFERRALS, 50));   // 10 ‰ → 0
        Map<String, Scorecard> cards = new LinkedHashMap<>();
        ScorecardEngine.score(s, units).forEach(c -> cards.put(c.unit(), c));
        assertThat(cards.get("LOW").indicator("COMPLAINT_RATE").score()).isEqualByComparingTo("100");
        assertThat(cards.get("MID").indicator("COMPLAINT_RATE").score()).isEqualByComparingTo("70");
        assertThat(cards.get("HIGH").indicator("COMPLAINT_RATE").score()).isEqualByComparingTo("0");
        // LOW: (2 × 100 + 3 × 50) / 5 = 70; MID: (140 + 150) / 5 = 58; HIGH: 150 / 5 = 30
        assertThat(cards.get("LOW").total()).isEqualByComparingTo("70");
        assertThat(cards.get("MID").total()).isEqualByComparingTo("58");
        assertThat(cards.get("HIGH").total()).isEqualByComparingTo("30");
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(ScorecardEngine.median(List.of(d("4"), d("1"), d("3"), d("2")))).isEqualByComparingTo("2.5");
        assertThat(ScorecardEngine.median(List.of(d("5"), d("1"), d("3")))).isEqualByComparingTo("3");
        assertThat(ScorecardEngine.median(List.of())).isNull();
    }

    @Test
    void competitionRanksAreOnePlusTheUnitsWithAHigherRoundedTotal() {
        java.util.Random random = new java.util.Random(24);
        List<Scorecard> cards = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // totals close together so that many round to the same hundredth (85.004 and 84.996 both give 85.00)
            BigDecimal total = i % 37 == 0 ? null : new BigDecimal(80 + random.nextInt(2000) / 1000.0)
                    .setScale(3, java.math.RoundingMode.HALF_UP);
            cards.add(new Scorecard("U" + i, total, BigDecimal.ONE, null, "B", List.of()));
        }
        List<Scorecard> ranked = ScorecardEngine.rank(cards);
        assertThat(ranked).hasSameSizeAs(cards);
        for (Scorecard c : ranked) {
            if (c.total() == null) {
                assertThat(c.rank()).isNull();
                continue;
            }
            long higher = cards.stream().filter(o -> o.total() != null
                    && o.roundedTotal().compareTo(c.roundedTotal()) > 0).count();
            assertThat(c.rank()).as(c.unit()).isEqualTo(1 + (int) higher);
        }
        // rank order, unranked last, ties by unit key
        for (int i = 1; i < ranked.size(); i++) {
            Scorecard a = ranked.get(i - 1);
            Scorecard b = ranked.get(i);
            if (a.rank() != null && b.rank() != null) {
                assertThat(a.rank() < b.rank() || (a.rank().equals(b.rank()) && a.unit().compareTo(b.unit()) < 0)).isTrue();
            } else {
                assertThat(b.rank()).isNull();
            }
        }
    }
}
