package org.meridian.indicator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RateIntervalTest {

    private static Scorecard.Explanation why(String formula, Map<String, BigDecimal> inputs) {
        return new Scorecard.Explanation(formula, inputs, "", BigDecimal.ONE, null);
    }

    @Test
    void threeArrivalsOfFourReferralsByHand() {
        // x = 3, n = 4, z = 1.96: p = 0.75, z² = 3.8415, z²/2n = 0.48018, 1 + z²/n = 1.96036,
        // √(p(1 − p)/n + z²/4n²) = √(0.046875 + 0.060023) = 0.32695, × z = 0.64081;
        // lower = (1.23018 − 0.64081) / 1.96036 = 0.3006, upper = (1.23018 + 0.64081) / 1.96036 = 0.9544
        RateInterval i = RateInterval.of(why("100 * arrivals / referrals",
                Map.of("arrivals", new BigDecimal("3"), "referrals", new BigDecimal("4"))), 30).orElseThrow();
        assertThat(i.trials()).isEqualTo(4);
        assertThat(i.lower().doubleValue()).isCloseTo(30.06, within(0.01));
        assertThat(i.upper().doubleValue()).isCloseTo(95.44, within(0.01));
        assertThat(i.small()).isTrue();
    }

    @Test
    void newcombesPublishedExample() {
        // Newcombe (1998), Statistics in Medicine 17:857–872, Table II: 81 of 263, Wilson 0.2553–0.3662
        RateInterval i = RateInterval.of(why("100 * satisfied / survey_count",
                Map.of("satisfied", new BigDecimal("81"), "survey_count", new BigDecimal("263"))), 30).orElseThrow();
        assertThat(i.lower().doubleValue()).isCloseTo(25.53, within(0.005));
        assertThat(i.upper().doubleValue()).isCloseTo(36.62, within(0.005));
        assertThat(i.small()).isFalse();
    }

    @Test
    void smallBelowTheThresholdOnly() {
        assertThat(RateInterval.of(why("100 * arrivals / referrals",
                Map.of("arrivals", new BigDecimal("20"), "referrals", new BigDecimal("29"))), 30).orElseThrow().small())
                .isTrue();
        assertThat(RateInterval.of(why("100 * arrivals / referrals",
                Map.of("arrivals", new BigDecimal("20"), "referrals", new BigDecimal("30"))), 30).orElseThrow().small())
                .isFalse();
        // 0 turns the mark off
        assertThat(RateInterval.of(why("100 * arrivals / referrals",
                Map.of("arrivals", new BigDecimal("1"), "referrals", new BigDecimal("2"))), 0).orElseThrow().small())
                .isFalse();
    }

    @Test
    void otherShapesAndNonCountsGetNoInterval() {
        Map<String, BigDecimal> in = Map.of("response_hours_sum", new BigDecimal("2"), "accepted", BigDecimal.ONE,
                "complaints", BigDecimal.ONE, "arrivals", new BigDecimal("4"));
        assertThat(RateInterval.of(why("response_hours_sum / accepted", in), 30)).isEmpty();
        assertThat(RateInterval.of(why("1000 * complaints / arrivals", in), 30)).isEmpty();
        // no data (n = 0), more successes than trials, fractions: not a proportion
        assertThat(RateInterval.of(why("100 * arrivals / referrals",
                Map.of("arrivals", BigDecimal.ZERO, "referrals", BigDecimal.ZERO)), 30)).isEmpty();
        assertThat(RateInterval.of(why("100 * arrivals / referrals",
                Map.of("arrivals", new BigDecimal("5"), "referrals", new BigDecimal("4"))), 30)).isEmpty();
        assertThat(RateInterval.of(why("100 * arrivals / referrals",
                Map.of("arrivals", new BigDecimal("1.5"), "referrals", new BigDecimal("4"))), 30)).isEmpty();
    }

    private static final String NPS = "100 * (promoters - detractors) / nps_count";

    private static Map<String, BigDecimal> answers(int promoters, int detractors, int n) {
        return Map.of("promoters", BigDecimal.valueOf(promoters), "detractors", BigDecimal.valueOf(detractors),
                "nps_count", BigDecimal.valueOf(n));
    }

    @Test
    void theNetPromoterScoreGetsItsStandardErrorAndA95PercentBand() {
        // 50 promoters, 30 passives, 20 detractors of 100: p⁺ = 0.5, p⁻ = 0.2, NPS = 30;
        // variance = (p⁺ + p⁻ − (p⁺ − p⁻)²)/n = (0.7 − 0.09)/100 = 0.0061, SE = 100·√0.0061 = 7.8102 (the calculator's
        // documented example, docs/insight.md); band 30 ± 1.96·7.8102 = 30 ± 15.3078 → 14.692 to 45.308
        RateInterval i = RateInterval.of(why(NPS, answers(50, 20, 100)), 30).orElseThrow();
        assertThat(i.net()).isTrue();
        assertThat(i.trials()).isEqualTo(100);
        assertThat(i.standardError().doubleValue()).isCloseTo(7.8102, within(0.0001));
        assertThat(i.lower().doubleValue()).isCloseTo(14.692, within(0.001));
        assertThat(i.upper().doubleValue()).isCloseTo(45.308, within(0.001));
        assertThat(i.small()).isFalse();
    }

    @Test
    void aNetPromoterScoreOfTenAnswersIsASmallSampleWithAWideBand() {
        // 5, 3, 2 of 10: NPS 30, variance (0.7 − 0.09)/10 = 0.061, SE = 100·√0.061 = 24.698;
        // band 30 ± 1.96·24.698 = 30 ± 48.408 → −18.408 to 78.408; n = 10 < 30
        RateInterval i = RateInterval.of(why(NPS, answers(5, 2, 10)), 30).orElseThrow();
        assertThat(i.standardError().doubleValue()).isCloseTo(24.698, within(0.001));
        assertThat(i.lower().doubleValue()).isCloseTo(-18.408, within(0.001));
        assertThat(i.upper().doubleValue()).isCloseTo(78.408, within(0.001));
        assertThat(i.small()).isTrue();
    }

    @Test
    void theBandStaysOnTheScale() {
        // 9 promoters, 1 passive of 10: NPS 90, variance (0.9 − 0.81)/10 = 0.009, SE = 9.4868;
        // 90 + 1.96·9.4868 = 108.59 is cut to 100, the lower end 90 − 18.594 = 71.406 stays
        RateInterval cut = RateInterval.of(why(NPS, answers(9, 0, 10)), 30).orElseThrow();
        assertThat(cut.upper().doubleValue()).isEqualTo(100.0);
        assertThat(cut.lower().doubleValue()).isCloseTo(71.406, within(0.001));
        // all four promoters: 100 with standard error 0, a band of width 0
        RateInterval all = RateInterval.of(why(NPS, answers(4, 0, 4)), 30).orElseThrow();
        assertThat(all.standardError().doubleValue()).isZero();
        assertThat(all.lower().doubleValue()).isEqualTo(100.0);
        assertThat(all.upper().doubleValue()).isEqualTo(100.0);
    }

    @Test
    void onlyTheNetShareShapeOfCountsIsAnNps() {
        Map<String, BigDecimal> in = answers(5, 2, 10);
        // written with parentheses around the parts: the same shape
        assertThat(RateInterval.of(why("(100 * (promoters - detractors)) / (nps_count)", in), 30)).isPresent();
        // other formulas of the same measures: no standard error is claimed
        assertThat(RateInterval.of(why("100 * promoters - detractors / nps_count", in), 30)).isEmpty();
        assertThat(RateInterval.of(why("100 * (promoters + detractors) / nps_count", in), 30)).isEmpty();
        assertThat(RateInterval.of(why("100 * (promoters - promoters) / nps_count", in), 30)).isEmpty();
        assertThat(RateInterval.of(why("50 * (promoters - detractors) / nps_count", in), 30)).isEmpty();
        // no answers, more promoters and detractors than answers, fractions
        assertThat(RateInterval.of(why(NPS, answers(0, 0, 0)), 30)).isEmpty();
        assertThat(RateInterval.of(why(NPS, answers(6, 5, 10)), 30)).isEmpty();
        assertThat(RateInterval.of(why(NPS, Map.of("promoters", new BigDecimal("2.5"), "detractors",
                BigDecimal.ONE, "nps_count", BigDecimal.TEN)), 30)).isEmpty();
    }
}
