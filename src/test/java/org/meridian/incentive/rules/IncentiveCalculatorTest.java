package org.meridian.incentive.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.meridian.shared.UnitType;
import org.meridian.shared.Period;

/** Worked examples for every rule type; each expected amount is computed by hand in the comment. */
class IncentiveCalculatorTest {

    static final Period Q3 = Period.parse("2026-Q3").orElseThrow();

    static RuleHeader header(String code, UnitType unitType) {
        return new RuleHeader(code, "规则 " + code, 1, new Validity(LocalDate.of(2026, 1, 1), null), unitType);
    }

    static ChannelResult result(String tier, String total, Integer rank, Map<String, BigDecimal> measures) {
        return new ChannelResult("EXAM-01", UnitType.EXAM_CENTER, tier, total == null ? null : new BigDecimal(total),
                rank, measures);
    }

    static Map<String, BigDecimal> tierRates(String... pairs) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], new BigDecimal(pairs[i + 1]));
        }
        return m;
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    // --- (1) fees: base × rate by tier, capped per period ---

    static final IncentiveRule.FeeRule SERVICE_FEE = new IncentiveRule.FeeRule(header("SERVICE-FEE", null),
            new FeeBase.Fixed(d("5000")), new RateTable.ByTier(tierRates("A", "1.2", "B", "1.0", "C", "0.5")),
            d("5500"));

    @Test
    void feeByTierAIsCappedAtTheCapPerPeriod() {
        // 5000 × 1.2 = 6000.00 > cap 5500.00 → 5500.00
        StatementLine line = IncentiveCalculator.lines(Q3, result("A", "90", 1, null), List.of(SERVICE_FEE)).get(0);
        assertThat(line.amount()).isEqualByComparingTo("5500.00");
        assertThat(line.amount().scale()).isEqualTo(2);
        assertThat(line.basis()).isEqualByComparingTo("5000");
        assertThat(line.rate()).isEqualByComparingTo("1.2");
        assertThat(line.ruleCode()).isEqualTo("SERVICE-FEE");
        assertThat(line.explanation()).extracting(Explanation::key).containsExactly("incentive.explain.basis.fixed",
                "incentive.explain.rate.tier", "incentive.explain.product", "incentive.explain.capped");
    }

    @Test
    void feeByTierBelowTheCapIsBaseTimesRate() {
        // B: 5000 × 1.0 = 5000.00 (under the cap); C: 5000 × 0.5 = 2500.00
        assertThat(IncentiveCalculator.lines(Q3, result("B", "75", 4, null), List.of(SERVICE_FEE)).get(0).amount())
                .isEqualByComparingTo("5000.00");
        assertThat(IncentiveCalculator.lines(Q3, result("C", "60", 7, null), List.of(SERVICE_FEE)).get(0).amount())
                .isEqualByComparingTo("2500.00");
    }

    @Test
    void aTierWithoutARateGivesNoLine() {
        // D has no rate in the table → no fee at all
        assertThat(IncentiveCalculator.lines(Q3, result("D", "40", 9, null), List.of(SERVICE_FEE))).isEmpty();
    }

    // --- (1) fees: base × rate by score band ---

    static final IncentiveRule.FeeRule QUALITY_BONUS = new IncentiveRule.FeeRule(header("QUALITY-BONUS", null),
            new FeeBase.Fixed(d("3000")), new RateTable.ByScoreBand(List.of(
                    new ScoreBand(d("85"), null, d("1.5")),
                    new ScoreBand(d("70"), d("85"), d("1.0")),
                    new ScoreBand(d("55"), d("70"), d("0.333")))), null);

    @Test
    void feeByScoreBandComparesTheTotalRoundedToTwoDecimals() {
        // total 84.996 rounds to 85.00 → band [85, ∞) → 3000 × 1.5 = 4500.00
        assertThat(IncentiveCalculator.lines(Q3, result("A", "84.996", 2, null), List.of(QUALITY_BONUS)).get(0)
                .amount()).isEqualByComparingTo("4500.00");
        // total 84.994 rounds to 84.99 → band [70, 85) → 3000 × 1.0 = 3000.00
        assertThat(IncentiveCalculator.lines(Q3, result("B", "84.994", 3, null), List.of(QUALITY_BONUS)).get(0)
                .amount()).isEqualByComparingTo("3000.00");
        // total 62.1 → band [55, 70) → 3000 × 0.333 = 999.000 → 999.00
        assertThat(IncentiveCalculator.lines(Q3, result("C", "62.1", 8, null), List.of(QUALITY_BONUS)).get(0)
                .amount()).isEqualByComparingTo("999.00");
    }

    @Test
    void aTotalBelowEveryBandOrUnratedGivesNoLine() {
        // 54.99 is in no band; UNRATED has no total
        assertThat(IncentiveCalculator.lines(Q3, result("D", "54.99", 9, null), List.of(QUALITY_BONUS))).isEmpty();
        assertThat(IncentiveCalculator.lines(Q3, result("UNRATED", null, null, null), List.of(QUALITY_BONUS)))
                .isEmpty();
    }

    @Test
    void amountsAreRoundedHalfUpToTheFen() {
        // 100.10 × 0.05 = 5.005 → half-up 5.01 (half-even would give 5.00)
        IncentiveRule.FeeRule rule = new IncentiveRule.FeeRule(header("ROUNDING", null),
                new FeeBase.Fixed(d("100.10")), new RateTable.ByTier(tierRates("A", "0.05")), null);
        assertThat(IncentiveCalculator.lines(Q3, result("A", "90", 1, null), List.of(rule)).get(0).amount())
                .isEqualTo(d("5.01"));
        // 1234.55 × 0.125 = 154.31875 → 154.32
        IncentiveRule.FeeRule other = new IncentiveRule.FeeRule(header("ROUNDING2", null),
                new FeeBase.Fixed(d("1234.55")), new RateTable.ByTier(tierRates("A", "0.125")), null);
        assertThat(IncentiveCalculator.lines(Q3, result("A", "90", 1, null), List.of(other)).get(0).amount())
                .isEqualTo(d("154.32"));
    }

    @Test
    void feeOnAMeasureUsesThePeriodTotalAndItsCap() {
        // feedbacks 37 × 20 = 740.00 > cap 500.00 → 500.00; tier B: 37 × 10 = 370.00
        IncentiveRule.FeeRule rule = new IncentiveRule.FeeRule(header("FEEDBACK-FEE", null),
                new FeeBase.OfMeasure("feedbacks"), new RateTable.ByTier(tierRates("A", "20", "B", "10")), d("500"));
        StatementLine a = IncentiveCalculator.lines(Q3, result("A", "88", 1, Map.of("feedbacks", d("37"))),
                List.of(rule)).get(0);
        assertThat(a.amount()).isEqualByComparingTo("500.00");
        assertThat(a.basisLabel()).isEqualTo("feedbacks");
        assertThat(a.basis()).isEqualByComparingTo("37");
        assertThat(IncentiveCalculator.lines(Q3, result("B", "72", 5, Map.of("feedbacks", d("37"))), List.of(rule))
                .get(0).amount()).isEqualByComparingTo("370.00");
        // a measure without events is 0: 0 × 20 = 0.00
        assertThat(IncentiveCalculator.lines(Q3, result("A", "88", 1, Map.of()), List.of(rule)).get(0).amount())
                .isEqualByComparingTo("0.00");
    }

    @Test
    void aNegativeBaseNeverMakesANegativeFee() {
        // revenue −800 (refunds) × 0.01 = −8 → 0.00
        IncentiveRule.FeeRule rule = new IncentiveRule.FeeRule(header("REV", null), new FeeBase.OfMeasure("revenue"),
                new RateTable.ByTier(tierRates("A", "0.01")), null);
        StatementLine line = IncentiveCalculator.lines(Q3, result("A", "90", 1, Map.of("revenue", d("-800"))),
                List.of(rule)).get(0);
        assertThat(line.amount()).isEqualByComparingTo("0.00");
        assertThat(line.explanation()).extracting(Explanation::key).contains("incentive.explain.negative");
    }

    // --- (2) awards for the top N ---

    static final IncentiveRule.AwardRule TOP3_IN_KIND = new IncentiveRule.AwardRule(
            header("TOP3-EXAM", UnitType.EXAM_CENTER), 3, IncentiveRule.AwardPeriod.QUARTER, null, "进修培训名额 2 个");

    @Test
    void inKindAwardGoesToRanksOneToN() {
        // rank 3 ≤ 3 in 2026-Q3 → benefit in kind, 0.00 CNY, 1 award
        StatementLine line = IncentiveCalculator.lines(Q3, result("A", "86", 3, null), List.of(TOP3_IN_KIND)).get(0);
        assertThat(line.amount()).isEqualByComparingTo("0.00");
        assertThat(line.benefit()).isEqualTo("进修培训名额 2 个");
        assertThat(line.quantity()).isEqualTo(1);
        assertThat(line.basis()).isEqualByComparingTo("3");
        // rank 4 > 3 → nothing; unranked → nothing
        assertThat(IncentiveCalculator.lines(Q3, result("A", "85", 4, null), List.of(TOP3_IN_KIND))).isEmpty();
        assertThat(IncentiveCalculator.lines(Q3, result("UNRATED", null, null, null), List.of(TOP3_IN_KIND)))
                .isEmpty();
    }

    @Test
    void awardOnlyForItsUnitTypeAndItsKindOfPeriod() {
        ChannelResult community = new ChannelResult("COMM-01", UnitType.COMMUNITY_HEALTH, "A", d("95"), 1, null);
        assertThat(IncentiveCalculator.lines(Q3, community, List.of(TOP3_IN_KIND))).isEmpty();
        // a monthly statement gets no quarterly award
        assertThat(IncentiveCalculator.lines(Period.parse("2026-09").orElseThrow(), result("A", "95", 1, null),
                List.of(TOP3_IN_KIND))).isEmpty();
    }

    @Test
    void cashAwardPerYear() {
        // rank 1 of the year → 10000.00
        IncentiveRule.AwardRule rule = new IncentiveRule.AwardRule(header("BEST-OF-YEAR", UnitType.EXAM_CENTER), 1,
                IncentiveRule.AwardPeriod.YEAR, d("10000"), null);
        assertThat(IncentiveCalculator.lines(Period.parse("2026").orElseThrow(), result("A", "93", 1, null), List.of(rule)).get(0)
                .amount()).isEqualTo(d("10000.00"));
        assertThat(IncentiveCalculator.lines(Q3, result("A", "93", 1, null), List.of(rule))).isEmpty();
    }

    // --- (3) priority rights ---

    @Test
    void greenChannelQuotaByTier() {
        // tier B → 5 places, 0.00 CNY; tier C has quota 0 → no line
        IncentiveRule.PriorityRule rule = new IncentiveRule.PriorityRule(header("GREEN", null), "绿色通道名额",
                Map.of("A", 10, "B", 5, "C", 0));
        StatementLine b = IncentiveCalculator.lines(Q3, result("B", "75", 4, null), List.of(rule)).get(0);
        assertThat(b.quantity()).isEqualTo(5);
        assertThat(b.amount()).isEqualByComparingTo("0.00");
        assertThat(b.benefit()).isEqualTo("绿色通道名额");
        assertThat(IncentiveCalculator.lines(Q3, result("C", "60", 7, null), List.of(rule))).isEmpty();
    }

    // --- (5) manual adjustments and totals ---

    @Test
    void statementTotalIsTheSumOfItsLinesIncludingAdjustments() {
        // A, total 88, rank 2: service fee 5500.00 (capped) + quality bonus 4500.00 + adjustment −120.50
        // = 9879.50
        List<StatementLine> lines = new java.util.ArrayList<>(IncentiveCalculator.lines(Q3,
                result("A", "88", 2, null), List.of(SERVICE_FEE, QUALITY_BONUS, TOP3_IN_KIND)));
        lines.add(new ManualAdjustment(d("-120.5"), "9 月重复计费冲回").toLine());
        assertThat(lines).hasSize(4);
        assertThat(StatementLine.total(lines)).isEqualTo(d("9879.50"));
        assertThat(lines.get(3).reason()).isEqualTo("9 月重复计费冲回");
        assertThat(lines.get(3).amount()).isEqualTo(d("-120.50"));
    }

    // --- effective dates and versions ---

    @Test
    void aRuleAppliesWhenValidOnThePeriodsLastDay() {
        // version 1 until 2026-08-31, version 2 from 2026-09-01: Q3 (ends 2026-09-30) uses version 2
        RuleHeader v1 = new RuleHeader("SERVICE-FEE", "服务费", 1,
                new Validity(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 8, 31)), null);
        RuleHeader v2 = new RuleHeader("SERVICE-FEE", "服务费", 2, new Validity(LocalDate.of(2026, 9, 1), null), null);
        RateTable rates = new RateTable.ByTier(tierRates("A", "1"));
        List<IncentiveRule> rules = List.of(new IncentiveRule.FeeRule(v1, new FeeBase.Fixed(d("1000")), rates, null),
                new IncentiveRule.FeeRule(v2, new FeeBase.Fixed(d("2000")), rates, null));
        StatementLine q3 = IncentiveCalculator.lines(Q3, result("A", "90", 1, null), rules).get(0);
        assertThat(q3.ruleVersion()).isEqualTo(2);
        assertThat(q3.amount()).isEqualByComparingTo("2000.00");
        StatementLine q2 = IncentiveCalculator.lines(Period.parse("2026-Q2").orElseThrow(), result("A", "90", 1, null), rules).get(0);
        assertThat(q2.ruleVersion()).isEqualTo(1);
        assertThat(q2.amount()).isEqualByComparingTo("1000.00");
        // a rule valid from 2027 does not apply to 2026-Q3
        RuleHeader later = new RuleHeader("LATER", "以后", 1, new Validity(LocalDate.of(2027, 1, 1), null), null);
        assertThat(IncentiveCalculator.lines(Q3, result("A", "90", 1, null),
                List.of(new IncentiveRule.FeeRule(later, new FeeBase.Fixed(d("1")), rates, null)))).isEmpty();
    }

    @Test
    void twoVersionsInForceTogetherAreRefused() {
        RateTable rates = new RateTable.ByTier(tierRates("A", "1"));
        RuleHeader v1 = new RuleHeader("DUP", "重复", 1, new Validity(LocalDate.of(2026, 1, 1), null), null);
        RuleHeader v2 = new RuleHeader("DUP", "重复", 2, new Validity(LocalDate.of(2026, 6, 1), null), null);
        List<IncentiveRule> rules = List.of(new IncentiveRule.FeeRule(v1, new FeeBase.Fixed(d("1")), rates, null),
                new IncentiveRule.FeeRule(v2, new FeeBase.Fixed(d("1")), rates, null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IncentiveCalculator.lines(Q3,
                        result("A", "90", 1, null), rules))
                .isInstanceOf(InvalidIncentiveException.class)
                .hasMessageContaining("Versions 1 and 2 of rule DUP are both in force");
    }

    @Test
    void aRuleForAnotherUnitTypeDoesNotApply() {
        IncentiveRule.PriorityRule rule = new IncentiveRule.PriorityRule(header("GREEN-COMM", UnitType.COMMUNITY_HEALTH),
                "绿色通道名额", Map.of("A", 10));
        assertThat(IncentiveCalculator.lines(Q3, result("A", "90", 1, null), List.of(rule))).isEmpty();
    }
}
