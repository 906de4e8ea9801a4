package org.meridian.evaluation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.scoring.Scorecard;

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
}
